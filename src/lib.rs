//! Rank a product backlog with the frameworks teams already use (RICE, WSJF and MoSCoW),
//! weighted by strategic alignment: validated, deterministic and explained.
//!
//! A Product Owner orders the backlog sprint by sprint; a Product Manager ties it to strategy.
//! `prioritize` turns the list they argue about into a ranked order in which every score is
//! explained and every tie is broken the same way on every machine.
//!
//! # Example
//!
//! ```
//! use prioritize::{Backlog, BacklogItem, Confidence, Impact, Rice};
//!
//! // Intercom's three example projects.
//! let backlog = Backlog::from_items([
//!     BacklogItem::builder("P1", "Project 1").reach(450).impact(Impact::MASSIVE)
//!         .confidence(Confidence::HIGH).effort(2).build()?,
//!     BacklogItem::builder("P2", "Project 2").reach(2000).impact(Impact::MEDIUM)
//!         .confidence(Confidence::MEDIUM).effort(4).build()?,
//!     BacklogItem::builder("P3", "Project 3").reach(800).impact(Impact::HIGH)
//!         .confidence(Confidence::LOW).effort(1).build()?,
//! ])?;
//! let rice = Rice::default();
//! let ranking = backlog.rank(&rice)?;
//! let scores: Vec<(&str, Option<f64>)> =
//!     ranking.iter().map(|e| (e.item().id(), e.score())).collect();
//! assert_eq!(scores, [("P3", Some(800.0)), ("P1", Some(675.0)), ("P2", Some(400.0))]);
//! # Ok::<(), prioritize::Error>(())
//! ```
//!
//! # The frameworks
//!
//! - [`Rice`] (Sean McBride, Intercom, 2016): `reach · impact · confidence / effort`.
//! - [`Wsjf`] (SAFe, after Reinertsen's CD3): `(business_value + time_criticality +
//!   risk_reduction) / job_size`, with an opt-in strict check of the 1, 2, 3, 5, 8, 13, 20 scale.
//! - [`MoSCoW`] (DSDM): Must > Should > Could > Won't; within a category the input order stands,
//!   or a secondary engine orders it ([`MoSCoW::then`]).
//! - Strategic alignment ([`AlignmentWeight`] `λ`, default 0): any score becomes
//!   `score · (1 − λ + λ · alignment)`.
//! - Your own: implement [`Engine`].
//!
//! # Planning
//!
//! A ranked list is not yet a plan. [`Ranking::respecting_dependencies`] never places an item
//! before one it depends on (a prerequisite inherits the place of what waits on it);
//! [`plan::PlannedOrder::pin`] applies the Product Owner's [`plan::Pin`]s; [`plan::CapacityPlan`] chooses what fits
//! a sprint or a budget with the highest total score (exact or greedy, with an upper bound and
//! the gap); [`plan::Roadmap`] fills periods with capacities in planned order.
//!
//! # Decision support
//!
//! Any numeric input may be a range estimate ([`model::Estimate`]). The [`analysis`] module tells how
//! sure a ranking is (score and position bounds within the ranges), what single change would move
//! an item up, how the frameworks disagree (Kendall's tau-b, Spearman's rho), a Borda consensus
//! across them, what changed between two versions of a backlog, and the value/effort matrix
//! (quick wins, big bets, fill-ins, time sinks).
//!
//! # Guarantees
//!
//! - A [`Backlog`] that exists is valid: unique ids, known dependencies, no cycle; checked when it
//!   is built and when it is deserialized.
//! - Bad input is an [`Error`] naming the item, the field, the value and what is allowed; never a
//!   panic, never a silent default. A score that overflows `f64` is an error.
//! - Unscored is not zero: an item that lacks an input the engine needs is reported apart, with
//!   the fields it lacks ([`Ranking::unscored`]); [`ranking::UnscoredPolicy::Reject`] makes it an error.
//! - The order is total: category, then score (higher first), then input order. Ranks are
//!   competition ranks (1, 2, 2, 4).
//!
//! # Feature flags
//!
//! - `serde` (default): `Serialize`/`Deserialize` for backlogs and items in the JSON interchange
//!   format, and `Serialize` for rankings in the CLI's output shape.
//! - `csv` (default; implies `serde`): the [`csv`] module reads backlogs from CSV by the
//!   interchange format's rules and writes rankings as CSV.
//! - `svg`: the [`svg`] module draws charts (the value/effort matrix, position intervals,
//!   positions under several frameworks, roadmap periods) as standalone SVG, with no dependency.
//!
//! # Rust version
//!
//! The minimum supported Rust version is 1.95, the version CI builds and tests with (edition 2024).

pub mod analysis;
#[cfg(feature = "csv")]
pub mod csv;
pub mod engine;
mod error;
pub mod guide;
#[cfg(feature = "serde")]
pub mod interchange;
pub mod model;
pub mod plan;
pub mod ranking;
#[cfg(feature = "svg")]
pub mod svg;

pub use engine::{Breakdown, Engine, Evaluation, MoSCoW, Rice, Score, Wsjf};
pub use error::{Error, Result};
pub use model::{
    Alignment, AlignmentWeight, Backlog, BacklogItem, Category, Confidence, Criterion, Field, FieldSet,
    Impact, Item, Objective,
};
pub use ranking::{RankOptions, Ranking};

#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
