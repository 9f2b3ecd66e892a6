//! Roadmap periods as used against their capacity.

use std::fmt::Write as _;

use super::scale::Scale;
use super::xml::{self, FONT_SIZE, ON_PALETTE, PALETTE, escape, label_number, num, text_width};

/// One item in a period of a [`PeriodChart`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Segment {
    /// The short text drawn in the segment when it fits (an id).
    pub label: String,
    /// The longer text of its tooltip (a title).
    pub title: String,
    /// Its effort: the segment's length.
    pub effort: f64,
}

impl Segment {
    /// A segment.
    pub fn new(label: impl Into<String>, title: impl Into<String>, effort: f64) -> Segment {
        Segment { label: label.into(), title: title.into(), effort }
    }
}

/// One period of a [`PeriodChart`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PeriodBar {
    /// The period's name.
    pub name: String,
    /// Its capacity; `None` for no limit.
    pub capacity: Option<f64>,
    /// The items in it, in order.
    pub segments: Vec<Segment>,
}

impl PeriodBar {
    /// A period.
    pub fn new(name: impl Into<String>, capacity: Option<f64>, segments: Vec<Segment>) -> PeriodBar {
        PeriodBar { name: name.into(), capacity, segments }
    }

    /// The effort used: the sum of the segments'.
    #[must_use]
    pub fn used(&self) -> f64 {
        self.segments.iter().map(|segment| segment.effort).filter(|e| e.is_finite() && *e > 0.0).sum()
    }
}

/// Roadmap periods as used against capacity: one bar per period, its items stacked in order, the
/// capacity drawn as a dashed outline (none for a period without a limit), and "used of capacity"
/// at the end of the row. The periods share one scale; a segment too narrow for its label is
/// named in a line under its bar (`also in this bar: A, B and 3 more`).
///
/// ```
/// use prioritize::svg::{PeriodBar, PeriodChart, Segment};
///
/// let chart = PeriodChart::new(vec![
///     PeriodBar::new("now", Some(5.0), vec![Segment::new("A", "a", 3.0), Segment::new("B", "b", 1.5)]),
///     PeriodBar::new("later", None, vec![Segment::new("C", "c", 8.0)]),
/// ]);
/// let svg = chart.to_svg();
/// assert_eq!(svg.matches("class=\"segment\"").count(), 3);
/// assert_eq!(svg.matches("class=\"capacity\"").count(), 1);
/// assert!(svg.contains(">4.5 of 5</text>") && svg.contains(">8 (no limit)</text>"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PeriodChart {
    /// The chart's accessible name (its `<title>`).
    pub title: String,
    /// The periods, top to bottom.
    pub periods: Vec<PeriodBar>,
}

const WIDTH: f64 = 760.0;
const ROW: f64 = 44.0;
const BAR: f64 = 26.0;
const TOP: f64 = 30.0;
const RIGHT: f64 = 120.0;
/// The height of the line under a bar that names its segments too narrow for a label.
const LEGEND: f64 = 16.0;

/// The labels of the `segments` too narrow for them, each `length(effort)` pixels long.
fn too_narrow(segments: &[Segment], length: impl Fn(f64) -> f64) -> Vec<&str> {
    let narrow = |segment: &&Segment| text_width(&segment.label, FONT_SIZE) + 6.0 > length(segment.effort);
    segments.iter().filter(narrow).map(|segment| segment.label.as_str()).collect()
}

/// `also in this bar: A, B, C` for the segments too narrow for their labels, as many as fit in
/// `width` pixels, the rest counted (`and 12 more`).
fn legend(labels: &[&str], width: f64) -> String {
    let mut line = String::from("also in this bar: ");
    for (at, label) in labels.iter().enumerate() {
        let rest = labels.len() - at - 1;
        let candidate = if at == 0 { (*label).to_owned() } else { format!(", {label}") };
        let more = if rest > 0 { format!(" and {rest} more") } else { String::new() };
        if text_width(&format!("{line}{candidate}{more}"), FONT_SIZE) > width && at > 0 {
            let _ = write!(line, " and {} more", labels.len() - at);
            return line;
        }
        line.push_str(&candidate);
    }
    line
}

impl PeriodChart {
    /// A chart of `periods`, titled "Roadmap periods against capacity".
    pub fn new(periods: Vec<PeriodBar>) -> PeriodChart {
        PeriodChart { title: "Roadmap periods against capacity".to_owned(), periods }
    }

    /// The chart as a standalone SVG document, 760 pixels wide and 44 a period high.
    #[must_use]
    pub fn to_svg(&self) -> String {
        let widest = self.periods.iter().map(|p| text_width(&p.name, FONT_SIZE)).fold(0.0, f64::max);
        let left = (widest + 20.0).clamp(60.0, 200.0);
        let finite = |x: f64| if x.is_finite() && x > 0.0 { x } else { 0.0 };
        let largest =
            self.periods.iter().map(|p| p.used().max(p.capacity.map_or(0.0, finite))).fold(0.0, f64::max);
        let x = Scale::new(largest, 8, left, WIDTH - RIGHT);
        // Each period's segments too narrow for their label: named in a line under the bar.
        let hidden: Vec<Vec<&str>> = self
            .periods
            .iter()
            .map(|period| too_narrow(&period.segments, |effort| x.length(finite(effort))))
            .collect();
        let rows: Vec<f64> =
            hidden.iter().map(|labels| if labels.is_empty() { ROW } else { ROW + LEGEND }).collect();
        let height = TOP + rows.iter().sum::<f64>() + 8.0;

        let mut out = String::with_capacity(4096);
        xml::open(&mut out, "period-chart", WIDTH, height, &self.title);
        for tick in x.ticks() {
            let at = x.at(tick);
            xml::line(
                &mut out,
                (at, TOP - 6.0),
                (at, height - 8.0),
                " stroke=\"#e4e7eb\" stroke-width=\"1\"",
            );
            xml::text(&mut out, at, TOP - 12.0, "middle", " class=\"tick\"", &label_number(tick));
        }
        let mut colour = 0;
        let mut row_top = TOP;
        for ((period, row), hidden) in self.periods.iter().zip(&rows).zip(&hidden) {
            let top = row_top + (ROW - BAR) / 2.0;
            row_top += row;
            let mid = top + BAR / 2.0 + FONT_SIZE * 0.35;
            xml::text(
                &mut out,
                left - 10.0,
                mid,
                "end",
                " class=\"period\" font-weight=\"bold\"",
                &period.name,
            );
            let mut start = left;
            for segment in &period.segments {
                let length = x.length(finite(segment.effort));
                let _ = write!(
                    out,
                    "<g class=\"segment\"><title>{}: {} (effort {})</title><rect x=\"{}\" y=\"{}\" width=\"{}\" \
                     height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                    escape(&segment.label),
                    escape(&segment.title),
                    label_number(segment.effort),
                    num(start),
                    num(top),
                    num(length),
                    num(BAR),
                    PALETTE[colour % 6],
                );
                if text_width(&segment.label, FONT_SIZE) + 6.0 <= length {
                    let attributes = format!(" class=\"segment-label\" fill=\"{}\"", ON_PALETTE[colour % 6]);
                    xml::text(&mut out, start + length / 2.0, mid, "middle", &attributes, &segment.label);
                }
                out.push_str("</g>");
                start += length;
                colour += 1;
            }
            if !hidden.is_empty() {
                let line = legend(hidden, WIDTH - left - 8.0);
                xml::text(
                    &mut out,
                    left,
                    top + BAR + 6.0 + FONT_SIZE,
                    "start",
                    " class=\"unlabelled\"",
                    &line,
                );
            }
            let used = label_number(period.used());
            let note = match period.capacity {
                Some(capacity) => {
                    let _ = write!(
                        out,
                        "<rect class=\"capacity\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" \
                         stroke=\"#1f2933\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>",
                        num(left),
                        num(top - 3.0),
                        num(x.length(finite(capacity))),
                        num(BAR + 6.0)
                    );
                    format!("{used} of {}", label_number(capacity))
                }
                None => format!("{used} (no limit)"),
            };
            let end = start.max(x.at(period.capacity.map_or(0.0, finite)));
            xml::text(&mut out, end + 8.0, mid, "start", " class=\"usage\"", &note);
        }
        out.push_str("</svg>");
        out
    }
}
