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

#[test]
fn top_k_allocates_for_k_items_not_for_the_backlog() {
    // 100,000 items, item i with reach i: the best ten are the last ten, highest first.
    let n = 100_000_u32;
    let items = (0..n).map(|i| {
        BacklogItem::builder(format!("I{i}"), "item").reach(i).impact(1).confidence(1).effort(1).build()
    });
    let backlog = Backlog::from_items(items.map(|item| item.expect("valid"))).expect("valid");
    let rice = Rice::default();
    let k = 10;
    let region = Region::new(GLOBAL);
    let ranking = backlog.rank_with(&rice, &RankOptions::default().top(k)).expect("valid");
    let stats = region.change();
    let indices: Vec<usize> = ranking.iter().map(|entry| entry.index()).collect();
    assert_eq!(indices, (99_990..100_000).rev().collect::<Vec<_>>());
    // The design's bound: a buffer of at most 2k keys of 16 bytes, then the k slots of 16 bytes
    // the ranking keeps, nothing that grows with the backlog and no growth by reallocation.
    assert_eq!(stats.reallocations, 0);
    assert!(stats.bytes_allocated <= 2 * k * 16 + k * 16, "{stats:?}");
}
