//! Planning benches: the dependency-aware order of 100,000 items with 200,000 edges, and a
//! capacity plan over 1,000 items with capacity 1,000 in the exact mode, each beside a baseline
//! (the plain ranking; the greedy mode).
//!
//! `cargo bench --bench planning`. The backlogs come from a small seeded generator below
//! (SplitMix64), so every run measures the same data.

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{Criterion, criterion_main};
use prioritize::model::{Effort, NonNegative};
use prioritize::plan::{CapacityPlan, Method, Mode, Period, Roadmap};
use prioritize::{Backlog, BacklogItem, Category, Rice};

/// SplitMix64: the `index`-th draw of stream `stream`.
fn draw(stream: u64, index: u64) -> u64 {
    let mut z = 0x5EED_2026_u64
        .wrapping_add(stream.wrapping_mul(0xD1B5_4A32_D192_ED03))
        .wrapping_add(index.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `n` RICE items with whole efforts 1..=13; `edges` distinct dependencies, each from an item to
/// an earlier one (so there is no cycle); one item in fifty a Must, one in twenty a Won't.
fn generate(n: usize, edges: usize) -> Backlog {
    let mut depends: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut seen = HashSet::with_capacity(edges);
    let mut k = 0;
    while seen.len() < edges.min(n * (n - 1) / 2) {
        let child = 1 + (draw(1, k) % (n as u64 - 1)) as usize;
        let parent = (draw(2, k) % child as u64) as usize;
        k += 1;
        if seen.insert((child, parent)) {
            depends[child].push(parent);
        }
    }
    let items = (0..n).map(|i| {
        let at = i as u64;
        let moscow = match draw(3, at) % 100 {
            0..2 => Category::Must,
            2..7 => Category::Wont,
            7..50 => Category::Should,
            _ => Category::Could,
        };
        let mut builder = BacklogItem::builder(format!("IT-{i}"), format!("Generated item {i}"))
            .reach((1 + draw(4, at) % 10_000) as f64)
            .impact([3.0, 2.0, 1.0, 0.5, 0.25][(draw(5, at) % 5) as usize])
            .confidence([1.0, 0.8, 0.5][(draw(6, at) % 3) as usize])
            .effort((1 + draw(7, at) % 13) as f64)
            .moscow(moscow);
        for &parent in &depends[i] {
            builder = builder.depends_on(format!("IT-{parent}"));
        }
        builder.build().expect("generated values are valid")
    });
    Backlog::from_items(items).expect("generated backlogs are valid")
}

fn dependency_order(c: &mut Criterion) {
    let backlog = generate(100_000, 200_000);
    assert_eq!(backlog.dependency_count(), 200_000);
    let rice = Rice::default();
    let ranking = backlog.rank(rice).expect("ranks");
    let mut group = c.benchmark_group("dependency_order");
    group.sample_size(20);
    group.bench_function("rank_100000_items (baseline)", |b| b.iter(|| black_box(backlog.rank(rice))));
    group.bench_function("respecting_dependencies_100000_items_200000_edges", |b| {
        b.iter(|| black_box(ranking.respecting_dependencies()));
    });
    let order = ranking.respecting_dependencies().expect("orders");
    let periods = || {
        let capacity = |c: f64| NonNegative::new(c).expect("capacity");
        [
            Period::new("now", capacity(20_000.0)),
            Period::new("next", capacity(30_000.0)),
            Period::unbounded("later"),
        ]
    };
    group.bench_function("roadmap_100000_items_3_periods", |b| {
        b.iter(|| black_box(Roadmap::new(&order, periods())));
    });
    group.finish();
}

fn capacity_plan(c: &mut Criterion) {
    let backlog = generate(1_000, 100);
    let rice = Rice::default();
    let ranking = backlog.rank(rice).expect("ranks");
    let capacity = NonNegative::new(1_000.0).expect("capacity");
    let exact = Mode::Exact { resolution: Effort::new(1.0).expect("resolution") };
    let plan = CapacityPlan::new(&ranking, capacity, exact).expect("plans");
    assert_eq!(plan.method(), &Method::Exact { resolution: 1.0 }, "the bench measures the exact mode");
    let mut group = c.benchmark_group("capacity_plan");
    group.bench_function("exact_1000_items_capacity_1000", |b| {
        b.iter(|| black_box(CapacityPlan::new(&ranking, capacity, exact)));
    });
    group.bench_function("greedy_1000_items_capacity_1000 (baseline)", |b| {
        b.iter(|| black_box(CapacityPlan::new(&ranking, capacity, Mode::Greedy)));
    });
    group.finish();
}

// `criterion_group!` defines a function it cannot document.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::dependency_order, super::capacity_plan);
}
use group::benches;
criterion_main!(benches);
