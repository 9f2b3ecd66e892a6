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

pub(crate) mod alignment;
pub(crate) mod backlog;
pub(crate) mod build;
pub(crate) mod category;
pub(crate) mod columns;
pub(crate) mod confidence;
mod counted;
pub(crate) mod criterion;
mod estimate;
pub(crate) mod field;
mod graph;
mod id;
pub(crate) mod impact;
pub(crate) mod input;
pub(crate) mod item;
pub(crate) mod judgments;
mod number;
pub(crate) mod rater;
mod ratings;
pub(crate) mod scorecard;
pub(crate) mod value;

// The core types are at the crate's root; this module adds the checked values and the parts
// programs meet less often.
pub(crate) use alignment::AlignmentWeight;
#[cfg_attr(not(feature = "serde"), allow(unused_imports))] // the readers'
pub(crate) use alignment::Objective;
pub(crate) use backlog::Backlog;
pub use backlog::Column;
pub(crate) use backlog::view::Item;
pub use build::BacklogBuilder;
pub(crate) use category::Category;
pub(crate) use criterion::Criterion;
pub(crate) use criterion::numeric_names;
pub use estimate::Estimate;
pub use field::{Direction, FieldName};
pub(crate) use field::{Field, FieldSet};
pub use id::ItemId;
pub(crate) use item::BacklogItem;
pub use item::ItemBuilder;
pub use number::{Effort, Fraction, NonNegative, OutOfTen};
pub(crate) use rater::Aggregate;
#[cfg_attr(not(feature = "serde"), allow(unused_imports))] // the readers'
pub(crate) use rater::Rater;
pub use ratings::Ratings;
pub use scorecard::Normalize;
pub(crate) use scorecard::Scorecard;
