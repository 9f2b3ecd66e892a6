//! The ranking core beside a naive baseline and the sorting limit, measured in the same run.
//!
//! `cargo bench --bench ranking` runs everything (a few minutes); a filter runs a part, e.g.
//! `cargo bench --bench ranking -- rice/1000000`. Groups are named `{what}/{n}`; in each:
//! - `ranking`: this crate: the full ranking with positions, competition ranks and what the
//!   breakdowns need (each entry's item index), or the top 100 of it;
//! - `naive`: what a quick implementation does: clone the items into a `Vec` and `sort_by` a
//!   comparator that computes both scores and compares them with `partial_cmp`;
//! - `limit`: what no ranking can beat: one pass computing `(u64 key, u32 index)` pairs (the key
//!   orders like `f64::total_cmp`) and `sort_unstable`; for the top 100, one streaming pass that
//!   keeps only the best pair; `sort_only` is the sort of precomputed pairs alone, and `scan`
//!   reads one field of every item (what touching the items costs).
//!
//! The data are [`support`]'s seeded backlogs; `benches/compare_pandas.py` ranks the same data.

mod support;

use std::cell::OnceCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, Criterion, SamplingMode, Throughput};
use prioritize::{
    Alignment, AlignmentWeight, Backlog, BacklogItem, Category, Engine, MoSCoW, RankOptions, Rice, Wsjf,
};

/// The alignment weight `λ` of the `rice_aligned` groups.
const LAMBDA: f64 = 0.5;

/// How many entries the top-k groups keep.
const TOP: usize = 100;

/// A group of measurements on `n` items, sized so that a full run stays within minutes on a
/// shared machine: ten samples of equal length (`Flat`), since one iteration at n = 1,000,000
/// takes up to seconds.
fn group<'a>(c: &'a mut Criterion, name: &str, n: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(format!("{name}/{n}"));
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Elements(n as u64));
    group
}

/// A score computed straight from the item's fields, as the baselines compute it.
type Score = fn(&BacklogItem) -> Option<f64>;

fn rice(item: &BacklogItem) -> Option<f64> {
    Some(item.reach()?.get() * item.impact()?.get() * item.confidence()?.get() / item.effort()?.get())
}

fn wsjf(item: &BacklogItem) -> Option<f64> {
    let cost_of_delay =
        item.business_value()?.get() + item.time_criticality()?.get() + item.risk_reduction()?.get();
    Some(cost_of_delay / item.effort()?.get())
}

fn rice_aligned(item: &BacklogItem) -> Option<f64> {
    let alignment = match item.alignment() {
        Some(Alignment::Overall(alignment)) => alignment.get(),
        _ => 0.0,
    };
    Some(rice(item)? * (1.0 - LAMBDA + LAMBDA * alignment))
}

/// A key that sorts ascending for scores descending, in the order of `f64::total_cmp`.
fn descending_key(score: f64) -> u64 {
    let bits = score.to_bits();
    // `total_cmp`'s map to unsigned order: flip every bit of a negative, the sign bit of a positive.
    let ascending = if bits >> 63 == 1 { !bits } else { bits | 1 << 63 };
    !ascending
}

/// The naive comparator's order: higher score first; a missing score counts as 0.
fn naive_order(score: Score, a: &BacklogItem, b: &BacklogItem) -> Ordering {
    let (a, b) = (score(a).unwrap_or(0.0), score(b).unwrap_or(0.0));
    b.partial_cmp(&a).unwrap_or(Ordering::Equal)
}

fn naive(items: &[BacklogItem], score: Score) -> Vec<BacklogItem> {
    let mut sorted = items.to_vec();
    sorted.sort_by(|a, b| naive_order(score, a, b));
    sorted
}

/// The `(key, index)` pairs of the scored items, in input order.
fn pairs(items: &[BacklogItem], score: Score) -> Vec<(u64, u32)> {
    let mut pairs = Vec::with_capacity(items.len());
    pairs.extend(
        items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| Some((descending_key(score(item)?), index as u32))),
    );
    pairs
}

fn limit(items: &[BacklogItem], score: Score) -> Vec<(u64, u32)> {
    let mut pairs = pairs(items, score);
    pairs.sort_unstable();
    pairs
}

fn moscow_naive(items: &[BacklogItem]) -> Vec<BacklogItem> {
    let mut sorted = items.to_vec();
    sorted.sort_by(|a, b| a.moscow().cmp(&b.moscow()).then_with(|| naive_order(wsjf, a, b)));
    sorted
}

/// MoSCoW's limit sorts `(category, key, index)`: 16 bytes, as the pairs are.
fn moscow_limit(items: &[BacklogItem]) -> Vec<(u8, u64, u32)> {
    let mut triples = Vec::with_capacity(items.len());
    triples.extend(items.iter().enumerate().filter_map(|(index, item)| {
        Some((item.moscow()?.priority(), descending_key(wsjf(item)?), index as u32))
    }));
    triples.sort_unstable();
    triples
}

/// Full rankings: RICE, WSJF, MoSCoW then WSJF, RICE with alignment weight 0.5.
fn full_rankings(c: &mut Criterion) {
    let aligned = Rice::default().alignment_weight(AlignmentWeight::new(LAMBDA).expect("0.5 is in 0..=1"));
    let engines: [(&str, &dyn Engine, Score); 3] = [
        ("rice", &Rice::default(), rice),
        ("wsjf", &Wsjf::default(), wsjf),
        ("rice_aligned", &aligned, rice_aligned),
    ];
    for n in support::SIZES {
        for (name, engine, score) in engines {
            let mut group = group(c, name, n);
            group.bench_function("ranking", |b| {
                let backlog = support::shared(n);
                b.iter(|| black_box(black_box(backlog).rank(engine)));
            });
            group.bench_function("limit", |b| {
                let items = support::shared(n).items();
                b.iter(|| black_box(limit(black_box(items), score)));
            });
            if name == "rice" {
                group.bench_function("sort_only", |b| {
                    let unsorted = pairs(support::shared(n).items(), score);
                    b.iter_batched(
                        || unsorted.clone(),
                        |mut pairs| {
                            pairs.sort_unstable();
                            pairs
                        },
                        BatchSize::LargeInput,
                    );
                });
            }
            group.bench_function("naive", |b| {
                let items = support::shared(n).items();
                b.iter(|| black_box(naive(black_box(items), score)));
            });
            group.finish();
        }
        let moscow = MoSCoW::default().then(Wsjf::default());
        let mut group = group(c, "moscow_then_wsjf", n);
        group.bench_function("ranking", |b| {
            let backlog = support::shared(n);
            b.iter(|| black_box(black_box(backlog).rank(&moscow)));
        });
        group.bench_function("limit", |b| {
            let items = support::shared(n).items();
            b.iter(|| black_box(moscow_limit(black_box(items))));
        });
        group.bench_function("naive", |b| {
            let items = support::shared(n).items();
            b.iter(|| black_box(moscow_naive(black_box(items))));
        });
        group.finish();
    }
}

/// The top 100 by RICE.
fn top_k(c: &mut Criterion) {
    let rice_engine = Rice::default();
    let options = RankOptions::default().top(TOP);
    for n in support::SIZES {
        let mut group = group(c, "top100", n);
        group.bench_function("ranking", |b| {
            let backlog = support::shared(n);
            b.iter(|| black_box(black_box(backlog).rank_with(&rice_engine, &options)));
        });
        group.bench_function("limit", |b| {
            let items = support::shared(n).items();
            b.iter(|| {
                let best = black_box(items)
                    .iter()
                    .enumerate()
                    .filter_map(|(index, item)| Some((descending_key(rice(item)?), index as u32)))
                    .min();
                black_box(best)
            });
        });
        group.bench_function("scan", |b| {
            let items = support::shared(n).items();
            b.iter(|| black_box(items).iter().filter(|item| item.effort().is_some()).count());
        });
        group.bench_function("naive", |b| {
            let items = support::shared(n).items();
            b.iter(|| {
                let mut sorted = naive(black_box(items), rice);
                sorted.truncate(TOP);
                black_box(sorted)
            });
        });
        group.finish();
    }
}

/// What a quick implementation checks: unique ids and known dependencies, with a `HashMap`
/// (no cycle check, no alignment).
fn naive_backlog(items: Vec<BacklogItem>) -> Option<Vec<BacklogItem>> {
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for (position, item) in items.iter().enumerate() {
        if index.insert(item.id(), position).is_some() {
            return None;
        }
    }
    let known = items.iter().flat_map(BacklogItem::depends_on).all(|id| index.contains_key(id.as_str()));
    drop(index);
    known.then_some(items)
}

/// Building a validated backlog from items (the items are cloned outside the timing).
fn build(c: &mut Criterion) {
    for n in support::SIZES {
        let mut group = group(c, "build", n);
        group.bench_function("backlog", |b| {
            let items = support::shared(n).items();
            b.iter_batched(|| items.to_vec(), Backlog::from_items, BatchSize::LargeInput);
        });
        group.bench_function("naive", |b| {
            let items = support::shared(n).items();
            b.iter_batched(|| items.to_vec(), naive_backlog, BatchSize::LargeInput);
        });
        group.finish();
    }
}

/// An item read without checks, as a quick implementation reads it.
#[derive(serde::Deserialize)]
#[allow(dead_code)] // read to be dropped: the cost of reading is what is measured
struct NaiveItem {
    id: String,
    title: String,
    reach: Option<f64>,
    impact: Option<f64>,
    confidence: Option<f64>,
    effort: Option<f64>,
    business_value: Option<f64>,
    time_criticality: Option<f64>,
    risk_reduction: Option<f64>,
    moscow: Option<String>,
    alignment: Option<f64>,
    #[serde(default)]
    depends_on: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)] // as `NaiveItem`
struct NaiveBacklog {
    objectives: serde::de::IgnoredAny,
    items: Vec<NaiveItem>,
}

/// Reading a backlog from JSON: this crate (checked and validated), a naive reader (plain
/// fields, no checks) and the limit (parsing the JSON and ignoring it).
fn json(c: &mut Criterion) {
    for n in [1_000, 100_000] {
        let text = OnceCell::new();
        let text =
            || text.get_or_init(|| serde_json::to_string(support::shared(n)).expect("a backlog serializes"));
        let mut group = group(c, "json", n);
        group.bench_function("backlog", |b| {
            let text = text();
            b.iter(|| black_box(serde_json::from_str::<Backlog>(black_box(text))));
        });
        group.bench_function("naive", |b| {
            let text = text();
            b.iter(|| black_box(serde_json::from_str::<NaiveBacklog>(black_box(text))));
        });
        group.bench_function("limit", |b| {
            let text = text();
            b.iter(|| black_box(serde_json::from_str::<serde::de::IgnoredAny>(black_box(text))));
        });
        group.finish();
    }
}

/// The categories exist so the MoSCoW groups have all four; checked once, cheaply.
fn check_generator() {
    let backlog = support::shared(support::SIZES[0]);
    for category in Category::ALL {
        assert!(backlog.items().iter().any(|item| item.moscow() == Some(category)), "no {category} item");
    }
}

fn all(c: &mut Criterion) {
    check_generator();
    full_rankings(c);
    top_k(c);
    build(c);
    json(c);
}

// What `criterion_group!` and `criterion_main!` expand to, without their undocumented `pub fn`.
fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    all(&mut criterion);
    criterion.final_summary();
}
