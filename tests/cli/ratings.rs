//! `analyze agreement` and `analyze strategy`, run as subprocesses on the embedded sample and on
//! small files computed by hand: tables, JSON shapes and errors.

#![cfg(feature = "csv")]

use crate::support::{Run, fails_with as fails, file, json_of, quiet as ok, run_example};
use prioritize::Backlog;
use prioritize::analysis::strategy;
use serde_json::json;

fn analyze(args: &[&str]) -> Run {
    run_example("analyze", args, "")
}

/// A: effort 2..8 (spread 6/8); B: confidence by three raters, 0.25..0.75 (spread 0.5 of 0..=1);
/// C: reach all 100 (spread 0). Raters po (weight 2), pm, eng.
const RATED: &str = r#"{
  "raters": [{"id": "po", "weight": 2}, {"id": "pm"}, {"id": "eng"}],
  "items": [
    {"id": "C", "title": "c", "reach": {"ratings": {"po": 100, "pm": 100}}},
    {"id": "B", "title": "b", "confidence": {"ratings": {"eng": 0.25, "po": 0.5, "pm": 0.75}}},
    {"id": "A", "title": "a", "effort": {"ratings": {"po": 2, "eng": 8}}}
  ]
}"#;

#[test]
fn agreement_table_marks_the_spreads_worth_a_conversation() {
    let path = file("rated.json", RATED);
    let table = analyze(&["agreement", &path]);
    assert_eq!(
        ok(&table),
        "2 of 3 rated fields spread 0.5 or more (marked !): worth a conversation; values are the mean\n\
         \n\
         !  id  field       spread  value   min   max  ratings\n\
         -  --  ----------  ------  -----  ----  ----  -------------------------\n\
         !  A   effort        0.75      4     2     8  po 2, eng 8\n\
         !  B   confidence    0.50    0.5  0.25  0.75  po 0.5, pm 0.75, eng 0.25\n\
         \x20  C   reach         0.00    100   100   100  po 100, pm 100\n"
    );
    // A lower threshold marks more; a higher one fewer.
    let low = analyze(&["agreement", &path, "--threshold", "0"]);
    assert!(ok(&low).starts_with("3 of 3 rated fields spread 0 or more"), "{low:?}");
    let high = analyze(&["agreement", "--threshold=0.8", &path]);
    assert!(ok(&high).starts_with("0 of 3 rated fields spread 0.8 or more"), "{high:?}");
    assert!(!high.stdout.lines().skip(3).any(|line| line.starts_with('!')), "{high:?}");
}

#[test]
fn agreement_json_by_hand() {
    let path = file("rated-json.json", RATED);
    let run = analyze(&["agreement", &path, "--format", "json"]);
    let report = json_of(&run);
    assert_eq!(report["aggregate"], "mean");
    assert_eq!(
        report["items"],
        json!([
            // (2 · 2 + 8) / 3 = 4.
            {"id": "A", "field": "effort", "spread": 0.75, "value": 4.0, "min": 2.0, "max": 8.0,
             "ratings": {"po": 2.0, "eng": 8.0}},
            // (2 · 0.5 + 0.75 + 0.25) / 4 = 0.5.
            {"id": "B", "field": "confidence", "spread": 0.5, "value": 0.5, "min": 0.25, "max": 0.75,
             "ratings": {"po": 0.5, "pm": 0.75, "eng": 0.25}},
            {"id": "C", "field": "reach", "spread": 0.0, "value": 100.0, "min": 100.0, "max": 100.0,
             "ratings": {"po": 100.0, "pm": 100.0}},
        ])
    );
    // Ratings are listed in the order the raters are declared, not as written.
    assert!(run.stdout.contains("\"po\": 0.5,\n        \"pm\": 0.75,\n        \"eng\": 0.25"), "{run:?}");
}

#[test]
fn agreement_on_the_sample() {
    let report = json_of(&analyze(&["agreement", "--format", "json"]));
    let rows: Vec<(&str, &str, f64)> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["id"].as_str().expect("id"),
                i["field"].as_str().expect("field"),
                i["spread"].as_f64().expect("spread"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("USG-1", "effort", 8.0 / 12.0),
            ("DUN-1", "confidence", 0.5),
            ("PORT-1", "reach", 1000.0 / 3000.0),
            ("TAX-1", "confidence", 0.0),
        ]
    );
    let table = analyze(&["agreement"]);
    assert!(ok(&table).starts_with("2 of 4 rated fields spread 0.5 or more (marked !)"), "{table:?}");
    assert!(
        table
            .stdout
            .contains("\n!  DUN-1   confidence    0.50    0.5  0.25  0.75  po 0.5, pm 0.75, eng 0.25\n")
    );
    // No ratings in CSV: nothing to agree on.
    let csv = format!("{}/examples/data/backlog.csv", env!("CARGO_MANIFEST_DIR"));
    assert!(ok(&analyze(&["agreement", &csv])).starts_with("no rated fields"));
    assert_eq!(json_of(&analyze(&["agreement", &csv, "--format", "json"]))["items"], json!([]));
}

#[test]
fn the_samples_disagreement_changes_the_top_three() {
    // DUN-1's confidence rated 0.25..0.75 (mean 0.5): 1800 · 3 · conf / 2 spans 675..2025, past
    // CPN-1 (1750) and INV-1 (1500), which is no longer certain to stay in the top 3.
    let run = analyze(&["sensitivity", "--top", "3"]);
    assert!(ok(&run).contains("\ntop 3: certainly CHK-1, CPN-1; possibly INV-1, DUN-1\n"), "{run:?}");
    let report = json_of(&analyze(&["sensitivity", "--format", "json"]));
    let dun = report["items"].as_array().expect("items").iter().find(|i| i["id"] == "DUN-1").expect("DUN-1");
    assert_eq!((dun["min_score"].as_f64(), dun["max_score"].as_f64()), (Some(675.0), Some(2025.0)));
    assert_eq!(dun["varied"], json!(["confidence"]));
}

/// Alignments in backlog order: A 0.2, B 0.9, C 0.5, D none, E 0.5 (see `tests/analysis/strategy.rs`).
const ALIGNED: &str = r#"[
  {"id": "A", "title": "quick fix", "alignment": 0.2},
  {"id": "B", "title": "the objective", "alignment": 0.9},
  {"id": "C", "title": "c", "alignment": 0.5},
  {"id": "D", "title": "unaligned", "effort": 1},
  {"id": "E", "title": "e", "alignment": 0.5}
]"#;

#[test]
fn strategy_by_hand() {
    let path = file("aligned.json", ALIGNED);
    let report = json_of(&analyze(&["strategy", &path, "--format", "json"]));
    // Strategic positions in backlog order 4, 1, 2, 5, 3: 6 concordant pairs, 4 discordant.
    assert_eq!(report["kendall_tau_b"], 0.2);
    assert_eq!(
        report["items"][1],
        json!({"id": "B", "title": "the objective", "backlog_position": 2, "strategic_position": 1,
               "shift": -1, "alignment": 0.9})
    );
    let shifts: Vec<(&str, i64)> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| (i["id"].as_str().expect("id"), i["shift"].as_i64().expect("shift")))
        .collect();
    assert_eq!(shifts, [("A", 3), ("B", -1), ("C", -1), ("D", 1), ("E", -2)]);

    let table = analyze(&["strategy", &path, "--top", "2"]);
    assert_eq!(
        ok(&table),
        "backlog order vs strategy (alignment): kendall tau-b 0.200 (1 = the same order, -1 = reversed)\n\
         \n\
         ahead of the strategy: earlier in the backlog than their alignment would put them\n\
         id  title      backlog  strategic  shift  alignment\n\
         --  ---------  -------  ---------  -----  ---------\n\
         A   quick fix        1          4     +3        0.2\n\
         D   unaligned        4          5     +1          0\n\
         \n\
         behind the strategy: later in the backlog than their alignment would put them\n\
         id  title          backlog  strategic  shift  alignment\n\
         --  -------------  -------  ---------  -----  ---------\n\
         E   e                    5          3     -2        0.5\n\
         B   the objective        2          1     -1        0.9\n"
    );
}

#[test]
fn strategy_on_the_sample() {
    let run = analyze(&["strategy", "--format", "json"]);
    let report = json_of(&run);
    let sample = format!("{}/examples/data/backlog.json", env!("CARGO_MANIFEST_DIR"));
    let backlog: Backlog =
        serde_json::from_str(&std::fs::read_to_string(sample).expect("sample")).expect("valid sample");
    assert_eq!(report, serde_json::to_value(strategy(&backlog)).expect("serializable"));
    // The strategy's first item waits at 17; compliance Must Haves, which the objectives weigh
    // least, and a quick invoice feature come early.
    let quo = &report["items"][16];
    assert_eq!(
        (quo["id"].as_str(), quo["strategic_position"].as_u64(), quo["shift"].as_i64()),
        (Some("QUO-1"), Some(1), Some(-16))
    );
    let table = analyze(&["strategy", "--top", "3"]);
    let text = ok(&table);
    for row in [
        "SCA-1  3-D Secure 2 for strong customer authentication        4         17    +13      0.125",
        "INV-1  PDF invoices with custom branding                      7         16     +9      0.188",
        "QUO-1   Sales quotes with e-signature         17          1    -16      0.688",
    ] {
        assert!(text.contains(row), "{row}\n{text}");
    }
    let tau = report["kendall_tau_b"].as_f64().expect("defined");
    assert!(
        text.starts_with(&format!("backlog order vs strategy (alignment): kendall tau-b {tau:.3} ")),
        "{text}"
    );
    // Both tables fit a 100-column terminal.
    let agreement = analyze(&["agreement"]);
    assert!(text.lines().chain(ok(&agreement).lines()).all(|line| line.chars().count() <= 100), "{text}");
    // A CSV backlog carries alignments too.
    let csv = format!("{}/examples/data/backlog.csv", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(json_of(&analyze(&["strategy", &csv, "--format", "json"])), report);
}

#[test]
fn errors_name_the_file_item_field_and_rater() {
    let undeclared = file(
        "undeclared.json",
        r#"{"raters": [{"id": "po"}], "items": [{"id": "A", "impact": {"ratings": {"po": 1, "qa": 2}}}]}"#,
    );
    fails(
        &analyze(&["agreement", &undeclared]),
        &format!(r#"{undeclared}: item "A": impact rating by "qa" names no declared rater (raters: po)"#),
    );
    let outside = file("outside.json", r#"[{"id": "A", "confidence": {"ratings": {"po": 0.5, "pm": 80}}}]"#);
    fails(
        &analyze(&["strategy", &outside]),
        &format!(
            r#"{outside}: item "A": confidence rating 80 by "pm" is outside 0..=1 (write 0.8 for 80 %)"#
        ),
    );
    fails(&analyze(&["agreement", "--framework", "rice"]), "option --framework does not apply to agreement");
    fails(&analyze(&["strategy", "--threshold", "0.5"]), "option --threshold does not apply to strategy");
    fails(&analyze(&["agreement", "--top", "3"]), "option --top does not apply to agreement");
    fails(
        &analyze(&["agreement", "--threshold", "-1"]),
        "option --threshold: -1 is outside the finite numbers >= 0",
    );
    fails(&analyze(&["agreement", "--threshold", "x"]), r#"option --threshold: "x" is not a number >= 0"#);
    fails(&analyze(&["strategy", "--format", "csv"]), r#"option --format: "csv" is not one of table, json"#);
}

#[test]
fn a_config_file_declares_raters_and_the_aggregate() {
    let config = file(
        "raters-config.json",
        r#"{"raters": [{"id": "po", "weight": 3}, {"id": "eng"}], "aggregate": "median"}"#,
    );
    let backlog =
        file("rated-by-config.json", r#"[{"id": "A", "effort": {"ratings": {"po": 2, "eng": 8}}}]"#);
    let report = json_of(&analyze(&["agreement", &backlog, "--config", &config, "--format", "json"]));
    // 2 (weight 3 of 4) reaches half the weight: the median is 2.
    assert_eq!(report["aggregate"], "median");
    assert_eq!(
        (report["items"][0]["value"].as_f64(), report["items"][0]["spread"].as_f64()),
        (Some(2.0), Some(0.75))
    );
    let twice = file("raters-twice.json", r#"{"raters": [{"id": "po"}], "items": []}"#);
    fails(
        &analyze(&["strategy", &twice, "--config", &config]),
        &format!(r#"{twice}: section "raters" is given both in the configuration and in the backlog"#),
    );
    // compare and consensus read their input with the configuration too.
    for subcommand in ["compare", "consensus"] {
        let run = analyze(&[
            subcommand,
            &backlog,
            "--config",
            &config,
            "--frameworks",
            "rice,wsjf",
            "--format",
            "json",
        ]);
        assert_eq!(json_of(&run)["frameworks"], json!(["rice", "wsjf"]));
        let undeclared =
            file("undeclared-by-config.json", r#"[{"id": "A", "effort": {"ratings": {"pm": 2}}}]"#);
        let run = analyze(&[subcommand, &undeclared, "--config", &config]);
        fails(
            &run,
            &format!(
                r#"{undeclared}: item "A": effort rating by "pm" names no declared rater (raters: po, eng)"#
            ),
        );
    }
}
