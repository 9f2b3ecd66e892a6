//! Planning: from a ranked list to a plan.
//!
//! A ranked list is not yet a plan: work has prerequisites, a sprint or a quarter has a
//! capacity, and the Product Owner has the final say on the order.
//!
//! - [`Ranking::respecting_dependencies`](crate::Ranking::respecting_dependencies): the
//!   dependency-aware order ([`PlannedOrder`]), where a prerequisite inherits the priority of
//!   what waits on it;
//! - [`PlannedOrder::pin`]: the Product Owner's [`Pin`]s;
//! - [`CapacityPlan`]: the items that fit a capacity with the highest total score;
//! - [`Roadmap`]: periods with capacities, filled in planned order.

mod capacity;
mod eligibility;
mod graph;
mod greedy;
mod knapsack;
mod order;
mod pins;
mod roadmap;
#[cfg(feature = "serde")]
mod serialize;

pub use capacity::{CapacityPlan, Method, Mode, Selected};
pub use eligibility::Exclusion;
pub use knapsack::{EXACT_CELL_LIMIT, EXACT_GROUP_LIMIT, Fallback};
pub use order::{PlannedItem, PlannedOrder};
pub use pins::Pin;
pub use roadmap::{Bucket, Period, Roadmap, Unplaced};
