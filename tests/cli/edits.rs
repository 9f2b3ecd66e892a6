//! The `edits` example: a backlog held while a stream of edits changes it.

use crate::support::run_example;

const EDITS: &str = "# a comment, then a blank line

set CHK-1 effort 8
set INV-1 impact massive
set DUN-1 confidence {\"ratings\": {\"po\": 1, \"pm\": 1, \"eng\": 0.75}}
insert {\"id\": \"DARK-1\", \"title\": \"Dark\\u001b[2J mode\", \"reach\": 5000, \"impact\": 1, \"confidence\": 0.8, \"effort\": 1}
set CHK-1 confidence 80
remove AUTH-2
remove DARK-1
frobnicate X
";

#[test]
fn each_edit_prints_the_new_top_and_a_failed_one_names_line_item_and_field() {
    let run = run_example("edits", &["--top", "2"], EDITS);
    assert_eq!(run.status, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: line 7: item \"CHK-1\": confidence 80 is outside 0..=1 (write 0.8 for 80 %)\n\
         error: line 8: item \"AUTH-2\": cannot be removed while \"CHK-1\", \"PORT-1\" depend on it\n\
         error: line 10: unknown command \"frobnicate\" (expected set, insert, replace or remove)\n"
    );
    let blocks: Vec<&str> = run.stdout.split("after line ").skip(1).collect();
    assert_eq!(blocks.len(), 5, "{}", run.stdout);
    // 1,800 · 3 · 0.9375 / 2 (the raters' weighted mean of the new confidences) = 2,531.25.
    assert!(blocks[2].starts_with("5: set DUN-1"), "{}", blocks[2]);
    assert!(blocks[2].contains("DUN-1 ") && blocks[2].contains("2531.2"), "{}", blocks[2]);
    // 3,000 · 3 · 1 / 1 = 9,000 with massive impact.
    assert!(blocks[1].contains("    1 INV-1 ") && blocks[1].contains("9000.0"), "{}", blocks[1]);
    // The inserted item's title is shown escaped, never sent to the terminal.
    assert!(blocks[3].contains("    2 DARK-1") && blocks[3].contains(r"Dark\u{1b}[2J mode"), "{}", blocks[3]);
    assert!(!run.stdout.contains('\u{1b}'));
    assert!(blocks[4].starts_with("9: remove DARK-1\n"), "{}", blocks[4]);
    assert!(blocks[4].lines().skip(1).all(|row| !row.contains("DARK-1")), "{}", blocks[4]);
}

#[test]
fn the_sample_edits_apply_to_the_sample_backlog() {
    let edits = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/edits.txt"))
        .expect("the sample edits");
    let run = run_example("edits", &[], &edits);
    assert_eq!(run.status, 2, "two of the sample's edits fail on purpose: {run:?}");
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    assert_eq!(run.stdout.matches("after line").count(), 6);
}
