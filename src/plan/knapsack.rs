//! The selection under a capacity: exact (a group knapsack over dependency groups), greedy (by
//! score per effort over dependency closures), and the fractional upper bound.

use std::fmt;

use crate::model::Backlog;

use super::graph::Dependents;

/// The exact mode's limit on its table: one row per closed subset of a dependency group, one
/// column per resolution unit of capacity (plus one). Beyond it, the plan is greedy.
pub const EXACT_CELL_LIMIT: usize = 20_000_000;

/// The exact mode's limit on the closed subsets (prerequisite-closed choices) of one dependency
/// group of candidates. Beyond it, the plan is greedy.
pub const EXACT_GROUP_LIMIT: usize = 1024;

/// Why a plan fell back to the greedy mode.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Fallback {
    /// An effort is not a multiple of the resolution.
    NotMultiple {
        /// The item's id.
        item: String,
        /// Its effort.
        effort: f64,
        /// The resolution.
        resolution: f64,
    },
    /// [`Mode::Auto`](crate::plan::Mode::Auto) found no resolution: an effort has more than three
    /// decimals.
    NoResolution {
        /// The item's id.
        item: String,
        /// Its effort.
        effort: f64,
    },
    /// The table would exceed [`EXACT_CELL_LIMIT`].
    TableTooLarge {
        /// The cells it would need.
        cells: u128,
    },
    /// A dependency group has more than [`EXACT_GROUP_LIMIT`] closed subsets that fit.
    GroupTooLarge {
        /// The id of the group's first item (in dependency order).
        item: String,
        /// The number of candidates in the group.
        items: usize,
    },
}

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fallback::NotMultiple { item, effort, resolution } => {
                write!(f, "item {item:?}: effort {effort} is not a multiple of the resolution {resolution}")
            }
            Fallback::NoResolution { item, effort } => {
                write!(f, "item {item:?}: effort {effort} has more than 3 decimals, so no resolution fits")
            }
            Fallback::TableTooLarge { cells } => {
                write!(f, "the exact table would have {cells} cells, over the limit of {EXACT_CELL_LIMIT}")
            }
            Fallback::GroupTooLarge { item, items } => write!(
                f,
                "the dependency group of {item:?} ({items} items) has more than {EXACT_GROUP_LIMIT} \
                 prerequisite-closed subsets"
            ),
        }
    }
}

/// The selection problem once the Must Haves are chosen: pick among `candidates` (prerequisite-
/// closed given `chosen`) to maximise the total value within `remaining` effort.
pub(super) struct Problem<'p> {
    pub(super) backlog: &'p Backlog,
    pub(super) dependents: &'p Dependents,
    /// All items, prerequisites first.
    pub(super) topological: &'p [u32],
    /// Items that may still be chosen, in the order greedy ties are broken (ranking order).
    pub(super) candidates: &'p [u32],
    pub(super) effort: &'p [f64],
    pub(super) value: &'p [f64],
    pub(super) remaining: f64,
}

/// Whether `used` fits in `capacity`, allowing for rounding in sums of efforts.
pub(super) fn fits(used: f64, capacity: f64) -> bool {
    used <= capacity + 1e-9 * capacity.abs().max(1.0)
}

/// Whether `effort` is a whole number of `resolution`s; the number if so.
#[allow(clippy::cast_sign_loss)] // `count >= 1` is checked first.
fn units(effort: f64, resolution: f64) -> Option<usize> {
    let count = (effort / resolution).round();
    ((count * resolution - effort).abs() <= 1e-9 * effort.max(1.0) && count >= 1.0).then_some(count as usize)
}

/// The largest resolution of which every candidate's effort is a multiple: the greatest common
/// divisor of the efforts written with at most three decimals.
pub(super) fn auto_resolution(problem: &Problem<'_>) -> Result<f64, Fallback> {
    let mut last = None;
    for scale in [1.0, 10.0, 100.0, 1000.0] {
        let mut divisor = 0_u64;
        last = problem.candidates.iter().find_map(|&index| {
            let effort = problem.effort[index as usize];
            match units(effort * scale, 1.0) {
                Some(count) => {
                    divisor = gcd(divisor, count as u64);
                    None
                }
                None => Some((index, effort)),
            }
        });
        if last.is_none() {
            return Ok(if divisor == 0 { 1.0 } else { divisor as f64 / scale });
        }
    }
    let (index, effort) = last.unwrap_or_default();
    Err(Fallback::NoResolution { item: problem.backlog.item(index as usize).id().to_string(), effort })
}

/// A whole, non-negative `f64` within the table limit, as an integer.
#[allow(clippy::cast_sign_loss)] // Callers pass whole numbers >= 0.
fn whole(x: f64) -> usize {
    x as usize
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// One prerequisite-closed choice within a dependency group.
struct Choice {
    units: usize,
    value: f64,
    members: Vec<u32>,
}

/// The optimal choice by dynamic programming: candidates split into dependency groups
/// (connected through prerequisites); each group offers its prerequisite-closed subsets that fit,
/// and a group knapsack picks at most one subset per group. Exact for the stated problem.
pub(super) fn exact(problem: &Problem<'_>, resolution: f64) -> Result<Vec<u32>, Fallback> {
    let n = problem.backlog.len();
    let mut unit = vec![0_usize; n];
    let mut is_candidate = vec![false; n];
    for &index in problem.candidates {
        let effort = problem.effort[index as usize];
        unit[index as usize] = units(effort, resolution).ok_or_else(|| Fallback::NotMultiple {
            item: problem.backlog.item(index as usize).id().to_owned(),
            effort,
            resolution,
        })?;
        is_candidate[index as usize] = true;
    }
    let columns = (problem.remaining.max(0.0) / resolution + 1e-9).floor() + 1.0;
    // Checked before anything is allocated; the full count follows once the groups are known.
    if !problem.candidates.is_empty() && columns * 2.0 > EXACT_CELL_LIMIT as f64 {
        return Err(Fallback::TableTooLarge { cells: whole(columns * 2.0) as u128 });
    }
    let capacity = whole(columns) - 1;
    let groups = dependency_groups(problem, &is_candidate);
    let mut choices: Vec<Vec<Choice>> = Vec::with_capacity(groups.len());
    let mut rows = 0_u128;
    for group in &groups {
        let closed =
            closed_subsets(problem, group, &unit, capacity).ok_or_else(|| Fallback::GroupTooLarge {
                item: problem.backlog.item(group[0] as usize).id().to_owned(),
                items: group.len(),
            })?;
        rows += closed.len() as u128 + 1;
        choices.push(closed);
    }
    let cells = rows * (capacity as u128 + 1);
    if cells > EXACT_CELL_LIMIT as u128 {
        return Err(Fallback::TableTooLarge { cells });
    }
    // best[c]: the best value within c units over the groups so far; pick[g][c]: group g's choice.
    let mut best = vec![0.0_f64; capacity + 1];
    let mut pick = vec![0_u16; groups.len() * (capacity + 1)];
    for (group, options) in choices.iter().enumerate() {
        let row = &mut pick[group * (capacity + 1)..(group + 1) * (capacity + 1)];
        // Downwards, so best[c - units] still excludes this group.
        for c in (0..=capacity).rev() {
            let mut top = best[c];
            for (k, option) in options.iter().enumerate().filter(|(_, option)| option.units <= c) {
                let value = best[c - option.units] + option.value;
                if value > top {
                    top = value;
                    row[c] = k as u16 + 1;
                }
            }
            best[c] = top;
        }
    }
    let mut chosen = Vec::new();
    let mut c = capacity;
    for (group, options) in choices.iter().enumerate().rev() {
        let k = pick[group * (capacity + 1) + c] as usize;
        if let Some(option) = k.checked_sub(1).map(|k| &options[k]) {
            chosen.extend_from_slice(&option.members);
            c -= option.units;
        }
    }
    chosen.sort_unstable();
    Ok(chosen)
}

/// The candidates split into groups connected through prerequisites, each in dependency order;
/// groups ordered by their first item.
fn dependency_groups(problem: &Problem<'_>, is_candidate: &[bool]) -> Vec<Vec<u32>> {
    fn root(parent: &mut [u32], mut index: u32) -> u32 {
        while parent[index as usize] != index {
            parent[index as usize] = parent[parent[index as usize] as usize];
            index = parent[index as usize];
        }
        index
    }
    let n = problem.backlog.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    for &index in problem.candidates {
        for prerequisite in problem.backlog.prerequisites(index as usize) {
            if is_candidate[prerequisite] {
                let (a, b) = (root(&mut parent, index), root(&mut parent, prerequisite as u32));
                parent[a.max(b) as usize] = a.min(b);
            }
        }
    }
    let mut group_of = vec![u32::MAX; n];
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for &index in problem.topological.iter().filter(|&&index| is_candidate[index as usize]) {
        let top = root(&mut parent, index) as usize;
        if group_of[top] == u32::MAX {
            group_of[top] = groups.len() as u32;
            groups.push(Vec::new());
        }
        groups[group_of[top] as usize].push(index);
    }
    groups
}

/// The non-empty subsets of `group` (in dependency order) that hold every in-group prerequisite
/// of their members and fit in `capacity` units; `None` beyond [`EXACT_GROUP_LIMIT`].
fn closed_subsets(
    problem: &Problem<'_>,
    group: &[u32],
    unit: &[usize],
    capacity: usize,
) -> Option<Vec<Choice>> {
    let mut subsets = vec![Choice { units: 0, value: 0.0, members: Vec::new() }];
    for &index in group {
        // A prerequisite outside the group is already chosen (a Must Have or its prerequisite).
        let needs: Vec<u32> = problem
            .backlog
            .prerequisites(index as usize)
            .map(|p| p as u32)
            .filter(|p| group.contains(p))
            .collect();
        let mut grown = Vec::new();
        for subset in &subsets {
            let units = subset.units + unit[index as usize];
            if units <= capacity && needs.iter().all(|need| subset.members.contains(need)) {
                let mut members = subset.members.clone();
                members.push(index);
                grown.push(Choice { units, value: subset.value + problem.value[index as usize], members });
            }
        }
        subsets.extend(grown);
        if subsets.len() > EXACT_GROUP_LIMIT + 1 {
            return None;
        }
    }
    subsets.remove(0);
    Some(subsets)
}
