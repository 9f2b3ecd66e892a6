//! The `generate` example, run as a subprocess: JSON or CSV of the same synthetic items, and the
//! error conventions of the other examples.

#![cfg(feature = "csv")]

use crate::support::{fails, file, ok, rank, run_example};

fn generate(args: &[&str]) -> crate::support::Run {
    run_example("generate", args, "")
}

#[test]
fn csv_has_the_interchange_columns_and_resolved_alignments() {
    let expected = "\
id,title,reach,impact,confidence,effort,business_value,time_criticality,risk_reduction,moscow,alignment,depends_on,tags
ITEM-0,Generated item 0,4487,medium,0.8,19,8,3,1,must,0.125,,billing
ITEM-1,Generated item 1,2621,minimal,0.8,17.5,20,13,20,must,0.375,,reporting
ITEM-2,Generated item 2,7369,minimal,0.5,11,5,5,1,could,0.125,,portal
";
    assert_eq!(ok(&generate(&["3", "--csv"])), expected);
    assert_eq!(ok(&generate(&["--csv", "3"])), expected);
}

#[test]
fn json_holds_the_same_items() {
    let run = generate(&["3"]);
    let json: serde_json::Value = serde_json::from_str(ok(&run)).expect("JSON");
    assert_eq!(
        json["objectives"],
        serde_json::json!([
            {"id": "growth", "weight": 4}, {"id": "retention", "weight": 3}, {"id": "compliance", "weight": 1}
        ])
    );
    // ITEM-0 contributes 1 to compliance (weight 1 of 8): 0.125, as its CSV row says.
    assert_eq!(
        json["items"][0],
        serde_json::json!({
            "id": "ITEM-0", "title": "Generated item 0", "reach": 4487, "impact": "medium", "confidence": 0.8,
            "effort": 19, "business_value": 8, "time_criticality": 3, "risk_reduction": 1, "moscow": "must",
            "alignment": {"compliance": 1}, "tags": ["billing"]
        })
    );
}

#[test]
fn json_and_csv_rank_the_same() {
    let json = file("generated.json", ok(&generate(&["300"])));
    let csv = file("generated.csv", ok(&generate(&["300", "--csv"])));
    // 9 of the 300 items lack an estimate (RICE's inputs, WSJF's job size); planned, the one
    // that is a prerequisite is listed.
    for (args, rows) in [
        (&["--framework", "rice", "--alignment-weight", "0.5"][..], 291),
        (&["--framework", "wsjf", "--alignment-weight", "1"], 291),
        (
            &[
                "--framework",
                "moscow",
                "--then",
                "rice",
                "--alignment-weight",
                "0.25",
                "--respect-dependencies",
            ],
            292,
        ),
    ] {
        let from_json = rank(&[&[json.as_str(), "--format", "csv"][..], args].concat());
        let from_csv = rank(&[&[csv.as_str(), "--format", "csv"][..], args].concat());
        assert_eq!(ok(&from_json).lines().count(), 1 + rows, "{args:?}");
        assert_eq!(
            (ok(&from_json), from_json.stderr.as_str()),
            (ok(&from_csv), from_csv.stderr.as_str()),
            "{args:?}"
        );
    }
}

#[test]
fn bad_arguments_exit_with_status_2() {
    fails(&generate(&[]), &["missing N (see --help)"]);
    fails(&generate(&["many"]), &[r#"argument N: "many" is not a whole number >= 0"#]);
    fails(&generate(&["3", "--json"]), &["unknown option --json (see --help)"]);
    fails(&generate(&["3", "4"]), &[r#"unexpected argument "4" (see --help)"#]);
    fails(&generate(&["3", "--csv=yes"]), &[r#"option --csv takes no value (got "yes")"#]);
}
