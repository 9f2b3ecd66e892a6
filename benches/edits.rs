//! Edits of a living backlog, each beside a full RICE ranking of the same backlog in the same run.
//!
//! `cargo bench --bench edits` then `python3 benches/ratios.py edits` prints the table. At
//! 100,000 items (the seeded backlog of [`support`]), in the group `edits/100000`:
//! - `ranking`: a full RICE ranking, the unit of every ratio;
//! - `set`: one field of one item (`backlog.set(id, "reach", value)`);
//! - `set_then_top20`: the same, then a top-20 RICE ranking;
//! - `insert`: one new item appended (with a dependency and a tag);
//! - `remove`: one item from the middle removed (it is inserted again, untimed, after each);
//! - `into_owned`: a full ranking made into an owned snapshot (the ranking itself untimed).

mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode};
use prioritize::{BacklogItem, RankOptions, Rice};

const N: usize = 100_000;

fn edits(c: &mut Criterion) {
    let mut backlog = support::backlog(N);
    let rice = Rice::default();
    let mut group = c.benchmark_group(format!("edits/{N}"));
    group.sample_size(20).sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_secs(1));
    group.bench_function("ranking", |b| b.iter(|| black_box(backlog.rank(rice).expect("ranks").len())));
    // The items the edits touch, spread over the backlog.
    let ids: Vec<String> = (0..64).map(|i| support::id(i * (N / 64) + 7)).collect();
    group.bench_function("set", |b| {
        let mut round = 0_u32;
        b.iter(|| {
            round += 1;
            let id = &ids[round as usize % ids.len()];
            backlog.set(id, "reach", f64::from(round % 10_000 + 1)).expect("a valid reach");
        });
    });
    let top = RankOptions::default().top(20);
    group.bench_function("set_then_top20", |b| {
        let mut round = 0_u32;
        b.iter(|| {
            round += 1;
            let id = &ids[round as usize % ids.len()];
            backlog.set(id, "reach", f64::from(round % 10_000 + 1)).expect("a valid reach");
            black_box(backlog.rank_with(rice, &top).expect("ranks").len())
        });
    });
    group.bench_function("insert", |b| {
        b.iter_custom(|iterations| {
            let new: Vec<BacklogItem> = (0..iterations)
                .map(|i| {
                    BacklogItem::builder(format!("NEW-{i}"), "new item")
                        .reach(500)
                        .impact(1)
                        .confidence(0.8)
                        .effort(2)
                        .depends_on(support::id(i as usize % N))
                        .tag("new")
                        .build()
                        .expect("valid")
                })
                .collect();
            let ids: Vec<String> = new.iter().map(|item| item.id().to_string()).collect();
            let start = Instant::now();
            for item in new {
                backlog.insert(item).expect("a new id");
            }
            let elapsed = start.elapsed();
            for id in ids.iter().rev() {
                backlog.remove(id).expect("inserted");
            }
            elapsed
        });
    });
    group.bench_function("remove", |b| {
        b.iter_custom(|iterations| {
            let mut elapsed = Duration::ZERO;
            let mut at = N / 2;
            let mut removed = 0;
            while removed < iterations {
                // From the middle of the backlog: every later item moves up. An item others
                // depend on cannot go; the attempt counts, as it is part of what `remove` does.
                let id = backlog.item(at).id().to_owned();
                let start = Instant::now();
                let result = backlog.remove(&id);
                elapsed += start.elapsed();
                match result {
                    Ok(item) => {
                        removed += 1;
                        backlog.insert(item).expect("put back");
                    }
                    Err(_) => at += 1,
                }
            }
            elapsed
        });
    });
    group.bench_function("into_owned", |b| {
        b.iter_custom(|iterations| {
            let mut elapsed = Duration::ZERO;
            for _ in 0..iterations {
                let ranking = backlog.rank(rice).expect("ranks");
                let start = Instant::now();
                let owned = black_box(ranking.into_owned());
                elapsed += start.elapsed();
                drop(owned);
            }
            elapsed
        });
    });
    group.finish();
}

// `criterion_group!` defines a function it cannot document.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::edits);
}
criterion::criterion_main!(group::benches);
