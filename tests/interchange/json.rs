//! The JSON interchange format: reading, writing, and rejecting invalid values on the way in.
#![cfg(feature = "serde")]

use prioritize::{Alignment, Backlog, BacklogItem, Category, Confidence, Impact, Moscow, Rice, Wsjf};

const FULL: &str = r#"{
  "objectives": [{"id": "growth", "weight": 3}, {"id": "retention", "weight": 1}],
  "items": [
    {"id": "CHK-1", "title": "One-click checkout", "reach": 4000, "impact": "high", "confidence": 0.8,
     "effort": 3, "business_value": 8, "time_criticality": 5, "risk_reduction": 2, "moscow": "must",
     "alignment": {"growth": 1.0}, "depends_on": ["AUTH-2"], "tags": ["checkout"]},
    {"id": "AUTH-2", "title": "Passkeys", "reach": 1500, "impact": 1.5, "confidence": "50%",
     "effort": 0.5, "business_value": 3, "time_criticality": 1, "risk_reduction": 13, "moscow": "Should Have",
     "alignment": 0.4, "tags": ["auth", "security"]},
    {"id": "INV-3", "title": "Invoice PDF", "moscow": "W"}
  ]
}"#;

fn full() -> Backlog {
    serde_json::from_str(FULL).unwrap()
}

#[test]
fn reads_every_field_of_the_interchange_format() {
    let backlog = full();
    assert_eq!(backlog.len(), 3);
    assert_eq!(backlog.objectives().len(), 2);
    let checkout = backlog.get("CHK-1").unwrap();
    assert_eq!(checkout.title(), "One-click checkout");
    assert_eq!(checkout.reach().unwrap().get(), 4000.0);
    assert_eq!(checkout.impact(), Some(Impact::HIGH));
    assert_eq!(checkout.confidence(), Some(Confidence::MEDIUM));
    assert_eq!(checkout.effort().unwrap().get(), 3.0);
    assert_eq!(checkout.business_value().unwrap().get(), 8.0);
    assert_eq!(checkout.time_criticality().unwrap().get(), 5.0);
    assert_eq!(checkout.risk_reduction().unwrap().get(), 2.0);
    assert_eq!(checkout.moscow(), Some(Category::Must));
    assert!(matches!(checkout.alignment(), Some(Alignment::PerObjective(map)) if map.len() == 1));
    assert_eq!(checkout.depends_on().collect::<Vec<_>>(), ["AUTH-2"]);
    assert_eq!(checkout.tags().collect::<Vec<_>>(), ["checkout"]);
    // growth 3 of 4 total weight.
    assert_eq!(backlog.alignment(0), 0.75);
    let auth = backlog.get("AUTH-2").unwrap();
    assert_eq!(auth.confidence(), Some(Confidence::LOW));
    assert_eq!(auth.impact().unwrap().get(), 1.5);
    assert_eq!(auth.moscow(), Some(Category::Should));
    assert_eq!(backlog.alignment(1), 0.4);
    assert_eq!(backlog.get("INV-3").unwrap().moscow(), Some(Category::Wont));
}

#[test]
fn a_full_backlog_survives_a_round_trip() {
    let backlog = full();
    let json = serde_json::to_string(&backlog).unwrap();
    let again: Backlog = serde_json::from_str(&json).unwrap();
    assert_eq!(again, backlog);
    assert_eq!(serde_json::to_string(&again).unwrap(), json);
}

#[test]
fn writes_items_in_the_interchange_format() {
    let item = BacklogItem::builder("A", "a")
        .impact(Impact::LOW)
        .moscow(Category::Wont)
        .alignment(0.5)
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_string(&item).unwrap(),
        r#"{"id":"A","title":"a","impact":0.5,"moscow":"wont","alignment":0.5}"#
    );
}

#[test]
fn a_bare_array_of_items_is_a_backlog() {
    let backlog: Backlog = serde_json::from_str(
        r#"[{"id": "A", "title": "a"}, {"id": "B", "title": "b", "depends_on": ["A"]}]"#,
    )
    .unwrap();
    assert_eq!(backlog.len(), 2);
    assert!(backlog.objectives().is_empty());
}

#[test]
fn every_moscow_spelling_is_read() {
    for (label, category) in [
        ("must", Category::Must),
        ("MUST HAVE", Category::Must),
        ("M", Category::Must),
        ("should", Category::Should),
        ("Should have", Category::Should),
        ("s", Category::Should),
        ("could", Category::Could),
        ("Could Have", Category::Could),
        ("C", Category::Could),
        ("wont", Category::Wont),
        ("won't", Category::Wont),
        ("Won't Have", Category::Wont),
        ("Won't have this time", Category::Wont),
        ("W", Category::Wont),
    ] {
        let json = format!(r#"{{"id": "A", "title": "a", "moscow": "{label}"}}"#);
        let item: BacklogItem = serde_json::from_str(&json).unwrap();
        assert_eq!(item.moscow(), Some(category), "{label}");
    }
}

#[test]
fn every_impact_label_is_read_in_any_case() {
    for (label, value) in [("massive", 3.0), ("HIGH", 2.0), ("Medium", 1.0), ("low", 0.5), ("minimal", 0.25)]
    {
        let json = format!(r#"{{"id": "A", "title": "a", "impact": "{label}"}}"#);
        let item: BacklogItem = serde_json::from_str(&json).unwrap();
        assert_eq!(item.impact().unwrap().get(), value, "{label}");
    }
}

#[track_caller]
fn rejected(json: &str) -> String {
    match serde_json::from_str::<Backlog>(json) {
        Ok(backlog) => panic!("accepted {backlog:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn invalid_values_are_rejected_at_deserialization() {
    let cases = [
        (
            r#"[{"id": "A", "title": "a", "confidance": 0.5}]"#,
            r#"item "A": unknown field "confidance" (expected id, title, reach"#,
        ),
        (r#"[{"id": "A", "title": "a", "confidence": 80}]"#, r#"item "A": confidence 80 is outside 0..=1"#),
        (
            r#"[{"id": "A", "title": "a", "confidence": "180%"}]"#,
            r#"item "A": confidence 180 is outside 0..=100 %"#,
        ),
        (r#"[{"id": "A", "title": "a", "effort": 0}]"#, r#"item "A": effort 0 is outside"#),
        (r#"[{"id": "A", "title": "a", "reach": -5}]"#, r#"item "A": reach -5 is outside"#),
        (r#"[{"id": "A", "title": "a", "moscow": 1}]"#, r#"item "A": moscow "1" is not one of"#),
        (r#"[{"id": "A", "title": "a", "alignment": 2}]"#, r#"item "A": alignment 2 is outside 0..=1"#),
        (
            r#"[{"id": "A", "title": "a", "reach": true}]"#,
            r#"item "A": reach: expected a number, a text, a range {"low": .., "high": ..} or ratings {"ratings": {..}}, got a boolean (true)"#,
        ),
        (r#"[{"id": "", "title": "a"}]"#, r#"item titled "a": id "" is empty"#),
        (r#"[{"id": "A", "title": "a"}, {"id": "A", "title": "b"}]"#, r#"item "A": id is used twice"#),
        (r#"[{"id": "A", "title": "a", "depends_on": ["B"]}]"#, r#"item "A": depends_on "B" names no item"#),
        (r#"[{"id": "A", "title": "a", "depends_on": [" "]}]"#, r#"item "A": depends_on "" names no item"#),
        (
            r#"[{"id": "A", "title": "a", "depends_on": ["A"]}]"#,
            r#"item "A": depends_on names the item itself"#,
        ),
        (
            r#"[{"id": "A", "title": "a", "depends_on": ["B"]}, {"id": "B", "title": "b", "depends_on": ["A"]}]"#,
            r#"item "A": depends_on forms a cycle: "A" -> "B" -> "A""#,
        ),
        (
            r#"{"objectives": [{"id": "g", "weight": 1}], "items": [{"id": "A", "title": "a", "alignment": {"x": 1}}]}"#,
            r#"item "A": alignment names objective "x", which the backlog does not define"#,
        ),
        (
            r#"{"objectives": [{"id": "g", "weight": -1}], "items": []}"#,
            r#"objective "g": weight -1 is outside"#,
        ),
        (
            r#"{"objectives": [], "items": [], "extra": 1}"#,
            "unknown field `extra`, expected one of `objectives`, `criteria`, `scorecards`, `raters`, `aggregate`, `comparisons`, `votes`, `votes_prior`, `kano`, `items`",
        ),
        (r#"{"objectives": []}"#, "missing field `items`"),
        (r#"[{"title": "a"}]"#, r#"item titled "a": id is missing (expected a non-empty string)"#),
        ("42", "invalid type: integer `42`, expected a backlog"),
    ];
    for (json, expected) in cases {
        let message = rejected(json);
        assert!(message.starts_with(expected), "{json}\n  gave {message}\n  expected {expected}");
    }
}

#[test]
fn null_is_an_absent_value() {
    let backlog: Backlog = serde_json::from_str(r#"[{"id": "A", "title": "a", "reach": null}]"#).unwrap();
    assert_eq!(backlog.item(0).reach(), None);
}

#[test]
fn an_empty_backlog_is_valid() {
    let backlog: Backlog = serde_json::from_str(r#"{"items": []}"#).unwrap();
    assert!(backlog.is_empty());
}

#[test]
fn the_ranking_serializes_in_the_cli_shape() {
    let backlog = full();
    let rice = Rice::default();
    let ranking = backlog.rank(rice).unwrap();
    let value = serde_json::to_value(&ranking).unwrap();
    let expected = serde_json::json!({
        "framework": "rice",
        "ranking": [
            {"position": 1, "rank": 1, "id": "AUTH-2", "title": "Passkeys", "score": 2250.0,
             "breakdown": {"reach": 1500.0, "impact": 1.5, "confidence": 0.5, "effort": 0.5, "rice": 2250.0}},
            {"position": 2, "rank": 2, "id": "CHK-1", "title": "One-click checkout", "score": 4000.0 * 2.0 * 0.8 / 3.0,
             "breakdown": {"reach": 4000.0, "impact": 2.0, "confidence": 0.8, "effort": 3.0, "rice": 4000.0 * 2.0 * 0.8 / 3.0}}
        ],
        "warnings": [],
        "unscored": [{"id": "INV-3", "missing": ["reach", "impact", "confidence", "effort"]}]
    });
    assert_eq!(value, expected);
}

#[test]
fn moscow_output_has_categories_and_null_scores() {
    let backlog = full();
    let moscow = Moscow::default();
    let value = serde_json::to_value(backlog.rank(&moscow).unwrap()).unwrap();
    let ranking = value["ranking"].as_array().unwrap();
    let rows: Vec<(&str, &str, bool)> = ranking
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["category"].as_str().unwrap(), e["score"].is_null()))
        .collect();
    assert_eq!(rows, [("CHK-1", "must", true), ("AUTH-2", "should", true), ("INV-3", "wont", true)]);
    assert_eq!(value["framework"], "moscow");
    // Must 3 of Must + Should 3.5: 85.7 %; the Won't without effort is not counted.
    assert_eq!(
        value["warnings"],
        serde_json::json!([
            "must haves take 85.7 % of the must + should + could effort (3 of 3.5); DSDM advises at most 60 %"
        ])
    );
    let wsjf = Moscow::default().then(Wsjf::default());
    let with_wsjf = serde_json::to_value(backlog.rank(&wsjf).unwrap()).unwrap();
    assert_eq!(with_wsjf["ranking"][0]["score"], 5.0);
    assert_eq!(with_wsjf["ranking"][0]["breakdown"]["cost_of_delay"], 15.0);
}

#[test]
fn a_backlog_names_its_repeated_key() {
    let read = |json: &str| serde_json::from_str::<Backlog>(json).unwrap_err().to_string();
    assert!(read(r#"{"items": [], "items": []}"#).starts_with("duplicate field `items`"));
    assert!(read(r#"{"objectives": [], "objectives": []}"#).starts_with("duplicate field `objectives`"));
    for (section, value) in
        [("criteria", "[]"), ("scorecards", "{}"), ("raters", "[]"), ("aggregate", r#""mean""#)]
    {
        let twice = format!(r#"{{"{section}": {value}, "{section}": {value}, "items": []}}"#);
        assert!(read(&twice).starts_with(&format!("duplicate field `{section}`")), "{}", read(&twice));
    }
    assert!(read(r#"{"items": 5}"#).starts_with("invalid type: integer `5`, expected an array of items"));
}

#[test]
fn a_section_the_configuration_has_is_reported_at_its_line() {
    use serde::de::DeserializeSeed;
    let config: prioritize::interchange::Config =
        serde_json::from_str(r#"{"criteria": [{"id": "revenue"}]}"#).expect("a configuration");
    let text = "{\n  \"items\": [{\"id\": \"A\", \"revenue\": 1}],\n  \"criteria\": [{\"id\": \"revenue\"}],\n  \"objectives\": []\n}\n";
    let error = config.backlog().deserialize(&mut serde_json::Deserializer::from_str(text)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "section \"criteria\" is given both in the configuration and in the backlog (give it once) at line 3 column 12"
    );
}

#[test]
fn a_byte_order_mark_is_skipped_by_the_readers() {
    let text = "\u{feff}[{\"id\": \"A\", \"reach\": 1}]";
    let expected = Backlog::from_json(&text[3..]).expect("valid");
    assert_eq!(Backlog::from_json(text).expect("a BOM is skipped"), expected);
    assert_eq!(Backlog::from_json_reader(text.as_bytes()).expect("a BOM is skipped"), expected);
    // Short inputs and inputs without one read as before.
    assert_eq!(Backlog::from_json_reader("[]".as_bytes()).expect("valid").len(), 0);
    assert_eq!(Backlog::from_json_reader(&text.as_bytes()[3..]).expect("valid"), expected);
    assert!(Backlog::from_json_reader("\u{feff}".as_bytes()).is_err());
}

#[test]
fn a_number_beyond_f64_names_the_item_and_the_field() {
    let error = Backlog::from_json(r#"[{"id": "A", "title": "a", "effort": 1e309}]"#).unwrap_err();
    assert_eq!(
        (error.kind(), error.item(), error.field()),
        (prioritize::ErrorKind::Value, Some("A"), Some("effort"))
    );
    assert_eq!(
        error.to_string(),
        "item \"A\": effort: expected a number, got a number too large for a 64-bit float (beyond about 1.8e308) \
         at line 1 column 43"
    );
    assert_eq!((error.line(), error.column()), (Some(1), Some(43)));
    // Before the id: the item is named by its title.
    let error = Backlog::from_json(r#"[{"title": "a", "reach": -1e400, "id": "A"}]"#).unwrap_err();
    assert_eq!((error.item(), error.field()), (Some("titled \"a\""), Some("reach")));
    // Quoted, the text is shown as written.
    let error = Backlog::from_json(r#"[{"id": "A", "effort": "1e309"}]"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "item \"A\": effort \"1e309\" is not a finite number (a 64-bit float: at most about 1.8e308 in size) \
         at line 1 column 31"
    );
}

#[test]
fn with_the_criteria_first_an_undeclared_name_is_reported_at_its_item() {
    let text =
        r#"{"criteria": [{"id": "revenue"}], "items": [{"id": "A", "revenu": 1}, {"id": "B", "reach": 1}]}"#;
    let error = serde_json::from_str::<Backlog>(text).unwrap_err();
    assert!(error.to_string().starts_with(r#"item "A": unknown field "revenu""#), "{error}");
    // Reported where item A ends, before item B is read.
    assert!(error.column() < text.find(r#"{"id": "B""#).expect("B"), "{error}");
}

#[test]
fn a_value_of_the_wrong_type_names_what_its_field_takes() {
    let read = |json: &str| serde_json::from_str::<BacklogItem>(json).unwrap_err().to_string();
    assert!(
        read(r#"{"id": "A", "title": "a", "alignment": true}"#)
            .starts_with(r#"item "A": alignment: expected a number or an object of objective ids to numbers, got a boolean (true)"#),
    );
    assert!(
        read(r#"{"id": "A", "title": "a", "reach": true}"#)
            .starts_with(r#"item "A": reach: expected a number, a text, a range {"low": .., "high": ..} or ratings {"ratings": {..}}, got a boolean (true)"#),
    );
    assert!(
        read(r#"{"id": "A", "title": "a", "moscow": true}"#)
            .starts_with(r#"item "A": moscow: expected a MoSCoW label, got a boolean (true)"#),
    );
    // An id or a title of the wrong type: the item is named by the id as written.
    assert!(
        read(r#"{"id": 5, "title": "a"}"#)
            .starts_with(r#"item "5": id: expected a string, got a number (5)"#)
    );
    assert!(
        read(r#"{"id": true}"#).starts_with(r#"item "true": id: expected a string, got a boolean (true)"#)
    );
    assert!(
        read(r#"{"id": "A", "title": 3}"#)
            .starts_with(r#"item "A": title: expected a string, got a number (3)"#)
    );
    assert!(
        read(r#"{"id": 7, "title": 3}"#)
            .starts_with(r#"item "7": title: expected a string, got a number (3)"#)
    );
    // A text where a number belongs inside an object: the object's shape is named.
    let inside = |json: &str| serde_json::from_str::<Backlog>(json).unwrap_err().to_string();
    assert!(
        inside(
            r#"{"objectives": [{"id": "g", "weight": 1}], "items": [{"id": "A", "alignment": {"g": "x"}}]}"#
        )
        .starts_with(
            r#"item "A": alignment: expected an object of objective ids to numbers, got a string ("x")"#
        )
    );
    assert!(inside(r#"[{"id": "A", "reach": {"low": "x", "high": 3}}]"#).starts_with(
        r#"item "A": reach: expected a number, a text, a range {"low": .., "high": ..} or ratings {"ratings": {..}}, got a string ("x")"#
    ));
    let backlog = serde_json::from_str::<Backlog>("[42]").unwrap_err().to_string();
    assert!(
        backlog.starts_with(
            "invalid type: integer `42`, expected a backlog item: an object with an id and the framework inputs"
        ),
        "{backlog}"
    );
}

#[test]
fn owned_strings_are_read_as_text() {
    // `serde_json::Value` hands strings over owned (`visit_string`), not borrowed.
    let value = serde_json::json!({"id": "A", "title": "a", "impact": "high", "moscow": "should"});
    let item: BacklogItem = serde_json::from_value(value).expect("valid");
    assert_eq!((item.impact(), item.moscow()), (Some(Impact::HIGH), Some(Category::Should)));
}

/// Reading items straight into a backlog's columns reports what reading each item on its own and
/// building the backlog from them reports: the same backlog, or the same first mistake.
mod one_reader_per_path {
    use super::{Backlog, BacklogItem};
    use proptest::prelude::*;

    /// One field as written: a name and a value, right or wrong.
    fn field() -> impl Strategy<Value = String> {
        prop_oneof![
            prop_oneof![Just(r#""A""#), Just(r#""B""#), Just("7"), Just("null"), Just(r#""""#)]
                .prop_map(|v| format!(r#""id": {v}"#)),
            prop_oneof![Just(r#""a title""#), Just("3"), Just("null")]
                .prop_map(|v| format!(r#""title": {v}"#)),
            prop_oneof![
                Just("10"),
                Just("-1"),
                Just(r#""many""#),
                Just("null"),
                Just(r#"{"low": 1, "high": 5}"#),
                Just(r#"{"low": 5, "high": 1}"#),
                Just(r#"{"ratings": {"po": 3}}"#),
                Just("[1]"),
                Just("1e309")
            ]
            .prop_map(|v| format!(r#""reach": {v}"#)),
            prop_oneof![Just(r#""high""#), Just(r#""huge""#), Just("2"), Just("true")]
                .prop_map(|v| format!(r#""impact": {v}"#)),
            prop_oneof![Just(r#""must""#), Just("1"), Just(r#""maybe""#)]
                .prop_map(|v| format!(r#""moscow": {v}"#)),
            prop_oneof![Just("0.5"), Just(r#"{"growth": 1}"#), Just(r#"{"growth": "x"}"#), Just(r#""high""#)]
                .prop_map(|v| format!(r#""alignment": {v}"#)),
            prop_oneof![
                Just(r#"["x"]"#),
                Just("[1]"),
                Just(r#""x""#),
                Just("null"),
                Just("[1e309]"),
                Just("[null]")
            ]
            .prop_map(|v| format!(r#""tags": {v}"#)),
            prop_oneof![Just(r#"["A"]"#), Just(r#"["B"]"#), Just("[2]")]
                .prop_map(|v| format!(r#""depends_on": {v}"#)),
            prop_oneof![Just("2"), Just("0")].prop_map(|v| format!(r#""effort": {v}"#)),
            Just(r#""revenue": 1"#.to_owned()),
        ]
    }

    /// A message without the position the reader adds.
    fn message(error: &impl ToString) -> String {
        let text = error.to_string();
        match text.rfind(" at line ") {
            Some(at) => text[..at].to_owned(),
            None => text,
        }
    }

    proptest! {
        #[test]
        fn the_backlog_reader_says_what_the_item_reader_says(
            items in prop::collection::vec(prop::collection::vec(field(), 0..7), 0..4),
        ) {
            let objects: Vec<String> = items.iter().map(|fields| format!("{{{}}}", fields.join(", "))).collect();
            let text = format!(r#"{{"objectives": [{{"id": "growth", "weight": 1}}], "items": [{}]}}"#, objects.join(", "));
            let direct = Backlog::from_json(&text);
            let reference = serde_json::from_str::<Vec<BacklogItem>>(&format!("[{}]", objects.join(", ")))
                .map_err(|error| message(&error))
                .and_then(|items| {
                    Backlog::new(items, [prioritize::Objective::new("growth", 1.0).expect("valid")])
                        .map_err(|error| message(&error))
                });
            match (direct, reference) {
                (Ok(direct), Ok(reference)) => prop_assert_eq!(direct, reference),
                (Err(direct), Err(reference)) => prop_assert_eq!(message(&direct), reference, "{}", text),
                (direct, reference) => prop_assert!(false, "{text}: {direct:?} against {reference:?}"),
            }
        }
    }
}

/// A backlog large enough to be read on every core (over 256 KiB), as `Backlog::to_json` would
/// write it: sections first, the items last.
#[cfg(feature = "json")]
fn large(items: usize) -> String {
    let items: Vec<String> = (0..items)
        .map(|at| {
            format!(
                r#"{{"id": "L-{at}", "title": "Item {at}, {{not a cut}}", "reach": {}, "impact": "medium", "confidence": 0.8, "effort": {}, "alignment": {{"growth": 0.5}}, "depends_on": [{}], "tags": ["t{}"]}}"#,
                at * 31 % 1000,
                at % 8 + 1,
                if at > 0 { format!(r#""L-{}""#, at / 2) } else { String::new() },
                at % 7
            )
        })
        .collect();
    format!(
        "{{\n  \"objectives\": [{{\"id\": \"growth\", \"weight\": 2}}],\n  \"items\": [\n    {}\n  ]\n}}\n",
        items.join(",\n    ")
    )
}

#[test]
#[cfg(feature = "json")]
fn a_large_backlog_reads_as_one_read_on_one_core() {
    let text = large(4_000);
    assert!(text.len() > 1 << 18);
    let read = Backlog::from_json(&text).expect("reads");
    assert_eq!(read.len(), 4_000);
    assert!(read == serde_json::from_str::<Backlog>(&text).expect("reads on one core"));
    // A config's sections, added to the same text.
    let config =
        prioritize::interchange::Config::new().with_criteria([prioritize::Criterion::new("score").unwrap()]);
    let with_config = config.backlog_from_json(&text).expect("reads");
    let mut json = serde_json::Deserializer::from_str(&text);
    let one_core =
        serde::de::DeserializeSeed::deserialize(config.backlog(), &mut json).expect("reads on one core");
    assert!(with_config == one_core);
}

#[test]
#[cfg(feature = "json")]
fn a_large_backlog_reports_its_first_error_where_it_is() {
    let text = large(4_000);
    for (wrong, right) in [
        (r#""effort": 4,"#, r#""effort": 0,"#),
        (r#""id": "L-3001""#, r#""id": "L-12""#),
        (r#""L-1499""#, r#""L-9999""#),
        (r#""reach": 0, "#, r#""reach": 1, "x": "#),
        ("\"t3\"]}", "\"t3\"]"),
        ("\n  ]\n}", "\n  ],\n  \"items\": []\n}"),
    ] {
        let broken = text.replacen(wrong, right, 1);
        assert_ne!(broken, text, "{wrong}");
        let (Err(error), Err(one_core)) =
            (Backlog::from_json(&broken), serde_json::from_str::<Backlog>(&broken))
        else {
            panic!("{wrong} read");
        };
        assert_eq!(error.to_string(), one_core.to_string(), "{wrong}");
        assert!(error.line().is_some(), "{wrong}: {error}");
    }
}
