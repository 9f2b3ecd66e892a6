//! A seeded generator of realistic backlogs, shared by the bench targets and examples
//! (include it with `#[path = "../benches/support/mod.rs"] mod support;` from `examples/`).
//!
//! Every value is drawn from a counter-based SplitMix64: field `f` of item `i` is
//! `mix(SEED + (i * FIELDS + f + 1) * GAMMA)` in wrapping `u64` arithmetic, then mapped onto
//! its scale by `% len`. No state runs from item to item, so another language reproduces the
//! data exactly.
//!
//! The scales are the published ones, so ties are common:
//! - reach: an integer in 1..=10,000;
//! - impact: Intercom's levels 3, 2, 1, 0.5, 0.25; confidence: 1, 0.8, 0.5;
//! - effort: 0.5..=10 in steps of 0.5 (person-months);
//! - business value, time criticality, risk reduction: SAFe's 1, 2, 3, 5, 8, 13, 20;
//! - MoSCoW: all four categories, uniformly; alignment: 0, 0.1, ..., 1;
//! - one item in ten depends on one of the 50 items before it (so the graph has no cycle);
//! - one tag of five.

// Each bench target and example uses a part of this module.
#![allow(dead_code)]

use std::sync::Mutex;

use prioritize::{Backlog, BacklogItem, Category};

/// The seed of every generated backlog.
pub(crate) const SEED: u64 = 0x5EED_2026;
/// SplitMix64's increment (the golden ratio in 64 bits).
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;
/// The number of draws per item.
const FIELDS: u64 = 12;

/// The backlog sizes the benches measure.
pub(crate) const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];

/// The draws of one item, by field. Deliberately not [`prioritize::Field`]: these numbers are the
/// data's contract with programs that reproduce it and must not move if `Field` does.
#[derive(Clone, Copy)]
enum Draw {
    Reach,
    Impact,
    Confidence,
    Effort,
    BusinessValue,
    TimeCriticality,
    RiskReduction,
    Moscow,
    Alignment,
    HasDependency,
    Dependency,
    Tag,
}

/// Intercom's impact levels.
pub(crate) const IMPACTS: [f64; 5] = [3.0, 2.0, 1.0, 0.5, 0.25];
/// Intercom's confidence levels.
pub(crate) const CONFIDENCES: [f64; 3] = [1.0, 0.8, 0.5];
/// SAFe's modified Fibonacci scale.
pub(crate) const FIBONACCI: [f64; 7] = [1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0];
/// Free labels.
pub(crate) const TAGS: [&str; 5] = ["checkout", "search", "billing", "onboarding", "mobile"];

/// The `u64` drawn for `field` of item `index`.
fn draw(index: usize, field: Draw) -> u64 {
    let counter = (index as u64).wrapping_mul(FIELDS).wrapping_add(field as u64 + 1);
    let mut z = SEED.wrapping_add(counter.wrapping_mul(GAMMA));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A draw mapped onto `0..len`.
fn pick(index: usize, field: Draw, len: usize) -> usize {
    (draw(index, field) % len as u64) as usize
}

/// The id of item `index`.
pub(crate) fn id(index: usize) -> String {
    format!("IT-{index}")
}

/// Item `index` of every generated backlog.
///
/// # Panics
///
/// Never: every value is on its field's scale.
pub(crate) fn item(index: usize) -> BacklogItem {
    let mut builder = BacklogItem::builder(id(index), format!("Generated item {index}"))
        .reach((1 + draw(index, Draw::Reach) % 10_000) as f64)
        .impact(IMPACTS[pick(index, Draw::Impact, IMPACTS.len())])
        .confidence(CONFIDENCES[pick(index, Draw::Confidence, CONFIDENCES.len())])
        .effort(0.5 * (1 + pick(index, Draw::Effort, 20)) as f64)
        .business_value(FIBONACCI[pick(index, Draw::BusinessValue, FIBONACCI.len())])
        .time_criticality(FIBONACCI[pick(index, Draw::TimeCriticality, FIBONACCI.len())])
        .risk_reduction(FIBONACCI[pick(index, Draw::RiskReduction, FIBONACCI.len())])
        .moscow(Category::ALL[pick(index, Draw::Moscow, Category::ALL.len())])
        .alignment(pick(index, Draw::Alignment, 11) as f64 / 10.0)
        .tag(TAGS[pick(index, Draw::Tag, TAGS.len())]);
    if index > 0 && pick(index, Draw::HasDependency, 10) == 0 {
        builder = builder.depends_on(id(index - 1 - pick(index, Draw::Dependency, index.min(50))));
    }
    builder.build().expect("generated values are on their scales")
}

/// The first `n` generated items.
pub(crate) fn items(n: usize) -> Vec<BacklogItem> {
    (0..n).map(item).collect()
}

/// A validated backlog of the first `n` generated items, without objectives.
///
/// # Panics
///
/// Never: ids are unique and dependencies point to earlier items.
pub(crate) fn backlog(n: usize) -> Backlog {
    Backlog::from_items(items(n)).expect("generated backlogs are valid")
}

/// The backlog of `n` generated items, built once per process and shared by every measurement.
///
/// # Panics
///
/// When another thread panicked while building one.
pub(crate) fn shared(n: usize) -> &'static Backlog {
    static CACHE: Mutex<Vec<(usize, &'static Backlog)>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().expect("no thread panics while building a backlog");
    if let Some(&(_, backlog)) = cache.iter().find(|(size, _)| *size == n) {
        return backlog;
    }
    // Leaked on purpose: it lives as long as the bench process.
    let backlog: &'static Backlog = Box::leak(Box::new(backlog(n)));
    cache.push((n, backlog));
    backlog
}
