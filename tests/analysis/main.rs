//! Decision support: sensitivity, explain, comparing frameworks, consensus and diff, the
//! value/effort quadrants and their charts, the raters' agreement, and the strategic order.

#[path = "../common/mod.rs"]
mod common;

mod agreement;
mod decisions;
mod properties;
mod quadrants;
mod strategy;
mod svg;
