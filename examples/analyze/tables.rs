//! The tables `analyze` prints in its default format, one function per subcommand.

use std::fmt::Write as _;

use crate::common::{self, Align, Table, clip, number};
use prioritize::analysis::{
    self, Agreement, Axes, Comparison, Consensus, Explanation, Quadrant, Quadrants, RankingDiff, Sensitivity,
    Split, StrategicItem, Strategy,
};

fn optional(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), number)
}

pub(crate) fn sensitivity_table(report: &Sensitivity, top: usize) -> String {
    let categorized = report.items.iter().any(|item| item.category.is_some());
    let mut table = Table::new().column("pos", Align::Right).column("id", Align::Left);
    if categorized {
        table = table.column("moscow", Align::Left);
    }
    table = table
        .flexible("title")
        .column("score", Align::Right)
        .column("min", Align::Right)
        .column("max", Align::Right)
        .column("best", Align::Right)
        .column("worst", Align::Right)
        .column("ranges", Align::Left);
    for item in &report.items {
        let mut cells = vec![item.position.to_string(), item.id.clone()];
        if categorized {
            cells.push(item.category.map_or_else(String::new, |category| category.to_string()));
        }
        cells.extend([
            item.title.clone(),
            optional(item.score),
            optional(item.min_score),
            optional(item.max_score),
            item.best_position.to_string(),
            item.worst_position.to_string(),
            item.varied.iter().map(|field| common::column_name(field.as_str())).collect::<Vec<_>>().join(","),
        ]);
        table.row(cells);
    }
    let mut text = table.render(common::TABLE_WIDTH);
    let top = report.top(top);
    let _ =
        writeln!(text, "\ntop {}: certainly {}; possibly {}", top.k, list(&top.certain), list(&top.possible));
    lacking(&mut text, "unscored", report.unscored.iter().map(|u| (u.id.as_str(), &u.missing[..])));
    text
}

/// Ids for a line of text, each escaped and cut to a few dozen columns.
fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        return "none".to_owned();
    }
    ids.iter().map(|id| clip(id)).collect::<Vec<_>>().join(", ")
}

/// One line per item, `{label}: ID lacks FIELDS`, the id and the field names escaped and cut.
fn lacking<'a>(text: &mut String, label: &str, items: impl Iterator<Item = (&'a str, &'a [String])>) {
    for (id, missing) in items {
        let _ = writeln!(text, "{label}: {} lacks {}", clip(id), list(missing));
    }
}

pub(crate) fn explain_table(explanations: &[Explanation]) -> String {
    let mut table = Table::new()
        .column("pos", Align::Right)
        .column("id", Align::Left)
        .column("score", Align::Right)
        .column("ahead", Align::Left)
        .flexible("passes the item ahead if (the smallest single change)");
    for explanation in explanations {
        let what = match (&explanation.ahead, explanation.changes.first()) {
            (None, _) => "first".to_owned(),
            (Some(_), None) => "no single input change".to_owned(),
            (Some(_), Some(c)) => {
                let others = match explanation.changes.len() - 1 {
                    0 => String::new(),
                    1 => " (1 other, in JSON)".to_owned(),
                    n => format!(" ({n} others, in JSON)"),
                };
                format!("{} {} {} (now {}){others}", c.field, c.bound.symbol(), c.value, c.now)
            }
        };
        let ahead = explanation.ahead.clone().unwrap_or_default();
        table.row(vec![
            explanation.position.to_string(),
            explanation.id.clone(),
            optional(explanation.score),
            ahead,
            what,
        ]);
    }
    table.render(common::TABLE_WIDTH)
}

pub(crate) fn compare_table(comparison: &Comparison) -> String {
    let mut text = String::new();
    for pair in &comparison.pairs {
        let correlation =
            |value: Option<f64>| value.map_or_else(|| "undefined".to_owned(), |v| format!("{v:.3}"));
        let _ = writeln!(
            text,
            "{} vs {} ({} items): tau-b {}, rho {}; top {}: {} shared, only {}: {}, only {}: {}",
            pair.first,
            pair.second,
            pair.common,
            correlation(pair.kendall_tau_b),
            correlation(pair.spearman_rho),
            comparison.k,
            pair.top.shared.len(),
            pair.first,
            list(&pair.top.only_first),
            pair.second,
            list(&pair.top.only_second),
        );
        let largest: Vec<String> = pair
            .differences
            .iter()
            .take(3)
            .map(|d| format!("{} {} -> {}", clip(&d.id), d.first, d.second))
            .collect();
        let _ = writeln!(text, "  largest differences: {}", list(&largest));
    }
    let mut table = Table::new().column("id", Align::Left).flexible("title");
    for framework in &comparison.frameworks {
        table = table.column(framework.as_str(), Align::Right);
    }
    for item in &comparison.items {
        let mut cells = vec![item.id.clone(), item.title.clone()];
        cells.extend(item.positions.iter().map(|p| p.map_or_else(|| "-".to_owned(), |p| p.to_string())));
        table.row(cells);
    }
    text.push('\n');
    text.push_str(&table.render(common::TABLE_WIDTH));
    text
}

pub(crate) fn consensus_table(result: &Consensus) -> String {
    let mut table = Table::new()
        .column("pos", Align::Right)
        .column("rank", Align::Right)
        .column("id", Align::Left)
        .flexible("title")
        .column("points", Align::Right);
    for framework in &result.frameworks {
        table = table.column(framework.as_str(), Align::Right);
    }
    for entry in &result.ranking {
        let mut cells = vec![
            entry.position.to_string(),
            entry.rank.to_string(),
            entry.id.clone(),
            entry.title.clone(),
            number(entry.points),
        ];
        cells.extend(entry.positions.iter().map(ToString::to_string));
        table.row(cells);
    }
    let mut text = table.render(common::TABLE_WIDTH);
    for excluded in &result.excluded {
        let id = clip(&excluded.id);
        let _ = writeln!(text, "excluded: {id} (unscored by {})", excluded.unscored_by.join(", "));
    }
    text
}

pub(crate) fn diff_table(result: &RankingDiff) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "added: {}\nremoved: {}", list(&result.added), list(&result.removed));
    let _ = writeln!(
        text,
        "entered top {}: {}\nleft top {}: {}",
        result.k,
        list(&result.entered_top),
        result.k,
        list(&result.left_top)
    );
    if !result.now_unscored.is_empty() || !result.now_scored.is_empty() {
        let _ = writeln!(
            text,
            "now unscored: {}\nnow scored: {}",
            list(&result.now_unscored),
            list(&result.now_scored)
        );
    }
    let mut table = Table::new()
        .column("id", Align::Left)
        .column("old", Align::Right)
        .column("new", Align::Right)
        .column("moved", Align::Right)
        .flexible("inputs changed");
    for moved in &result.moved {
        let value = |value: Option<analysis::InputValue>| match value {
            None => "-".to_owned(),
            Some(analysis::InputValue::Number(number)) => common::number(number),
            Some(analysis::InputValue::Category(category)) => category.to_string(),
        };
        let inputs: Vec<String> = moved
            .inputs
            .iter()
            .map(|c| format!("{} {} -> {}", c.field, value(c.old), value(c.new)))
            .collect();
        table.row(vec![
            moved.id.clone(),
            moved.old_position.to_string(),
            moved.new_position.to_string(),
            format!("{:+}", moved.change),
            if inputs.is_empty() { "(others moved)".to_owned() } else { inputs.join(", ") },
        ]);
    }
    text.push('\n');
    text.push_str(&table.render(common::TABLE_WIDTH));
    text
}

/// Every rated field, largest spread first; those at or above `threshold` marked `!` and counted
/// in the first line, so the few estimates worth a conversation stand out.
pub(crate) fn agreement_table(report: &Agreement, threshold: f64) -> String {
    let mut text = String::new();
    if report.items.is_empty() {
        text.push_str("no rated fields (rate one as {\"ratings\": {\"po\": 8, \"pm\": 3}} in JSON)\n");
        return text;
    }
    let flagged = report.items.iter().filter(|field| field.spread >= threshold).count();
    let _ = writeln!(
        text,
        "{flagged} of {} rated fields spread {} or more (marked !): worth a conversation; values are the {}\n",
        report.items.len(),
        number(threshold),
        report.aggregate,
    );
    let mut table = Table::new()
        .column("!", Align::Left)
        .column("id", Align::Left)
        .column("field", Align::Left)
        .column("spread", Align::Right)
        .column("value", Align::Right)
        .column("min", Align::Right)
        .column("max", Align::Right)
        .flexible("ratings");
    for field in &report.items {
        let ratings: Vec<String> =
            field.ratings.iter().map(|(rater, value)| format!("{rater} {}", number(*value))).collect();
        table.row(vec![
            if field.spread >= threshold { "!".to_owned() } else { String::new() },
            field.id.clone(),
            field.field.clone(),
            format!("{:.2}", field.spread),
            number(field.value),
            number(field.min),
            number(field.max),
            ratings.join(", "),
        ]);
    }
    text.push_str(&table.render(common::TABLE_WIDTH));
    text
}

/// Kendall's tau-b, then the `top` largest shifts each way.
pub(crate) fn strategy_table(report: &Strategy, top: usize) -> String {
    let mut text = String::new();
    let tau = report.kendall_tau_b.map_or_else(|| "undefined".to_owned(), |tau| format!("{tau:.3}"));
    let _ = writeln!(
        text,
        "backlog order vs strategy (alignment): kendall tau-b {tau} (1 = the same order, -1 = reversed)"
    );
    let sections = [
        (
            "ahead of the strategy: earlier in the backlog than their alignment would put them",
            report.ahead(top),
        ),
        ("behind the strategy: later in the backlog than their alignment would put them", report.behind(top)),
    ];
    for (heading, items) in sections {
        let _ = writeln!(text, "\n{heading}");
        if items.is_empty() {
            text.push_str("none\n");
            continue;
        }
        text.push_str(&shift_table(&items));
    }
    text
}

fn shift_table(items: &[&StrategicItem]) -> String {
    let mut table = Table::new()
        .column("id", Align::Left)
        .flexible("title")
        .column("backlog", Align::Right)
        .column("strategic", Align::Right)
        .column("shift", Align::Right)
        .column("alignment", Align::Right);
    for item in items {
        table.row(vec![
            item.id.clone(),
            item.title.clone(),
            item.backlog_position.to_string(),
            item.strategic_position.to_string(),
            format!("{:+}", item.shift),
            number(item.alignment),
        ]);
    }
    table.render(common::TABLE_WIDTH)
}

pub(crate) fn quadrants_table(matrix: &Quadrants, split: Split) -> String {
    let mut table = Table::new()
        .column("id", Align::Left)
        .flexible("title")
        .column("value", Align::Right)
        .column(Axes::of(&matrix.framework).effort().as_str(), Align::Right)
        .column("quadrant", Align::Left);
    for item in &matrix.items {
        table.row(vec![
            item.id.clone(),
            item.title.clone(),
            number(item.value),
            number(item.effort),
            item.quadrant.as_str().replace('_', " "),
        ]);
    }
    let mut text = table.render(common::TABLE_WIDTH);
    let how = match split {
        Split::Fixed { .. } => "fixed",
        Split::Mean => "means",
        Split::Median => "medians",
    };
    match matrix.split {
        Some(lines) => {
            let _ = writeln!(
                text,
                "\nsplit lines ({how}; on a line counts as high): value {}, effort {}",
                number(lines.value),
                number(lines.effort)
            );
        }
        None => text.push_str("\nno item has both a value and an effort\n"),
    }
    let counts: Vec<String> = Quadrant::ALL
        .iter()
        .map(|&quadrant| format!("{} {}", quadrant.label().to_lowercase(), matrix.of(quadrant).count()))
        .collect();
    let _ = writeln!(text, "{}", counts.join(", "));
    lacking(&mut text, "excluded", matrix.excluded.iter().map(|e| (e.id.as_str(), &e.missing[..])));
    text
}
