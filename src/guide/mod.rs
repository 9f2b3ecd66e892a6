//! The guide: how to write a backlog, which framework does what, how to plan and analyse, and
//! the command-line tools.
//!
//! Each chapter is a Markdown file of this directory, and every Rust example in it runs as a
//! doctest (`cargo test --doc`), so the guide cannot drift from the crate.
//!
//! 1. [`format`](mod@format): the interchange format. Every field, label, range and section of a backlog
//!    file, declared criteria, configuration files, CSV files and other tools' exports, and the
//!    CSV the crate writes.
//! 2. [`frameworks`]: RICE, WSJF, MoSCoW, ICE, CD3, opportunity scoring, weighted scorecards and
//!    formulas, with their published sources; strategic alignment; engines of your own; how the
//!    order is made, how ties are broken and what happens to items that cannot be scored.
//! 3. [`planning`]: from a ranking to a plan. Dependencies, the Product Owner's pins, what fits
//!    a capacity, roadmap periods.
//! 4. [`analysis`]: decision support. Range estimates and ratings, sensitivity, what it would
//!    take to move an item, how frameworks disagree, consensus, what changed, the value/effort
//!    matrix.
//! 5. [`cli`]: the command-line tools `rank`, `plan`, `analyze`, `report` and `generate`.
//! 6. [`applications`]: a backlog inside an application. State, edits, re-ranking, threads,
//!    serving the ranking as JSON, telling errors apart.

#[cfg_attr(feature = "csv", doc = include_str!("format.md"))]
#[cfg_attr(not(feature = "csv"), doc = "The interchange format (this chapter needs the `csv` feature).")]
pub mod format {}

#[cfg_attr(feature = "csv", doc = include_str!("frameworks.md"))]
#[cfg_attr(not(feature = "csv"), doc = "The frameworks (this chapter needs the `csv` feature).")]
pub mod frameworks {}

#[cfg_attr(feature = "csv", doc = include_str!("planning.md"))]
#[cfg_attr(not(feature = "csv"), doc = "Planning (this chapter needs the `csv` feature).")]
pub mod planning {}

#[cfg_attr(feature = "csv", doc = include_str!("analysis.md"))]
#[cfg_attr(not(feature = "csv"), doc = "Decision support (this chapter needs the `csv` feature).")]
pub mod analysis {}

#[cfg_attr(feature = "csv", doc = include_str!("cli.md"))]
#[cfg_attr(not(feature = "csv"), doc = "The command-line tools (this chapter needs the `csv` feature).")]
pub mod cli {}

#[cfg_attr(feature = "csv", doc = include_str!("applications.md"))]
#[cfg_attr(
    not(feature = "csv"),
    doc = "A backlog inside an application (this chapter needs the `csv` feature)."
)]
pub mod applications {}
