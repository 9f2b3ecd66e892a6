//! The greedy selection and the fractional upper bound.

use std::collections::BinaryHeap;

use ordered_float::OrderedFloat;

use super::knapsack::{Problem, fits};

/// A candidate's not-yet-chosen dependency closure: the candidate and every prerequisite not
/// chosen yet, directly or not.
struct Closure {
    members: Vec<u32>,
    effort: f64,
    value: f64,
}

/// Walks closures, reusing its buffers; `stamp` marks the items met in the current walk.
struct Walker {
    stamp: Vec<u32>,
    round: u32,
    stack: Vec<u32>,
}

impl Walker {
    fn closure(&mut self, problem: &Problem<'_>, chosen: &[bool], target: u32) -> Closure {
        self.round += 1;
        let mut members = Vec::new();
        self.stack.push(target);
        self.stamp[target as usize] = self.round;
        while let Some(index) = self.stack.pop() {
            members.push(index);
            for prerequisite in problem.backlog.prerequisites(index as usize) {
                if !chosen[prerequisite] && self.stamp[prerequisite] != self.round {
                    self.stamp[prerequisite] = self.round;
                    self.stack.push(prerequisite as u32);
                }
            }
        }
        let effort = members.iter().map(|&index| problem.effort[index as usize]).sum();
        let value = members.iter().map(|&index| problem.value[index as usize]).sum();
        Closure { members, effort, value }
    }
}

/// Greedy by score per effort over dependency closures: repeatedly add the candidate whose
/// not-yet-chosen closure has the best value per effort and fits (ties: candidate order), until
/// none with a positive value fits.
///
/// Lazily: a heap holds each candidate's ratio; choosing items re-evaluates only the candidates
/// that depend on them (their closures shrank). A closure that does not fit now never fits later
/// unless it shrinks, which re-evaluates it, so it is dropped.
pub(super) fn greedy(problem: &Problem<'_>, chosen: &mut [bool]) {
    let n = problem.backlog.len();
    let mut remaining = problem.remaining;
    let mut walker = Walker { stamp: vec![0; n], round: 0, stack: Vec::new() };
    // The candidates' order breaks ties; `version` invalidates older heap entries.
    let mut order = vec![u32::MAX; n];
    for (rank, &index) in problem.candidates.iter().enumerate() {
        order[index as usize] = rank as u32;
    }
    let mut version = vec![0_u32; n];
    let mut heap: BinaryHeap<(OrderedFloat<f64>, std::cmp::Reverse<u32>, u32, u32)> = BinaryHeap::new();
    let push = |heap: &mut BinaryHeap<_>, walker: &mut Walker, chosen: &[bool], index: u32, version: u32| {
        if problem.value[index as usize] <= 0.0 {
            return;
        }
        let closure = walker.closure(problem, chosen, index);
        if closure.value > 0.0 {
            let ratio = OrderedFloat(closure.value / closure.effort);
            heap.push((ratio, std::cmp::Reverse(order[index as usize]), index, version));
        }
    };
    for &index in problem.candidates {
        push(&mut heap, &mut walker, chosen, index, 0);
    }
    let mut seen = vec![0_u32; n];
    let mut round = 0;
    let mut queue = Vec::new();
    while let Some((_, _, index, stamp)) = heap.pop() {
        if chosen[index as usize] || stamp != version[index as usize] {
            continue;
        }
        let closure = walker.closure(problem, chosen, index);
        if !fits(closure.effort, remaining) {
            continue;
        }
        remaining -= closure.effort;
        for &member in &closure.members {
            chosen[member as usize] = true;
        }
        // Every candidate that depends on a new member has a smaller closure now.
        round += 1;
        queue.extend_from_slice(&closure.members);
        while let Some(item) = queue.pop() {
            for &dependent in problem.dependents.of(item as usize) {
                let at = dependent as usize;
                if chosen[at] || seen[at] == round {
                    continue;
                }
                seen[at] = round;
                queue.push(dependent);
                if order[at] != u32::MAX {
                    version[at] += 1;
                    push(&mut heap, &mut walker, chosen, dependent, version[at]);
                }
            }
        }
    }
}

/// The fractional relaxation without the prerequisite constraints: the best value per effort
/// first, the last candidate in part. It bounds every plan, the exact optimum included.
pub(super) fn fractional_bound(problem: &Problem<'_>) -> f64 {
    let mut by_ratio: Vec<u32> =
        problem.candidates.iter().copied().filter(|&index| problem.value[index as usize] > 0.0).collect();
    let ratio = |index: u32| problem.value[index as usize] / problem.effort[index as usize];
    by_ratio.sort_by(|&a, &b| ratio(b).total_cmp(&ratio(a)).then(a.cmp(&b)));
    let mut room = problem.remaining.max(0.0);
    let mut bound = 0.0;
    for index in by_ratio {
        let (effort, value) = (problem.effort[index as usize], problem.value[index as usize]);
        if effort <= room {
            room -= effort;
            bound += value;
        } else {
            bound += value * room / effort;
            break;
        }
    }
    bound
}
