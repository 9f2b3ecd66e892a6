//! The Kano chart: each feature by how much having it pleases and lacking it displeases.

use std::fmt::Write as _;

use super::labels::Rect;
use super::plot;
use super::scale::Scale;
use super::xml::{self, escape, label_number, num};

/// One feature of a [`KanoChart`]: its Berger coefficients and its category.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct KanoPoint {
    /// The short text drawn beside the point (a feature's id).
    pub label: String,
    /// Berger's satisfaction coefficient, `0..=1`: how much having the feature pleases.
    pub better: f64,
    /// Berger's dissatisfaction coefficient, `-1..=0`: how much lacking it displeases.
    pub worse: f64,
    /// Its category, for the tooltip (`one-dimensional`).
    pub category: String,
}

impl KanoPoint {
    /// A feature at `(|worse|, better)`.
    pub fn new(label: impl Into<String>, better: f64, worse: f64, category: impl Into<String>) -> KanoPoint {
        KanoPoint { label: label.into(), better, worse, category: category.into() }
    }
}

/// The usual Kano plot (Berger et al. 1993): each feature at `|worse|` to the right and `better`
/// up, both from 0 to 1, split at 0.5 into attractive (top left: pleases when there, not missed),
/// one-dimensional (top right: the more the better), must-be (bottom right: expected) and
/// indifferent (bottom left). A point on a split line counts as high.
///
/// Points are labelled as the [`QuadrantChart`](super::QuadrantChart)'s bubbles are (in order,
/// never over another label or a corner's name, a long label shortened in the middle with the
/// tooltip whole). A point whose coefficients are not within their ranges (a feature without an
/// answer in A, O, M or I has none) is left out.
///
/// ```
/// use prioritize::judgment::{KanoCounts, KanoFeature};
/// use prioritize::svg::{KanoChart, KanoPoint};
///
/// let counts = KanoCounts { must_be: 95, one_dimensional: 123, attractive: 45, indifferent: 33, ..KanoCounts::default() };
/// let feature = KanoFeature::from_counts("one-click <checkout>", counts);
/// let point = KanoPoint::new(
///     feature.id(),
///     feature.better().unwrap_or(f64::NAN),
///     feature.worse().unwrap_or(f64::NAN),
///     feature.category().to_string(),
/// );
/// let svg = KanoChart::new(vec![point]).to_svg();
/// assert_eq!(svg.matches("class=\"feature\"").count(), 1);
/// assert!(svg.contains("one-click &lt;checkout&gt;") && svg.contains(">One-dimensional</text>"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct KanoChart {
    /// The chart's accessible name (its `<title>`).
    pub title: String,
    /// The features, most important first (labels are placed in this order).
    pub points: Vec<KanoPoint>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 540.0;
const PLOT: Rect = Rect { x0: 76.0, y0: 16.0, x1: 620.0, y1: 484.0 };
const RADIUS: f64 = 6.0;

/// The categories of the four corners: top left, top right, bottom left, bottom right.
const CORNERS: [&str; 4] = ["Attractive", "One-dimensional", "Indifferent", "Must-be"];

impl KanoChart {
    /// A chart of these features, titled "Kano: better against worse".
    pub fn new(points: Vec<KanoPoint>) -> KanoChart {
        KanoChart { title: "Kano: better against worse".to_owned(), points }
    }

    /// The chart as a standalone SVG document (`<svg>` with its namespace), 640 by 540 pixels.
    #[must_use]
    pub fn to_svg(&self) -> String {
        let points: Vec<&KanoPoint> = self
            .points
            .iter()
            .filter(|p| (0.0..=1.0).contains(&p.better) && (-1.0..=0.0).contains(&p.worse))
            .collect();
        let x = Scale::new(1.0, 4, PLOT.x0, PLOT.x1);
        let y = Scale::new(1.0, 4, PLOT.y1, PLOT.y0);
        let mut out = String::with_capacity(4096);
        xml::open(&mut out, "kano-chart", WIDTH, HEIGHT, &self.title);
        let (sx, sy) = (x.at(0.5), y.at(0.5));
        let corners = CORNERS.map(|name| format!("data-category=\"{}\"", name.to_ascii_lowercase()));
        let titles = ("|worse|: dissatisfaction when absent", "better: satisfaction when present");
        plot::split_plot(&mut out, (PLOT, HEIGHT), (&x, &y), (sx, sy), &corners, titles);
        let circles: Vec<(f64, f64, f64)> =
            points.iter().map(|p| (x.at(-p.worse), y.at(p.better), RADIUS)).collect();
        for (point, &(cx, cy, r)) in points.iter().zip(&circles) {
            let colour = plot::CORNER_COLOURS[corner(point)].1;
            let _ = write!(
                out,
                "<circle class=\"feature\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{colour}\" fill-opacity=\"0.7\" \
                 stroke=\"{colour}\" stroke-width=\"1.5\"><title>{}: {} (better {}, worse {})</title></circle>",
                num(cx),
                num(cy),
                num(r),
                escape(&point.label),
                escape(&point.category),
                label_number(point.better),
                label_number(point.worse),
            );
        }
        let colours = plot::CORNER_COLOURS.map(|(_, colour)| colour);
        let names = plot::corner_names(&mut out, PLOT, [0, 1, 2, 3].map(|at| (CORNERS[at], colours[at])));
        let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
        plot::labels(&mut out, PLOT, &labels, &circles, &names);
        out.push_str("</svg>");
        out
    }
}

/// The corner a point is in, as [`CORNERS`] orders them.
fn corner(point: &KanoPoint) -> usize {
    match (point.better >= 0.5, -point.worse >= 0.5) {
        (true, false) => 0,
        (true, true) => 1,
        (false, false) => 2,
        (false, true) => 3,
    }
}
