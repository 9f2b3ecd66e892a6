//! Writing a ranking as CSV.

use std::io;

use ::csv::WriterBuilder;
use serde::Serialize;

use super::Writer;
use super::escape::{Quoted, is_formula};
use crate::plan::PlannedOrder;
use crate::ranking::Ranking;

/// One cell: text, a count, or a number written as serde writes `f64` (`400.0`); `None` is an
/// empty cell.
#[derive(Serialize)]
#[serde(untagged)]
enum Cell<'a> {
    Text(&'a str),
    Count(Option<usize>),
    Number(Option<f64>),
    /// Text a spreadsheet would run as a formula, with a leading `'` (the formula guard).
    Quoted(Quoted<'a>),
}

/// Under the formula guard, quotes each text cell that a spreadsheet would run as a formula.
fn guard(row: &mut [Cell<'_>], on: bool) {
    if !on {
        return;
    }
    for cell in row {
        match *cell {
            Cell::Text(text) if is_formula(text) => *cell = Cell::Quoted(Quoted(text)),
            _ => {}
        }
    }
}

/// Writes `ranking` as CSV: a header row, then one row per ranked entry with `position`, `rank`,
/// `id`, `title`, `score` (empty when the engine orders by category alone), `category` for
/// engines that have one, then the breakdown's values, one column per name.
///
/// Unscored items are not rows; read them from [`Ranking::unscored`]. Quoting is the `csv`
/// crate's, and a text cell that a spreadsheet would run as a formula gets a leading `'`
/// ([`Writer`] turns that off). See the [module](crate::csv) for an example.
///
/// # Errors
///
/// Any error of `writer`.
pub fn write_ranking<W: io::Write>(ranking: &Ranking<'_>, writer: W) -> io::Result<()> {
    Writer::new().write_ranking(ranking, writer)
}

/// [`write_ranking`], the formula guard on or off.
pub(super) fn ranking<W: io::Write>(ranking: &Ranking<'_>, writer: W, formula_guard: bool) -> io::Result<()> {
    let names = breakdown_names(ranking);
    let categorized = ranking.is_categorized();
    let mut writer = WriterBuilder::new().has_headers(false).from_writer(writer);
    let header = header(categorized, &[], &names);
    writer.write_record(&header)?;
    let mut row: Vec<Cell<'_>> = Vec::with_capacity(header.len());
    for entry in ranking.iter() {
        let breakdown = entry.breakdown();
        row.clear();
        row.extend([
            Cell::Count(Some(entry.position())),
            Cell::Count(Some(entry.rank())),
            Cell::Text(entry.item().id()),
            Cell::Text(entry.item().title()),
            Cell::Number(entry.score()),
        ]);
        if categorized {
            row.push(Cell::Text(entry.category().map_or("", |category| category.as_str())));
        }
        row.extend(names.iter().map(|name| Cell::Number(breakdown.get(name))));
        guard(&mut row, formula_guard);
        writer.serialize(&row)?;
    }
    writer.flush()
}

/// The breakdown columns: every name an entry's breakdown has, in the order they first appear
/// in input order. Visiting the items in input order reads memory in sequence; in ranked order
/// a large backlog would cost a cache miss per item.
fn breakdown_names(ranking: &Ranking<'_>) -> Vec<String> {
    let backlog = ranking.backlog();
    let mut ranked = vec![false; backlog.len()];
    for entry in ranking.iter() {
        ranked[entry.index()] = true;
    }
    let mut names: Vec<String> = Vec::new();
    for item in backlog.items().filter(|item| ranked[item.index()]) {
        for name in ranking.engine().breakdown(&item).names() {
            if !names.iter().any(|known| known == name) {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// Writes a planned order ([`Ranking::respecting_dependencies`], pins) as CSV: the columns of
/// [`write_ranking`] with `promoted_by` (an id, or empty) and `pinned` (`true`/`false`) before the
/// breakdown's; an unscored prerequisite has an empty rank and score. Text cells have the formula
/// guard of [`write_ranking`].
///
/// # Errors
///
/// Any error of `writer`.
pub fn write_order<W: io::Write>(order: &PlannedOrder<'_>, writer: W) -> io::Result<()> {
    Writer::new().write_order(order, writer)
}

/// [`write_order`], the formula guard on or off.
pub(super) fn order<W: io::Write>(
    order: &PlannedOrder<'_>,
    writer: W,
    formula_guard: bool,
) -> io::Result<()> {
    // The breakdown columns, in the order they first appear in the planned order.
    let mut names: Vec<String> = Vec::new();
    for entry in order.iter() {
        for name in entry.breakdown().names() {
            if !names.iter().any(|known| known == name) {
                names.push(name.to_owned());
            }
        }
    }
    let categorized = order.is_categorized();
    let mut writer = WriterBuilder::new().has_headers(false).from_writer(writer);
    let header = header(categorized, &["promoted_by", "pinned"], &names);
    writer.write_record(&header)?;
    let mut row: Vec<Cell<'_>> = Vec::with_capacity(header.len());
    for entry in order.iter() {
        let breakdown = entry.breakdown();
        row.clear();
        row.extend([
            Cell::Count(Some(entry.position())),
            Cell::Count(entry.rank()),
            Cell::Text(entry.item().id()),
            Cell::Text(entry.item().title()),
            Cell::Number(entry.score()),
        ]);
        if categorized {
            row.push(Cell::Text(entry.category().map_or("", |category| category.as_str())));
        }
        row.push(Cell::Text(entry.promoted_by().map_or("", |item| item.id())));
        row.push(Cell::Text(if entry.is_pinned() { "true" } else { "false" }));
        row.extend(names.iter().map(|name| Cell::Number(breakdown.get(name))));
        guard(&mut row, formula_guard);
        writer.serialize(&row)?;
    }
    writer.flush()
}

/// `position, rank, id, title, score`, `category` when `categorized`, `extra`, then `names`.
fn header<'n>(categorized: bool, extra: &[&'static str], names: &'n [String]) -> Vec<&'n str> {
    let mut header = vec!["position", "rank", "id", "title", "score"];
    if categorized {
        header.push("category");
    }
    header.extend(extra);
    header.extend(names.iter().map(String::as_str));
    header
}
