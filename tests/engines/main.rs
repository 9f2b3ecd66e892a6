//! The scoring engines: each framework against its published numbers (RICE, WSJF, MoSCoW, ICE,
//! CD3, opportunity scoring, weighted scorecards, formulas), what every engine promises, and the
//! properties that tie inputs to scores.

#[path = "../common/mod.rs"]
mod common;

mod contracts;
mod formula;
mod monotonicity;
mod moscow;
mod properties;
mod published;
mod rice;
mod scorecard;
mod wsjf;
