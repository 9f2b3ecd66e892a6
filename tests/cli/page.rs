//! The `report` example's page, for the `report` and `browser` modules.
#![cfg(all(feature = "svg", feature = "csv"))]

use std::path::PathBuf;

use crate::support::{run_in, scratch};

/// Runs `report` with `args`, writing to `name` in the scratch directory; returns the page's
/// path and text.
#[track_caller]
pub(crate) fn page(name: &str, args: &[&str]) -> (PathBuf, String) {
    let path = scratch().join(name);
    let mut all = args.to_vec();
    all.extend(["-o", path.to_str().expect("UTF-8 path")]);
    let run = run_in(scratch(), "report", &all, "");
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{run:?}");
    let html = std::fs::read_to_string(&path).expect("the page is written");
    (path, html)
}
