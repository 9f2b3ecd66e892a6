//! The item model: checked values, owned items, and the columnar backlog with its item views.
//!
//! A [`Backlog`] keeps each field as one contiguous column and lends its items out as [`Item`]
//! views; a [`BacklogItem`] is an owned item, for building one. Every value is checked on the way
//! in, by the same code for the builder and the readers.

/// The typed getters of the numeric built-in fields, for a type with `number(Field)`: the owned
/// item and its view read alike.
macro_rules! typed_getters {
    ($($(#[$doc:meta])* $name:ident: $field:ident as $ty:ident;)*) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $name(&self) -> Option<$ty> {
                self.number(Field::$field).and_then(|x| $ty::new(x).ok())
            }
        )*
    };
}

/// The getters for every numeric built-in field.
macro_rules! numeric_getters {
    () => {
        typed_getters! {
            /// RICE reach: people or events per period.
            reach: Reach as NonNegative;
            /// RICE and ICE impact.
            impact: Impact as Impact;
            /// Confidence in `0..=1`.
            confidence: Confidence as Confidence;
            /// Effort and WSJF job size.
            effort: Effort as Effort;
            /// WSJF user-business value.
            business_value: BusinessValue as NonNegative;
            /// WSJF time criticality.
            time_criticality: TimeCriticality as NonNegative;
            /// WSJF risk reduction and/or opportunity enablement.
            risk_reduction: RiskReduction as NonNegative;
            /// ICE ease.
            ease: Ease as NonNegative;
            /// CD3 cost of delay per unit of time.
            cost_of_delay: CostOfDelay as NonNegative;
            /// CD3 duration.
            duration: Duration as Effort;
            /// Opportunity scoring's importance, 0..=10.
            importance: Importance as OutOfTen;
            /// Opportunity scoring's satisfaction, 0..=10.
            satisfaction: Satisfaction as OutOfTen;
        }
    };
}

mod alignment;
pub(crate) mod backlog;
pub(crate) mod build;
pub(crate) mod category;
pub(crate) mod columns;
mod confidence;
mod counted;
mod criterion;
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
pub(crate) mod scorecard;
mod value;

pub use alignment::{Alignment, AlignmentWeight, Objective};
pub use backlog::view::Item;
pub use backlog::{Backlog, Column};
pub use build::BacklogBuilder;
pub use category::Category;
pub use confidence::Confidence;
pub use criterion::Criterion;
pub(crate) use criterion::numeric_names;
pub use estimate::Estimate;
pub use field::{Direction, Field, FieldName, FieldSet};
pub use id::ItemId;
pub use impact::Impact;
pub use item::{BacklogItem, ItemBuilder};
pub use number::{Effort, Fraction, NonNegative, OutOfTen};
pub use rater::{Aggregate, Rater};
pub use ratings::Ratings;
pub use scorecard::{Normalize, Scorecard};
pub use value::FieldValue;
