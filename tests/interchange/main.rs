//! Readers and writers: the JSON interchange format, the CSV rules and the export presets, round
//! trips, and a fuzz harness over both readers.

#[path = "../common/mod.rs"]
mod common;

mod csv;
mod fuzz;
mod json;
mod round_trip;
