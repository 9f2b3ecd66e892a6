//! Writing a ranking as CSV.

use std::io;

use super::Writer;
use super::cells::{Cells, Recent};
use crate::engine::Breakdown;
use crate::engine::Hooks;
use crate::parallel::{SPLIT, batches_in_order, join, threads};
use crate::plan::PlannedOrder;
use crate::ranking::Ranking;

/// Rows formatted a batch at a time, on every core, then written in order: a batch is about a
/// megabyte of text.
const BATCH: usize = if cfg!(test) { 7 } else { 16_384 };

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
    let backlog = ranking.backlog();
    // The names the engine says every row's breakdown has, as the first row's has (an engine that
    // lends another's hooks but breaks items down otherwise gets the pass over the rows).
    let fixed = ranking.engine().hooks().and_then(Hooks::breakdown_names).filter(|names| {
        ranking.iter().next().is_some_and(|entry| {
            ranking.engine().breakdown(&backlog.item(entry.index())).names().eq(names.iter().copied())
        })
    });
    let trusted = fixed.is_some();
    let names = match fixed {
        // Every row's breakdown has these names: no pass over the rows to find them.
        Some(names) => names.into_iter().map(str::to_owned).collect(),
        None => {
            let mut ranked = vec![false; backlog.len()];
            for entry in ranking.iter() {
                ranked[entry.index()] = true;
            }
            breakdown_names(backlog.len(), |index| {
                ranked[index].then(|| ranking.engine().breakdown(&backlog.item(index)))
            })
        }
    };
    let categorized = ranking.is_categorized();
    let rows = Rows {
        header: header(categorized, &[], &names),
        len: ranking.len(),
        item: &|position| {
            ranking
                .at(position + 1)
                .map_or((0, f64::NAN), |entry| (entry.index(), entry.score().unwrap_or(f64::NAN)))
        },
        formula_guard,
        start: &|position, cells| {
            let Some(entry) = ranking.at(position + 1) else { return };
            cells.count(Some(entry.position()));
            cells.count(Some(entry.rank()));
        },
        body: &|position, index, score, cells| {
            let item = backlog.item(index);
            cells.text(item.id());
            cells.text(item.title());
            cells.number(Some(score).filter(|score| !score.is_nan()));
            if categorized {
                let category = ranking.at(position + 1).and_then(|entry| entry.category());
                cells.text(category.map_or("", |category| category.as_str()));
            }
            values(cells, &ranking.engine().breakdown(&item), &names, trusted);
        },
    };
    rows.write(writer)
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
    let rows = Rows {
        header: header(categorized, &["promoted_by", "pinned"], &names),
        len: order.len(),
        item: &|at| order.at(at + 1).map_or((0, f64::NAN), |entry| (entry.index(), f64::NAN)),
        formula_guard,
        start: &|at, cells| {
            let Some(entry) = order.at(at + 1) else { return };
            cells.count(Some(entry.position()));
            cells.count(entry.rank());
        },
        body: &|at, _, _, cells| {
            let Some(entry) = order.at(at + 1) else { return };
            let item = entry.item();
            cells.text(item.id());
            cells.text(item.title());
            cells.number(entry.score());
            if categorized {
                cells.text(entry.category().map_or("", |category| category.as_str()));
            }
            cells.text(entry.promoted_by().map_or("", |item| item.id()));
            cells.text(if entry.is_pinned() { "true" } else { "false" });
            values(cells, &entry.breakdown(), &names, false);
        },
    };
    rows.write(writer)
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

/// The breakdown's values in the columns `names`, empty where it has none; `fixed` when the engine
/// says every breakdown it gives has those names, in order.
fn values(cells: &mut Cells<'_>, breakdown: &Breakdown, names: &[String], fixed: bool) {
    // Most breakdowns have exactly the columns, in order: no search by name.
    if breakdown.len() == names.len()
        && (fixed || breakdown.names().zip(names).all(|(name, column)| name == column))
    {
        for (_, value) in breakdown.iter() {
            cells.number(Some(value));
        }
    } else {
        for name in names {
            cells.number(breakdown.get(name));
        }
    }
}

/// The rows of a CSV output: `start` writes a row's first cells (its position and rank), `body`
/// the rest; both are given the row's number from 0, `body` also its item's index and the number
/// `item` gave with it.
struct Rows<'r> {
    header: Vec<&'r str>,
    /// The number of rows.
    len: usize,
    /// The index of the item of each row, and a number its body is given (a ranking's score, NaN
    /// for none): read here in the order of the rows, not at random by the bodies.
    item: &'r (dyn Fn(usize) -> (usize, f64) + Sync),
    formula_guard: bool,
    start: &'r (dyn Fn(usize, &mut Cells<'_>) + Sync),
    body: &'r (dyn Fn(usize, usize, f64, &mut Cells<'_>) + Sync),
}

/// The rows whose bodies are formatted at a time: their text is held until written.
const ROUND: usize = if cfg!(test) { 50 } else { 1 << 18 };

/// From this many rows on, a round's items are found in two halves, each on a core of its own.
const HALVES: usize = if cfg!(test) { 20 } else { SPLIT };

impl Rows<'_> {
    /// Writes the header, then the rows in order, on every core.
    ///
    /// Rows come in ranked order, and a row's item is anywhere in the columns: in a large
    /// backlog, reading its values in that order costs a cache and TLB miss a value. So the
    /// bodies (all but the first cells) of a round of rows are formatted in the order of their
    /// items, which reads each column forwards; then each row is its first cells and a copy of its
    /// body, one read from anywhere a row instead of one a value.
    fn write<W: io::Write>(&self, mut writer: W) -> io::Result<()> {
        let mut out = Vec::new();
        let mut cells = Cells::new(&mut out, false);
        for name in &self.header {
            cells.text(name);
        }
        cells.end();
        writer.write_all(&out)?;
        // The round's items, and room to sort them, kept from round to round: fresh memory costs
        // a page fault a page.
        let (mut items, mut spare) = (Vec::new(), Vec::new());
        for round in (0..self.len).step_by(ROUND) {
            let round = round..(round + ROUND).min(self.len);
            self.items(&round, &mut items, &mut spare);
            let bodies = Bodies::format(self, &round, &items);
            batches_in_order(
                round.len(),
                BATCH,
                |batch| {
                    let mut out = Vec::with_capacity(batch.len() * 96);
                    for position in batch.start + round.start..batch.end + round.start {
                        (self.start)(position, &mut Cells::new(&mut out, self.formula_guard));
                        out.extend_from_slice(bodies.body(position - round.start));
                    }
                    out
                },
                |batch| writer.write_all(&batch),
            )?;
        }
        writer.flush()
    }

    /// The items of the rows `round` into `items`, each with its row's number in the round and
    /// the number for its body, in the order of the items within each half of the round (each
    /// half found and sorted on a core of its own; the bodies are formatted half by half): an
    /// item's index in the high half, the row in the low half. `spare` is room for the sort.
    fn items(
        &self,
        round: &std::ops::Range<usize>,
        items: &mut Vec<(u64, f64)>,
        spare: &mut Vec<(u64, f64)>,
    ) {
        items.resize(round.len(), (0, 0.0));
        spare.resize(round.len(), (0, 0.0));
        if threads() == 1 || round.len() < HALVES {
            self.sorted_items(round.start, 0, items, spare);
            return;
        }
        let half = round.len() / 2;
        let (first, second) = items.split_at_mut(half);
        let (first_spare, second_spare) = spare.split_at_mut(half);
        join(
            || self.sorted_items(round.start, 0, first, first_spare),
            || self.sorted_items(round.start, half, second, second_spare),
        );
    }

    /// [`Rows::items`] for the rows from `start + from` on, as many as `items` holds.
    fn sorted_items(&self, start: usize, from: usize, items: &mut [(u64, f64)], spare: &mut [(u64, f64)]) {
        for (at, item) in items.iter_mut().enumerate() {
            let row = from + at;
            let (index, number) = (self.item)(start + row);
            *item = (((index as u64) << 32) | row as u64, number);
        }
        let largest = items.iter().map(|item| item.0 >> 32).max().unwrap_or(0);
        sort_by_item(items, spare, u64::BITS - largest.leading_zeros());
    }
}

/// Sorts `items` by their high halves, of which only the low `bits` bits may be set: a radix sort,
/// 11 bits a pass, each pass a count then a move between `items` and `spare` (as long as `items`).
/// Sorting a round's items this way, rather than setting each item's row in a table of the whole
/// backlog, reads the ranking in order and writes nothing at random.
fn sort_by_item<T: Copy>(items: &mut [(u64, T)], spare: &mut [(u64, T)], bits: u32) {
    const DIGIT: u32 = 11;
    let mut moved_to_spare = false;
    for shift in (32..32 + bits).step_by(DIGIT as usize) {
        let (from, to) = if moved_to_spare { (&*spare, &mut *items) } else { (&*items, &mut *spare) };
        let digit = |item: (u64, T)| ((item.0 >> shift) & ((1 << DIGIT) - 1)) as usize;
        let mut starts = vec![0_usize; 1 << DIGIT];
        for &item in from {
            starts[digit(item)] += 1;
        }
        let mut total = 0;
        for start in &mut starts {
            (*start, total) = (total, total + *start);
        }
        for &item in from {
            let at = &mut starts[digit(item)];
            to[*at] = item;
            *at += 1;
        }
        moved_to_spare = !moved_to_spare;
    }
    if moved_to_spare {
        items.copy_from_slice(spare);
    }
}

/// The bodies of a round of rows, formatted in the order of their items, a part for each batch
/// of items.
struct Bodies {
    parts: Vec<Part>,
    /// Each row of the round's body: its part, and where it starts and ends in the part's text
    /// (one lookup to find a body, the rows being read in an order of their own).
    rows: Vec<(u32, usize, usize)>,
}

/// The bodies of the round's rows among a batch of items: their text, and where each body starts
/// in it with its row in the round.
struct Part {
    text: Vec<u8>,
    starts: Vec<(usize, u32)>,
}

impl Bodies {
    fn format(rows: &Rows<'_>, round: &std::ops::Range<usize>, items: &[(u64, f64)]) -> Bodies {
        let mut parts = Vec::new();
        let made: Result<(), std::convert::Infallible> = batches_in_order(
            items.len(),
            BATCH,
            |batch| {
                let mut text = Vec::with_capacity(batch.len() * 96);
                let mut spans = Vec::with_capacity(batch.len());
                let mut recent = Recent::new();
                for &(item, number) in &items[batch] {
                    let (index, row) = ((item >> 32) as usize, item as u32);
                    let start = text.len();
                    let mut cells = Cells::within(&mut text, rows.formula_guard, &mut recent);
                    (rows.body)(round.start + row as usize, index, number, &mut cells);
                    cells.end();
                    spans.push((start, row));
                }
                Part { text, starts: spans }
            },
            |part| {
                parts.push(part);
                Ok(())
            },
        );
        let Ok(()) = made;
        let mut located = vec![(0, 0, 0); round.len()];
        for (part, Part { text, starts }) in parts.iter().enumerate() {
            for (at, &(start, row)) in starts.iter().enumerate() {
                let end = starts.get(at + 1).map_or(text.len(), |&(end, _)| end);
                located[row as usize] = (part as u32, start, end);
            }
        }
        Bodies { parts, rows: located }
    }

    /// The body of the round's row `row`.
    fn body(&self, row: usize) -> &[u8] {
        let (part, start, end) = self.rows[row];
        &self.parts[part as usize].text[start..end]
    }
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

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use crate::csv::escape::is_formula;
    use crate::{Backlog, Moscow, Rice};

    /// A backlog of `len` items, some unscored, some with titles to quote or guard, some
    /// depending on an earlier item, with ties.
    fn backlog(len: usize) -> Backlog {
        let mut text = String::from("id,title,reach,impact,confidence,effort,moscow,depends_on\n");
        for at in 0..len {
            let title = match at % 5 {
                0 => format!("\"a, \"\"quoted\"\" {at}\""),
                1 => format!("=SUM({at})"),
                _ => format!("item {at}"),
            };
            let effort = if at % 11 == 3 { String::new() } else { format!("{}", at % 7 + 1) };
            let moscow = ["must", "should", "could", "won't", ""][at % 5];
            let depends_on = if at % 13 == 5 { format!("I{}", at / 2) } else { String::new() };
            let (reach, impact) = (at * 37 % 100, ["low", "high", "2"][at % 3]);
            writeln!(text, "I{at},{title},{reach},{impact},0.8,{effort},{moscow},{depends_on}")
                .expect("written");
        }
        crate::csv::read_backlog(text.as_bytes()).expect("reads")
    }

    /// The header and the rows written one at a time, in order, through the csv crate.
    fn naive(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
        let mut writer = ::csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        writer.write_record(header).expect("written");
        for row in rows {
            writer.write_record(&row).expect("written");
        }
        String::from_utf8(writer.into_inner().expect("flushed")).expect("UTF-8")
    }

    fn text(text: &str, guard: bool) -> String {
        if guard && is_formula(text) { format!("'{text}") } else { text.to_owned() }
    }

    fn number(value: Option<f64>) -> String {
        value.map_or_else(String::new, |value| ryu::Buffer::new().format(value).to_owned())
    }

    #[test]
    fn rankings_are_written_as_rows_written_in_order() {
        for len in [0, 1, 6, 7, 49, 50, 51, 333] {
            let backlog = backlog(len);
            for categorized in [false, true] {
                let ranking =
                    if categorized { backlog.rank(Moscow::default()) } else { backlog.rank(Rice::default()) }
                        .expect("ranks");
                for guard in [true, false] {
                    let mut out = Vec::new();
                    super::ranking(&ranking, &mut out, guard).expect("written");
                    let names: Vec<String> = ranking.iter().next().map_or_else(Vec::new, |entry| {
                        entry.breakdown().names().map(str::to_owned).collect()
                    });
                    let mut header: Vec<String> =
                        ["position", "rank", "id", "title", "score"].map(str::to_owned).to_vec();
                    if ranking.is_categorized() {
                        header.push("category".to_owned());
                    }
                    header.extend(names.iter().cloned());
                    let rows = ranking.iter().map(|entry| {
                        let mut row = vec![
                            entry.position().to_string(),
                            entry.rank().to_string(),
                            text(entry.item().id(), guard),
                            text(entry.item().title(), guard),
                            number(entry.score()),
                        ];
                        if ranking.is_categorized() {
                            row.push(entry.category().map_or("", |category| category.as_str()).to_owned());
                        }
                        let breakdown = entry.breakdown();
                        row.extend(names.iter().map(|name| number(breakdown.get(name))));
                        row
                    });
                    assert_eq!(
                        String::from_utf8(out).expect("UTF-8"),
                        naive(&header, rows),
                        "{len} items, categorized {categorized}, guard {guard}"
                    );
                }
            }
        }
    }

    /// An engine of one's own that lends RICE's hooks but breaks its items down its own way.
    #[derive(Debug)]
    struct Lender(Rice);

    impl crate::Engine for Lender {
        fn name(&self) -> &str {
            "lender"
        }
        fn inputs(&self, backlog: &Backlog) -> crate::FieldSet {
            self.0.inputs(backlog)
        }
        fn evaluate(&self, item: &crate::Item<'_>) -> crate::Result<crate::Evaluation> {
            self.0.evaluate(item)
        }
        fn breakdown(&self, item: &crate::Item<'_>) -> crate::Breakdown {
            crate::Breakdown::new().with("own", item.value("reach").unwrap_or_default())
        }
        fn hooks(&self) -> Option<&dyn crate::engine::Hooks> {
            self.0.hooks()
        }
    }

    #[test]
    fn the_columns_are_the_breakdowns_even_when_an_engine_lends_hooks() {
        let backlog = backlog(20);
        let ranking = backlog.rank(Lender(Rice::default())).expect("ranks");
        let mut out = Vec::new();
        super::ranking(&ranking, &mut out, true).expect("written");
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(text.lines().next(), Some("position,rank,id,title,score,own"));
        let entry = ranking.iter().next().expect("a first row");
        let own = number(entry.item().value("reach"));
        assert!(text.lines().nth(1).expect("a row").ends_with(&format!(",{own}")), "{text}");
    }

    #[test]
    fn planned_orders_are_written_as_rows_written_in_order() {
        for len in [0, 7, 51, 333] {
            let backlog = backlog(len);
            let rice = Rice::default();
            let ranking = backlog.rank(rice).expect("ranks");
            let order = ranking.respecting_dependencies().expect("plans");
            let mut out = Vec::new();
            super::order(&order, &mut out, true).expect("written");
            let names: Vec<&str> =
                if len == 0 { Vec::new() } else { vec!["reach", "impact", "confidence", "effort", "rice"] };
            let header: Vec<String> = ["position", "rank", "id", "title", "score", "promoted_by", "pinned"]
                .iter()
                .chain(&names)
                .map(|name| (*name).to_owned())
                .collect();
            let rows = (1..=order.len()).filter_map(|position| order.at(position)).map(|entry| {
                let mut row = vec![
                    entry.position().to_string(),
                    entry.rank().map_or_else(String::new, |rank| rank.to_string()),
                    text(entry.item().id(), true),
                    text(entry.item().title(), true),
                    number(entry.score()),
                    entry.promoted_by().map_or_else(String::new, |item| text(item.id(), true)),
                    entry.is_pinned().to_string(),
                ];
                let breakdown = entry.breakdown();
                row.extend(names.iter().map(|name| number(breakdown.get(name))));
                row
            });
            assert_eq!(String::from_utf8(out).expect("UTF-8"), naive(&header, rows), "{len} items");
        }
    }

    proptest::proptest! {
        /// Against the standard sort: the same order (the items differ in their high halves), over
        /// one, two and three passes, whatever the low halves and the numbers carried.
        #[test]
        fn the_radix_sort_sorts_by_item(
            items in proptest::collection::vec((0_u32.., 0_u32.., -1.0e9_f64..1.0e9), 0..300),
            bits in proptest::sample::select(vec![1_u32, 11, 12, 22, 23, 32]),
        ) {
            let mask = if bits == 32 { u32::MAX } else { (1 << bits) - 1 };
            let mut seen = std::collections::HashSet::new();
            let items: Vec<(u64, f64)> = items
                .into_iter()
                .filter(|&(item, _, _)| seen.insert(item & mask))
                .map(|(item, row, number)| ((u64::from(item & mask) << 32) | u64::from(row), number))
                .collect();
            let mut expected = items.clone();
            expected.sort_unstable_by_key(|item| item.0);
            let (mut sorted, mut spare) = (items.clone(), vec![(7, 1.0); items.len()]);
            super::sort_by_item(&mut sorted, &mut spare, bits);
            proptest::prop_assert_eq!(sorted, expected);
        }
    }
}
