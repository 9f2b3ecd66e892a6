//! Planning: the dependency-aware order with pins, capacity plans and roadmaps, by hand and
//! against brute force.

#[path = "../common/mod.rs"]
mod common;

mod capacity;
mod order;
mod properties;
mod support;
