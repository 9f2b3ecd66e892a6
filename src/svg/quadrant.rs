//! The value/effort bubble chart.

use std::fmt::Write as _;

use super::labels::Rect;
use super::plot;
use super::scale::Scale;
use super::xml::{self, escape, label_number, num};
use crate::analysis::Quadrant;

/// One item of a [`QuadrantChart`]: a bubble at `(effort, value)` whose area is proportional to
/// `size`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Bubble {
    /// The short text drawn beside the bubble (an id).
    pub label: String,
    /// The longer text of its tooltip (a title).
    pub title: String,
    /// The value (vertical axis).
    pub value: f64,
    /// The effort (horizontal axis).
    pub effort: f64,
    /// What the bubble's area is proportional to (a score, a reach); 0 or less draws the
    /// smallest bubble.
    pub size: f64,
}

impl Bubble {
    /// A bubble.
    pub fn new(
        label: impl Into<String>,
        title: impl Into<String>,
        value: f64,
        effort: f64,
        size: f64,
    ) -> Bubble {
        Bubble { label: label.into(), title: title.into(), value, effort, size }
    }
}

/// The value/effort 2x2 as a bubble chart: value up, effort to the right, the split lines
/// dashed, the four quadrant names in the corners (quick wins top left, big bets top right,
/// fill-ins bottom left, time sinks bottom right; drawn over the bubbles, with a white halo), each
/// bubble coloured by its quadrant (on a line counts as high) and labelled.
///
/// Labels are placed greedily in the order of the bubbles (put the most important first), a label
/// wider than 150 pixels shortened in the middle (`NOTIFICA…AWAY-12`; the tooltip has it whole): each
/// goes at the nearest free place around its bubble, standing off with a leader line when it must,
/// never over another label or a quadrant name, and preferably off other bubbles. Text widths are
/// estimated without font metrics, generously; a label that finds no place is left out (its
/// bubble keeps the tooltip). Bubbles with a non-finite or negative value or effort are left out.
///
/// ```
/// use prioritize::svg::{Bubble, QuadrantChart};
///
/// let chart = QuadrantChart::new(100.0, 2.0, vec![
///     Bubble::new("A", "Quick <and> cheap", 300.0, 1.0, 300.0),
///     Bubble::new("B", "Slow", 50.0, 5.0, 10.0),
/// ]);
/// let svg = chart.to_svg();
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
/// assert_eq!(svg.matches("class=\"bubble\"").count(), 2);
/// assert!(svg.contains("Quick &lt;and&gt; cheap") && svg.contains(">Quick wins</text>"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct QuadrantChart {
    /// The chart's accessible name (its `<title>`).
    pub title: String,
    /// The name of the vertical axis.
    pub value_axis: String,
    /// The name of the horizontal axis.
    pub effort_axis: String,
    /// What bubble sizes are, for tooltips (`score`).
    pub size_name: String,
    /// The value split line.
    pub split_value: f64,
    /// The effort split line.
    pub split_effort: f64,
    /// The bubbles, most important first (labels are placed in this order).
    pub bubbles: Vec<Bubble>,
}

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 540.0;
const PLOT: Rect = Rect { x0: 76.0, y0: 16.0, x1: 740.0, y1: 484.0 };
const MAX_RADIUS: f64 = 26.0;
const MIN_RADIUS: f64 = 4.0;

/// The quadrants in the plot's corners: top left, top right, bottom left, bottom right.
const CORNERS: [Quadrant; 4] = [Quadrant::QuickWin, Quadrant::BigBet, Quadrant::FillIn, Quadrant::TimeSink];

/// The fill of each quadrant's background and the colour of its bubbles and name.
fn colours(quadrant: Quadrant) -> (&'static str, &'static str) {
    plot::CORNER_COLOURS[CORNERS.iter().position(|&corner| corner == quadrant).unwrap_or_default()]
}

impl QuadrantChart {
    /// A chart with split lines at `split_value` and `split_effort`; the title, axis names and
    /// size name are "Value against effort", "value", "effort" and "size" until set.
    pub fn new(split_value: f64, split_effort: f64, bubbles: Vec<Bubble>) -> QuadrantChart {
        QuadrantChart {
            title: "Value against effort".to_owned(),
            value_axis: "value".to_owned(),
            effort_axis: "effort".to_owned(),
            size_name: "size".to_owned(),
            split_value,
            split_effort,
            bubbles,
        }
    }

    /// The chart as a standalone SVG document (`<svg>` with its namespace), 760 by 540 pixels.
    #[must_use]
    pub fn to_svg(&self) -> String {
        let valid = |x: f64| x.is_finite() && x >= 0.0;
        let bubbles: Vec<&Bubble> =
            self.bubbles.iter().filter(|b| valid(b.value) && valid(b.effort)).collect();
        let largest = bubbles.iter().map(|b| b.size).filter(|s| s.is_finite()).fold(0.0, f64::max);
        let radius = |size: f64| {
            if size.is_finite() && size > 0.0 && largest > 0.0 {
                (MAX_RADIUS * (size / largest).sqrt()).max(MIN_RADIUS)
            } else {
                MIN_RADIUS
            }
        };
        // Room for each bubble inside the plot: max / (1 − (r + 2) / length).
        let room = |at: f64, r: f64, length: f64| at / (1.0 - (r + 2.0) / length);
        let (width, height) = (PLOT.x1 - PLOT.x0, PLOT.y1 - PLOT.y0);
        let split = |line: f64| if valid(line) { line } else { 0.0 };
        let (split_value, split_effort) = (split(self.split_value), split(self.split_effort));
        let x_max =
            bubbles.iter().map(|b| room(b.effort, radius(b.size), width)).fold(split_effort, f64::max);
        let y_max = bubbles.iter().map(|b| room(b.value, radius(b.size), height)).fold(split_value, f64::max);
        let x = Scale::new(x_max, 8, PLOT.x0, PLOT.x1);
        let y = Scale::new(y_max, 6, PLOT.y1, PLOT.y0);

        let mut out = String::with_capacity(8192);
        xml::open(&mut out, "quadrant-chart", WIDTH, HEIGHT, &self.title);
        let (sx, sy) = (x.at(split_effort), y.at(split_value));
        let corners = CORNERS.map(|quadrant| format!("data-quadrant=\"{}\"", quadrant.as_str()));
        let titles = (self.effort_axis.as_str(), self.value_axis.as_str());
        plot::split_plot(&mut out, (PLOT, HEIGHT), (&x, &y), (sx, sy), &corners, titles);
        let circles: Vec<(f64, f64, f64)> =
            bubbles.iter().map(|b| (x.at(b.effort), y.at(b.value), radius(b.size))).collect();
        self.circles(&mut out, &bubbles, &circles, (split_value, split_effort));
        // The quadrant names over the bubbles, so that a crowded corner never hides its name.
        let corners = CORNERS.map(|quadrant| (quadrant.label(), colours(quadrant).1));
        let names = plot::corner_names(&mut out, PLOT, corners);
        let texts: Vec<&str> = bubbles.iter().map(|b| b.label.as_str()).collect();
        plot::labels(&mut out, PLOT, &texts, &circles, &names);
        out.push_str("</svg>");
        out
    }

    /// The bubbles, largest first so that small ones stay visible on top.
    fn circles(&self, out: &mut String, bubbles: &[&Bubble], circles: &[(f64, f64, f64)], lines: (f64, f64)) {
        let (split_value, split_effort) = lines;
        let mut by_size: Vec<usize> = (0..bubbles.len()).collect();
        by_size.sort_by(|&a, &b| circles[b].2.total_cmp(&circles[a].2));
        for &i in &by_size {
            let (bubble, (cx, cy, r)) = (bubbles[i], circles[i]);
            let quadrant = Quadrant::of(bubble.value >= split_value, bubble.effort >= split_effort);
            let _ = write!(
                out,
                "<circle class=\"bubble\" data-quadrant=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{colour}\" \
                 fill-opacity=\"0.55\" stroke=\"{colour}\" stroke-width=\"1.5\"><title>{}: {} (value {}, effort {}, \
                 {} {})</title></circle>",
                quadrant.as_str(),
                num(cx),
                num(cy),
                num(r),
                escape(&bubble.label),
                escape(&bubble.title),
                label_number(bubble.value),
                label_number(bubble.effort),
                escape(&self.size_name),
                label_number(bubble.size),
                colour = colours(quadrant).1,
            );
        }
    }
}
