//! The item model: checked values, owned items, and the columnar backlog with its item views.
//!
//! A [`Backlog`] keeps each field as one contiguous column and lends its items out as [`Item`]
//! views; a [`BacklogItem`] is an owned item, for building one. Every value is checked on the way
//! in, by the same code for the builder and the readers.

mod alignment;
mod backlog;
mod category;
pub(crate) mod columns;
mod confidence;
mod criterion;
pub(crate) mod draft;
mod estimate;
mod field;
mod graph;
mod id;
mod impact;
pub(crate) mod input;
mod item;
mod number;
mod rater;
mod ratings;
mod view;

pub use crate::error::{Source, ValueError};
pub use alignment::{Alignment, AlignmentWeight, Objective};
pub use backlog::{Backlog, BacklogBuilder, Column};
pub use category::{Category, ParseCategoryError};
pub use confidence::{Confidence, ParseConfidenceError};
pub use criterion::Criterion;
pub use estimate::Estimate;
pub use field::{Direction, Field, FieldName, FieldSet};
pub use id::ItemId;
pub use impact::{Impact, ParseImpactError};
pub use item::{BacklogItem, ItemBuilder};
pub use number::{Effort, Fraction, NonNegative, OutOfTen};
pub use rater::{Aggregate, Rater};
pub use ratings::Ratings;
pub use view::Item;
