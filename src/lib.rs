//! Rank a product backlog with the frameworks teams already use (RICE, WSJF and Moscow),
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
//! # Guide
//!
//! - [`guide::format`]: the interchange format: every field, label, range and section of a
//!   backlog file, declared criteria, configuration files, CSV files and other tools' exports.
//! - [`guide::frameworks`]: RICE, WSJF, MoSCoW and the other frameworks with their published
//!   sources, strategic alignment, engines of your own, ordering, ties and unscored items.
//! - [`guide::planning`]: dependency-aware order, pins, capacity plans and roadmaps.
//! - [`guide::analysis`]: range estimates, sensitivity, what would move an item, framework
//!   comparison, consensus, diffs, the value/effort matrix, and the judgments behind the numbers
//!   (AHP weights, strengths from votes, Kano categories).
//! - [`guide::cli`]: the command-line tools `rank`, `plan`, `analyze`, `report` and `generate`.
//! - [`guide::applications`]: a backlog that lives inside an application: edits in place
//!   ([`Backlog::set`], [`Backlog::insert`], [`Backlog::replace`], [`Backlog::remove`]), rankings
//!   kept past their borrows ([`Ranking::into_owned`]), threads, JSON, errors.
//!
//! # Modules
//!
//! The core types are at the root: a [`Backlog`] of items ([`BacklogItem`] to build one, [`Item`]
//! to read one), the engines [`Rice`], [`Wsjf`], [`Moscow`], [`Ice`], [`Cd3`], [`Opportunity`],
//! [`Pairwise`] (votes between items), [`Scorecard`] and [`Formula`] behind the [`Engine`]
//! trait, several people's estimates ([`Rater`], [`Aggregate`]), and the [`Ranking`] an engine
//! produces. The rest is in [`model`] (checked values, criteria, objectives, ratings),
//! [`engine`], [`ranking`] (options, unscored items, warnings), [`plan`], [`analysis`],
//! [`judgment`] (AHP weights, Bradley-Terry strengths from votes, Kano categories),
//! [`interchange`] (JSON and configuration files), [`csv`] and [`svg`].
//!
//! # Guarantees
//!
//! - A [`Backlog`] that exists is valid: unique ids, known dependencies, no cycle, every field
//!   built in or declared; checked when it is built and when it is read.
//! - Bad input is an [`Error`] naming the item, the field, the value and what is allowed; never a
//!   panic, never a silent default. A score that overflows `f64` is an error.
//! - Unscored is not zero: an item that lacks an input the engine needs is reported apart, with
//!   the fields it lacks ([`Ranking::unscored`]).
//! - The order is total and deterministic: category, then score (higher first), then input order.
//!   Ranks are competition ranks (1, 2, 2, 4).
//!
//! # Feature flags
//!
//! - `serde` (default): `Serialize`/`Deserialize` for backlogs and items in the JSON interchange
//!   format, and `Serialize` for rankings in the CLI's output shape.
//! - `csv` (default; implies `serde`): the [`csv`] module reads backlogs from CSV by the
//!   interchange format's rules and writes rankings as CSV.
//! - `parallel` (default): large CSV and JSON backlogs are read, their ids indexed, large
//!   backlogs ranked (a full ranking; a top k stays on one core) and large rankings written on
//!   every core, with the standard library's threads; the results (and the errors) are the same
//!   as on one core.
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
pub mod judgment;
pub mod model;
mod parallel;
pub mod plan;
pub mod ranking;
#[cfg(feature = "svg")]
pub mod svg;

pub use engine::breakdown::Breakdown;
pub use engine::cd3::Cd3;
pub use engine::contract::Engine;
pub use engine::evaluation::Evaluation;
pub use engine::formula::Formula;
pub use engine::ice::Ice;
pub use engine::moscow::Moscow;
pub use engine::opportunity::Opportunity;
pub use engine::pairwise::Pairwise;
pub use engine::rice::Rice;
pub use engine::score::Score;
pub use engine::wsjf::Wsjf;
pub use error::{Error, ErrorKind, Result};
pub use model::alignment::{Alignment, AlignmentWeight, Objective};
pub use model::backlog::Backlog;
pub use model::backlog::view::Item;
pub use model::category::Category;
pub use model::confidence::Confidence;
pub use model::criterion::Criterion;
pub use model::field::{Field, FieldSet};
pub use model::impact::Impact;
pub use model::item::BacklogItem;
pub use model::rater::{Aggregate, Rater};
pub use model::scorecard::Scorecard;
pub use model::value::FieldValue;
pub use ranking::core::Ranking;
pub use ranking::options::RankOptions;

#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
