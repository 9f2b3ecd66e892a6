//! The judgments behind the numbers: weights from pairwise comparisons ([`Ahp`], Saaty's Analytic
//! Hierarchy Process), strengths from votes between two items ([`Strengths`], Bradley-Terry), and
//! the categories of Kano questionnaires ([`KanoFeature`]).
//!
//! Each turns what people can say with some confidence ("growth matters three times as much as
//! retention", "B before A", "I would like it / I would dislike its absence") into the numbers a
//! ranking uses, with a measure of how far the judgments agree with themselves.
//!
//! ```
//! use prioritize::judgment::{Ahp, Comparison};
//!
//! let weights = Ahp::new(&[
//!     Comparison::new("growth", "retention", 3.0)?,
//!     Comparison::new("growth", "cost", 5.0)?,
//!     Comparison::parse("retention", "cost", "2")?,
//! ])?;
//! assert_eq!(weights.weights().map(|(id, _)| id).collect::<Vec<_>>(), ["growth", "retention", "cost"]);
//! assert!(weights.is_consistent());
//! # Ok::<(), prioritize::Error>(())
//! ```

mod ahp;
#[cfg(feature = "serde")]
mod file;
mod kano;
mod matrix;
mod sets;
pub(crate) mod votes;

pub use ahp::{Ahp, Comparison, RandomIndex};
#[cfg(feature = "serde")]
pub use file::KanoSurvey;
#[cfg(feature = "serde")]
pub(crate) use file::{KanoSection, SetsSection, VotesSection};
pub use kano::{Answer, KanoCategory, KanoCounts, KanoFeature};
pub use sets::ComparisonSets;
pub use votes::{Strengths, Vote};
