//! An aligned text table that fits a terminal: cells are measured in displayed columns (a CJK
//! character takes two), control characters are shown escaped, and a column too wide for the
//! terminal is shortened with `…`. No input can make it panic.

use std::borrow::Cow;
use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Text: shortened, widest first, when the table is too wide.
    Left,
    /// Numbers: never shortened.
    Right,
}

#[derive(Debug, Clone)]
struct Column {
    header: String,
    align: Align,
    /// An id: its cells keep their start and end within [`ID_WIDTH`] displayed columns.
    id: bool,
    /// The column shortened first (with `…`) when the table is too wide.
    flexible: bool,
}

/// A table: columns, then rows of cells.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
}

/// Columns are separated by this many spaces.
const GAP: usize = 2;

/// A text column is never shortened below this many displayed columns.
const MIN_TEXT: usize = 12;

/// An id column's cells are shortened to this many displayed columns, keeping the id's start
/// and end (`CHECKOUT-20…-PAYMENT-FLOW`), so that a long id never crowds out the other columns.
pub(crate) const ID_WIDTH: usize = 24;

/// A text column other than the flexible one is shortened to this many displayed columns before
/// the flexible one is (a very long id gives way to the title).
const MAX_TEXT: usize = 40;

impl Table {
    /// An empty table.
    pub(crate) fn new() -> Table {
        Table::default()
    }

    /// Adds a column.
    #[must_use]
    pub(crate) fn column(mut self, header: impl Into<String>, align: Align) -> Table {
        self.columns.push(Column { header: escape_owned(header.into()), align, id: false, flexible: false });
        self
    }

    /// Adds a column of ids: a cell wider than [`ID_WIDTH`] keeps its start and end around `…`.
    #[must_use]
    pub(crate) fn id(mut self, header: impl Into<String>) -> Table {
        self.columns.push(Column {
            header: escape_owned(header.into()),
            align: Align::Left,
            id: true,
            flexible: false,
        });
        self
    }

    /// Adds the column that is shortened first when the table is too wide (a title).
    #[must_use]
    pub(crate) fn flexible(mut self, header: impl Into<String>) -> Table {
        self.columns.push(Column {
            header: escape_owned(header.into()),
            align: Align::Left,
            id: false,
            flexible: true,
        });
        self
    }

    /// Adds a row, its control characters escaped; missing cells are empty, extra cells are dropped.
    pub(crate) fn row(&mut self, mut cells: Vec<String>) {
        cells.resize(self.columns.len(), String::new());
        let cells = cells.into_iter().zip(&self.columns).map(|(cell, column)| {
            let cell = escape_owned(cell);
            if column.id { shorten_middle(&cell, ID_WIDTH).into_owned() } else { cell }
        });
        self.rows.push(cells.collect());
    }

    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no row.
    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as lines of at most `width` displayed columns (unless even the shortest text
    /// columns cannot make it fit), a header line and a rule first.
    pub(crate) fn render(&self, width: usize) -> String {
        let mut widths: Vec<usize> =
            self.columns.iter().map(|column| display_width(&column.header)).collect();
        for row in &self.rows {
            for (cell, width) in row.iter().zip(&mut widths) {
                *width = (*width).max(display_width(cell));
            }
        }
        self.fit(&mut widths, width);
        let mut out = String::new();
        let headers: Vec<&str> = self.columns.iter().map(|column| column.header.as_str()).collect();
        self.line(&mut out, &widths, &headers);
        let rule: Vec<String> = widths.iter().map(|&width| "-".repeat(width)).collect();
        self.line(&mut out, &widths, &rule);
        for row in &self.rows {
            self.line(&mut out, &widths, row);
        }
        out
    }

    /// Narrows the columns until the table fits `width`: first the other text columns wider
    /// than [`MAX_TEXT`] (a very long id) down to it, then the flexible column, then every text
    /// column, none below [`MIN_TEXT`] (or its own width).
    fn fit(&self, widths: &mut [usize], width: usize) {
        let count = widths.len();
        let text = |flexible: bool| -> Vec<usize> {
            (0..count)
                .filter(|&index| {
                    let column = &self.columns[index];
                    column.align == Align::Left && (flexible || !column.flexible)
                })
                .collect()
        };
        let others = text(false);
        shrink(widths, &others, width, MAX_TEXT);
        if let Some(flexible) = self.columns.iter().position(|column| column.flexible) {
            shrink(widths, &[flexible], width, MIN_TEXT);
        }
        let all = text(true);
        shrink(widths, &all, width, MIN_TEXT);
    }

    fn line(&self, out: &mut String, widths: &[usize], cells: &[impl AsRef<str>]) {
        let start = out.len();
        for (index, ((column, &width), cell)) in self.columns.iter().zip(widths).zip(cells).enumerate() {
            if index > 0 {
                out.push_str(&" ".repeat(GAP));
            }
            let cell = shorten(cell.as_ref(), width);
            let padding = " ".repeat(width.saturating_sub(display_width(&cell)));
            match column.align {
                Align::Left => {
                    out.push_str(&cell);
                    out.push_str(&padding);
                }
                Align::Right => {
                    out.push_str(&padding);
                    out.push_str(&cell);
                }
            }
        }
        out.truncate(start + out[start..].trim_end().len());
        out.push('\n');
    }
}

/// Narrows `columns` to the largest common cap that makes the table fit `width` (or to `floor`,
/// or their own width when narrower).
fn shrink(widths: &mut [usize], columns: &[usize], width: usize, floor: usize) {
    let total = widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
    let excess = total.saturating_sub(width);
    if excess == 0 {
        return;
    }
    let saved = |cap: usize| columns.iter().map(|&index| widths[index].saturating_sub(cap)).sum::<usize>();
    let widest = columns.iter().map(|&index| widths[index]).max().unwrap_or(0);
    // The largest cap in floor..=widest that saves the excess, else the floor.
    let (mut low, mut high) = (floor, widest.max(floor));
    while low < high {
        let cap = (low + high).div_ceil(2);
        if saved(cap) >= excess {
            low = cap;
        } else {
            high = cap - 1;
        }
    }
    for &index in columns {
        widths[index] = widths[index].min(low);
    }
}

/// `text` for a terminal: control characters, line and paragraph separators and bidirectional
/// overrides written as `\n`, `\t`, `\r` or `\u{1b}`, so that no cell can move the cursor,
/// change colours or reorder what follows.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push_str("\\t"),
            '\r' => escaped.push_str("\\r"),
            // Writing to a String cannot fail.
            c if hidden(c) => _ = write!(escaped, "\\u{{{:x}}}", u32::from(c)),
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

fn escape_owned(text: String) -> String {
    match escape(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => escaped,
    }
}

/// Whether a terminal would act on `c` instead of showing it.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The columns `text` takes on a terminal (after [`escape`]).
fn display_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Text of the backlog (an id) for a line of a terminal: escaped, and cut to [`MAX_TEXT`]
/// displayed columns.
pub(crate) fn clip(text: &str) -> String {
    shorten(&escape(text), MAX_TEXT).into_owned()
}

/// `text` cut to `width` displayed columns, the last one `…` when it was cut.
fn shorten(text: &str, width: usize) -> Cow<'_, str> {
    if display_width(text) <= width {
        return Cow::Borrowed(text);
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            used += c.width().unwrap_or(0);
            used > room
        })
        .map_or(text.len(), |(end, _)| end);
    let mut short = text[..end].trim_end().to_owned();
    if width > 0 {
        short.push('…');
    }
    Cow::Owned(short)
}

/// `text` cut to `width` displayed columns around a `…` in the middle when it is wider: its start
/// and its end, the end given the odd column.
pub(crate) fn shorten_middle(text: &str, width: usize) -> Cow<'_, str> {
    if display_width(text) <= width {
        return Cow::Borrowed(text);
    }
    let room = width.saturating_sub(1);
    let (head_room, tail_room) = (room / 2, room - room / 2);
    let mut used = 0;
    let head_end = text
        .char_indices()
        .find(|&(_, c)| {
            used += c.width().unwrap_or(0);
            used > head_room
        })
        .map_or(text.len(), |(end, _)| end);
    let mut used = 0;
    let tail_start = text[head_end..]
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            used += c.width().unwrap_or(0);
            used > tail_room
        })
        .map_or(head_end, |(start, c)| head_end + start + c.len_utf8());
    let mut short = String::with_capacity(head_end + 3 + (text.len() - tail_start));
    short.push_str(&text[..head_end]);
    if width > 0 {
        short.push('…');
    }
    short.push_str(&text[tail_start..]);
    Cow::Owned(short)
}

/// A number for a table: whole numbers without decimals, others with a few significant ones,
/// and from 10^15 on in scientific notation (`1.5e300`), so that no number takes a whole line.
pub(crate) fn number(value: f64) -> String {
    // `+ 0.0` shows -0 (a sum of nothing, negated) as 0.
    let value = value + 0.0;
    if value.abs() >= 1e15 && value.is_finite() {
        let text = format!("{value:.3e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, ""));
        return format!("{}e{exponent}", mantissa.trim_end_matches('0').trim_end_matches('.'));
    }
    if value.fract() == 0.0 {
        return format!("{value:.0}");
    }
    let decimals = match value.abs() {
        x if x >= 100.0 => 1,
        x if x >= 1.0 => 2,
        _ => 3,
    };
    let text = format!("{value:.decimals$}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A short column header for a breakdown name, so a table of every input fits 100 columns.
pub(crate) fn column_name(name: &str) -> &str {
    match name {
        "confidence" => "conf",
        "business_value" => "value",
        "time_criticality" => "time",
        "risk_reduction" => "risk",
        "cost_of_delay" => "cod",
        "job_size" => "size",
        "alignment" => "align",
        "alignment_factor" => "factor",
        other => other,
    }
}
