//! The `report` example, run as a subprocess: where it writes, what the page says for each
//! framework, and its option errors (the conventions of `rank`).

#![cfg(all(feature = "svg", feature = "csv"))]

use std::path::Path;

use crate::page::page;
use crate::support::{Run, file, scratch};

/// Runs `report` with `args` in the directory `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    crate::support::run_in(dir, "report", args, "")
}

/// Fails with status 2, nothing on standard output, and exactly this error line.
#[track_caller]
fn fails(run: &Run, error: &str) {
    crate::support::fails(run, &[error]);
}

#[test]
fn writes_report_html_by_default_and_standard_output_with_dash() {
    let dir = scratch().join("default");
    std::fs::create_dir_all(&dir).expect("a directory");
    let run = run_in(&dir, &[]);
    assert_eq!((run.status, run.stdout.as_str(), run.stderr.as_str()), (0, "wrote report.html\n", ""));
    let written = std::fs::read_to_string(dir.join("report.html")).expect("report.html");
    let run = run_in(&dir, &["-o", "-"]);
    assert_eq!((run.status, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, written, "the same page either way");
    assert!(written.starts_with("<!DOCTYPE html>\n<html lang=\"en\">") && written.ends_with("</html>\n"));
}

#[test]
fn the_sample_page_under_rice() {
    let (_, html) = page("rice.html", &[]);
    assert!(html.contains(
        "<p>20 items ranked by <strong>rice</strong> from the embedded sample backlog; 0 unscored.</p>"
    ));
    assert!(html.contains("Split lines at value 1550 and effort 3 (on a line counts as high)"));
    assert!(html.contains("value: reach × impact × confidence"));
    assert!(html.contains("(estimates without a range read as ±10 %)"));
    assert_eq!(html.matches("<tr><td class=\"num\">").count(), 20);
    assert!(html.contains(
        "<tr><td class=\"num\">1</td><td class=\"id\">CHK-1</td><td class=\"title\">One-click checkout for returning \
         buyers</td><td class=\"num\">2133.3</td><td><span class=\"tag big_bet\">Big bets</span></td>\
         <td class=\"num\">1–6</td></tr>"
    ));
    assert!(html.contains("Give <code>--periods</code>"), "no roadmap without --periods");
    assert_eq!(html.matches("<svg xmlns").count(), 3);
    assert!(!html.contains("id=\"kano\""), "no Kano section without a survey");
}

/// A backlog that carries Kano answers gets their chart and table; pairwise ranks the page.
#[test]
fn the_kano_survey_and_pairwise_votes() {
    let backlog = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/judgments.json");
    let (_, html) = page("judgments.html", &[backlog, "--framework", "pairwise"]);
    assert!(html.contains("ranked by <strong>pairwise</strong>"), "{html}");
    assert!(html.contains("<section id=\"kano\"><h2>What customers expect (Kano)</h2>"));
    let kano = &html[html.find("<section id=\"kano\">").expect("the section")..];
    assert_eq!(kano.matches("class=\"feature\"").count(), 3);
    assert!(kano.contains(
        "<tr><td class=\"id\">AUTH-2</td><td>must-be</td><td class=\"num\">10</td><td class=\"num\">0.10</td>\
         <td class=\"num\">-0.90</td><td>yes</td></tr>"
    ), "{kano}");
    assert!(kano.contains("<title>CHK-1: one-dimensional (better 0.7, worse -0.7)</title>"), "{kano}");
}

#[test]
fn wsjf_with_mean_lines_and_moscow_without_a_score() {
    let (_, wsjf) = page("wsjf.html", &["--framework", "wsjf", "--split", "mean", "--uncertainty", "0"]);
    assert!(
        wsjf.contains("Split lines at value 15.6 and effort 3.1") && wsjf.contains("value: cost of delay")
    );
    assert!(!wsjf.contains("read as ±"));
    let (_, moscow) = page("moscow.html", &["--framework", "moscow"]);
    assert!(moscow.contains("<p class=\"note\">No item has both a value and an effort.</p>"));
    assert!(moscow.contains("<p class=\"note\">Not in the matrix: CHK-1 lacks score; AUTH-2 lacks score; "));
    assert!(moscow.contains("<th>moscow</th>") && moscow.contains("<td>must</td>"));
    assert!(!moscow.contains("class=\"quadrant-chart\""));
    let (_, then) = page("moscow-rice.html", &["--framework", "moscow", "--then", "rice"]);
    assert!(then.contains("value: score × effort") && then.contains(">moscow then rice</text>"));
}

#[test]
fn unscored_items_and_the_roadmap() {
    let backlog = file(
        "partial.json",
        r#"[{"id": "A", "title": "a", "reach": 10, "impact": 1, "confidence": 1, "effort": 3},
            {"id": "B", "title": "b", "reach": 10, "impact": 1, "confidence": 1, "effort": 2, "depends_on": ["A"]},
            {"id": "C", "title": "c", "reach": 10}]"#,
    );
    let (_, html) = page("partial.html", &[&backlog, "--periods", "now=4,later=rest"]);
    assert!(html.contains("2 items ranked by <strong>rice</strong>") && html.contains("; 1 unscored.</p>"));
    assert!(html.contains("<p class=\"note\">Unscored: C lacks impact, confidence, effort.</p>"));
    assert!(html.contains("<p class=\"note\">Not in the matrix: C lacks impact, confidence, effort.</p>"));
    assert!(
        html.contains(">3 of 4</text>") && html.contains(">2 (no limit)</text>"),
        "B waits for A, then has no room"
    );
    assert!(!html.contains("In no period"));
    let (_, tight) = page("tight.html", &[&backlog, "--periods", "2"]);
    assert!(
        tight.contains(
            "<p class=\"note\">In no period: A (no period has room for it); B (depends on &quot;A&quot;, which is \
             in no period).</p>"
        ),
        "{tight}"
    );
}

#[test]
fn option_errors() {
    let dir = scratch();
    fails(&run_in(dir, &["--top", "3"]), "option --top does not apply to report");
    fails(&run_in(dir, &["--format", "json"]), "option --format does not apply to report");
    fails(
        &run_in(dir, &["--uncertainty", "1"]),
        "option --uncertainty: 1 is outside 0..1 (a fraction, e.g. 0.2 for +-20 %)",
    );
    fails(
        &run_in(dir, &["--split", "1,x"]),
        "option --split: \"1,x\" is not two numbers >= 0 (write VALUE,EFFORT, e.g. 1000,3)",
    );
    fails(
        &run_in(dir, &["--periods", "x"]),
        "option --periods: \"x\" is not a capacity >= 0 or rest (write 20,30,rest or now=20,next=30,later=rest)",
    );
    fails(&run_in(dir, &["-o"]), "option --output needs a value");
    let run = run_in(dir, &["-o", "no/such/directory/report.html"]);
    assert_eq!((run.status, run.stdout.as_str()), (2, ""));
    assert!(run.stderr.starts_with("error: cannot write \"no/such/directory/report.html\": "), "{run:?}");
}
