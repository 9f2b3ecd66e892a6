//! Warnings: advice a ranking gives without failing.

use std::fmt;

use crate::model::Backlog;
use crate::model::Category;
use crate::model::Effort;

/// DSDM's guidance: Must Haves take no more than about this share of a timebox's effort.
pub const MUST_SHARE_LIMIT: f64 = 0.6;

/// What the Must Have share is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShareBasis {
    /// The capacity given in [`RankOptions::capacity`](crate::RankOptions::capacity).
    Capacity,
    /// The effort of all Must, Should and Could Haves (no capacity given).
    Planned,
}

/// Advice attached to a ranking.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Warning {
    /// Must Haves take more than 60 % of the effort (DSDM's guidance).
    MustOverShare {
        /// The Must Haves' total effort.
        must_effort: f64,
        /// The effort they are measured against.
        basis_effort: f64,
        /// What that effort is.
        basis: ShareBasis,
    },
    /// Some categorized items have no effort, so the 60 % check leaves them out.
    EffortMissing {
        /// How many Must, Should and Could Haves lack an effort.
        count: usize,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Warning::MustOverShare { must_effort, basis_effort, basis } => {
                let basis_name = match basis {
                    ShareBasis::Capacity => "the capacity",
                    ShareBasis::Planned => "the must + should + could effort",
                };
                let share = must_effort / basis_effort * 100.0;
                write!(
                    f,
                    "must haves take {share:.1} % of {basis_name} ({must_effort} of {basis_effort}); \
                     DSDM advises at most 60 %"
                )
            }
            Warning::EffortMissing { count } => {
                let (noun, verb) = if count == 1 { ("item", "lacks") } else { ("items", "lack") };
                write!(f, "{count} must/should/could {noun} {verb} an effort; the 60 % check leaves them out")
            }
        }
    }
}

/// DSDM's allocation check over the backlog's MoSCoW categories.
pub(crate) fn allocation_warnings(backlog: &Backlog, capacity: Option<Effort>) -> Vec<Warning> {
    let mut must = 0.0;
    let mut planned = 0.0;
    let mut lacking = 0;
    for item in backlog.items() {
        let Some(category) = item.moscow().filter(|category| *category != Category::Wont) else {
            continue;
        };
        match item.effort() {
            Some(effort) => {
                planned += effort.get();
                if category == Category::Must {
                    must += effort.get();
                }
            }
            None => lacking += 1,
        }
    }
    let (basis, basis_effort) = match capacity {
        Some(capacity) => (ShareBasis::Capacity, capacity.get()),
        None => (ShareBasis::Planned, planned),
    };
    let mut warnings = Vec::new();
    if basis_effort > 0.0 && must > MUST_SHARE_LIMIT * basis_effort {
        warnings.push(Warning::MustOverShare { must_effort: must, basis_effort, basis });
    }
    if lacking > 0 {
        warnings.push(Warning::EffortMissing { count: lacking });
    }
    warnings
}
