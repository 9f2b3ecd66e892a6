//! An aligned text table that fits a terminal, shortening one column when it must.

use std::fmt::Write;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

#[derive(Debug, Clone)]
struct Column {
    header: String,
    align: Align,
    /// The one column that is shortened (with `…`) when the table is too wide.
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

/// The flexible column never gets narrower than this.
const MIN_FLEXIBLE: usize = 12;

impl Table {
    /// An empty table.
    pub(crate) fn new() -> Table {
        Table::default()
    }

    /// Adds a column.
    #[must_use]
    pub(crate) fn column(mut self, header: impl Into<String>, align: Align) -> Table {
        self.columns.push(Column { header: header.into(), align, flexible: false });
        self
    }

    /// Adds the column that is shortened when the table is too wide (a title).
    #[must_use]
    pub(crate) fn flexible(mut self, header: impl Into<String>) -> Table {
        self.columns.push(Column { header: header.into(), align: Align::Left, flexible: true });
        self
    }

    /// Adds a row; missing cells are empty, extra cells are dropped.
    pub(crate) fn row(&mut self, mut cells: Vec<String>) {
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }

    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no row.
    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as lines of at most `width` characters (unless even the shortest flexible
    /// column cannot make it fit), a header line and a rule first.
    pub(crate) fn render(&self, width: usize) -> String {
        let mut widths: Vec<usize> = self.columns.iter().map(|column| chars(&column.header)).collect();
        for row in &self.rows {
            for (cell, width) in row.iter().zip(&mut widths) {
                *width = (*width).max(chars(cell));
            }
        }
        let total = widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
        if let Some(flexible) = self.columns.iter().position(|column| column.flexible) {
            let excess = total.saturating_sub(width);
            widths[flexible] =
                widths[flexible].saturating_sub(excess).max(MIN_FLEXIBLE.min(widths[flexible]));
        }
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

    fn line(&self, out: &mut String, widths: &[usize], cells: &[impl AsRef<str>]) {
        let start = out.len();
        for (index, ((column, &width), cell)) in self.columns.iter().zip(widths).zip(cells).enumerate() {
            if index > 0 {
                out.push_str(&" ".repeat(GAP));
            }
            let cell = shorten(cell.as_ref(), width);
            // Writing to a String cannot fail.
            let _ = match column.align {
                Align::Left => write!(out, "{cell:<width$}"),
                Align::Right => write!(out, "{cell:>width$}"),
            };
        }
        out.truncate(start + out[start..].trim_end().len());
        out.push('\n');
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// `text` cut to `width` characters, the last one `…` when it was cut.
fn shorten(text: &str, width: usize) -> String {
    if chars(text) <= width {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(width.saturating_sub(1)).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

/// A number for a table: whole numbers without decimals, others with a few significant ones.
pub(crate) fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
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
