//! `top(k)` keeps `O(k)` memory however long the backlog: counted by a global allocator.
//!
//! One test in its own binary: the allocator counts every thread's allocations, so no other test
//! may run beside it. (Written to kill the mutants of `TopK::push` that never compact the buffer,
//! which rank correctly but hold every item's key.)

use std::alloc::System;

use prioritize::{Backlog, BacklogItem, RankOptions, Rice};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// A backlog of `n` items, item i with reach i: the best are the last, highest first.
fn backlog(n: u32) -> Backlog {
    let items = (0..n).map(|i| {
        BacklogItem::builder(format!("I{i}"), "item").reach(i).impact(1).confidence(1).effort(1).build()
    });
    Backlog::from_items(items.map(|item| item.expect("valid"))).expect("valid")
}

/// What ranking the top `k` of `backlog` allocates, checking the order on the way.
fn top_k_stats(backlog: &Backlog, k: usize) -> stats_alloc::Stats {
    let rice = Rice::default();
    let region = Region::new(GLOBAL);
    let ranking = backlog.rank_with(rice, &RankOptions::default().top(k)).expect("valid");
    let stats = region.change();
    let indices: Vec<usize> = ranking.iter().map(|entry| entry.index()).collect();
    assert_eq!(indices, (backlog.len() - k..backlog.len()).rev().collect::<Vec<_>>());
    stats
}

#[test]
fn top_k_allocates_for_k_items_not_for_the_backlog() {
    let (small, large) = (backlog(50_000), backlog(100_000));
    let k = 10;
    let stats = top_k_stats(&large, k);
    // The design's bound: a buffer of at most 2k keys of 16 bytes, then the k slots of 16 bytes
    // the ranking keeps, nothing that grows with the backlog and no growth by reallocation.
    // Besides them a ranking allocates a fixed amount whatever k and the backlog (the engine it
    // shares, and one batch of evaluations): so the same for half the backlog, and exactly
    // 3 · 16 bytes more per item of k.
    assert_eq!(stats.reallocations, 0);
    assert_eq!(top_k_stats(&small, k), stats, "the allocations grow with the backlog");
    let twice = top_k_stats(&large, 2 * k);
    assert_eq!(twice.reallocations, 0);
    assert_eq!(twice.allocations, stats.allocations, "{twice:?}");
    assert_eq!(twice.bytes_allocated - stats.bytes_allocated, 2 * k * 16 + k * 16, "{twice:?}");
}
