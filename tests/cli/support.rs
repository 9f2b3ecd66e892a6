//! Running the examples as subprocesses, for every module of this suite.
//!
//! The examples are built once per run of the suite (`cargo build --examples --features svg`, so that
//! `report` is among them) and their binaries run directly, so the suites stay fast.

// With fewer features, fewer modules use it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The directory of the built examples, after building them once.
pub(crate) fn examples_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // The test binary is `<target>/<profile>/deps/cli-<hash>`.
        let exe = std::env::current_exe().expect("the test binary's path");
        let profile_dir = exe.parent().and_then(Path::parent).expect("<target>/<profile>");
        let mut build = Command::new(env!("CARGO"));
        // `--features svg` adds what `report` needs; with `--all-features` that is the test's
        // own build, so nothing is built twice.
        build.args(["build", "--quiet", "--examples", "--features", "svg"]);
        if profile_dir.file_name().is_some_and(|name| name == "release") {
            build.arg("--release");
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "building the examples failed");
        profile_dir.join("examples")
    })
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) status: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs the example `name` with `args` and `stdin`, in the target's scratch directory.
pub(crate) fn run_example(name: &str, args: &[&str], stdin: &str) -> Run {
    run_in(Path::new(env!("CARGO_TARGET_TMPDIR")), name, args, stdin)
}

/// Runs the example `name` with `args` and `stdin` in the directory `dir`.
pub(crate) fn run_in(dir: &Path, name: &str, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(examples_dir().join(name))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    child.stdin.take().expect("piped stdin").write_all(stdin.as_bytes()).expect("stdin is written");
    let output = child.wait_with_output().expect("the example ends");
    Run {
        status: output.status.code().expect("an exit status"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

pub(crate) fn rank(args: &[&str]) -> Run {
    run_example("rank", args, "")
}

/// A scratch directory of this test process (test binaries, and test runners that run each test
/// in a process, may run at once).
pub(crate) fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory is created");
        dir
    })
}

/// Writes `text` to a file named `name` in the [`scratch`] directory and returns its path.
pub(crate) fn file(name: &str, text: &str) -> String {
    let path = scratch().join(name);
    std::fs::write(&path, text).expect("scratch file is written");
    path.to_str().expect("UTF-8 path").to_owned()
}

/// Succeeds with no error output.
#[track_caller]
pub(crate) fn ok(run: &Run) -> &str {
    assert_eq!(run.status, 0, "{run:?}");
    &run.stdout
}

/// Fails with status 2, nothing on stdout, and exactly these error lines.
#[track_caller]
pub(crate) fn fails(run: &Run, errors: &[&str]) {
    assert_eq!(run.status, 2, "{run:?}");
    assert_eq!(run.stdout, "", "nothing on stdout when it fails");
    let expected: String = errors.iter().flat_map(|line| ["error: ", line, "\n"]).collect();
    assert_eq!(run.stderr, expected);
}

/// Succeeds with nothing on standard error.
#[track_caller]
pub(crate) fn quiet(run: &Run) -> &str {
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{run:?}");
    &run.stdout
}

/// Succeeds quietly with JSON on standard output.
#[track_caller]
pub(crate) fn json_of(run: &Run) -> serde_json::Value {
    serde_json::from_str(quiet(run)).expect("JSON output")
}

/// Fails with status 2, nothing on standard output, and one `error:` line starting so.
#[track_caller]
pub(crate) fn fails_with(run: &Run, start: &str) {
    assert_eq!((run.status, run.stdout.as_str()), (2, ""), "{run:?}");
    assert!(run.stderr.starts_with(&format!("error: {start}")), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
}

/// Intercom's three RICE example projects (675, 400, 800), with WSJF and MoSCoW inputs, and an
/// item nobody has estimated.
pub(crate) const INTERCOM: &str = r#"{
  "objectives": [{"id": "growth", "weight": 1}],
  "items": [
    {"id": "P1", "title": "Project 1", "reach": 450, "impact": "massive", "confidence": "100%", "effort": 2,
     "business_value": 1, "time_criticality": 3, "risk_reduction": 5, "moscow": "should", "alignment": {"growth": 1}},
    {"id": "P2", "title": "Project 2", "reach": 2000, "impact": "medium", "confidence": 0.8, "effort": 4,
     "business_value": 8, "time_criticality": 8, "risk_reduction": 4, "moscow": "must"},
    {"id": "P3", "title": "Project 3", "reach": 800, "impact": "high", "confidence": 0.5, "effort": 1,
     "business_value": 2, "time_criticality": 2, "risk_reduction": 2, "moscow": "must", "alignment": 0},
    {"id": "P4", "title": "Project 4", "reach": 100, "moscow": "could", "depends_on": ["P1"]}
  ]
}"#;

/// The path of [`INTERCOM`], written once (tests run in parallel).
pub(crate) fn intercom() -> String {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| file("intercom.json", INTERCOM)).clone()
}
