//! `-h`/`--help` of every example that takes options, run as subprocesses: each lists exactly
//! the arguments and options that command accepts, once, prints on standard output and exits 0.

#![cfg(feature = "csv")]

use crate::support::run_example;

/// The first column of each entry of the help's `Arguments:`, `Options:` and `Commands:` lists.
fn entries(help: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    let mut in_list = false;
    for line in help.lines() {
        if matches!(line, "Arguments:" | "Options:" | "Commands:") {
            in_list = true;
        } else if line.is_empty() {
            in_list = false;
        } else if in_list && !line.trim_start().is_empty() {
            let entry = line.trim_start();
            // A continuation line of a help text starts far to the right.
            if line.len() - entry.len() <= 6 {
                entries.push(entry.split("  ").next().unwrap_or(entry));
            }
        }
    }
    entries
}

/// The help of `args`, checked to be the same for `-h` and `--help`, on standard output only,
/// with status 0 and no line wider than 100 columns.
#[track_caller]
fn help(example: &str, args: &[&str]) -> String {
    let mut long = args.to_vec();
    long.push("--help");
    let run = run_example(example, &long, "");
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{run:?}");
    let mut short = args.to_vec();
    short.push("-h");
    assert_eq!(run_example(example, &short, "").stdout, run.stdout);
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 100, "{example} {args:?}: {line}");
    }
    assert!(run.stdout.ends_with("\nexit status: 0 on success, 2 on bad input or bad options\n"), "{run:?}");
    run.stdout
}

/// Every `--option` the help mentions anywhere (in a help text too) is one of its `entries`: a
/// help never points to an option the command refuses.
#[track_caller]
fn mentions_only_its_options(help: &str, what: &str) {
    let listed: Vec<&str> = entries(help)
        .iter()
        .flat_map(|entry| entry.split([' ', ',']))
        .filter(|word| word.starts_with("--"))
        .collect();
    let mut rest = help;
    while let Some(start) = rest.find("--") {
        let name_end = rest[start + 2..]
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .map_or(rest.len(), |end| start + 2 + end);
        let option = &rest[start..name_end];
        if option.len() > 2 {
            assert!(listed.contains(&option), "{what} mentions {option}, which it does not take:\n{help}");
        }
        rest = &rest[name_end..];
    }
}

/// `FILE`, how to read it, the engine and `--strict`: what every command that ranks one backlog
/// takes.
const RANK_ARGS: [&str; 12] = [
    "[FILE]",
    "--from <TOOL>",
    "--map <MAP>",
    "--input-format <json|csv>",
    "--config <FILE>",
    "--framework <FRAMEWORK>",
    "--prior <P>",
    "--scorecard <NAME>",
    "--formula <EXPR>",
    "--then <FRAMEWORK>",
    "--alignment-weight <L>",
    "--strict",
];

#[test]
fn rank_lists_its_options() {
    let text = help("rank", &[]);
    assert!(text.starts_with("rank: rank a product backlog with RICE, WSJF or MoSCoW, weighted by strategic alignment\n\nUsage: rank [OPTIONS] [FILE]\n"), "{text}");
    let own = ["--top <N>", "--capacity <C>", "--format <table|json|csv>", "--respect-dependencies"];
    assert_eq!(entries(&text), [&RANK_ARGS[..], &own, &["--pin <ID=POSITION>", "-h, --help"]].concat());
    mentions_only_its_options(&text, "rank");
    // A help text that goes on over two lines keeps its indent.
    assert!(text.contains(
        "      --respect-dependencies     never place an item before an item it depends on;\n\
         \x20                                a prerequisite takes the place of what waits on it\n"
    ));
}

#[test]
fn plan_lists_its_options_and_not_what_it_refuses() {
    let text = help("plan", &[]);
    assert!(text.contains("\nUsage: plan (--capacity C | --periods LIST) [OPTIONS] [FILE]\n"), "{text}");
    let own = ["--capacity <C>", "--periods <LIST>", "--mode <exact|greedy|auto>", "--resolution <R>"];
    let last = ["--pin <ID=POSITION>", "--format <table|json>", "-h, --help"];
    assert_eq!(entries(&text), [&RANK_ARGS[..], &own, &last].concat());
    mentions_only_its_options(&text, "plan");
    assert!(!text.contains("--top") && !text.contains("--format <table|json|csv>"), "{text}");
}

#[test]
fn analyze_lists_its_subcommands_and_each_its_options() {
    let text = help("analyze", &[]);
    assert!(
        text.starts_with("analyze: decision support for a product backlog\n\nUsage: analyze <COMMAND>\n")
    );
    assert_eq!(
        entries(&text),
        [
            "sensitivity",
            "explain",
            "compare",
            "consensus",
            "quadrants",
            "diff",
            "agreement",
            "strategy",
            "ahp",
            "kano",
            "-h, --help"
        ]
    );
    let format = "--format <table|json>";
    let several = [&RANK_ARGS[..5], &["--frameworks <LIST>"], &RANK_ARGS[9..]].concat();
    let cases: [(&str, Vec<&str>); 10] = [
        ("sensitivity", [&RANK_ARGS[..], &["--uncertainty <F>", "--top <N>", format]].concat()),
        ("explain", [&RANK_ARGS[..], &["--top <N>", format]].concat()),
        ("compare", [&several[..], &["--top <N>", format]].concat()),
        ("consensus", [&several[..], &[format]].concat()),
        ("quadrants", [&RANK_ARGS[..], &["--split <median|mean|VALUE,EFFORT>", format]].concat()),
        ("diff", [&["<OLD>", "<NEW>"][..], &RANK_ARGS[5..], &["--top <N>", format]].concat()),
        ("agreement", [&RANK_ARGS[..5], &["--threshold <S>", format]].concat()),
        ("strategy", [&RANK_ARGS[..5], &["--top <N>", format]].concat()),
        ("ahp", vec!["<FILE>", "--random-index <saaty|donegan-dodd>", format]),
        ("kano", vec!["<FILE>", format]),
    ];
    for (subcommand, mut expected) in cases {
        expected.push("-h, --help");
        let text = help("analyze", &[subcommand]);
        assert_eq!(entries(&text), expected, "{subcommand}");
        mentions_only_its_options(&text, subcommand);
        assert!(!text.contains("--capacity") && !text.contains("--format <table|json|csv>"), "{text}");
    }
}

#[test]
fn quadrants_says_how_each_framework_is_measured() {
    let text = help("analyze", &["quadrants"]);
    assert!(
        text.ends_with(
            "\nvalue is what the score divides by effort:\n  rice         reach × impact × confidence\n  \
             wsjf         cost of delay\n  moscow       score × effort\n  ice          score × effort\n  \
             cd3          cost of delay, against duration\n  opportunity  score × effort\n  \
             pairwise     score × effort\nexit status: 0 on \
             success, 2 on bad input or bad options\n"
        ),
        "{text}"
    );
}

#[cfg(feature = "svg")]
#[test]
fn report_lists_its_options_and_not_what_it_refuses() {
    let text = help("report", &[]);
    assert!(text.starts_with("report: one self-contained HTML page about a backlog"), "{text}");
    assert!(text.contains("\nUsage: report [OPTIONS] [FILE] [-o report.html]\n"), "{text}");
    let own = [
        "-o, --output <FILE>",
        "--uncertainty <F>",
        "--split <median|mean|VALUE,EFFORT>",
        "--periods <LIST>",
    ];
    assert_eq!(entries(&text), [&RANK_ARGS[..], &own, &["-h, --help"]].concat());
    assert!(!text.contains("--top") && !text.contains("--format"), "{text}");
    mentions_only_its_options(&text, "report");
}

#[test]
fn generate_lists_its_options() {
    let run = run_example("generate", &["--help"], "");
    assert_eq!((run.status, run.stderr.as_str()), (0, ""));
    assert!(run.stdout.starts_with("generate: write a synthetic backlog of N items as JSON (or CSV)"));
    assert_eq!(entries(&run.stdout), ["<N>", "--csv", "-h, --help"]);
    assert_eq!(run_example("generate", &["-h"], "").stdout, run.stdout);
}

/// A command's help names no option it refuses.
#[test]
fn diff_help_names_no_configuration() {
    let text = help("analyze", &["diff"]);
    assert!(!text.contains("--config"), "{text}");
}
