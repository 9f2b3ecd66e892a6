//! The ranking core beside a naive baseline and the sorting limit, measured in the same run.
//!
//! `cargo bench --bench ranking` runs everything (a few minutes); a filter runs a part, e.g.
//! `cargo bench --bench ranking -- rice/1000000`. Groups are named `{what}/{n}`; in each:
//! - `ranking`: this crate: the full ranking with positions, competition ranks and what the
//!   breakdowns need (each entry's item index), or the top 100 of it;
//! - `naive`: what a quick implementation does: clone the items into a `Vec` and `sort_by` a
//!   comparator that computes both scores and compares them with `partial_cmp`;
//! - `limit`: what no ranking can beat: the engine's inputs in one contiguous array (a row of
//!   `f64`s an item, the most compact layout), one pass computing `(u64 key, u32 index)` pairs
//!   (the key orders like `f64::total_cmp`) and `sort_unstable`; for the top 100, one streaming
//!   pass over that array keeping the best pair; `sort_only` is the sort of precomputed pairs
//!   alone. From 32,768 rows on, the full ranking's pass and sort run on every core, and so do
//!   the limit's (the pass a part a core, the sort split around a sample's median); a top 100 runs on one
//!   core, and so does its limit. For JSON, `limit` is serde's
//!   `IgnoredAny` over the same text (parsing and ignoring it).
//!
//! `formula_rice` and `scorecard4` (at 1,000,000 items only) measure the engines defined by data:
//! `ranking` is a [`Formula`] equal to RICE (beside it, `rice`: the `Rice` engine on the same
//! data) or a [`Scorecard`] of WSJF's four inputs; `limit` as above.
//!
//! The data are [`support`]'s seeded backlogs (the `generate` example writes them as files).

mod support;

use std::cell::OnceCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, Criterion, SamplingMode, Throughput};
use prioritize::{
    Alignment, AlignmentWeight, Backlog, BacklogItem, Category, Engine, Field, Formula, Moscow, RankOptions,
    Rice, Scorecard, Wsjf,
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

/// The engine's inputs of every item, one row an item (NaN where absent): the most compact
/// layout of what a ranking reads, from which the limits compute their keys.
fn compact<const N: usize>(backlog: &Backlog, fields: [&str; N]) -> Vec<[f64; N]> {
    let columns = fields.map(|field| backlog.column(field).expect("a numeric field"));
    (0..backlog.len()).map(|index| columns.map(|column| column.get(index).unwrap_or(f64::NAN))).collect()
}

/// A score computed from a compact row, as the limits compute it; NaN when an input is absent.
type Score = fn(&[f64; 5]) -> f64;

/// The inputs each score reads, in row order (the fifth is the alignment).
const RICE_INPUTS: [&str; 5] = ["reach", "impact", "confidence", "effort", "alignment"];
const WSJF_INPUTS: [&str; 5] =
    ["business_value", "time_criticality", "risk_reduction", "effort", "alignment"];

fn rice(row: &[f64; 5]) -> f64 {
    row[0] * row[1] * row[2] / row[3]
}

fn wsjf(row: &[f64; 5]) -> f64 {
    (row[0] + row[1] + row[2]) / row[3]
}

fn rice_aligned(row: &[f64; 5]) -> f64 {
    let alignment = if row[4].is_nan() { 0.0 } else { row[4] };
    rice(row) * (1.0 - LAMBDA + LAMBDA * alignment)
}

/// The weights of the `scorecard4` group, over WSJF's inputs (effort a cost).
const SCORECARD4: [(&str, f64); 4] =
    [("business_value", 0.4), ("time_criticality", 0.25), ("risk_reduction", 0.2), ("effort", 0.15)];

/// The four-field scorecard without normalization: benefits minus the cost, as the engine sums.
fn scorecard4(row: &[f64; 5]) -> f64 {
    (0.4 * row[0] + 0.25 * row[1] + 0.2 * row[2]) - 0.15 * row[3]
}

/// A key that sorts ascending for scores descending, in the order of `f64::total_cmp`.
fn descending_key(score: f64) -> u64 {
    let bits = score.to_bits();
    // `total_cmp`'s map to unsigned order: flip every bit of a negative, the sign bit of a positive.
    let ascending = if bits >> 63 == 1 { !bits } else { bits | 1 << 63 };
    !ascending
}

/// The naive comparator's order: higher score first; a missing score counts as 0.
fn naive_order(score: &dyn Fn(&BacklogItem) -> Option<f64>, a: &BacklogItem, b: &BacklogItem) -> Ordering {
    let (a, b) = (score(a).unwrap_or(0.0), score(b).unwrap_or(0.0));
    b.partial_cmp(&a).unwrap_or(Ordering::Equal)
}

/// A score from an owned item's fields, as a quick implementation computes it.
fn naive_score(inputs: [&str; 5], score: Score) -> impl Fn(&BacklogItem) -> Option<f64> {
    let fields = inputs.map(|name| Field::from_name(name).expect("built-in fields"));
    move |item| {
        let row = fields.map(|field| match field {
            Field::Alignment => match item.alignment() {
                Some(Alignment::Overall(alignment)) => alignment.get(),
                _ => f64::NAN,
            },
            field => item.number(field).unwrap_or(f64::NAN),
        });
        let value = score(&row);
        (!value.is_nan()).then_some(value)
    }
}

fn naive(items: &[BacklogItem], score: &dyn Fn(&BacklogItem) -> Option<f64>) -> Vec<BacklogItem> {
    let mut sorted = items.to_vec();
    sorted.sort_by(|a, b| naive_order(score, a, b));
    sorted
}

/// Below this many rows the limits run on one core, as the ranking does: a thread would cost more
/// than it saves.
const SPLIT: usize = 1 << 15;

/// The cores the limits use: every one the process may use, as the ranking does.
fn cores(len: usize) -> usize {
    if len < SPLIT { 1 } else { std::thread::available_parallelism().map_or(1, usize::from) }
}

/// `make(offset, part)` for the parts of `rows`, one a core, the results concatenated in order.
fn on_every_core<R: Sync, T: Send>(rows: &[R], make: impl Fn(usize, &[R]) -> Vec<T> + Sync) -> Vec<T> {
    let size = rows.len().div_ceil(cores(rows.len())).max(1);
    std::thread::scope(|scope| {
        let make = &make;
        let parts: Vec<_> = rows
            .chunks(size)
            .enumerate()
            .map(|(at, part)| scope.spawn(move || make(at * size, part)))
            .collect();
        let parts: Vec<Vec<T>> = parts.into_iter().map(|part| part.join().expect("no panic")).collect();
        let mut all = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in parts {
            all.extend(part);
        }
        all
    })
}

/// Sorts `items` on every core as the ranking does: split around the median of a sample (each half
/// partitioned on a core of its own, then the misplaced items swapped across), each side sorted on
/// a core of its own.
fn sort_on_every_core<T: Ord + Copy + Send + Sync>(items: &mut [T]) {
    if cores(items.len()) < 2 {
        items.sort_unstable();
        return;
    }
    let mut sample: Vec<T> = (0..2047).map(|at| items[at * items.len() / 2047]).collect();
    sample.sort_unstable();
    let pivot = sample[sample.len() / 2];
    let partition = |items: &mut [T]| {
        let mut low = 0;
        for at in 0..items.len() {
            let is = items[at] < pivot;
            items.swap(low, at);
            low += usize::from(is);
        }
        low
    };
    let half = items.len() / 2;
    let (first, second) = items.split_at_mut(half);
    let (low_first, low_second) = std::thread::scope(|scope| {
        let other = scope.spawn(|| partition(first));
        let low_second = partition(second);
        (other.join().expect("no panic"), low_second)
    });
    let low = low_first + low_second;
    let (first, second) = items.split_at_mut(half.max(low));
    if low <= half {
        first[low_first..low].swap_with_slice(&mut second[..low_second]);
    } else {
        first[low_first..half].swap_with_slice(&mut second[..half - low_first]);
    }
    let (below, above) = items.split_at_mut(low);
    std::thread::scope(|scope| {
        scope.spawn(|| below.sort_unstable());
        above.sort_unstable();
    });
}

/// The `(key, index)` pairs of the scored rows, in input order, computed on every core.
fn pairs(rows: &[[f64; 5]], score: Score) -> Vec<(u64, u32)> {
    on_every_core(rows, |offset, part| {
        let mut pairs = Vec::with_capacity(part.len());
        pairs.extend(part.iter().enumerate().filter_map(|(at, row)| {
            let value = score(row);
            (!value.is_nan()).then(|| (descending_key(value), (offset + at) as u32))
        }));
        pairs
    })
}

fn limit(rows: &[[f64; 5]], score: Score) -> Vec<(u64, u32)> {
    let mut pairs = pairs(rows, score);
    sort_on_every_core(&mut pairs);
    pairs
}

fn moscow_naive(items: &[BacklogItem]) -> Vec<BacklogItem> {
    let wsjf = naive_score(WSJF_INPUTS, wsjf);
    let mut sorted = items.to_vec();
    sorted.sort_by(|a, b| a.moscow().cmp(&b.moscow()).then_with(|| naive_order(&wsjf, a, b)));
    sorted
}

/// MoSCoW's limit sorts `(category, key, index)`: 16 bytes, as the pairs are.
fn moscow_limit(rows: &[[f64; 5]], categories: &[u8]) -> Vec<(u8, u64, u32)> {
    let mut triples = on_every_core(rows, |offset, part| {
        let mut triples = Vec::with_capacity(part.len());
        triples.extend(part.iter().zip(&categories[offset..]).enumerate().filter_map(
            |(at, (row, &category))| {
                let value = wsjf(row);
                (!value.is_nan() && category != u8::MAX)
                    .then(|| (category, descending_key(value), (offset + at) as u32))
            },
        ));
        triples
    });
    sort_on_every_core(&mut triples);
    triples
}

/// Full rankings: RICE, WSJF, MoSCoW then WSJF, RICE with alignment weight 0.5.
fn full_rankings(c: &mut Criterion) {
    let aligned = Rice::default().alignment_weight(AlignmentWeight::new(LAMBDA).expect("0.5 is in 0..=1"));
    let engines: [(&str, &dyn Engine, Score, [&str; 5]); 3] = [
        ("rice", &Rice::default(), rice, RICE_INPUTS),
        ("wsjf", &Wsjf::default(), wsjf, WSJF_INPUTS),
        ("rice_aligned", &aligned, rice_aligned, RICE_INPUTS),
    ];
    for n in support::SIZES {
        for (name, engine, score, inputs) in engines {
            let rows = compact(support::shared(n), inputs);
            let mut group = group(c, name, n);
            group.bench_function("ranking", |b| {
                let backlog = support::shared(n);
                b.iter(|| black_box(black_box(backlog).rank(engine)));
            });
            group.bench_function("limit", |b| {
                // The limit does the ranking's work: the same order.
                let order: Vec<usize> = support::shared(n)
                    .rank(engine)
                    .expect("ranks")
                    .iter()
                    .map(|entry| entry.index())
                    .collect();
                assert!(limit(&rows, score).iter().map(|&(_, index)| index as usize).eq(order), "{name} {n}");
                b.iter(|| black_box(limit(black_box(&rows), score)));
            });
            if name == "rice" {
                group.bench_function("sort_only", |b| {
                    let unsorted = pairs(&rows, score);
                    b.iter_batched(
                        || unsorted.clone(),
                        |mut pairs| {
                            sort_on_every_core(&mut pairs);
                            pairs
                        },
                        BatchSize::LargeInput,
                    );
                });
            }
            group.bench_function("naive", |b| {
                let items = owned(n);
                let score = naive_score(inputs, score);
                b.iter(|| black_box(naive(black_box(&items), &score)));
            });
            group.finish();
        }
        let moscow = Moscow::default().then(Wsjf::default());
        let mut group = group(c, "moscow_then_wsjf", n);
        group.bench_function("ranking", |b| {
            let backlog = support::shared(n);
            b.iter(|| black_box(black_box(backlog).rank(&moscow)));
        });
        group.bench_function("limit", |b| {
            let rows = compact(support::shared(n), WSJF_INPUTS);
            let categories: Vec<u8> = support::shared(n)
                .items()
                .map(|item| item.moscow().map_or(u8::MAX, Category::priority))
                .collect();
            b.iter(|| black_box(moscow_limit(black_box(&rows), black_box(&categories))));
        });
        group.bench_function("naive", |b| {
            let items = owned(n);
            b.iter(|| black_box(moscow_naive(black_box(&items))));
        });
        group.finish();
    }
}

/// The engines defined by data, at the largest size: a formula equal to RICE beside `Rice`
/// itself (same scores, same order), and a scorecard of four fields.
fn data_defined(c: &mut Criterion) {
    let n = support::SIZES[support::SIZES.len() - 1];
    let formula = Formula::parse("reach * impact * confidence / effort").expect("parses");
    let rice_engine = Rice::default();
    let mut formulas = group(c, "formula_rice", n);
    formulas.bench_function("ranking", |b| {
        let backlog = support::shared(n);
        b.iter(|| black_box(black_box(backlog).rank(&formula)));
    });
    formulas.bench_function("rice", |b| {
        let backlog = support::shared(n);
        b.iter(|| black_box(black_box(backlog).rank(rice_engine)));
    });
    formulas.bench_function("limit", |b| {
        let rows = compact(support::shared(n), RICE_INPUTS);
        b.iter(|| black_box(limit(black_box(&rows), rice)));
    });
    formulas.finish();
    let scorecard = Scorecard::new("value", SCORECARD4).expect("valid weights");
    let mut scorecards = group(c, "scorecard4", n);
    scorecards.bench_function("ranking", |b| {
        let backlog = support::shared(n);
        b.iter(|| black_box(black_box(backlog).rank(&scorecard)));
    });
    scorecards.bench_function("limit", |b| {
        let rows = compact(support::shared(n), WSJF_INPUTS);
        b.iter(|| black_box(limit(black_box(&rows), scorecard4)));
    });
    scorecards.finish();
}

/// The top 100 by RICE.
fn top_k(c: &mut Criterion) {
    let rice_engine = Rice::default();
    let options = RankOptions::default().top(TOP);
    for n in support::SIZES {
        let mut group = group(c, "top100", n);
        group.bench_function("ranking", |b| {
            let backlog = support::shared(n);
            b.iter(|| black_box(black_box(backlog).rank_with(rice_engine, &options)));
        });
        group.bench_function("limit", |b| {
            let rows = compact(support::shared(n), RICE_INPUTS);
            b.iter(|| {
                let best = black_box(&rows)
                    .iter()
                    .enumerate()
                    .filter_map(|(index, row)| {
                        let value = rice(row);
                        (!value.is_nan()).then(|| (descending_key(value), index as u32))
                    })
                    .min();
                black_box(best)
            });
        });
        group.bench_function("naive", |b| {
            let items = owned(n);
            let score = naive_score(RICE_INPUTS, rice);
            b.iter(|| {
                let mut sorted = naive(black_box(&items), &score);
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
        if index.insert(item.id().as_str(), position).is_some() {
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
        let items = owned(n);
        group.bench_function("backlog", |b| {
            b.iter_batched(|| items.clone(), Backlog::from_items, BatchSize::LargeInput);
        });
        group.bench_function("naive", |b| {
            b.iter_batched(|| items.clone(), naive_backlog, BatchSize::LargeInput);
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

/// Reading a backlog from JSON: this crate (checked and validated) through `Backlog::from_json`
/// (its items on every core) and through serde (one core), a naive reader (plain fields, no
/// checks) and the limit (parsing the JSON and ignoring it, one core).
fn json(c: &mut Criterion) {
    for n in support::SIZES {
        let text = OnceCell::new();
        let text =
            || text.get_or_init(|| serde_json::to_string(support::shared(n)).expect("a backlog serializes"));
        let mut group = group(c, "json", n);
        group.bench_function("from_json", |b| {
            let text = text();
            b.iter(|| black_box(Backlog::from_json(black_box(text))));
        });
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

/// The generated items as owned items, what the naive baselines sort.
fn owned(n: usize) -> Vec<BacklogItem> {
    support::shared(n).items().map(|item| item.to_owned()).collect()
}

/// The categories exist so the MoSCoW groups have all four; checked once, cheaply.
fn check_generator() {
    let backlog = support::shared(support::SIZES[0]);
    for category in Category::ALL {
        assert!(backlog.items().any(|item| item.moscow() == Some(category)), "no {category} item");
    }
}

fn all(c: &mut Criterion) {
    check_generator();
    full_rankings(c);
    data_defined(c);
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
