//! `analyze ahp` and `analyze kano`: the judgments behind the numbers, read from their own files.

use std::fmt::Write as _;
use std::io::Read as _;

use crate::common::{self, Align, Failure, Format, Table, escape, number};
use prioritize::judgment::{Ahp, ComparisonSets, KanoSurvey, RandomIndex};

/// The text of `file` (`-` for standard input), without a byte order mark.
fn read(file: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let read = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|read| text = read)
    };
    read.map_err(|error| Failure::new(format_args!("cannot read {file:?}: {error}")))?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

/// `analyze ahp FILE`: each set of comparisons' weights and consistency.
pub(crate) fn ahp(file: &str, random_index: RandomIndex, format: Format) -> Result<String, Failure> {
    let sets: ComparisonSets =
        serde_json::from_str(&read(file)?).map_err(|error| Failure::new(format_args!("{file}: {error}")))?;
    let mut results: Vec<(&str, Ahp)> = Vec::new();
    for (name, comparisons) in sets.iter() {
        let ahp = Ahp::with_random_index(comparisons, random_index)
            .map_err(|error| Failure::new(format_args!("{file}: {name}: {error}")))?;
        if let (Some(ratio), Some((a, b))) = (ahp.consistency_ratio(), ahp.most_inconsistent())
            && !ahp.is_consistent()
        {
            common::warn(format_args!(
                "{}: consistency ratio {ratio:.3} is 0.1 or more; the comparison of {} with {} disagrees most \
                 with the weights",
                escape(name),
                escape(a),
                escape(b)
            ));
        }
        results.push((name, ahp));
    }
    match format {
        Format::Json => {
            // One set as itself; several by name, in the order written.
            struct Named<'a>(&'a [(&'a str, Ahp)]);
            impl serde::Serialize for Named<'_> {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.collect_map(self.0.iter().map(|(name, ahp)| (name, ahp)))
                }
            }
            let text = match results.as_slice() {
                [(_, one)] => serde_json::to_string_pretty(one),
                many => serde_json::to_string_pretty(&Named(many)),
            };
            text.map(|text| text + "\n")
                .map_err(|error| Failure::new(format_args!("cannot write JSON: {error}")))
        }
        _ => Ok(results
            .iter()
            .map(|(name, ahp)| ahp_table(name, ahp, random_index))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

fn ahp_table(name: &str, ahp: &Ahp, random_index: RandomIndex) -> String {
    let mut text = format!("{}: weights by the principal eigenvector\n", escape(name));
    let mut table = Table::new().id("id").column("weight", Align::Right);
    for (id, weight) in ahp.weights() {
        table.row(vec![id.to_owned(), format!("{weight:.4}")]);
    }
    text.push_str(&table.render(common::TABLE_WIDTH));
    let shown = |value: Option<f64>| value.map_or_else(|| "none".to_owned(), |v| format!("{v:.4}"));
    let consistent = if ahp.is_consistent() { "consistent (CR < 0.1)" } else { "not consistent (CR >= 0.1)" };
    let _ = writeln!(
        text,
        "lambda_max {:.4}, CI {:.4}, RI {} ({random_index}), CR {}: {consistent}",
        ahp.lambda_max(),
        ahp.consistency_index(),
        shown(ahp.random_index()),
        shown(ahp.consistency_ratio()),
    );
    if let Some((a, b)) = ahp.most_inconsistent() {
        let _ = writeln!(text, "disagrees most with the weights: {} against {}", escape(a), escape(b));
    }
    for (a, b, ratio) in ahp.completed() {
        let _ = writeln!(
            text,
            "not compared, completed: {} against {} as {}",
            escape(a),
            escape(b),
            number(ratio)
        );
    }
    text
}

/// `analyze kano FILE`: each feature's counts, category, coefficients and significance.
pub(crate) fn kano(file: &str, format: Format) -> Result<String, Failure> {
    let survey: KanoSurvey =
        serde_json::from_str(&read(file)?).map_err(|error| Failure::new(format_args!("{file}: {error}")))?;
    if format == Format::Json {
        return serde_json::to_string_pretty(&survey)
            .map(|text| text + "\n")
            .map_err(|error| Failure::new(format_args!("cannot write JSON: {error}")));
    }
    let mut table = Table::new().id("feature");
    for count in ["A", "O", "M", "I", "R", "Q"] {
        table = table.column(count, Align::Right);
    }
    table = table
        .column("category", Align::Left)
        .column("better", Align::Right)
        .column("worse", Align::Right)
        .column("significant", Align::Left);
    let coefficient = |value: Option<f64>| value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"));
    for feature in survey.features() {
        let c = feature.counts();
        let mut row = vec![feature.id().to_owned()];
        row.extend(
            [c.attractive, c.one_dimensional, c.must_be, c.indifferent, c.reverse, c.questionable]
                .map(|n| n.to_string()),
        );
        row.extend([
            feature.category().as_str().to_owned(),
            coefficient(feature.better()),
            coefficient(feature.worse()),
            (if feature.is_significant() { "yes" } else { "no" }).to_owned(),
        ]);
        table.row(row);
    }
    Ok(format!(
        "Kano categories: A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable\n{}",
        table.render(common::TABLE_WIDTH)
    ))
}
