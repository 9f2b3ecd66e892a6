//! The model: checked values, items and backlogs, declared criteria, range estimates, ratings by
//! several raters, strategic alignment, and the error every kind of bad input gets.

#[path = "../common/mod.rs"]
mod common;

mod aggregates;
mod alignment;
mod architecture;
mod backlog;
mod edit_properties;
mod edits;
mod errors;
mod estimate;
mod numbers;
mod ratings;
mod views;
