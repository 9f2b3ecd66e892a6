//! Capacity-constrained selection: what to do in a sprint, a quarter or a budget.

use crate::error::{Error, PlanDetail, Result};
use crate::model::Backlog;
use crate::model::Category;
use crate::model::Item;
use crate::model::{Effort, NonNegative};
use crate::ranking::{Held, Ranking};

use super::eligibility::{Exclusion, Reason, check_musts, exclusions, must_closure};
use super::graph::{self, ABSENT, Dependents};
use super::greedy;
use super::knapsack::{self, Fallback, Problem};

/// How a [`CapacityPlan`] chooses.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Mode {
    /// Exact by dynamic programming when every candidate's effort is a multiple of `resolution`
    /// and the table fits [`EXACT_CELL_LIMIT`](crate::plan::EXACT_CELL_LIMIT); greedy otherwise (the
    /// plan says why).
    Exact {
        /// The unit efforts are counted in, e.g. 1 or 0.5.
        resolution: Effort,
    },
    /// Greedy by score per effort over dependency closures.
    Greedy,
    /// Exact with the largest resolution that divides every candidate's effort (efforts with at
    /// most three decimals), greedy when there is none or the table is too large.
    #[default]
    Auto,
}

/// How a plan was made.
#[derive(Debug, Clone, PartialEq)]
pub enum Method {
    /// Exact: no plan has a higher total.
    Exact {
        /// The unit the efforts were counted in.
        resolution: f64,
    },
    /// Greedy: compare the total with the upper bound.
    Greedy {
        /// Why the exact mode was not used, when it was asked for ([`Mode::Exact`] or
        /// [`Mode::Auto`]).
        fallback: Option<Fallback>,
    },
}

/// The items to do within a capacity (a sprint, a quarter, a budget) that maximise the total
/// score, with every chosen item's prerequisites chosen too.
///
/// The rules, in order:
/// 1. Must Haves (by the items' `moscow` field, whatever the engine) and their prerequisites are
///    chosen first; if they do not fit, a [`Parameter`](crate::ErrorKind::Parameter) error names the shortfall.
/// 2. Won't Haves are never chosen; nor is an item without an effort, nor an item that depends on
///    one of those ([`CapacityPlan::excluded`]).
/// 3. The rest is chosen to maximise the total score. An unscored item counts 0: it is chosen
///    only as a prerequisite of an item that is worth it, and is marked unscored.
///
/// [`Mode`] chooses exact or greedy; every plan reports its total, the upper bound (the
/// fractional relaxation, ignoring prerequisites, so it bounds the exact optimum too) and the
/// gap between them.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Category, Wsjf};
/// use prioritize::model::NonNegative;
/// use prioritize::plan::{CapacityPlan, Method, Mode};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").business_value(8).time_criticality(0).risk_reduction(0)
///         .effort(4).moscow(Category::Must).build()?,
///     BacklogItem::builder("B", "b").business_value(6).time_criticality(0).risk_reduction(0)
///         .effort(3).build()?,
///     BacklogItem::builder("C", "c").business_value(3).time_criticality(0).risk_reduction(0)
///         .effort(1).depends_on("B").build()?,
///     BacklogItem::builder("D", "d").business_value(9).time_criticality(0).risk_reduction(0)
///         .effort(2).build()?,
/// ])?;
/// let wsjf = Wsjf::default();
/// let ranking = backlog.rank(&wsjf)?;
/// let plan = CapacityPlan::new(&ranking, NonNegative::new(8.0)?, Mode::Auto)?;
/// let ids: Vec<&str> = plan.iter().map(|entry| entry.item().id()).collect();
/// // A is a Must Have. Then B + C (scores 2 + 3 for effort 4) beat D (score 4.5 for effort 2),
/// // though D has the best score per effort; B comes first because C needs it.
/// assert_eq!(ids, ["A", "B", "C"]);
/// assert_eq!(plan.method(), &Method::Exact { resolution: 1.0 });
/// assert_eq!((plan.total_score(), plan.total_effort()), (7.0, 8.0));
/// assert_eq!(plan.at(2).and_then(|b| b.promoted_by()).map(|c| c.id()), Some("C"));
///
/// let greedy = CapacityPlan::new(&ranking, NonNegative::new(8.0)?, Mode::Greedy)?;
/// assert_eq!(greedy.total_score(), 6.5); // A + D: C's closure no longer fits
/// assert!(greedy.upper_bound() >= plan.total_score());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct CapacityPlan<'a> {
    backlog: Held<'a>,
    framework: String,
    capacity: f64,
    method: Method,
    /// Chosen items in dependency-aware order: (index, promoted by).
    chosen: Vec<(u32, Option<u32>)>,
    score: Vec<Option<f64>>,
    total_score: f64,
    total_effort: f64,
    upper_bound: f64,
    excluded: Vec<(u32, Reason)>,
}

impl<'a> CapacityPlan<'a> {
    /// Plans within `capacity` from the scores of `ranking` (completed first if cut by `top`).
    ///
    /// # Errors
    ///
    /// - a [`Parameter`](crate::ErrorKind::Parameter) error when the Must Haves and their prerequisites need more effort
    ///   than `capacity`, naming the shortfall;
    /// - a [`Parameter`](crate::ErrorKind::Parameter) error when a Must Have lacks an effort or depends on an item that
    ///   lacks one or is a Won't Have;
    /// - a [`Parameter`](crate::ErrorKind::Parameter) error when the engine gives no scores (MoSCoW without a secondary
    ///   engine): there is nothing to maximise.
    pub fn new(ranking: &Ranking<'a>, capacity: NonNegative, mode: Mode) -> Result<CapacityPlan<'a>> {
        let ranking = graph::complete(ranking)?;
        let backlog = ranking.backlog();
        let n = backlog.len();
        let mut score = vec![None; n];
        let mut position = vec![ABSENT; n];
        for entry in ranking.iter() {
            let Some(value) = entry.score() else {
                return Err(Error::from(PlanDetail::NoScores {
                    framework: ranking.engine_name().to_owned(),
                }));
            };
            score[entry.index()] = Some(value);
            position[entry.index()] = entry.position() as u64;
        }
        let value: Vec<f64> = score.iter().map(|score| score.unwrap_or(0.0)).collect();
        let effort: Vec<f64> = backlog.items().map(|item| item.effort().map_or(0.0, Effort::get)).collect();
        let dependents = Dependents::new(backlog);
        let topological = graph::topological(backlog, &dependents);
        let excluded = exclusions(backlog, &topological);
        let must = must_closure(backlog, &topological);
        check_musts(backlog, &excluded)?;
        let capacity = capacity.get();
        let must_effort: f64 = (0..n).filter(|&i| must[i]).map(|i| effort[i]).sum();
        if !knapsack::fits(must_effort, capacity) {
            return Err(Error::from(PlanDetail::MustOverCapacity {
                effort: must_effort,
                capacity,
                shortfall: must_effort - capacity,
                count: must.iter().filter(|&&m| m).count(),
            }));
        }
        // Candidates in ranking order (unscored ones last, in input order): greedy's tie order.
        let mut candidates: Vec<u32> =
            (0..n as u32).filter(|&i| !must[i as usize] && excluded[i as usize].is_none()).collect();
        candidates.sort_by_key(|&i| (position[i as usize], i));
        let problem = Problem {
            backlog,
            dependents: &dependents,
            topological: &topological,
            candidates: &candidates,
            effort: &effort,
            value: &value,
            remaining: capacity - must_effort,
        };
        let must_value: f64 = (0..n).filter(|&i| must[i]).map(|i| value[i]).sum();
        let upper_bound = must_value + greedy::fractional_bound(&problem);
        let mut chosen = must;
        let method = solve(&problem, mode, &mut chosen);
        let keys: Vec<u64> = (0..n)
            .map(|i| match (chosen[i], backlog.item(i).moscow() == Some(Category::Must)) {
                (false, _) => ABSENT,
                // Must Haves first, then ranking order; unscored items only inherit a place.
                (true, must) => (u64::from(!must) << 40) | position[i].min(1 << 39),
            })
            .collect();
        let chosen_order: Vec<(u32, Option<u32>)> = graph::dependency_sort(backlog, &dependents, &keys)
            .into_iter()
            .map(|placed| (placed.index, (placed.source != placed.index).then_some(placed.source)))
            .collect();
        // An empty sum of floats is -0.0; `+ 0.0` makes it 0 (and changes no other sum).
        let total_score = (0..n).filter(|&i| chosen[i]).map(|i| value[i]).sum::<f64>() + 0.0;
        let total_effort = (0..n).filter(|&i| chosen[i]).map(|i| effort[i]).sum::<f64>() + 0.0;
        // The bound is at least the total in exact arithmetic; keep it so after rounding.
        let upper_bound = upper_bound.max(total_score);
        let excluded = excluded
            .iter()
            .enumerate()
            .filter_map(|(i, reason)| reason.map(|reason| (i as u32, reason)))
            .collect();
        Ok(CapacityPlan {
            backlog: ranking.held(),
            framework: ranking.engine_name().to_owned(),
            capacity,
            method,
            chosen: chosen_order,
            score,
            total_score,
            total_effort,
            upper_bound,
            excluded,
        })
    }
}

/// Chooses among the candidates by `mode`, adding to `chosen`; returns how.
fn solve(problem: &Problem<'_>, mode: Mode, chosen: &mut [bool]) -> Method {
    let resolution = match mode {
        Mode::Greedy => Err(None),
        Mode::Exact { resolution } => Ok(resolution.get()),
        Mode::Auto => knapsack::auto_resolution(problem).map_err(Some),
    };
    let exact = resolution.and_then(|resolution| {
        knapsack::exact(problem, resolution).map(|picked| (picked, resolution)).map_err(Some)
    });
    match exact {
        Ok((picked, resolution)) => {
            for index in picked {
                chosen[index as usize] = true;
            }
            Method::Exact { resolution }
        }
        Err(fallback) => {
            greedy::greedy(problem, chosen);
            Method::Greedy { fallback }
        }
    }
}

impl CapacityPlan<'_> {
    /// The backlog it plans.
    #[must_use]
    pub fn backlog(&self) -> &Backlog {
        &self.backlog
    }

    /// The engine's name (`rice`, `wsjf`, `moscow`).
    #[must_use]
    pub fn engine_name(&self) -> &str {
        &self.framework
    }

    /// The capacity planned for.
    #[must_use]
    pub fn capacity(&self) -> f64 {
        self.capacity
    }

    /// Exact or greedy, and why greedy.
    #[must_use]
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The number of chosen items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.chosen.len()
    }

    /// Whether nothing was chosen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }

    /// The chosen items in dependency-aware order: Must Haves (and what they need) first, then
    /// ranking order; no item before an item it depends on.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Selected<'_>> + '_ {
        self.chosen.iter().enumerate().map(|(offset, &(index, promoted_by))| Selected {
            backlog: &self.backlog,
            position: offset + 1,
            index,
            score: self.score[index as usize],
            promoted_by,
        })
    }

    /// The chosen item at `position` (1-based), if there is one.
    #[must_use]
    pub fn at(&self, position: usize) -> Option<Selected<'_>> {
        self.iter().nth(position.checked_sub(1)?)
    }

    /// The sum of the chosen items' scores (unscored items count 0).
    #[must_use]
    pub fn total_score(&self) -> f64 {
        self.total_score
    }

    /// The sum of the chosen items' efforts.
    #[must_use]
    pub fn total_effort(&self) -> f64 {
        self.total_effort
    }

    /// The capacity left: `capacity - total_effort`.
    #[must_use]
    pub fn free(&self) -> f64 {
        self.capacity - self.total_effort
    }

    /// An upper bound on the total of any plan: the Must Haves' total plus the fractional
    /// relaxation over the other candidates, ignoring prerequisites.
    #[must_use]
    pub fn upper_bound(&self) -> f64 {
        self.upper_bound
    }

    /// `upper_bound - total_score`: how much better any plan could be, at most.
    #[must_use]
    pub fn gap(&self) -> f64 {
        self.upper_bound - self.total_score
    }

    /// The items no plan may hold, in input order, with the reason.
    pub fn excluded(&self) -> impl ExactSizeIterator<Item = (Item<'_>, Exclusion<'_>)> + '_ {
        self.excluded
            .iter()
            .map(|&(index, reason)| (self.backlog.item(index as usize), reason.resolve(&self.backlog)))
    }
}

/// One chosen item of a [`CapacityPlan`].
#[derive(Debug, Clone, Copy)]
pub struct Selected<'a> {
    backlog: &'a Backlog,
    position: usize,
    index: u32,
    score: Option<f64>,
    promoted_by: Option<u32>,
}

impl<'a> Selected<'a> {
    /// The position in the plan, from 1.
    #[must_use]
    pub fn position(&self) -> usize {
        self.position
    }

    /// The item.
    #[must_use]
    pub fn item(&self) -> Item<'a> {
        self.backlog.item(self.index as usize)
    }

    /// The item's position in the backlog's input order, from 0.
    #[must_use]
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// The score; `None` for an unscored item (chosen as a prerequisite, counted 0).
    #[must_use]
    pub fn score(&self) -> Option<f64> {
        self.score
    }

    /// The effort (every chosen item has one).
    #[must_use]
    pub fn effort(&self) -> f64 {
        self.item().effort().map_or(0.0, Effort::get)
    }

    /// The item whose place this prerequisite inherited, when it was moved up for it.
    #[must_use]
    pub fn promoted_by(&self) -> Option<Item<'a>> {
        self.promoted_by.map(|index| self.backlog.item(index as usize))
    }
}
