//! How many bytes a ranking adds beyond the backlog, counted by a global allocator.
//!
//! `cargo run --release --example ranking_memory -- [N]` (default N = 1,000,000) builds the
//! benches' seeded backlog of N items, then ranks it with each engine, counting every heap
//! allocation the ranking makes. It prints, per engine, the bytes allocated per item (an upper
//! bound of the peak, since nothing is freed in between), the bytes the finished ranking still
//! holds per item, and the number of allocations (a constant, not one per item). It first
//! measures what a backlog of items with RICE's four fields holds beyond the bytes of its ids and
//! titles. It exits with status 1 when that exceeds 100 bytes per item or a ranking adds more
//! than 24 bytes per item.

#[path = "../benches/support/mod.rs"]
mod support;

use std::alloc::System;
use std::process::ExitCode;

use prioritize::{AlignmentWeight, Backlog, Engine, Moscow, RankOptions, Rice, Wsjf};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// What a ranking may add per item beyond the backlog.
const BUDGET: f64 = 24.0;

/// What a backlog of RICE items may hold per item beyond its id and title bytes.
const BACKLOG_BUDGET: f64 = 100.0;

/// What one ranking allocated.
struct Usage {
    allocations: usize,
    reallocations: usize,
    /// Every byte requested while ranking, the growth of reallocations included. Nothing the
    /// ranking allocates is freed before it is done, so without reallocations this is the peak.
    allocated: usize,
    /// The bytes the finished ranking holds.
    held: usize,
}

/// The bytes live on the heap now.
fn live() -> usize {
    let stats = GLOBAL.stats();
    stats.bytes_allocated - stats.bytes_deallocated
}

fn measure(backlog: &Backlog, engine: &dyn Engine, options: &RankOptions) -> Usage {
    let region = Region::new(GLOBAL);
    let ranking = backlog.rank_with(engine, options).expect("generated backlogs rank");
    let stats = region.change();
    drop(ranking);
    Usage {
        allocations: stats.allocations,
        reallocations: stats.reallocations,
        allocated: stats.bytes_allocated,
        held: stats.bytes_allocated - stats.bytes_deallocated,
    }
}

fn main() -> ExitCode {
    let n = match std::env::args().nth(1).map(|arg| arg.replace('_', "").parse::<usize>()) {
        None => 1_000_000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("error: the argument is the number of items, a whole number > 0");
            return ExitCode::from(2);
        }
    };
    // Items with RICE's four fields, built one at a time so that no owned item outlives its push.
    let before = live();
    let rice_backlog = Backlog::builder()
        .items((0..n).map(|index| {
            let item = support::item(index);
            let rice = prioritize::BacklogItem::builder(item.id().as_str(), item.title());
            let rice = prioritize::Rice::FIELDS
                .iter()
                .fold(rice, |rice, field| rice.value(*field, item.number(*field).unwrap_or_default()));
            rice.build().expect("generated values are valid")
        }))
        .build()
        .expect("generated backlogs are valid");
    let rice_bytes = live() - before;
    let text: usize = rice_backlog.items().map(|item| item.id().len() + item.title().len()).sum();
    let per_item = (rice_bytes - text) as f64 / n as f64;
    println!(
        "backlog of {n} items with RICE's four fields: {per_item:.1} bytes per item beyond the {:.1} of its id and title",
        text as f64 / n as f64
    );
    drop(rice_backlog);

    let before = live();
    let backlog = support::backlog(n);
    let backlog_bytes = live() - before;
    println!(
        "backlog of {n} items with every field: {:.1} bytes per item on the heap",
        backlog_bytes as f64 / n as f64
    );

    let aligned = Rice::default().alignment_weight(AlignmentWeight::new(0.5).expect("0.5 is in 0..=1"));
    let moscow = Moscow::default().then(Wsjf::default());
    let full = RankOptions::default();
    let top = RankOptions::default().top(100);
    let cases: [(&str, &dyn Engine, &RankOptions); 5] = [
        ("rice", &Rice::default(), &full),
        ("wsjf", &Wsjf::default(), &full),
        ("moscow then wsjf", &moscow, &full),
        ("rice, alignment weight 0.5", &aligned, &full),
        ("rice, top 100", &Rice::default(), &top),
    ];
    println!(
        "{:<28} {:>12} {:>12} {:>12} {:>8} {:>8}",
        "ranking", "alloc B/item", "peak B/item", "held B/item", "allocs", "reallocs"
    );
    let mut within = per_item <= BACKLOG_BUDGET;
    for (name, engine, options) in cases {
        let usage = measure(&backlog, engine, options);
        let allocated = usage.allocated as f64 / n as f64;
        // A reallocation that moves holds the old block and the new one for a moment; the old
        // blocks of a growing buffer add up to less than its final size, so twice bounds the peak.
        let peak = if usage.reallocations == 0 { allocated } else { 2.0 * allocated };
        within &= peak <= BUDGET;
        println!(
            "{name:<28} {allocated:>12.2} {peak:>12.2} {:>12.2} {:>8} {:>8}",
            usage.held as f64 / n as f64,
            usage.allocations,
            usage.reallocations
        );
    }
    println!(
        "targets: a RICE backlog at most {BACKLOG_BUDGET} bytes per item beyond ids and titles, a ranking at most \
         {BUDGET} bytes per item beyond the backlog: {}",
        if within { "met" } else { "missed" }
    );
    if within { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
