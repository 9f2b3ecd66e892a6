//! Running the `report` example as a subprocess, for `report_cli.rs` and `report_browser.rs`.
//!
//! The example needs the `svg` feature, so it is built here once per test binary with it
//! (`cargo build --example report --features svg`), and its binary run directly.

// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// A scratch directory for this test process (test binaries may run at once).
pub(crate) fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory is created");
        dir
    })
}

/// The `report` example, built once with the features it needs.
pub(crate) fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        // The test binary is `<target>/<profile>/deps/<name>-<hash>`.
        let exe = std::env::current_exe().expect("the test binary's path");
        let profile_dir = exe.parent().and_then(Path::parent).expect("<target>/<profile>");
        let mut build = Command::new(env!("CARGO"));
        build.args(["build", "--quiet", "--example", "report", "--features", "svg"]);
        if profile_dir.file_name().is_some_and(|name| name == "release") {
            build.arg("--release");
        }
        assert!(build.status().expect("cargo runs").success(), "building the report example failed");
        profile_dir.join("examples").join("report")
    })
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) status: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs `report` with `args` in the directory `dir`.
pub(crate) fn run_in(dir: &Path, args: &[&str]) -> Run {
    let Output { status, stdout, stderr } =
        Command::new(binary()).args(args).current_dir(dir).output().expect("the report example runs");
    Run {
        status: status.code().expect("an exit status"),
        stdout: String::from_utf8(stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(stderr).expect("UTF-8 stderr"),
    }
}

/// Runs `report` with `args`, writing to `name` in the scratch directory; returns the page's
/// path and text.
#[track_caller]
pub(crate) fn page(name: &str, args: &[&str]) -> (PathBuf, String) {
    let path = scratch().join(name);
    let mut all = args.to_vec();
    all.extend(["-o", path.to_str().expect("UTF-8 path")]);
    let run = run_in(scratch(), &all);
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{run:?}");
    let html = std::fs::read_to_string(&path).expect("the page is written");
    (path, html)
}

/// Writes `text` to `name` in the scratch directory and returns its path.
pub(crate) fn file(name: &str, text: &str) -> String {
    let path = scratch().join(name);
    std::fs::write(&path, text).expect("scratch file is written");
    path.to_str().expect("UTF-8 path").to_owned()
}
