//! Positions under several frameworks side by side: a slope chart.

use std::fmt::Write as _;

use super::xml::{self, FONT_SIZE, PALETTE, escape, fit, num, text_width};

/// One item of a [`SlopeChart`]: its position in each column.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Slope {
    /// The short text at the line's ends (an id).
    pub label: String,
    /// The longer text of its tooltip (a title).
    pub title: String,
    /// Its position (from 1) in each column, in the order of the columns; `None` where it has
    /// none (unscored).
    pub positions: Vec<Option<usize>>,
}

impl Slope {
    /// A line.
    pub fn new(label: impl Into<String>, title: impl Into<String>, positions: Vec<Option<usize>>) -> Slope {
        Slope { label: label.into(), title: title.into(), positions }
    }
}

/// Positions under several frameworks side by side: one column per framework, position 1 at the
/// top, and a line per item joining its positions, labelled at both ends. A missing position
/// breaks the line; the column named by `highlight` has its name in bold.
///
/// ```
/// use prioritize::svg::{Slope, SlopeChart};
///
/// let chart = SlopeChart::new(
///     vec!["rice".into(), "wsjf".into()],
///     vec![Slope::new("A", "a", vec![Some(1), Some(2)]), Slope::new("B", "b", vec![Some(2), Some(1)])],
/// );
/// let svg = chart.to_svg();
/// assert_eq!(svg.matches("class=\"slope\"").count(), 2);
/// assert!(svg.contains(">wsjf</text>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SlopeChart {
    /// The chart's accessible name (its `<title>`).
    pub title: String,
    /// The columns' names (frameworks), left to right.
    pub columns: Vec<String>,
    /// The column whose name is drawn in bold, if any.
    pub highlight: Option<usize>,
    /// The lines.
    pub slopes: Vec<Slope>,
}

const WIDTH: f64 = 760.0;
const ROW: f64 = 20.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 12.0;

impl SlopeChart {
    /// A chart of `slopes` across `columns`, titled "Positions under each framework".
    pub fn new(columns: Vec<String>, slopes: Vec<Slope>) -> SlopeChart {
        SlopeChart { title: "Positions under each framework".to_owned(), columns, highlight: None, slopes }
    }

    /// The chart as a standalone SVG document, 760 pixels wide and 20 a position high.
    #[must_use]
    pub fn to_svg(&self) -> String {
        let widest = self.slopes.iter().map(|s| text_width(&s.label, FONT_SIZE)).fold(0.0, f64::max);
        // Row numbers, a gap, the label, a gap, then the first column.
        let margin = (widest + 44.0).clamp(70.0, 260.0);
        let last = self.slopes.iter().flat_map(|s| s.positions.iter().flatten()).copied().max().unwrap_or(0);
        let height = TOP + ROW * last as f64 + BOTTOM;
        let columns = self.columns.len().max(1);
        let x = |column: usize| {
            if columns == 1 {
                WIDTH / 2.0
            } else {
                margin + (WIDTH - 2.0 * margin) * column as f64 / (columns - 1) as f64
            }
        };
        let y = |position: usize| TOP + ROW * (position.max(1) as f64 - 0.5);

        let mut out = String::with_capacity(4096 + 600 * self.slopes.len());
        xml::open(&mut out, "slope-chart", WIDTH, height, &self.title);
        for (i, name) in self.columns.iter().enumerate() {
            let weight = if self.highlight == Some(i) { " font-weight=\"bold\"" } else { "" };
            xml::text(&mut out, x(i), 20.0, "middle", &format!(" class=\"column\"{weight}"), name);
            xml::line(
                &mut out,
                (x(i), TOP - 8.0),
                (x(i), height - BOTTOM),
                " stroke=\"#cbd2d9\" stroke-width=\"1\"",
            );
        }
        for position in 1..=last {
            let baseline = y(position) + FONT_SIZE * 0.35;
            xml::text(
                &mut out,
                6.0,
                baseline,
                "start",
                " class=\"tick\" fill=\"#7b8794\"",
                &position.to_string(),
            );
        }
        for (index, slope) in self.slopes.iter().enumerate() {
            let colour = PALETTE[index % PALETTE.len()];
            let points: Vec<(usize, usize)> =
                slope.positions.iter().enumerate().filter_map(|(c, p)| p.map(|p| (c, p))).collect();
            let _ = write!(
                out,
                "<g class=\"slope\" stroke=\"{colour}\" fill=\"{colour}\"><title>{}: {}</title>",
                escape(&slope.label),
                escape(&slope.title)
            );
            for pair in slope.positions.windows(2).enumerate() {
                if let (c, [Some(a), Some(b)]) = pair {
                    xml::line(
                        &mut out,
                        (x(c), y(*a)),
                        (x(c + 1), y(*b)),
                        " stroke-width=\"2\" stroke-opacity=\"0.7\"",
                    );
                }
            }
            for &(c, p) in &points {
                let _ = write!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\"/>", num(x(c)), num(y(p)));
            }
            // The margin holds a row number, gaps and the label: a longer one is shortened.
            let label = fit(&slope.label, margin - 44.0, FONT_SIZE);
            let ends = [(0, -10.0, "end"), (self.columns.len().saturating_sub(1), 10.0, "start")];
            for (column, offset, anchor) in ends.iter().take(if columns > 1 { 2 } else { 1 }) {
                if let Some(Some(p)) = slope.positions.get(*column) {
                    let baseline = y(*p) + FONT_SIZE * 0.35;
                    xml::text(
                        &mut out,
                        x(*column) + offset,
                        baseline,
                        anchor,
                        " class=\"end-label\" stroke=\"none\" fill=\"#1f2933\"",
                        &label,
                    );
                }
            }
            out.push_str("</g>");
        }
        out.push_str("</svg>");
        out
    }
}
