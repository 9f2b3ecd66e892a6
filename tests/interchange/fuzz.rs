//! A fuzz harness for the input path, on stable Rust: arbitrary and mutated JSON and CSV text into
//! the backlog readers, and every backlog they accept into every engine and writer. Nothing may
//! panic; anything accepted must also survive a JSON round trip.
//!
//! `cargo test` runs a few hundred inputs per generator. The long run is ignored by default:
//!
//! ```text
//! PROPTEST_CASES=20000 cargo test --release --test interchange fuzz -- --ignored
//! ```
//!
//! (`fuzz/` holds the same harness as `cargo fuzz` targets, for a nightly toolchain.)
#![cfg(feature = "csv")]

/// What to do with an accepted backlog: the same checks as the `cargo fuzz` targets.
#[path = "../../fuzz/src/lib.rs"]
#[allow(unreachable_pub)]
mod exercise;

use crate::common;
use std::sync::atomic::{AtomicUsize, Ordering};

use prioritize::{Backlog, Formula, csv};
use proptest::prelude::*;
use proptest::sample::Index;

const SAMPLE_JSON: &str = include_str!("../../examples/data/backlog.json");
const SAMPLE_CSV: &str = include_str!("../../examples/data/backlog.csv");

/// Fragments that steer mutations toward the readers' edge cases.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "null", "true", "0", "-0", "-1", "1e400", "1e-320", "5e-324",
    "1.7976931348623157e308", "0.1", "80", "\"NaN\"", "\"inf\"", "\"-inf\"", "\"80%\"", "\"101%\"", "\"%\"",
    "\"won't have this time\"", "\"W\"", "\"massive\"", "\"HIGH \"", "\"reach\"", "\"confidance\"",
    "\"depends_on\"", "[\"CHK-1\"]", "[\"AUTH-2\"]", "{\"growth\": 2}", "{\"nope\": 0.5}", "\"\"",
    "\"\\u0000\"", "\"é\"", "\\", ";", "\n", "\r\n", ",,", "\"id\"", "\"items\"", "\"objectives\"",
    "\"weight\"", "\u{feff}", "\"scorecards\"", "\"criteria\"", "\"normalize\"", "\"relative\"",
    "{\"v\": {\"criteria\": {\"reach\": 1}}}", "[{\"id\": \"revenue\"}]",
];

static INPUTS: AtomicUsize = AtomicUsize::new(0);
static ACCEPTED: AtomicUsize = AtomicUsize::new(0);

/// Ranks and writes an accepted backlog every way; a broken promise panics, which proptest
/// reports as a failure with the input that caused it.
fn accept(backlog: &Backlog) {
    ACCEPTED.fetch_add(1, Ordering::Relaxed);
    exercise::exercise(backlog);
}

/// Reads `bytes` as a JSON backlog, and as CSV; exercises whatever is accepted.
fn feed(bytes: &[u8]) -> Result<(), TestCaseError> {
    INPUTS.fetch_add(1, Ordering::Relaxed);
    match serde_json::from_slice::<Backlog>(bytes) {
        Ok(backlog) => accept(&backlog),
        Err(error) => prop_assert!(!error.to_string().is_empty()),
    }
    match csv::read_backlog(bytes) {
        Ok(backlog) => accept(&backlog),
        Err(error) => prop_assert!(!error.to_string().is_empty()),
    }
    Ok(())
}

/// One edit: replace, delete or duplicate a short range, or insert a token.
#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, &'static str),
    Replace(Index, usize, &'static str),
    Delete(Index, usize),
    Duplicate(Index, usize),
    Byte(Index, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let token = prop::sample::select(TOKENS);
    prop_oneof![
        (any::<Index>(), token.clone()).prop_map(|(at, t)| Edit::Insert(at, t)),
        (any::<Index>(), 1_usize..12, token).prop_map(|(at, n, t)| Edit::Replace(at, n, t)),
        (any::<Index>(), 1_usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<Index>(), 1_usize..80).prop_map(|(at, n)| Edit::Duplicate(at, n)),
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Byte(at, b)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for edit in edits {
        let at = |index: &Index, bytes: &[u8]| index.index(bytes.len() + 1);
        match edit {
            Edit::Insert(index, token) => {
                let at = at(index, &bytes);
                bytes.splice(at..at, token.bytes());
            }
            Edit::Replace(index, n, token) => {
                let at = at(index, &bytes);
                let end = (at + n).min(bytes.len());
                bytes.splice(at..end, token.bytes());
            }
            Edit::Delete(index, n) => {
                let at = at(index, &bytes);
                bytes.drain(at..(at + n).min(bytes.len()));
            }
            Edit::Duplicate(index, n) => {
                let at = at(index, &bytes);
                let copy = bytes[at..(at + n).min(bytes.len())].to_vec();
                bytes.splice(at..at, copy);
            }
            Edit::Byte(index, byte) => {
                if !bytes.is_empty() {
                    let at = index.index(bytes.len());
                    bytes[at] = *byte;
                }
            }
        }
    }
    bytes
}

/// Values a field may be set to: valid, out of range, of the wrong type, or extreme.
#[rustfmt::skip]
const VALUES: &[&str] = &[
    "0", "-0", "1", "2", "3", "13", "20", "0.5", "0.8", "1.0000000000000002", "-1", "100", "1e308",
    "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "\"high\"", "\"Minimal\"", "\"80%\"",
    "\"100 %\"", "\"0.5\"", "\" 7 \"", "\"NaN\"", "\"inf\"", "\"must\"", "\"Won't Have\"", "\"c\"",
    "\"maybe\"", "null", "true", "[]", "[\"CHK-1\"]", "[\"CHK-1\", \"CHK-1\"]", "{}", "{\"growth\": 1}",
    "{\"growth\": 0.5, \"retention\": 1}", "{\"growth\": 2}", "{\"mars\": 1}", "\"\"",
];

/// The interchange field names, and one that is not.
#[rustfmt::skip]
const FIELDS: &[&str] = &[
    "id", "title", "reach", "impact", "confidence", "effort", "business_value", "time_criticality",
    "risk_reduction", "ease", "cost_of_delay", "duration", "importance", "satisfaction", "moscow",
    "alignment", "depends_on", "tags", "confidance",
];

/// The sample backlog with some fields of some items set to other values (or removed), so
/// most inputs are well-formed and many are valid: this reaches the engines with odd values.
fn mutated_fields() -> impl Strategy<Value = Vec<u8>> {
    let change = (
        any::<Index>(),
        prop::sample::select(FIELDS),
        prop::option::weighted(0.9, prop::sample::select(VALUES)),
    );
    prop::collection::vec(change, 1..8).prop_map(|changes| {
        let mut backlog: serde_json::Value = serde_json::from_str(SAMPLE_JSON).expect("the sample is JSON");
        if let Some(items) = backlog.get_mut("items").and_then(serde_json::Value::as_array_mut) {
            for (at, field, value) in changes {
                let item = at.get_mut(items);
                if let Some(object) = item.as_object_mut() {
                    match value {
                        Some(value) => {
                            object.insert(
                                (*field).to_owned(),
                                serde_json::from_str(value).expect("a JSON value"),
                            );
                        }
                        None => {
                            object.remove(field);
                        }
                    }
                }
            }
        }
        backlog.to_string().into_bytes()
    })
}

/// The sample CSV with some cells replaced by other values (with JSON's quotes removed).
fn mutated_cells() -> impl Strategy<Value = Vec<u8>> {
    let change = (any::<Index>(), any::<Index>(), prop::sample::select(VALUES));
    prop::collection::vec(change, 1..8).prop_map(|changes| {
        let mut rows: Vec<Vec<String>> =
            SAMPLE_CSV.lines().map(|line| line.split(',').map(str::to_owned).collect()).collect();
        for (row, cell, value) in changes {
            let row = row.get_mut(&mut rows);
            *cell.get_mut(row) = value.replace('"', "");
        }
        rows.iter().map(|row| row.join(",") + "\n").collect::<String>().into_bytes()
    })
}

/// Parts of scorecard definitions: valid ones, then odd ones.
const SCORECARD_FIELDS: &[&str] = &["reach", "effort", "confidence", "importance", "revenue", "risk"];
const WEIGHTS: &[&str] = &["1", "0.4", "2.5", "1e308"];
const NORMALIZE: &[&str] = &["\"none\"", "\"scale\"", "\"relative\""];
const ODD_FIELDS: &[&str] = &["reach", "revenue", "moscow", "nope", "alignment"];
const ODD_WEIGHTS: &[&str] = &["1", "0", "-1", "1e999", "\"high\"", "null"];
const ODD_NORMALIZE: &[&str] = &["\"none\"", "\"minmax\"", "1"];
const CRITERION_VALUES: &[&str] = &["0", "3", "7.5", "10", "-2", "0.5", "6", "1e-9", "9.25", "11"];

/// A scorecard's name, fields with weights and normalization, as JSON text: mostly valid.
fn scorecard()
-> impl Strategy<Value = (&'static str, Vec<(&'static str, &'static str)>, Option<&'static str>)> {
    let valid = (
        prop::sample::subsequence(SCORECARD_FIELDS, 1..=4),
        prop::collection::vec(prop::sample::select(WEIGHTS), 4),
        prop::option::of(prop::sample::select(NORMALIZE)),
    )
        .prop_map(|(fields, weights, normalize)| (fields.into_iter().zip(weights).collect(), normalize));
    let odd = (
        prop::collection::vec((prop::sample::select(ODD_FIELDS), prop::sample::select(ODD_WEIGHTS)), 0..4),
        prop::option::of(prop::sample::select(ODD_NORMALIZE)),
    );
    let definition = prop_oneof![4 => valid, 1 => odd];
    (prop::sample::select(vec!["value", "risk", "v"]), definition)
        .prop_map(|(name, (weights, normalize))| (name, weights, normalize))
}

/// The sample backlog with two criteria (`revenue` bounded, `risk` a cost), values of them on
/// some items, and a `scorecards` section, mostly valid, at times odd (names repeated, fields
/// unknown, weights invalid, normalizations unknown or needing bounds a field lacks).
fn with_scorecards() -> impl Strategy<Value = Vec<u8>> {
    let value = (
        any::<Index>(),
        prop::sample::select(vec!["revenue", "risk"]),
        prop::sample::select(CRITERION_VALUES),
    );
    (prop::collection::vec(scorecard(), 0..3), prop::collection::vec(value, 0..12)).prop_map(|(scorecards, values)| {
        let mut backlog: serde_json::Value = serde_json::from_str(SAMPLE_JSON).expect("the sample is JSON");
        backlog["criteria"] = serde_json::json!([{"id": "revenue", "min": 0, "max": 10}, {"id": "risk", "direction": "cost"}]);
        if let Some(items) = backlog.get_mut("items").and_then(serde_json::Value::as_array_mut) {
            for (at, field, value) in values {
                at.get_mut(items)[field] = serde_json::from_str(value).expect("a JSON value");
            }
        }
        let section: Vec<String> = scorecards
            .iter()
            .map(|(name, weights, normalize)| {
                let criteria: Vec<String> = weights.iter().map(|(field, weight)| format!("\"{field}\": {weight}")).collect();
                let normalize = normalize.map_or(String::new(), |n| format!(", \"normalize\": {n}"));
                format!("\"{name}\": {{\"criteria\": {{{}}}{normalize}}}", criteria.join(", "))
            })
            .collect();
        // Text, not a JSON value, so that a name given twice stays twice.
        let text = backlog.to_string();
        format!("{{\"scorecards\": {{{}}}, {}", section.join(", "), &text[1..]).into_bytes()
    })
}

/// Text made of the readers' own tokens and field names, so it is often nearly valid.
fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|tokens| tokens.concat())
}

fn run(cases: u32) {
    let generators: [(&str, BoxedStrategy<Vec<u8>>); 8] = [
        ("mutated json fields", mutated_fields().boxed()),
        ("mutated csv cells", mutated_cells().boxed()),
        ("scorecards", with_scorecards().boxed()),
        ("mutated json", prop::collection::vec(edit(), 1..6).prop_map(|e| apply(SAMPLE_JSON, &e)).boxed()),
        ("mutated csv", prop::collection::vec(edit(), 1..6).prop_map(|e| apply(SAMPLE_CSV, &e)).boxed()),
        ("token soup", token_soup().prop_map(String::into_bytes).boxed()),
        ("any text", any::<String>().prop_map(String::into_bytes).boxed()),
        ("any bytes", prop::collection::vec(any::<u8>(), 0..200).boxed()),
    ];
    for (name, generator) in generators {
        let mut runner = proptest::test_runner::TestRunner::new(common::config(cases));
        if let Err(failure) = runner.run(&generator, |bytes| feed(&bytes)) {
            panic!("{name}: {failure}");
        }
    }
}

#[test]
fn readers_and_engines_never_panic_on_arbitrary_or_mutated_text() {
    run(128);
}

/// The pieces of formulas: names (known and not), functions (known and not), operators,
/// numbers (some too large), and characters the language does not use.
#[rustfmt::skip]
const FORMULA_TOKENS: &[&str] = &[
    "reach", "impact", "confidence", "effort", "ease", "alignment", "importance", "satisfaction", "revenue",
    "max", "min", "sqrt", "ln", "log10", "abs", "exp", "(", "(", ")", ")", ",", "+", "-", "-", "*", "/", "^",
    "0", "1", "2.5", ".5", "1e308", "1e400", "1e", " ", " ", "é", "$", "_x",
];

fn formulas(cases: u32) {
    let backlog: Backlog = serde_json::from_str(SAMPLE_JSON).expect("the sample is valid");
    let text =
        prop::collection::vec(prop::sample::select(FORMULA_TOKENS), 0..30).prop_map(|tokens| tokens.concat());
    let mut runner = proptest::test_runner::TestRunner::new(common::config(cases));
    let outcome = runner.run(&text, |text| {
        match Formula::parse(&text) {
            Ok(formula) => exercise::rank_every_way(&backlog, &formula),
            Err(error) => prop_assert!(error.to_string().contains("at character"), "{error}"),
        }
        Ok(())
    });
    if let Err(failure) = outcome {
        panic!("formulas: {failure}");
    }
}

/// Any formula text parses or is an error naming a character; any that parses ranks the sample
/// backlog every way without panicking and with finite scores.
#[test]
fn formulas_never_panic() {
    formulas(256);
}

/// The long run: `PROPTEST_CASES` inputs per generator (default 20 000), with a count at the end.
#[test]
#[ignore = "long fuzz run; see the module docs"]
fn fuzz_long_run() {
    run(20_000);
    formulas(20_000);
    eprintln!(
        "fuzz_input: {} inputs fed to both readers, {} backlogs accepted and ranked",
        INPUTS.load(Ordering::Relaxed),
        ACCEPTED.load(Ordering::Relaxed)
    );
}
