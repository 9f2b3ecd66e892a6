//! Which items a capacity plan may hold: Won't Haves never, items without an effort never, nor
//! what depends on them; Must Haves always, with their prerequisites.

use std::fmt;

use crate::error::{Error, PlanDetail, Result};
use crate::model::Backlog;
use crate::model::Category;
use crate::model::Item;

/// Why an item cannot be part of any plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Exclusion<'a> {
    /// A Won't Have (this time) is never chosen.
    Wont,
    /// The item has no effort, so its cost is unknown.
    LacksEffort,
    /// The item depends on an item that cannot be planned.
    Prerequisite(Item<'a>),
}

impl fmt::Display for Exclusion<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exclusion::Wont => f.write_str("won't have"),
            Exclusion::LacksEffort => f.write_str("lacks effort"),
            Exclusion::Prerequisite(item) => {
                write!(f, "depends on {:?}, which cannot be planned", item.id())
            }
        }
    }
}

/// Why an item cannot be planned, by index while the plan is computed.
#[derive(Debug, Clone, Copy)]
pub(super) enum Reason {
    Wont,
    LacksEffort,
    Prerequisite(u32),
}

impl Reason {
    pub(super) fn resolve(self, backlog: &Backlog) -> Exclusion<'_> {
        match self {
            Reason::Wont => Exclusion::Wont,
            Reason::LacksEffort => Exclusion::LacksEffort,
            Reason::Prerequisite(index) => Exclusion::Prerequisite(backlog.item(index as usize)),
        }
    }
}

/// Each item's reason not to be planned, if any; decided prerequisites first.
pub(super) fn exclusions(backlog: &Backlog, topological: &[u32]) -> Vec<Option<Reason>> {
    let mut excluded = vec![None; backlog.len()];
    for &index in topological {
        let item = backlog.item(index as usize);
        excluded[index as usize] = if item.moscow() == Some(Category::Wont) {
            Some(Reason::Wont)
        } else if item.effort().is_none() {
            Some(Reason::LacksEffort)
        } else {
            backlog
                .prerequisites(index as usize)
                .find(|&prerequisite| excluded[prerequisite].is_some())
                .map(|prerequisite| Reason::Prerequisite(prerequisite as u32))
        };
    }
    excluded
}

/// The Must Haves and everything they depend on, directly or not.
pub(super) fn must_closure(backlog: &Backlog, topological: &[u32]) -> Vec<bool> {
    let mut must: Vec<bool> = backlog.items().map(|item| item.moscow() == Some(Category::Must)).collect();
    for &index in topological.iter().rev() {
        if must[index as usize] {
            for prerequisite in backlog.prerequisites(index as usize) {
                must[prerequisite] = true;
            }
        }
    }
    must
}

/// The first Must Have (in input order) that cannot be planned, as an error naming the cause.
pub(super) fn check_musts(backlog: &Backlog, excluded: &[Option<Reason>]) -> Result<()> {
    for (index, item) in backlog.items().enumerate() {
        if item.moscow() != Some(Category::Must) {
            continue;
        }
        let mut cause = index;
        while let Some(Reason::Prerequisite(next)) = excluded[cause] {
            cause = next as usize;
        }
        let what = match excluded[cause] {
            None | Some(Reason::Prerequisite(_)) => continue,
            Some(Reason::LacksEffort) => "which lacks effort (a capacity plan needs one)",
            Some(Reason::Wont) => "a won't have",
        };
        let reason = if cause == index {
            "it lacks effort (a capacity plan needs one)".to_owned()
        } else {
            format!("it depends on {:?}, {what}", backlog.item(cause).id())
        };
        return Err(Error::from(PlanDetail::MustUnplannable { item: item.id().to_string(), reason }));
    }
    Ok(())
}
