//! The command line: the examples (`rank`, `plan`, `analyze`, `report`, `generate`,
//! `quickstart`) run as subprocesses, so they cannot rot.

mod analyze;
mod browser;
mod edits;
mod errors;
mod generate;
mod help;
mod judgments;
mod page;
mod plan;
mod quadrants;
mod rank;
mod ratings;
mod report;
mod support;
mod tables;
