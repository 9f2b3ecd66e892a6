//! `analyze quadrants`, run as a subprocess: the JSON shape, ranking order, split options, the
//! table and option errors.

#![cfg(feature = "csv")]

use crate::support::{Run, fails, file, ok, rank, run_example};
use serde_json::{Value, json};

fn analyze(args: &[&str]) -> Run {
    run_example("analyze", args, "")
}

#[track_caller]
fn parsed(run: &Run) -> Value {
    assert_eq!(run.stderr, "", "{run:?}");
    serde_json::from_str(ok(run)).expect("JSON output")
}

fn ids(items: &Value) -> Vec<&str> {
    items.as_array().expect("an array").iter().map(|item| item["id"].as_str().expect("an id")).collect()
}

#[test]
fn the_sample_in_ranking_order_with_the_json_shape() {
    let run = analyze(&["quadrants", "--format", "json"]);
    let matrix = parsed(&run);
    // Keys in the documented order (serde_json's `Value` sorts them, so look at the text).
    let at = |key: &str| run.stdout.find(&format!("\"{key}\":")).expect("the key is written");
    let order = ["framework", "split", "value", "effort", "items", "id", "title", "quadrant", "excluded"];
    assert!(order.windows(2).all(|pair| at(pair[0]) < at(pair[1])), "{}", run.stdout);
    let keys = |value: &Value| value.as_object().expect("an object").len();
    assert_eq!((keys(&matrix), keys(&matrix["split"]), keys(&matrix["items"][0])), (4, 2, 5));
    assert_eq!(matrix["framework"], "rice");
    // Values (reach · impact · confidence) of the 20 items: the 10th and 11th are 1500 and 1600.
    assert_eq!(matrix["split"], json!({"value": 1550.0, "effort": 3.0}));
    assert_eq!(
        matrix["items"][0],
        json!({"id": "CHK-1", "title": "One-click checkout for returning buyers", "value": 6400.0,
               "effort": 3.0, "quadrant": "big_bet"})
    );
    let ranking = parsed(&rank(&["--format", "json"]));
    assert_eq!(ids(&matrix["items"]), ids(&ranking["ranking"]));
    assert_eq!(matrix["excluded"], json!([]));
    let count = |name: &str| {
        matrix["items"].as_array().expect("items").iter().filter(|i| i["quadrant"] == name).count()
    };
    assert_eq!([count("quick_win"), count("big_bet"), count("fill_in"), count("time_sink")], [4, 6, 5, 5]);
}

#[test]
fn split_mean_and_fixed_lines() {
    let wsjf = parsed(&analyze(&["quadrants", "--framework=wsjf", "--split", "mean", "--format", "json"]));
    // Cost of delay over the 20 items sums to 312; efforts to 62.
    assert_eq!(wsjf["split"], json!({"value": 15.6, "effort": 3.1}));
    assert_eq!(wsjf["items"][0]["value"], 41.0, "SCA-1: 8 + 20 + 13");
    let fixed = parsed(&analyze(&["quadrants", "--split", "1000,3", "--format", "json"]));
    assert_eq!(fixed["split"], json!({"value": 1000.0, "effort": 3.0}));
    let thm = fixed["items"].as_array().expect("items").iter().find(|i| i["id"] == "THM-1").expect("THM-1");
    assert_eq!((&thm["value"], &thm["quadrant"]), (&json!(900.0), &json!("fill_in")));
}

#[test]
fn excluded_items_say_what_they_lack() {
    let path = file(
        "quadrants.json",
        r#"[{"id": "A", "title": "a", "reach": 10, "impact": 1, "confidence": 1, "effort": 1, "moscow": "must"},
            {"id": "B", "title": "b", "reach": 10, "moscow": "could"}]"#,
    );
    let rice = parsed(&analyze(&["quadrants", &path, "--format", "json"]));
    assert_eq!(rice["excluded"], json!([{"id": "B", "missing": ["impact", "confidence", "effort"]}]));
    let moscow = parsed(&analyze(&["quadrants", &path, "--framework", "moscow", "--format", "json"]));
    assert_eq!(moscow["split"], Value::Null);
    assert_eq!(
        moscow["excluded"],
        json!([{"id": "A", "missing": ["score"]}, {"id": "B", "missing": ["score", "effort"]}])
    );
    let table = analyze(&["quadrants", &path]);
    assert!(ok(&table).ends_with("excluded: B lacks impact, confidence, effort\n"), "{table:?}");
}

#[test]
fn the_table_names_the_lines_and_counts() {
    let table = analyze(&["quadrants"]);
    let text = ok(&table);
    assert!(text.starts_with("id      title"), "{text}");
    assert!(text.contains("\nCPN-1   Coupons and promo codes"), "{text}");
    assert!(
        text.ends_with(
            "\nsplit lines (medians; on a line counts as high): value 1550, effort 3\n\
             quick wins 4, big bets 6, fill-ins 5, time sinks 5\n"
        ),
        "{text}"
    );
}

#[test]
fn bad_split_options() {
    fails(
        &analyze(&["quadrants", "--split", "1,x"]),
        &["option --split: \"1,x\" is not two numbers >= 0 (write VALUE,EFFORT, e.g. 1000,3)"],
    );
    fails(
        &analyze(&["quadrants", "--split", "middle"]),
        &["option --split: \"middle\" is not median, mean or VALUE,EFFORT (e.g. 1000,3)"],
    );
    fails(
        &analyze(&["quadrants", "--split", "-1,3"]),
        &["option --split: \"-1,3\" is not two numbers >= 0 (write VALUE,EFFORT, e.g. 1000,3)"],
    );
    fails(&analyze(&["sensitivity", "--split", "mean"]), &["option --split does not apply to sensitivity"]);
    fails(
        &analyze(&["quadrants", "--format", "csv"]),
        &[r#"option --format: "csv" is not one of table, json"#],
    );
    fails(&analyze(&["quadrants", "--top", "3"]), &["option --top does not apply to quadrants"]);
    fails(&analyze(&["quadrants", "--split"]), &["option --split needs a value"]);
}
