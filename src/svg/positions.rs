//! Position intervals: each item's best to worst position, the current one marked.

use std::fmt::Write as _;

use super::xml::{self, FONT_SIZE, escape, fit, num, text_width};

/// One row of a [`PositionChart`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Interval {
    /// The short text at the row's start (an id).
    pub label: String,
    /// The longer text of its tooltip (a title).
    pub title: String,
    /// The best (smallest) position, from 1.
    pub best: usize,
    /// The worst (largest) position.
    pub worst: usize,
    /// The current position, marked on the bar.
    pub current: usize,
}

impl Interval {
    /// A row; `best` and `worst` are swapped if given the wrong way round.
    pub fn new(
        label: impl Into<String>,
        title: impl Into<String>,
        best: usize,
        worst: usize,
        current: usize,
    ) -> Interval {
        Interval {
            label: label.into(),
            title: title.into(),
            best: best.min(worst),
            worst: best.max(worst),
            current,
        }
    }
}

/// How sure each position is: one row per item (in the order given, usually the ranking's), a bar
/// from its best to its worst possible position and a dot at its current one, on a common axis
/// of positions (1 on the left).
///
/// ```
/// use prioritize::svg::{Interval, PositionChart};
///
/// let svg = PositionChart::new(vec![Interval::new("A", "a", 1, 2, 1), Interval::new("B", "b", 1, 3, 2)]).to_svg();
/// assert_eq!(svg.matches("class=\"interval\"").count(), 2);
/// assert_eq!(svg.matches("class=\"current\"").count(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PositionChart {
    /// The chart's accessible name (its `<title>`).
    pub title: String,
    /// The rows, top to bottom.
    pub rows: Vec<Interval>,
}

const WIDTH: f64 = 760.0;
const ROW: f64 = 22.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 12.0;
const RIGHT: f64 = 24.0;

impl PositionChart {
    /// A chart of `rows`, titled "Best to worst position".
    pub fn new(rows: Vec<Interval>) -> PositionChart {
        PositionChart { title: "Best to worst position".to_owned(), rows }
    }

    /// The chart as a standalone SVG document, 760 pixels wide and 22 a row high (plus the axis).
    #[must_use]
    pub fn to_svg(&self) -> String {
        let widest = self.rows.iter().map(|row| text_width(&row.label, FONT_SIZE)).fold(0.0, f64::max);
        let left = (widest + 24.0).clamp(60.0, 240.0);
        let last = self.rows.iter().map(|row| row.worst.max(row.current)).max().unwrap_or(1).max(2);
        let x = |position: usize| {
            left + (WIDTH - RIGHT - left) * (position.max(1) as f64 - 1.0) / (last as f64 - 1.0)
        };
        let height = TOP + ROW * self.rows.len() as f64 + BOTTOM;

        let mut out = String::with_capacity(4096 + 400 * self.rows.len());
        xml::open(&mut out, "position-chart", WIDTH, height, &self.title);
        xml::text(&mut out, left, 14.0, "start", " class=\"axis-title\"", "position (1 = first)");
        let step = match last {
            0..=12 => 1,
            13..=30 => 2,
            31..=75 => 5,
            n => n.div_ceil(15).next_multiple_of(10),
        };
        for position in (1..=last).filter(|p| *p == 1 || p % step == 0) {
            let at = x(position);
            xml::line(
                &mut out,
                (at, TOP - 6.0),
                (at, height - BOTTOM),
                " stroke=\"#e4e7eb\" stroke-width=\"1\"",
            );
            xml::text(&mut out, at, TOP - 10.0, "middle", " class=\"tick\"", &position.to_string());
        }
        for (i, row) in self.rows.iter().enumerate() {
            let mid = TOP + ROW * (i as f64 + 0.5);
            xml::text(
                &mut out,
                left - 12.0,
                mid + FONT_SIZE * 0.35,
                "end",
                " class=\"row-label\"",
                &fit(&row.label, left - 16.0, FONT_SIZE),
            );
            let _ = write!(
                out,
                "<g class=\"row\"><title>{}: {} (position {}, best {}, worst {})</title>\
                 <rect class=\"interval\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" rx=\"5\" fill=\"#9fc5e8\"/>\
                 <circle class=\"current\" cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#0063a0\"/></g>",
                escape(&row.label),
                escape(&row.title),
                row.current,
                row.best,
                row.worst,
                num(x(row.best) - 5.0),
                num(mid - 5.0),
                num(x(row.worst) - x(row.best) + 10.0),
                num(x(row.current)),
                num(mid),
            );
        }
        out.push_str("</svg>");
        out
    }
}
