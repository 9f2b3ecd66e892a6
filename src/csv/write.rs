//! Writing a ranking as CSV.

use std::io;

use ::csv::WriterBuilder;
use serde::Serialize;

use crate::ranking::Ranking;

/// One cell: text, a count, or a number written as serde writes `f64` (`400.0`); `None` is an
/// empty cell.
#[derive(Serialize)]
#[serde(untagged)]
enum Cell<'a> {
    Text(&'a str),
    Count(usize),
    Number(Option<f64>),
}

/// Writes `ranking` as CSV: a header row, then one row per ranked entry with `position`, `rank`,
/// `id`, `title`, `score` (empty when the engine orders by category alone), `category` for
/// engines that have one, then the breakdown's values, one column per name.
///
/// Unscored items are not rows; read them from [`Ranking::unscored`]. Quoting is the `csv`
/// crate's. See the [module](crate::csv) for an example.
///
/// # Errors
///
/// Any error of `writer`.
pub fn write_ranking<W: io::Write>(ranking: &Ranking<'_>, writer: W) -> io::Result<()> {
    // The breakdown columns: every name any entry has, in the order they first appear.
    let mut names: Vec<&'static str> = Vec::new();
    for entry in ranking.iter() {
        for name in entry.breakdown().names() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let categorized = ranking.is_categorized();
    let mut writer = WriterBuilder::new().has_headers(false).from_writer(writer);
    let mut header = vec!["position", "rank", "id", "title", "score"];
    if categorized {
        header.push("category");
    }
    header.extend(&names);
    writer.write_record(&header)?;
    let mut row: Vec<Cell<'_>> = Vec::with_capacity(header.len());
    for entry in ranking.iter() {
        let breakdown = entry.breakdown();
        row.clear();
        row.extend([
            Cell::Count(entry.position()),
            Cell::Count(entry.rank()),
            Cell::Text(entry.item().id().as_str()),
            Cell::Text(entry.item().title()),
            Cell::Number(entry.score()),
        ]);
        if categorized {
            row.push(Cell::Text(entry.category().map_or("", |category| category.as_str())));
        }
        row.extend(names.iter().map(|name| Cell::Number(breakdown.get(name))));
        writer.serialize(&row)?;
    }
    writer.flush()
}
