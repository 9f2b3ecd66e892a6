//! The `rank` example, run as a subprocess: every failure exits with status 2, prints nothing on
//! standard output and `error:` lines that name the item and the field.

#![cfg(feature = "csv")]

use crate::support::{fails, file, rank, run_example};

#[test]
fn option_errors_exit_with_status_2() {
    let cases: [(&[&str], &str); 20] = [
        (&["--bogus"], "unknown option --bogus (see --help)"),
        (&["--bogus=1"], "unknown option --bogus (see --help)"),
        (&["-x"], "unknown option -x (see --help)"),
        (&["--framwork", "rice"], "unknown option --framwork (see --help; did you mean --framework?)"),
        (&["--top"], "option --top needs a value"),
        (&["--top", "--strict"], "option --top needs a value"),
        (&["--top="], r#"option --top: "" is not a whole number >= 0"#),
        (
            &["--framework=kano"],
            r#"option --framework: "kano" is not one of rice, wsjf, moscow, ice, cd3, opportunity, pairwise"#,
        ),
        (&["--top", "many"], r#"option --top: "many" is not a whole number >= 0"#),
        (&["--top", "-1"], r#"option --top: "-1" is not a whole number >= 0"#),
        (
            &["--framework", "kano"],
            r#"option --framework: "kano" is not one of rice, wsjf, moscow, ice, cd3, opportunity, pairwise"#,
        ),
        (
            &["--framework", "moscow", "--then", "moscow"],
            r#"option --then: "moscow" is not one of rice, wsjf, ice, cd3, opportunity"#,
        ),
        (&["--then", "rice"], "option --then needs --framework moscow"),
        (&["--format", "xml"], r#"option --format: "xml" is not one of table, json, csv"#),
        (&["--alignment-weight", "1.5"], "option --alignment-weight: 1.5 is outside 0..=1"),
        (&["--capacity", "0"], "option --capacity: 0 is outside the finite numbers > 0"),
        (&["--strict=yes"], r#"option --strict takes no value (got "yes")"#),
        (&["--top", "1", "--top", "2"], "option --top is given twice"),
        (&["--top=1", "--top", "2"], "option --top is given twice"),
        (&["--strict", "--strict"], "option --strict is given twice"),
    ];
    for (args, error) in cases {
        fails(&rank(args), &[error]);
    }
    fails(
        &rank(&["--framework", "moscow", "--alignment-weight", "0.5"]),
        &[
            "option --alignment-weight needs a score to weight: with --framework moscow, add --then (rice, wsjf, ice, cd3 or opportunity)",
        ],
    );
    fails(
        &rank(&["--capacity", "10"]),
        &["option --capacity needs --framework moscow (it is the basis of the 60 % check)"],
    );
    fails(
        &rank(&["a.json", "b.json"]),
        &[r#"unexpected argument "b.json": FILE is already "a.json" (give one FILE)"#],
    );
}

#[test]
fn file_errors_name_the_file() {
    fails(
        &rank(&["backlog.txt"]),
        &[
            r#""backlog.txt" is not a .json or .csv file (give a .json or .csv backlog, - for standard input, or --input-format)"#,
        ],
    );
    let run = rank(&["missing.json"]);
    assert_eq!((run.status, run.stdout.as_str()), (2, ""));
    assert!(run.stderr.starts_with(r#"error: cannot read "missing.json": "#), "{}", run.stderr);
}

/// Where serde_json says a JSON error is: at the bad item's closing brace, at the end of the document for
/// checks between items, nowhere for errors of the ranking.
#[derive(Clone, Copy)]
enum At {
    Item,
    End,
    Ranking,
    Column(usize),
}

/// One bad backlog per error kind, where serde_json places it, and the message.
const JSON_ERRORS: &[(&str, At, &str)] = &[
    (
        r#"[{"id": "A", "title": "a", "confidence": 80}]"#,
        At::Item,
        r#"item "A": confidence 80 is outside 0..=1 (write 0.8 for 80 %)"#,
    ),
    (
        r#"[{"id": "A", "title": "a", "effort": 0}]"#,
        At::Item,
        r#"item "A": effort 0 is outside the finite numbers > 0 (an effort of 0 would make the score infinite)"#,
    ),
    (
        r#"[{"id": "A", "title": "a", "reach": -1}]"#,
        At::Item,
        r#"item "A": reach -1 is outside the finite numbers >= 0"#,
    ),
    (
        r#"[{"id": "A", "title": "a", "moscow": "maybe"}]"#,
        At::Item,
        r#"item "A": moscow "maybe" is not one of must, should, could, wont (or M, S, C, W)"#,
    ),
    (
        r#"[{"id": "A", "title": "a", "impact": "huge"}]"#,
        At::Item,
        r#"item "A": impact "huge" is not a number or one of massive, high, medium, low, minimal"#,
    ),
    (
        r#"[{"id": "A", "title": "a", "depends_on": ["A"]}]"#,
        At::Item,
        r#"item "A": depends_on names the item itself"#,
    ),
    (
        r#"[{"id": "", "title": "Nameless"}]"#,
        At::Item,
        r#"item titled "Nameless": id "" is empty (expected a non-empty string)"#,
    ),
    (
        r#"[{"confidance": 0.8, "id": "A", "title": "a"}]"#,
        At::Item,
        r#"item "A": unknown field "confidance" (expected id, title, reach, impact, confidence, effort, business_value, time_criticality, risk_reduction, ease, cost_of_delay, duration, importance, satisfaction, moscow, alignment, depends_on, tags or a declared criterion)"#,
    ),
    (r#"[{"id": "A", "title": "a", "reach": 1, "reach": 2}]"#, At::Item, r#"item "A": reach is given twice"#),
    (
        r#"[{"id": "A", "title": "a"}, {"id": "A", "title": "b"}]"#,
        At::End,
        r#"item "A": id is used twice, at index 0 and 1 (ids must be unique)"#,
    ),
    (
        r#"[{"id": "A", "title": "a", "depends_on": ["Z"]}]"#,
        At::End,
        r#"item "A": depends_on "Z" names no item in the backlog"#,
    ),
    (
        r#"[{"id": "A", "title": "a", "depends_on": ["B"]}, {"id": "B", "title": "b", "depends_on": ["A"]}]"#,
        At::End,
        r#"item "A": depends_on forms a cycle: "A" -> "B" -> "A""#,
    ),
    (
        r#"{"objectives": [{"id": "growth", "weight": 1}], "items": [{"id": "A", "title": "a", "alignment": {"x": 1}}]}"#,
        At::End,
        r#"item "A": alignment names objective "x", which the backlog does not define"#,
    ),
    (
        r#"{"objectives": [{"id": "g", "weight": 0}], "items": []}"#,
        At::Column(41),
        r#"objective "g": weight 0 is outside the finite numbers > 0"#,
    ),
    (
        r#"{"objectives": [{"id": "g", "weight": 1}, {"id": "g", "weight": 2}], "items": []}"#,
        At::End,
        r#"objective "g": id is used twice (objective ids must be unique)"#,
    ),
    (
        r#"{"objectives": [{"id": "g", "weight": 1}], "items": [{"id": "A", "title": "a", "alignment": {"g": 1, "g": 0.5}}]}"#,
        At::Column(111),
        r#"item "A": alignment names objective "g" twice"#,
    ),
    (
        r#"[{"id": "A", "title": "a", "reach": 1e308, "impact": 3, "confidence": 1, "effort": 0.5}]"#,
        At::Ranking,
        r#"item "A": rice score is inf, which overflows f64 (scale the inputs down)"#,
    ),
];

/// Each error names the item and the field, and starts with the file's name: reading, checking
/// and ranking alike.
#[test]
fn input_errors_name_the_item_and_the_field() {
    for (index, &(backlog, at, error)) in JSON_ERRORS.iter().enumerate() {
        let path = file(&format!("bad-{index}.json"), backlog);
        let expected = match at {
            At::Item => {
                format!("{path}: {error} at line 1 column {}", backlog.find('}').expect("an item") + 1)
            }
            At::End => format!("{path}: {error} at line 1 column {}", backlog.len()),
            At::Column(column) => format!("{path}: {error} at line 1 column {column}"),
            At::Ranking => format!("{path}: {error}"),
        };
        fails(&rank(&[&path]), &[&expected]);
    }
    // A value of the wrong type names the field, and the position the item.
    let path = file("bad-type.json", r#"[{"id": "A", "title": "a", "reach": [1]}]"#);
    fails(
        &rank(&[&path]),
        &[&format!(
            r#"{path}: item "A": reach: expected a number, a text, a range {{"low": .., "high": ..}} or ratings {{"ratings": {{..}}}}, got a list at line 1 column 40"#
        )],
    );
}

#[test]
fn csv_errors_name_the_item_and_field_or_the_line() {
    let cases = [
        ("id,title,confidence\nA,a,80\n", r#"item "A": confidence 80 is outside 0..=1 (write 0.8 for 80 %)"#),
        (
            "id,title,impact\nA,a,huge\n",
            r#"item "A": impact "huge" is not a number or one of massive, high, medium, low, minimal"#,
        ),
        ("id,title,reach\nA,a,lots\n", r#"item "A": reach "lots" is not a number"#),
        ("id,title\nA,a\nA,b\n", r#"item "A": id is used twice, at index 0 and 1 (ids must be unique)"#),
        ("id,title,effort\nA,a,1\nB,b\n", "csv line 3: the row has 2 cells where the header has 3"),
        (
            "key,title\nA,a\n",
            "csv line 1: the header has no id column (expected the interchange field names, such as id,title,reach,impact,confidence,effort, or another tool's export with its preset)",
        ),
        (
            "id,title,effort,effort\nA,a,1,2\n",
            "csv line 1: the header gives effort twice, in columns 3 and 4 (effort takes one value)",
        ),
    ];
    for (index, (backlog, error)) in cases.iter().enumerate() {
        let path = file(&format!("bad-{index}.csv"), backlog);
        fails(&rank(&[&path]), &[&format!("{path}: {error}")]);
    }
}

#[test]
fn an_empty_file_is_an_error_that_says_so() {
    for (name, text) in [("empty.json", ""), ("blank.json", " \n\t\n")] {
        let path = file(name, text);
        fails(&rank(&[&path]), &[&format!("{path}: the file is empty (write [] for a backlog of no items)")]);
    }
    for (name, text) in [("empty.csv", ""), ("blank.csv", "\n\r\n  \n")] {
        let path = file(name, text);
        fails(
            &rank(&[&path]),
            &[&format!(
                "{path}: the file is empty (write a header row such as id,title for a backlog of no items)"
            )],
        );
    }
    fails(
        &run_example("rank", &["-"], "\n"),
        &["standard input: the input is empty (write [] for a backlog of no items)"],
    );
    // What the messages advise is an empty backlog, ranked to an empty table.
    for (name, text) in [("no-items.json", "[]"), ("no-items.csv", "id,title\n")] {
        let run = rank(&[&file(name, text)]);
        assert_eq!(
            (run.status, run.stdout.as_str(), run.stderr.as_str()),
            (0, "pos  rank  id  title\n---  ----  --  -----\n", "")
        );
    }
    // Blank lines before the header are still read, and errors keep their line numbers.
    let path = file("leading-blank.csv", "\n\nid,title,reach\nA,a,lots\n");
    fails(&rank(&[&path]), &[&format!(r#"{path}: item "A": reach "lots" is not a number"#)]);
    let path = file("leading-blank-rows.csv", "\nid,title,effort\nA,a,1\nB,b\n");
    fails(&rank(&[&path]), &[&format!("{path}: csv line 4: the row has 2 cells where the header has 3")]);
}

#[test]
fn errors_of_planning_name_the_file() {
    let path = file(
        "pins.json",
        r#"[{"id": "A", "title": "a", "reach": 1, "impact": 1, "confidence": 1, "effort": 1},
            {"id": "B", "title": "b", "reach": 9, "impact": 1, "confidence": 1, "effort": 1, "depends_on": ["A"]}]"#,
    );
    fails(
        &rank(&[&path, "--respect-dependencies", "--pin", "B=1"]),
        &[&format!(r#"{path}: item "B": pin to position 1 would place "B" before "A", which it depends on"#)],
    );
    fails(
        &rank(&[&path, "--pin", "Z=1"]),
        &[&format!(
            r#"{path}: item "Z": pin to position 1 is invalid: the order holds no such item (an unknown id, or unscored with nothing depending on it)"#
        )],
    );
}

#[test]
fn csv_on_standard_input_and_byte_order_marks_are_read_or_explained() {
    // CSV piped into standard input, which is read as JSON: the error says what to give.
    fails(
        &run_example("rank", &["-"], "id,title,reach\nA,a,1\n"),
        &["standard input: expected value at line 1 column 1 (standard input is read as JSON; give \
           --input-format csv for CSV)"],
    );
    let piped = run_example("rank", &["-", "--input-format", "csv"], "id,title,reach\nA,a,1\n");
    assert_eq!(piped.status, 0, "{}", piped.stderr);
    // A backlog and a configuration saved with a byte order mark, as Windows Notepad saves them.
    let backlog = file("bom.json", "\u{feff}[{\"id\": \"A\", \"title\": \"a\", \"revenue\": 2}]");
    let config = file("bom-config.json", "\u{feff}{\"criteria\": [{\"id\": \"revenue\"}]}");
    let run = rank(&[&backlog, "--config", &config, "--formula", "revenue"]);
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{}", run.stdout);
}
