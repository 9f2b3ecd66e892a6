//! The tables of `rank`, `plan` and `analyze`, run as subprocesses: any input length renders
//! without a panic, control characters are shown escaped, and wide (CJK) characters count two
//! columns.

#![cfg(feature = "csv")]

use crate::support::{file, ok, run_example};
use unicode_width::UnicodeWidthStr;

/// A 65,536-character id (past `u16`, where a format width panics), a title with an escape
/// sequence, a newline, a carriage return and an id with a tab, a CJK title, and an unscored item
/// whose id clears the screen.
fn backlog() -> String {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| file("tables.json", &backlog_text())).clone()
}

/// [`backlog`] with the long id's reach down from 100 to 1, so it moves to the end.
fn next_backlog() -> String {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        file("tables-next.json", &backlog_text().replacen(r#""reach": 100"#, r#""reach": 1"#, 1))
    })
    .clone()
}

fn backlog_text() -> String {
    let long = format!("L{}", "X".repeat(65_535));
    format!(
        r#"[
  {{"id": "{long}", "title": "Long id", "reach": 100, "impact": 1, "confidence": 1, "effort": 1,
    "business_value": 5, "time_criticality": 1, "risk_reduction": 1, "moscow": "must"}},
  {{"id": "ESC-1", "title": "\u001b[31mred\u001b[0m\nnext\r", "reach": 50, "impact": 1, "confidence": 1,
    "effort": 1, "business_value": 3, "time_criticality": 1, "risk_reduction": 1, "moscow": "should",
    "depends_on": ["{long}"]}},
  {{"id": "CJK-1", "title": "一键结账", "reach": 20, "impact": 1, "confidence": 1, "effort": 1,
    "business_value": 1, "time_criticality": 1, "risk_reduction": 1, "moscow": "could"}},
  {{"id": "U-2J", "title": "unscored\u001b[2J", "moscow": "could"}}
]"#
    )
}

/// Every line of a table (its columns are two spaces apart) fits 100 terminal columns, no other
/// line holds a whole long id, and no control character reaches the terminal.
#[track_caller]
fn fits(out: &str) {
    for line in out.lines() {
        let limit = if line.contains("  ") { 100 } else { 150 };
        assert!(line.width() <= limit, "{} columns: {line}", line.width());
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
}

#[test]
fn rank_table_shortens_a_65536_character_id_in_the_middle_and_escapes_control_characters() {
    let run = run_example("rank", &[&backlog()], "");
    let out = ok(&run);
    assert_eq!(
        out,
        format!(
            "\
pos  rank  id                        title                        score  reach  impact  conf  effort
---  ----  ------------------------  ---------------------------  -----  -----  ------  ----  ------
  1     1  L{x}…{x}XX  Long id                        100    100       1     1       1
  2     2  ESC-1                     \\u{{1b}}[31mred\\u{{1b}}[0m\\nne…     50     50       1     1       1
  3     3  CJK-1                     一键结账                        20     20       1     1       1

unscored: these items lack fields rice needs (unscored is not zero)
id    missing
----  ---------------------------------
U-2J  reach, impact, confidence, effort
",
            x = "X".repeat(10)
        )
    );
    fits(out);
}

#[test]
fn every_table_survives_the_65536_character_id() {
    let path = backlog();
    let runs: [(&str, &[&str]); 9] = [
        ("rank", &["--respect-dependencies", "--framework", "wsjf"]),
        ("rank", &["--framework", "moscow", "--then", "rice", "--pin", "CJK-1=1"]),
        ("plan", &["--capacity", "3", "--periods", "2,rest"]),
        ("analyze", &["sensitivity"]),
        ("analyze", &["explain"]),
        ("analyze", &["compare"]),
        ("analyze", &["consensus"]),
        ("analyze", &["diff", "--top", "1"]),
        ("rank", &["--format", "json"]),
    ];
    for (example, args) in runs {
        let next = next_backlog();
        let mut all = args.to_vec();
        if args[0] == "diff" {
            // OLD and NEW right after diff.
            all.splice(1..1, [path.as_str(), &next]);
        } else {
            all.push(&path);
        }
        let run = run_example(example, &all, "");
        assert_eq!(run.status, 0, "{example} {args:?}: {}", run.stderr);
        if !args.contains(&"json") {
            fits(&run.stdout);
            // The id, cut to a few dozen columns (24 in the id columns of `rank` and `plan`).
            assert!(run.stdout.contains(&format!("L{}", "X".repeat(10))), "{example} {args:?}");
            assert!(run.stdout.contains("X…"), "{example} {args:?}");
        }
    }
}

#[test]
fn ids_in_lines_of_text_are_escaped_and_shortened() {
    let run = run_example("analyze", &["sensitivity", &backlog(), "--top", "2"], "");
    let out = ok(&run);
    fits(out);
    assert!(
        out.contains(&format!("\ntop 2: certainly L{}…, ESC-1; possibly none\n", "X".repeat(38))),
        "{out}"
    );
    assert!(out.ends_with("unscored: U-2J lacks reach, impact, confidence, effort\n"), "{out}");
}

#[test]
fn wide_characters_count_two_columns() {
    let titles = [
        "一键结账",
        "面向回头客的一键结账与保存的银行卡以及发票和税务的全部功能说明文字很长很长很长很长很长很长很长",
        "Café ☕ checkout",
    ];
    let items: Vec<String> = titles
        .iter()
        .enumerate()
        .map(|(index, title)| {
            format!(
                r#"{{"id": "W-{index}", "title": "{title}", "reach": {}, "impact": 1, "confidence": 1, "effort": 1}}"#,
                30 - index * 10
            )
        })
        .collect();
    let path = file("wide.json", &format!("[{}]", items.join(",")));
    let run = run_example("rank", &[&path, "--alignment-weight", "0.5"], "");
    let out = ok(&run);
    // The title column is what 100 columns leave: 35, the long CJK title cut to 17 characters
    // (34 columns) and `…`; the coffee cup is wide too.
    assert_eq!(
        out,
        "\
pos  rank  id   title                                score  reach  impact  conf  effort  rice  align
---  ----  ---  -----------------------------------  -----  -----  ------  ----  ------  ----  -----
  1     1  W-0  一键结账                                15     30       1     1       1    30      0
  2     2  W-1  面向回头客的一键结账与保存的银行卡…     10     20       1     1       1    20      0
  3     3  W-2  Café ☕ checkout                         5     10       1     1       1    10      0
"
    );
    let widths: Vec<usize> = out.lines().map(UnicodeWidthStr::width).collect();
    assert_eq!(widths, [100; 5]);
}

#[test]
fn numbers_past_10_to_the_15_are_written_in_scientific_notation() {
    let path = file(
        "huge.json",
        r#"[{"id": "H", "title": "huge", "reach": 1.5e300, "impact": 1, "confidence": 1, "effort": 3}]"#,
    );
    let run = run_example("rank", &[&path], "");
    assert_eq!(
        ok(&run),
        "\
pos  rank  id  title  score    reach  impact  conf  effort
---  ----  --  -----  -----  -------  ------  ----  ------
  1     1  H   huge   5e299  1.5e300       1     1       3
"
    );
}

/// An item without a declared criterion that the scorecard needs: the `rank` and `plan` tables
/// name the criterion as the backlog does, as JSON does.
#[test]
fn tables_name_a_missing_criterion_by_its_id() {
    let path = file(
        "criterion-missing.json",
        r#"{"criteria": [{"id": "revenue"}, {"id": "legal_risk", "direction": "cost"}],
  "scorecards": {"value": {"criteria": {"revenue": 2, "legal_risk": 1}}},
  "items": [{"id": "A", "revenue": 3, "legal_risk": 1, "effort": 1}, {"id": "B", "effort": 1}]}"#,
    );
    for (example, options) in [("rank", &[][..]), ("plan", &["--capacity", "5"][..])] {
        let args: Vec<&str> =
            ["--scorecard", "value"].iter().chain(options).copied().chain([path.as_str()]).collect();
        let run = run_example(example, &args, "");
        let table = ok(&run);
        assert!(table.contains("revenue, legal_risk"), "{example}: {table}");
        assert!(!table.contains("criterion #"), "{example}: {table}");
    }
}

/// An input is a column even where it equals the score (reach 100 · 1 · 1 / 1 is 100), however
/// long the ids.
#[test]
fn an_input_that_equals_the_score_keeps_its_column() {
    let long = "X".repeat(100);
    let path = file(
        "reach-is-score.json",
        &format!(
            r#"[{{"id": "{long}", "title": "t", "reach": 100, "impact": 1, "confidence": 1, "effort": 1}}]"#
        ),
    );
    let table = ok(&run_example("rank", &[&path], "")).to_owned();
    let header = table.lines().next().unwrap_or_default();
    assert!(header.ends_with("score  reach  impact  conf  effort"), "{table}");
    fits(&table);
}

/// A long id keeps the table's columns: the id cell keeps its start and end around `…` within 24
/// columns, and an input equal to the score (reach, with impact, confidence and effort 1) is
/// still shown, whatever the id's length.
#[test]
fn a_long_id_is_shortened_in_the_middle_and_keeps_every_column() {
    for length in [25, 100, 100_000] {
        let id = format!("START-{}-END", "x".repeat(length - 10));
        let path = file(
            &format!("long-id-{length}.json"),
            &format!(
                r#"[{{"id": "{id}", "title": "Long", "reach": 5, "impact": 1, "confidence": 1, "effort": 1}},
  {{"id": "中文编号很长很长很长很长很长很长很长很长", "title": "Wide", "reach": 3, "impact": 1, "confidence": 1, "effort": 1}},
  {{"id": "U", "title": "unscored"}}]"#
            ),
        );
        let run = run_example("rank", &[&path], "");
        let out = ok(&run);
        fits(out);
        let mut lines = out.lines();
        assert_eq!(
            lines.next(),
            Some("pos  rank  id                        title  score  reach  impact  conf  effort"),
            "{length}: {out}"
        );
        lines.next();
        let first = lines.next().expect("a first row");
        let cell = first.split("  ").find(|cell| cell.starts_with("START")).expect("the id cell");
        assert_eq!(cell, format!("START-{}…{}-END", "x".repeat(5), "x".repeat(8)), "{length}: {out}");
        assert_eq!(cell.width(), 24);
        let second = lines.next().expect("a second row");
        // 23 columns: 5 CJK characters at the start, 6 at the end, none cut in half.
        assert!(second.contains("  中文编号很…很长很长很长   Wide"), "{length}: {second}");
    }
}
