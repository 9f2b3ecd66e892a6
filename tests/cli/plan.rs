//! The `plan` example and `rank`'s planning flags, run as subprocesses.

#![cfg(feature = "csv")]

/// `(status, stdout, stderr)` of one run.
fn run(example: &str, args: &[&str]) -> (i32, String, String) {
    let run = crate::support::run_example(example, args, "");
    (run.status, run.stdout, run.stderr)
}

/// A WSJF backlog whose plans are computed by hand in the tests (every score is value / effort).
const BACKLOG: &str = r#"[
  {"id": "A", "title": "Must have", "business_value": 6, "time_criticality": 0, "risk_reduction": 0, "effort": 3, "moscow": "must"},
  {"id": "B", "title": "Needs C", "business_value": 8, "time_criticality": 0, "risk_reduction": 0, "effort": 2, "depends_on": ["C"]},
  {"id": "C", "title": "Enabler", "business_value": 1, "time_criticality": 0, "risk_reduction": 0, "effort": 1},
  {"id": "D", "title": "Big one", "business_value": 12, "time_criticality": 0, "risk_reduction": 0, "effort": 4},
  {"id": "E", "title": "Not now", "business_value": 9, "time_criticality": 0, "risk_reduction": 0, "effort": 1, "moscow": "wont"},
  {"id": "F", "title": "Unsized", "business_value": 5, "time_criticality": 0, "risk_reduction": 0},
  {"id": "G", "title": "Needs F", "business_value": 2, "time_criticality": 0, "risk_reduction": 0, "effort": 2, "depends_on": ["F"]}
]"#;

/// Written once: the tests run in parallel and read it.
fn backlog() -> String {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| crate::support::file("plan_cli_backlog.json", BACKLOG)).clone()
}

fn json(example: &str, args: &[&str]) -> serde_json::Value {
    let (status, stdout, stderr) = run(example, args);
    assert_eq!((status, stderr.as_str()), (0, ""), "{stdout}");
    serde_json::from_str(&stdout).expect("JSON output")
}

#[track_caller]
fn fails(example: &str, args: &[&str], error: &str) {
    assert_eq!(run(example, args), (2, String::new(), format!("error: {error}\n")));
}

#[test]
fn selection_json_has_the_documented_shape() {
    let output = json("plan", &[&backlog(), "--framework", "wsjf", "--capacity", "7", "--format", "json"]);
    // Must A (3) first; then B + C (value 4 + 1, effort 3) beat D (3, effort 4). Bound: 2, then
    // B, C and a quarter of D by value per effort: 2 + 4 + 1 + 0.75.
    let expected = serde_json::json!({
        "framework": "wsjf",
        "selection": {
            "capacity": 7.0, "method": "exact", "resolution": 1.0, "fallback": null,
            "total_score": 7.0, "total_effort": 6.0, "free": 1.0, "upper_bound": 7.75, "gap": 0.75,
            "selection": [
                {"position": 1, "id": "A", "title": "Must have", "score": 2.0, "effort": 3.0, "moscow": "must", "promoted_by": null},
                {"position": 2, "id": "C", "title": "Enabler", "score": 1.0, "effort": 1.0, "moscow": null, "promoted_by": "B"},
                {"position": 3, "id": "B", "title": "Needs C", "score": 4.0, "effort": 2.0, "moscow": null, "promoted_by": null}
            ],
            "excluded": [
                {"id": "E", "reason": "won't have"},
                {"id": "F", "reason": "lacks effort"},
                {"id": "G", "reason": "depends on \"F\", which cannot be planned"}
            ]
        },
        "warnings": [],
        "unscored": [{"id": "F", "missing": ["effort"]}]
    });
    assert_eq!(output, expected);
    let greedy = json(
        "plan",
        &[&backlog(), "--framework", "wsjf", "--capacity", "7", "--mode", "greedy", "--format", "json"],
    );
    assert_eq!(
        (&greedy["selection"]["method"], &greedy["selection"]["fallback"]),
        (&"greedy".into(), &serde_json::Value::Null)
    );
}

#[test]
fn roadmap_json_fills_periods_in_dependency_order() {
    let output =
        json("plan", &[&backlog(), "--framework", "wsjf", "--periods", "3,4,later=rest", "--format", "json"]);
    // Order: E (wont), C (for B), B, D, A, F (unscored, for G), G.
    let periods: Vec<(String, Vec<String>, f64, serde_json::Value)> = output["roadmap"]["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|period| {
            let ids = period["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|item| item["id"].as_str().expect("id").to_owned())
                .collect();
            (
                period["name"].as_str().expect("name").to_owned(),
                ids,
                period["used"].as_f64().expect("used"),
                period["free"].clone(),
            )
        })
        .collect();
    assert_eq!(
        periods,
        [
            ("1".to_owned(), vec!["C".to_owned(), "B".to_owned()], 3.0, 0.0.into()),
            ("2".to_owned(), vec!["D".to_owned()], 4.0, 0.0.into()),
            ("later".to_owned(), vec!["A".to_owned()], 3.0, serde_json::Value::Null),
        ]
    );
    assert_eq!(
        output["roadmap"]["periods"][0]["items"][0],
        serde_json::json!({"position": 2, "id": "C", "title": "Enabler", "score": 1.0, "effort": 1.0, "promoted_by": "B", "pinned": false})
    );
    assert_eq!(
        output["roadmap"]["unplaced"],
        serde_json::json!([
            {"id": "E", "reason": "won't have"},
            {"id": "F", "reason": "lacks effort"},
            {"id": "G", "reason": "depends on \"F\", which is in no period"}
        ])
    );
    assert!(output.get("selection").is_none());
}

#[test]
fn table_shows_the_selection_with_its_bound() {
    let (status, stdout, stderr) = run("plan", &[&backlog(), "--framework", "wsjf", "--capacity", "7"]);
    assert_eq!((status, stderr.as_str()), (0, ""));
    assert_eq!(
        stdout,
        "\
selection for capacity 7 (exact, effort in units of 1)
pos  id  moscow  title      score  effort  note
---  --  ------  ---------  -----  ------  -----
  1  A   must    Must have      2       3
  2  C           Enabler        1       1  for B
  3  B           Needs C        4       2
total score 7 for effort 6 of 7 (1 free); upper bound 7.75, gap 0.75 (9.7 %)

excluded: no plan may hold these
id  reason
--  ---------------------------------------
E   won't have
F   lacks effort
G   depends on \"F\", which cannot be planned

unscored: these items lack fields wsjf needs (unscored is not zero)
id  missing
--  -------
F   effort
"
    );
}

#[test]
fn the_embedded_sample_plans_with_each_framework() {
    for framework in [["--framework", "rice"], ["--framework", "wsjf"], ["--then", "rice"]] {
        let mut args = vec!["--capacity", "20", "--periods", "20,30,rest", "--format", "json"];
        args.extend(framework);
        if framework[0] == "--then" {
            args.extend(["--framework", "moscow"]);
        }
        let output = json("plan", &args);
        let selection = &output["selection"];
        assert_eq!(selection["method"], "exact");
        assert!(selection["total_effort"].as_f64().expect("effort") <= 20.0);
        assert!(selection["upper_bound"].as_f64() >= selection["total_score"].as_f64());
        assert_eq!(output["roadmap"]["periods"].as_array().map(Vec::len), Some(3));
    }
}

#[test]
fn plan_errors_name_what_is_wrong() {
    let file = backlog();
    fails("plan", &[&file], "plan needs --capacity C or --periods LIST (see --help)");
    fails(
        "plan",
        &[&file, "--framework", "wsjf", "--capacity", "2"],
        &format!("{file}: must haves and their prerequisites need effort 3, over the capacity 2 by 1"),
    );
    for top in [&["--top", "2"][..], &["--top=2"]] {
        let mut args = vec![file.as_str(), "--capacity", "7"];
        args.extend(top);
        fails("plan", &args, "option --top does not apply to plan (a plan holds what fits)");
    }
    fails(
        "plan",
        &[&file, "--capacity", "7", "--format", "csv"],
        "option --format: \"csv\" is not one of table, json",
    );
    fails(
        "plan",
        &[&file, "--capacity", "7", "--mode", "fast"],
        r#"option --mode: "fast" is not one of exact, greedy, auto"#,
    );
    fails("plan", &[&file, "--capacity", "-1"], "option --capacity: -1 is outside the finite numbers > 0");
    fails(
        "plan",
        &[&file, "--capacity", "7", "--respect-dependencies"],
        "unknown option --respect-dependencies (see --help)",
    );
    fails(
        "plan",
        &[&file, "--periods", "3,x"],
        "option --periods: \"x\" is not a capacity >= 0 or rest (write 20,30,rest or now=20,next=30,later=rest)",
    );
    fails(
        "plan",
        &[&file, "--capacity", "7", "--mode", "greedy", "--resolution", "1"],
        "option --resolution needs --mode exact (or no --mode)",
    );
    fails(
        "plan",
        &[&file, "--capacity", "7", "--framework", "moscow"],
        "option --framework: moscow gives no scores; a capacity plan needs an engine that scores items (rice, wsjf, or moscow with --then)",
    );
    fails(
        "plan",
        &[&file, "--framework", "wsjf", "--periods", "9", "--pin", "B=1"],
        &format!("{file}: item \"B\": pin to position 1 would place \"B\" before \"C\", which it depends on"),
    );
}

#[test]
fn rank_respects_dependencies_and_pins() {
    let output = json(
        "rank",
        &[&backlog(), "--framework", "wsjf", "--respect-dependencies", "--format", "json", "--top", "3"],
    );
    let rows: Vec<(String, serde_json::Value, serde_json::Value, bool)> = output["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|entry| {
            (
                entry["id"].as_str().expect("id").to_owned(),
                entry["rank"].clone(),
                entry["promoted_by"].clone(),
                entry["pinned"].as_bool().expect("pinned"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("E".to_owned(), 1.into(), serde_json::Value::Null, false),
            ("C".to_owned(), 5.into(), "B".into(), false),
            ("B".to_owned(), 2.into(), serde_json::Value::Null, false),
        ]
    );
    // The unscored prerequisite F is placed before G and stays unscored.
    let output = json(
        "rank",
        &[&backlog(), "--framework", "wsjf", "--respect-dependencies", "--pin", "D=1", "--format", "json"],
    );
    let ids: Vec<&str> = output["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["D", "E", "C", "B", "A", "F", "G"]);
    assert_eq!(
        (&output["ranking"][0]["pinned"], &output["ranking"][5]["score"], &output["ranking"][5]["missing"]),
        (&true.into(), &serde_json::Value::Null, &serde_json::json!(["effort"]))
    );
    assert_eq!(output["unscored"], serde_json::json!([]));
    let (status, stdout, _) =
        run("rank", &[&backlog(), "--framework", "wsjf", "--pin", "A=1", "--format", "csv", "--top", "2"]);
    assert_eq!(
        (status, stdout.as_str()),
        (
            0,
            "position,rank,id,title,score,promoted_by,pinned,business_value,time_criticality,risk_reduction,cost_of_delay,job_size,wsjf\n\
             1,4,A,Must have,2.0,,true,6.0,0.0,0.0,6.0,3.0,2.0\n\
             2,1,E,Not now,9.0,,false,9.0,0.0,0.0,9.0,1.0,9.0\n"
        )
    );
    fails(
        "rank",
        &[&backlog(), "--pin", "B"],
        "option --pin: \"B\" is not ID=POSITION (a whole POSITION >= 1)",
    );
    fails(
        "rank",
        &[&backlog(), "--framework", "wsjf", "--pin", "B=1", "--pin", "C=1"],
        &format!("{}: item \"C\": pin to position 1 is invalid: position 1 is taken by \"B\"", backlog()),
    );
}

#[test]
fn options_and_the_file_come_in_any_order() {
    let file = backlog();
    let expected = json("plan", &[&file, "--framework", "wsjf", "--capacity", "7", "--format", "json"]);
    for args in [
        &["--capacity=7", "--format=json", &file, "--framework=wsjf"][..],
        &["--format", "json", &file, "--capacity", "7", "--framework", "wsjf"],
        &["--framework", "wsjf", "--capacity", "7", "--format", "json", "--", &file],
    ] {
        assert_eq!(json("plan", args), expected, "{args:?}");
    }
}

/// With nothing to choose, the totals are 0, not -0.
#[test]
fn an_empty_plan_totals_zero() {
    let backlog = crate::support::file(
        "nothing-fits.json",
        r#"[{"id": "A", "reach": 1, "impact": 1, "confidence": 1, "effort": 5}]"#,
    );
    let run = crate::support::run_example("plan", &["--capacity", "1", &backlog], "");
    let text = crate::support::ok(&run);
    assert!(text.contains("total score 0 for effort 0 of 1 (1 free)"), "{text}");
    assert!(!text.contains("-0"), "{text}");
}

/// Nothing fits the capacity: the totals are 0, not `-0` (an empty sum of floats), in the table
/// and in JSON.
#[test]
fn an_empty_selection_totals_zero() {
    let path = crate::support::file(
        "plan-nothing-fits.json",
        r#"[{"id": "A", "title": "Too big", "reach": 1, "impact": 1, "confidence": 1, "effort": 5}]"#,
    );
    let (status, out, _) = run("plan", &[&path, "--capacity", "1"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("\ntotal score 0 for effort 0 of 1 (1 free); "), "{out}");
    assert!(!out.contains("-0"), "{out}");
    let (status, out, _) = run("plan", &[&path, "--capacity", "1", "--format", "json"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("\"total_score\": 0.0,\n    \"total_effort\": 0.0,"), "{out}");
}
