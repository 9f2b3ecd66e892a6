//! Judgments on the command line: `--framework pairwise` and `--prior` over a backlog's votes,
//! comparisons that weight objectives and scorecards, and what `analyze` says of them.

use crate::support::{fails, file, json_of, ok, quiet, rank, run_example};

fn judgments() -> String {
    format!("{}/examples/data/judgments.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn pairwise_ranks_by_the_votes() {
    let table = quiet(&rank(&[&judgments(), "--framework", "pairwise"])).to_owned();
    let rows: Vec<Vec<&str>> =
        table.lines().skip(2).take(5).map(|line| line.split_whitespace().collect()).collect();
    // Position, rank, id, then the score and the weighted wins and losses.
    let ids: Vec<&str> = rows.iter().map(|row| row[2]).collect();
    assert_eq!(ids, ["CHK-1", "TAX-1", "AUTH-2", "AUD-1", "SCA-1"], "{table}");
    assert_eq!(rows[0][rows[0].len() - 2..], ["7", "1"], "{table}");
    assert!(table.contains("\nDUN-1  votes\n"), "{table}");
    let value = json_of(&rank(&[&judgments(), "--framework", "pairwise", "--format", "json"]));
    let total: f64 =
        value["ranking"].as_array().expect("a list").iter().filter_map(|e| e["score"].as_f64()).sum();
    assert!((total - 1.0).abs() < 1e-9, "{value}");
    assert_eq!(value["unscored"][0]["missing"], serde_json::json!(["votes"]));
}

#[test]
fn a_prior_is_needed_when_the_votes_have_no_maximum() {
    let path = file(
        "one-sided-votes.json",
        r#"{"votes": [["A", "B"], ["B", "C"], ["C", "B"]], "items": [{"id": "A"}, {"id": "B"}, {"id": "C"}]}"#,
    );
    fails(
        &rank(&[&path, "--framework", "pairwise"]),
        &[&format!(
            "{path}: the votes give no strengths: \"A\" never lost (give a prior, such as 1, to rank them anyway)"
        )],
    );
    let value = json_of(&rank(&[&path, "--framework", "pairwise", "--prior", "1", "--format", "json"]));
    assert_eq!(value["ranking"][0]["id"], "A");
    fails(&rank(&[&path, "--prior", "1"]), &["option --prior needs --framework pairwise"]);
    let run = rank(&[&path, "--framework", "pairwise", "--prior", "0"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("\"0\" is not a finite number > 0"), "{run:?}");
}

#[test]
fn inconsistent_comparisons_are_warned_about() {
    let path = file(
        "inconsistent.json",
        r#"{"objectives": [{"id": "growth"}, {"id": "retention"}, {"id": "cost"}],
            "comparisons": {"objectives": [["growth", "retention", 3], ["retention", "cost", 3], ["growth", "cost", "1/3"]]},
            "items": [{"id": "A", "reach": 1, "impact": 1, "confidence": 1, "effort": 1, "alignment": {"growth": 1}}]}"#,
    );
    let run = rank(&[&path]);
    ok(&run);
    assert_eq!(
        run.stderr,
        format!(
            "warning: {path}: comparisons \"objectives\" are inconsistent (consistency ratio 1.149, over 0.1); \
             \"growth\" against \"cost\" disagrees most with the weights\n"
        )
    );
    // Consistent ones are not.
    quiet(&rank(&[&judgments()]));
}

#[test]
fn sensitivity_and_explain_say_why_pairwise_varies_nothing() {
    let analyze =
        |command: &str| run_example("analyze", &[command, &judgments(), "--framework", "pairwise"], "");
    let explain = analyze("explain");
    ok(&explain);
    assert_eq!(
        explain.stderr,
        "warning: pairwise scores come from the votes, not from item fields: no change of a field passes an \
         item, votes for it can\n"
    );
    let sensitivity = analyze("sensitivity");
    assert!(
        ok(&sensitivity).contains("top 5: certainly CHK-1, TAX-1, AUTH-2, AUD-1, SCA-1"),
        "{sensitivity:?}"
    );
    assert!(
        sensitivity.stderr.starts_with("warning: pairwise scores come from the votes"),
        "{sensitivity:?}"
    );
}

#[test]
fn a_configuration_brings_votes_to_a_csv_backlog() {
    let config = file("votes-config.json", r#"{"votes": [["B", "A"], ["A", "B"], ["B", "A"]]}"#);
    let csv = file("votes.csv", "id,title\nA,first\nB,second\n");
    let value = json_of(&rank(&[&csv, "--config", &config, "--framework", "pairwise", "--format", "json"]));
    assert_eq!(value["ranking"][0]["id"], "B");
    assert!((value["ranking"][0]["score"].as_f64().expect("a score") - 2.0 / 3.0).abs() < 1e-9, "{value}");
    let both = file("votes-twice.json", r#"{"votes": [["A", "B"]], "items": [{"id": "A"}, {"id": "B"}]}"#);
    fails(
        &rank(&[&both, "--config", &config]),
        &[&format!(
            "{both}: section \"votes\" is given both in the configuration and in the backlog (give it once) at line 1 column 8"
        )],
    );
}
