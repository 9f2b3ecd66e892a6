//! Writing a ranking as CSV.

use std::io;

use super::Writer;
use super::cells::Cells;
use crate::engine::Breakdown;
use crate::parallel::batches_in_order;
use crate::plan::PlannedOrder;
use crate::ranking::Ranking;

/// Rows formatted a batch at a time, on every core, then written in order: a batch is about a
/// megabyte of text.
const BATCH: usize = 16_384;

/// Writes `ranking` as CSV: a header row, then one row per ranked entry with `position`, `rank`,
/// `id`, `title`, `score` (empty when the engine orders by category alone), `category` for
/// engines that have one, then the breakdown's values, one column per name.
///
/// Unscored items are not rows; read them from [`Ranking::unscored`]. A cell holding a comma, a
/// quote or a line break is quoted, its quotes doubled; numbers are written in the shortest form
/// that reads back to the same value (`400.0`, `0.1`, `1e20`). A text cell that a spreadsheet would
/// run as a formula gets a leading `'` ([`Writer`] turns that off). See the [module](crate::csv)
/// for an example.
///
/// # Errors
///
/// Any error of `writer`.
pub fn write_ranking<W: io::Write>(ranking: &Ranking<'_>, writer: W) -> io::Result<()> {
    Writer::new().write_ranking(ranking, writer)
}

/// [`write_ranking`], the formula guard on or off.
pub(super) fn ranking<W: io::Write>(ranking: &Ranking<'_>, writer: W, formula_guard: bool) -> io::Result<()> {
    // In input order: visiting the items in ranked order would cost a cache miss an item.
    let backlog = ranking.backlog();
    let mut ranked = vec![false; backlog.len()];
    for entry in ranking.iter() {
        ranked[entry.index()] = true;
    }
    let names = breakdown_names(backlog.len(), |index| {
        ranked[index].then(|| ranking.engine().breakdown(&backlog.item(index)))
    });
    let categorized = ranking.is_categorized();
    let index = |position: usize| ranking.at(position + 1).map_or(0, |entry| entry.index());
    write_rows(writer, &header(categorized, &[], &names), ranking.len(), index, |position, out| {
        let Some(entry) = ranking.at(position + 1) else { return };
        let item = entry.item();
        let mut cells = Cells::new(out, formula_guard);
        cells.count(Some(entry.position()));
        cells.count(Some(entry.rank()));
        cells.text(item.id());
        cells.text(item.title());
        cells.number(entry.score());
        if categorized {
            cells.text(entry.category().map_or("", |category| category.as_str()));
        }
        values(&mut cells, &entry.breakdown(), &names);
        cells.end();
    })
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
    let names = breakdown_names(order.len(), |at| order.at(at + 1).map(|entry| entry.breakdown()));
    let categorized = order.is_categorized();
    let header = header(categorized, &["promoted_by", "pinned"], &names);
    write_rows(
        writer,
        &header,
        order.len(),
        |at| order.at(at + 1).map_or(0, |entry| entry.index()),
        |at, out| {
            let Some(entry) = order.at(at + 1) else { return };
            let item = entry.item();
            let mut cells = Cells::new(out, formula_guard);
            cells.count(Some(entry.position()));
            cells.count(entry.rank());
            cells.text(item.id());
            cells.text(item.title());
            cells.number(entry.score());
            if categorized {
                cells.text(entry.category().map_or("", |category| category.as_str()));
            }
            cells.text(entry.promoted_by().map_or("", |item| item.id()));
            cells.text(if entry.is_pinned() { "true" } else { "false" });
            values(&mut cells, &entry.breakdown(), &names);
            cells.end();
        },
    )
}

/// Every name the breakdowns `breakdown(0..len)` have, in the order they first appear; `None`
/// is no breakdown. Computed a batch at a time on every core.
fn breakdown_names(len: usize, breakdown: impl Fn(usize) -> Option<Breakdown> + Sync) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let merged: Result<(), std::convert::Infallible> = batches_in_order(
        len,
        BATCH,
        |range| {
            let mut found: Vec<String> = Vec::new();
            for breakdown in range.filter_map(&breakdown) {
                for name in breakdown.names() {
                    if !found.iter().any(|known| known == name) {
                        found.push(name.to_owned());
                    }
                }
            }
            found
        },
        |found| {
            for name in found {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            Ok(())
        },
    );
    let Ok(()) = merged;
    names
}

/// The breakdown's values in the columns `names`, empty where it has none.
fn values(cells: &mut Cells<'_>, breakdown: &Breakdown, names: &[String]) {
    // Most breakdowns have exactly the columns, in order: no search by name.
    if breakdown.len() == names.len() && breakdown.names().zip(names).all(|(name, column)| name == column) {
        for (_, value) in breakdown.iter() {
            cells.number(Some(value));
        }
    } else {
        for name in names {
            cells.number(breakdown.get(name));
        }
    }
}

/// Writes the header, then the rows `0..len`, each written by `row` at the end of a buffer; the
/// rows are formatted a batch at a time on every core and written in order.
///
/// Rows come in ranked order, so each reads its item's values from anywhere in the columns: in
/// a large backlog, a cache and TLB miss a value. So a batch's rows are formatted in the order
/// of their items' indices (`index`), which reads each column forwards, then put in order.
fn write_rows<W: io::Write>(
    mut writer: W,
    header: &[&str],
    len: usize,
    index: impl Fn(usize) -> usize + Sync,
    row: impl Fn(usize, &mut Vec<u8>) + Sync,
) -> io::Result<()> {
    let mut out = Vec::new();
    let mut cells = Cells::new(&mut out, false);
    for name in header {
        cells.text(name);
    }
    cells.end();
    writer.write_all(&out)?;
    batches_in_order(
        len,
        BATCH,
        |range| {
            let mut by_index: Vec<(usize, usize)> = range.clone().map(|at| (index(at), at)).collect();
            by_index.sort_unstable();
            let mut formatted = Vec::with_capacity(range.len() * 96);
            let mut spans = vec![0..0; range.len()];
            for (_, at) in by_index {
                let start = formatted.len();
                row(at, &mut formatted);
                spans[at - range.start] = start..formatted.len();
            }
            let mut out = Vec::with_capacity(formatted.len());
            for span in spans {
                out.extend_from_slice(&formatted[span]);
            }
            out
        },
        |batch| writer.write_all(&batch),
    )?;
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
