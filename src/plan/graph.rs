//! Graph walks the planners share: dependents by item, and the dependency-aware sort.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::error::Result;
use crate::model::Backlog;
use crate::ranking::Ranking;

/// The key of an item that takes no place of its own: it is ordered only when an item that
/// depends on it is.
pub(crate) const ABSENT: u64 = u64::MAX;

/// The items that depend on each item, in compressed rows (the reverse of the backlog's graph).
#[derive(Debug, Clone)]
pub(crate) struct Dependents {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Dependents {
    pub(crate) fn new(backlog: &Backlog) -> Dependents {
        let n = backlog.len();
        let mut offsets = vec![0_u32; n + 1];
        for index in 0..n {
            for prerequisite in backlog.prerequisites(index) {
                offsets[prerequisite + 1] += 1;
            }
        }
        for index in 0..n {
            offsets[index + 1] += offsets[index];
        }
        let mut next: Vec<u32> = offsets[..n].to_vec();
        let mut targets = vec![0_u32; offsets[n] as usize];
        // Dependents are listed in input order, since `index` rises.
        for index in 0..n {
            for prerequisite in backlog.prerequisites(index) {
                targets[next[prerequisite] as usize] = index as u32;
                next[prerequisite] += 1;
            }
        }
        Dependents { offsets, targets }
    }

    /// The items that name `index` in their `depends_on`, in input order.
    pub(crate) fn of(&self, index: usize) -> &[u32] {
        &self.targets[self.offsets[index] as usize..self.offsets[index + 1] as usize]
    }
}

/// One place of a dependency-aware order: the item and the item whose key it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    pub(crate) index: u32,
    /// The item whose key decided the place: the item itself unless a dependent's key was better.
    pub(crate) source: u32,
}

/// The topological order that always takes the available item with the lowest effective key
/// (ties: input order). An item's effective key is the lowest of its own key and the keys of
/// every item that depends on it, directly or not; items whose effective key is [`ABSENT`] are
/// left out (nothing placed depends on them). `O((n + e) log n)`.
pub(crate) fn dependency_sort(backlog: &Backlog, dependents: &Dependents, keys: &[u64]) -> Vec<Placed> {
    let n = backlog.len();
    // (key, source): the lowest key wins; equal keys keep the source first in input order.
    let mut best: Vec<(u64, u32)> =
        keys.iter().enumerate().map(|(index, &key)| (key, index as u32)).collect();
    // Dependents before prerequisites, so each best key is final before it is passed on.
    let mut waiting: Vec<u32> = (0..n).map(|index| dependents.of(index).len() as u32).collect();
    let mut ready: Vec<u32> = (0..n as u32).filter(|&index| waiting[index as usize] == 0).collect();
    while let Some(index) = ready.pop() {
        let inherited = best[index as usize];
        for prerequisite in backlog.prerequisites(index as usize) {
            if inherited.0 != ABSENT && inherited < best[prerequisite] {
                best[prerequisite] = inherited;
            }
            waiting[prerequisite] -= 1;
            if waiting[prerequisite] == 0 {
                ready.push(prerequisite as u32);
            }
        }
    }
    // Prerequisites first; a placed item's prerequisites are all placed, since their keys are
    // at least as good.
    let mut waiting: Vec<u32> = (0..n).map(|index| backlog.prerequisites(index).len() as u32).collect();
    let mut available: BinaryHeap<Reverse<(u64, u32)>> = (0..n as u32)
        .filter(|&index| waiting[index as usize] == 0 && best[index as usize].0 != ABSENT)
        .map(|index| Reverse((best[index as usize].0, index)))
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse((_, index))) = available.pop() {
        order.push(Placed { index, source: best[index as usize].1 });
        for &dependent in dependents.of(index as usize) {
            let dependent = dependent as usize;
            waiting[dependent] -= 1;
            if waiting[dependent] == 0 && best[dependent].0 != ABSENT {
                available.push(Reverse((best[dependent].0, dependent as u32)));
            }
        }
    }
    order
}

/// All items, prerequisites first, ties in input order.
pub(crate) fn topological(backlog: &Backlog, dependents: &Dependents) -> Vec<u32> {
    let keys = vec![0; backlog.len()];
    dependency_sort(backlog, dependents, &keys).into_iter().map(|placed| placed.index).collect()
}

/// `ranking` itself when it holds every item (ranked or unscored); otherwise (a ranking cut by
/// `top`) the backlog ranked afresh with the same engine, since planning needs every item.
pub(crate) fn complete<'a>(ranking: &Ranking<'a>) -> Result<Ranking<'a>> {
    if ranking.len() + ranking.unscored().len() == ranking.backlog().len() {
        Ok(ranking.clone())
    } else {
        Ranking::new(ranking.held(), ranking.shared_engine(), &crate::RankOptions::default())
    }
}
