//! The `analyze` example, run as a subprocess: every subcommand on the embedded sample and on
//! user files, JSON shapes, and the error conventions of `rank`.

#![cfg(feature = "csv")]

use crate::support::{Run, fails_with as fails, file, json_of as json, quiet as ok, run_example};
use serde_json::Value;

fn analyze_with_stdin(args: &[&str], stdin: &str) -> Run {
    run_example("analyze", args, stdin)
}

fn analyze(args: &[&str]) -> Run {
    analyze_with_stdin(args, "")
}

fn sample(name: &str) -> String {
    format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// RICE: A 30, B 25 (reach 10..=40), C 10. WSJF: A 1, B 3, C 2. MoSCoW: A, C must; B should.
const ABC: &str = r#"[
  {"id": "A", "title": "a", "reach": 30, "impact": 1, "confidence": 1, "effort": 1,
   "business_value": 1, "time_criticality": 0, "risk_reduction": 0, "moscow": "must"},
  {"id": "B", "title": "b", "reach": {"low": 10, "high": 40}, "impact": 1, "confidence": 1, "effort": 1,
   "business_value": 3, "time_criticality": 0, "risk_reduction": 0, "moscow": "should"},
  {"id": "C", "title": "c", "reach": 10, "impact": 1, "confidence": 1, "effort": 1,
   "business_value": 2, "time_criticality": 0, "risk_reduction": 0, "moscow": "must"}
]"#;

/// Written once: the tests run in parallel and read it.
fn abc() -> String {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| file("abc.json", ABC)).clone()
}

fn ids(value: &Value) -> Vec<&str> {
    value.as_array().expect("an array").iter().map(|id| id.as_str().expect("an id")).collect()
}

#[test]
fn every_subcommand_runs_on_the_sample_in_both_formats() {
    let next = sample("backlog-next.json");
    let runs: [&[&str]; 5] = [
        &["sensitivity"],
        &["explain"],
        &["compare"],
        &["consensus"],
        &["diff", &sample("backlog.json"), &next],
    ];
    for args in runs {
        let table = analyze(args);
        assert!(ok(&table).lines().count() > 3, "{table:?}");
        let mut with_json = args.to_vec();
        with_json.extend(["--format", "json"]);
        assert!(json(&analyze(&with_json)).is_object());
    }
}

#[test]
fn sensitivity_with_ranges_by_hand() {
    let report = json(&analyze(&["sensitivity", &abc(), "--top", "1", "--format", "json"]));
    assert_eq!(report["framework"], "rice");
    assert_eq!(report["uncertainty"], Value::Null);
    assert_eq!((ids(&report["top"]["certain"]), ids(&report["top"]["possible"])), (vec![], vec!["A", "B"]));
    let rows: Vec<(&str, f64, f64, u64, u64)> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            let number = |key: &str| i[key].as_f64().expect("a number");
            let position = |key: &str| i[key].as_u64().expect("a position");
            (
                i["id"].as_str().expect("id"),
                number("min_score"),
                number("max_score"),
                position("best_position"),
                position("worst_position"),
            )
        })
        .collect();
    // B at 10 ties C and wins the tie (earlier in the input): C is certainly third.
    assert_eq!(rows, [("A", 30.0, 30.0, 1, 2), ("B", 10.0, 40.0, 1, 2), ("C", 10.0, 10.0, 3, 3)]);
    assert_eq!(report["items"][1]["varied"], serde_json::json!(["reach"]));
}

#[test]
fn sensitivity_with_uncertainty_on_the_sample() {
    let report = json(&analyze(&["sensitivity", "--uncertainty", "0.2", "--format", "json"]));
    let chk = &report["items"][0];
    assert_eq!(chk["id"], "CHK-1");
    // 4000 · 2 · 0.8 / 3 at +-20 %: max 4800 · 2.4 · 0.96 / 2.4, min 3200 · 1.6 · 0.64 / 3.6.
    let (min, max) = (chk["min_score"].as_f64().expect("min"), chk["max_score"].as_f64().expect("max"));
    assert!((max - 4608.0).abs() < 1e-9 && (min - 3200.0 * 1.6 * 0.64 / 3.6).abs() < 1e-9, "{min} {max}");
    let table = analyze(&["sensitivity", "--uncertainty", "0.2", "--top", "1"]);
    assert!(ok(&table).contains("\ntop 1: certainly none; possibly CHK-1, "), "{table:?}");
}

#[test]
fn explain_by_hand() {
    let out = json(&analyze(&["explain", &abc(), "--format", "json"]));
    let messages = |i: usize| -> Vec<&str> {
        out["items"][i]["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .map(|c| c["message"].as_str().expect("text"))
            .collect()
    };
    assert!(messages(0).is_empty());
    // B (25) behind A (30): effort 25/30 = 0.8333 (0.833 passes); reach and impact tie at 30
    // and 1.2 and lose the tie.
    let b = messages(1);
    assert_eq!(b[0], "B passes A if effort <= 0.833 (now 1)");
    assert!(
        b.contains(&"B passes A if reach > 30 (now 25)") && b.contains(&"B passes A if impact > 1.2 (now 1)"),
        "{b:?}"
    );
    assert_eq!(b.len(), 3, "confidence cannot exceed 1");
    // C (10) behind B (25): at effort 0.4 C ties and loses.
    assert_eq!(messages(2)[0], "C passes B if effort < 0.4 (now 1)");

    let sample = analyze(&["explain", "--top", "2"]);
    assert!(ok(&sample).contains("CPN-1    1750  CHK-1  effort <= 0.82 (now 1)"), "{sample:?}");
}

#[test]
fn compare_and_consensus_by_hand() {
    let out =
        json(&analyze(&["compare", &abc(), "--frameworks", "rice,wsjf", "--top", "2", "--format", "json"]));
    let pair = &out["pairs"][0];
    // Ranks (1, 2, 3) against (3, 1, 2): two discordant pairs, one concordant.
    assert_eq!(pair["kendall_tau_b"].as_f64(), Some(-1.0 / 3.0));
    assert_eq!(pair["spearman_rho"].as_f64(), Some(-0.5));
    assert_eq!(ids(&pair["top"]["shared"]), ["B"]);
    assert_eq!(out["items"][0]["positions"], serde_json::json!([1, 3]));

    // Borda over rice (A 2, B 1, C 0), wsjf (B 2, C 1, A 0) and moscow (A and C tie as Must:
    // 1.5 each; B 0): A 3.5, B 3, C 2.5.
    let out = json(&analyze(&["consensus", &abc(), "--format", "json"]));
    let rows: Vec<(&str, f64)> = out["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|e| (e["id"].as_str().expect("id"), e["points"].as_f64().expect("points")))
        .collect();
    assert_eq!(rows, [("A", 3.5), ("B", 3.0), ("C", 2.5)]);
    assert_eq!(out["ranking"][2]["positions"], serde_json::json!([3, 2, 2]));
    assert_eq!(out["frameworks"], serde_json::json!(["rice", "wsjf", "moscow"]));
}

#[test]
fn diff_has_the_exact_json_shape() {
    let old = file(
        "old.json",
        r#"[{"id": "A", "title": "a", "reach": 30, "impact": 1, "confidence": 1, "effort": 1},
        {"id": "B", "title": "b", "reach": 20, "impact": 1, "confidence": 1, "effort": 1},
        {"id": "C", "title": "c", "reach": 10, "impact": 1, "confidence": 1, "effort": 1}]"#,
    );
    let new = file(
        "new.json",
        r#"[{"id": "A", "title": "a", "reach": 30, "impact": 1, "confidence": 1, "effort": 1},
        {"id": "B", "title": "b", "reach": 40, "impact": 1, "confidence": 1, "effort": 1},
        {"id": "D", "title": "d", "reach": 25, "impact": 1, "confidence": 1, "effort": 1}]"#,
    );
    let run = analyze(&["diff", &old, &new, "--top", "1", "--format", "json"]);
    let expected = r#"{
  "framework": "rice",
  "k": 1,
  "added": [
    "D"
  ],
  "removed": [
    "C"
  ],
  "moved": [
    {
      "id": "B",
      "title": "b",
      "old_position": 2,
      "new_position": 1,
      "change": 1,
      "inputs": [
        {
          "field": "reach",
          "old": 20.0,
          "new": 40.0
        }
      ]
    },
    {
      "id": "A",
      "title": "a",
      "old_position": 1,
      "new_position": 2,
      "change": -1,
      "inputs": []
    }
  ],
  "entered_top": [
    "B"
  ],
  "left_top": [
    "A"
  ],
  "now_unscored": [],
  "now_scored": []
}
"#;
    assert_eq!(ok(&run), expected);
}

#[test]
fn diff_of_the_sample_and_its_next_version() {
    let run = analyze(&["diff", &sample("backlog.json"), &sample("backlog-next.json")]);
    let text = ok(&run);
    assert!(text.starts_with("added: FRD-1\nremoved: CRY-1\n"), "{text}");
    // DUN-1: 1800 · 3 · 0.5 / 2 = 1350 (4th) becomes 1800 · 3 · 0.8 / 2 = 2160, above CHK-1's 2133.3.
    assert!(text.contains("DUN-1     4    1     +3  confidence 0.5 -> 0.8"), "{text}");
    let same =
        json(&analyze(&["diff", &sample("backlog.json"), &sample("backlog.json"), "--format", "json"]));
    assert_eq!(same["moved"], serde_json::json!([]));
}

#[test]
fn reads_standard_input() {
    let run = analyze_with_stdin(&["explain", "-", "--format", "json"], ABC);
    assert_eq!(json(&run)["items"][1]["ahead"], "A");
}

#[test]
fn errors_follow_the_rank_conventions() {
    fails(
        &analyze(&[]),
        "expected a subcommand: sensitivity, explain, compare, consensus, quadrants, diff, agreement, strategy, ahp or kano (see --help)",
    );
    fails(
        &analyze(&["rank"]),
        r#"expected a subcommand: sensitivity, explain, compare, consensus, quadrants, diff, agreement, strategy, ahp or kano, got "rank""#,
    );
    fails(&analyze(&["sensitivity", "--uncertainty", "1.5"]), "option --uncertainty: 1.5 is outside 0..1");
    fails(&analyze(&["explain", "--uncertainty", "0.2"]), "option --uncertainty does not apply to explain");
    fails(
        &analyze(&["compare", "--frameworks", "rice"]),
        "option --frameworks: compare needs two or more frameworks",
    );
    fails(
        &analyze(&["compare", "--frameworks", "rice,kano"]),
        r#"option --frameworks: "kano" is not one of rice, wsjf, moscow, ice, cd3, opportunity, pairwise"#,
    );
    fails(
        &analyze(&["consensus", "--framework", "rice"]),
        "option --framework: compare and consensus take --frameworks LIST",
    );
    fails(&analyze(&["diff", &abc()]), "diff needs two files: analyze diff OLD NEW [OPTIONS]");
    fails(&analyze(&["explain", "--format", "csv"]), r#"option --format: "csv" is not one of table, json"#);
    fails(&analyze(&["consensus", "--top", "3"]), "option --top does not apply to consensus");
    fails(
        &analyze(&["diff", "--uncertainty=0.2", &abc(), &abc()]),
        "option --uncertainty does not apply to diff",
    );
    fails(
        &analyze(&["sensitivity", "--frameworks", "rice,wsjf"]),
        "option --frameworks does not apply to sensitivity",
    );
    fails(&analyze(&["explain", "--capacity", "3"]), "option --capacity does not apply to analyze");
    fails(&analyze(&["diff"]), "diff needs two files: analyze diff OLD NEW [OPTIONS]");
    fails(
        &analyze(&["diff", &abc(), &abc(), "third.json"]),
        r#"unexpected argument "third.json" (see --help)"#,
    );
    fails(&analyze(&["--format", "json", "explain"]), "unknown option --format (see --help)");
    fails(&analyze(&["explain", "--top", "-2"]), r#"option --top: "-2" is not a whole number >= 0"#);
    fails(&analyze(&["explain", "--bogus"]), "unknown option --bogus (see --help)");
    fails(&analyze(&["explain", "missing.json"]), r#"cannot read "missing.json""#);
    let bad = file("bad-range.json", r#"[{"id": "A", "title": "a", "effort": {"low": 5, "high": 2}}]"#);
    fails(
        &analyze(&["sensitivity", &bad]),
        &format!(
            r#"{bad}: item "A": effort range {{low: 5, high: 2}} is out of order (need low <= expected <= high)"#
        ),
    );
    let partial = file("partial.json", r#"[{"id": "A", "title": "a", "reach": 1}]"#);
    fails(
        &analyze(&["explain", &partial, "--strict"]),
        &format!(
            r#"{partial}: item "A": rice needs impact, confidence, effort, which the item lacks (strict mode)"#
        ),
    );
    // diff names the file whose item is at fault, OLD or NEW.
    fails(
        &analyze(&["diff", &partial, &abc(), "--strict"]),
        &format!(
            r#"{partial}: item "A": rice needs impact, confidence, effort, which the item lacks (strict mode)"#
        ),
    );
    fails(
        &analyze(&["diff", "--strict", &abc(), &partial]),
        &format!(
            r#"{partial}: item "A": rice needs impact, confidence, effort, which the item lacks (strict mode)"#
        ),
    );
    let huge = file(
        "huge.json",
        r#"[{"id": "H", "title": "h", "reach": 1e308, "impact": 3, "confidence": 1, "effort": 0.5}]"#,
    );
    fails(
        &analyze(&["diff", &huge, &abc()]),
        &format!(r#"{huge}: item "H": rice score is inf, which overflows f64 (scale the inputs down)"#),
    );
    let empty = file("empty.json", "");
    fails(
        &analyze(&["compare", &empty]),
        &format!("{empty}: the file is empty (write [] for a backlog of no items)"),
    );
}

#[test]
fn options_come_before_or_after_the_files() {
    let old = sample("backlog.json");
    let new = sample("backlog-next.json");
    let expected = ok(&analyze(&["diff", &old, &new, "--format", "json", "--top", "3"])).to_owned();
    assert!(expected.starts_with("{\n  \"framework\": \"rice\",\n  \"k\": 3,\n"), "{expected}");
    for args in [
        &["diff", "--format", "json", &old, &new, "--top", "3"][..],
        &["diff", "--format=json", "--top=3", &old, &new],
        &["diff", &old, "--top", "3", &new, "--format", "json"],
        &["diff", "--top", "3", "--format", "json", "--", &old, &new],
    ] {
        assert_eq!(ok(&analyze(args)), expected, "{args:?}");
    }
    let expected = ok(&analyze(&["sensitivity", &abc(), "--top", "1", "--format", "json"])).to_owned();
    assert_eq!(ok(&analyze(&["sensitivity", "--top=1", "--format=json", &abc()])), expected);
    let expected =
        ok(&analyze(&["compare", &abc(), "--frameworks", "rice,wsjf", "--format", "json"])).to_owned();
    assert_eq!(ok(&analyze(&["compare", "--frameworks=rice,wsjf", "--format=json", &abc()])), expected);
}

#[test]
fn help_exits_successfully() {
    let run = analyze(&["--help"]);
    assert!(ok(&run).starts_with("analyze: decision support"), "{run:?}");
}

/// `analyze ahp`: each set's weights and consistency as a table or JSON, an inconsistent set
/// warned about with the judgment to revisit, and mistakes named.
#[test]
fn ahp_weighs_each_set_of_comparisons() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/comparisons.json");
    let table = ok(&analyze(&["ahp", data])).to_owned();
    assert!(
        table.starts_with("objectives: weights by the principal eigenvector\nid          weight\n"),
        "{table}"
    );
    assert!(table.contains("growth      0.5455\nretention   0.2727\ncompliance  0.1818\n"), "{table}");
    assert!(
        table.contains("lambda_max 3.0000, CI 0.0000, RI 0.5800 (saaty), CR 0.0000: consistent (CR < 0.1)")
    );
    assert!(table.contains("scorecard:value: weights"), "{table}");
    let run = analyze(&["ahp", data, "--format", "json", "--random-index", "donegan-dodd"]);
    // The weights in the order written (a parsed Value would sort them).
    let at = |id: &str| run.stdout.find(&format!("\"{id}\": 0.")).expect("a weight");
    assert!(at("growth") < at("retention") && at("retention") < at("compliance"), "{}", run.stdout);
    let value = json(&run);
    let objectives = &value["objectives"];
    assert_eq!(objectives["random_index"], serde_json::json!(0.4914));
    assert_eq!(objectives["consistent"], serde_json::json!(true));
    // A bare list is one set, printed as itself.
    let bare = file("bare.json", r#"{"comparisons": [["a", "b", 2], ["b", "c", 2], ["c", "a", 4]]}"#);
    let run = analyze(&["ahp", &bare, "--format", "json"]);
    assert_eq!(run.status, 0, "{run:?}");
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["consistent"], serde_json::json!(false));
    assert!(value["most_inconsistent"].is_array());
    assert!(
        run.stderr.starts_with("warning: comparisons: consistency ratio ")
            && run.stderr.contains("disagrees most"),
        "{run:?}"
    );
    let ratio = file("ratio.json", r#"{"comparisons": [["a", "b", 12]]}"#);
    fails(
        &analyze(&["ahp", &ratio]),
        &format!("{ratio}: comparison \"a\" against \"b\": ratio 12 is not a number in 1/9..=9"),
    );
    let apart = file("apart.json", r#"{"comparisons": [["a", "b", 2], ["c", "d", 3]]}"#);
    fails(
        &analyze(&["ahp", &apart]),
        &format!("{apart}: comparisons: the comparisons leave \"c\", \"d\" apart from \"a\", \"b\""),
    );
    fails(
        &analyze(&["ahp", data, "--random-index", "dd"]),
        "option --random-index: \"dd\" is not one of saaty, donegan-dodd",
    );
    fails(&analyze(&["ahp", data, "--top", "3"]), "option --top does not apply to ahp");
}

/// `analyze kano`: each feature's counts, category, coefficients and significance, as a table or
/// JSON, and an answer that is none of the five named with its feature.
#[test]
fn kano_classifies_each_feature() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/kano.json");
    let table = ok(&analyze(&["kano", data])).to_owned();
    let rows: Vec<&str> = table.lines().skip(3).collect();
    assert_eq!(
        rows,
        [
            "one-click checkout  2  5  2  1  0  0  one_dimensional   0.700  -0.700  no",
            "dark mode           6  1  0  3  0  0  attractive        0.700  -0.100  no",
            "password reset      0  1  8  1  0  0  must_be           0.100  -0.900  yes",
        ]
    );
    let value = json(&analyze(&["kano", data, "--format", "json"]));
    let first = &value["features"][0];
    assert_eq!(first["id"], serde_json::json!("one-click checkout"));
    assert_eq!(
        first["counts"],
        serde_json::json!({"attractive": 2, "one_dimensional": 5, "must_be": 2, "indifferent": 1, "reverse": 0, "questionable": 0})
    );
    assert_eq!((first["better"].as_f64(), first["worse"].as_f64()), (Some(0.7), Some(-0.7)));
    let stdin = analyze_with_stdin(&["kano", "-"], r#"{"kano": {"export": [["like", "hate"]]}}"#);
    fails(
        &stdin,
        "-: feature \"export\": answer \"hate\" is not one of like, must-be, neutral, live-with, dislike",
    );
}
