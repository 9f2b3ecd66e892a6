//! Charts as SVG (feature `svg`): the value/effort bubble chart, position intervals, positions
//! under several frameworks side by side, roadmap periods against capacity, and the Kano plot.
//!
//! Each chart is plain data (labels and numbers) with a `to_svg` that writes a standalone SVG
//! document: its own namespace, size, font and colours as attributes (no CSS, no script), every
//! text escaped ([`escape`]), ready to serve as `image/svg+xml` or to inline in HTML. The charts
//! know nothing of backlogs: fill them from the [`analysis`](crate::analysis) results, a
//! [`Ranking`](crate::Ranking) or a [`Roadmap`](crate::plan::Roadmap).
//!
//! ```
//! use prioritize::analysis::{Split, quadrants};
//! use prioritize::svg::{Bubble, QuadrantChart};
//! use prioritize::{Backlog, BacklogItem, Rice};
//!
//! let backlog = Backlog::from_items([
//!     BacklogItem::builder("A", "Checkout").reach(100).impact(2).confidence(1).effort(1).build()?,
//!     BacklogItem::builder("B", "Reports").reach(100).impact(1).confidence(1).effort(4).build()?,
//! ])?;
//! let ranking = backlog.rank(Rice::default())?;
//! let matrix = quadrants(&ranking, Split::Median)?;
//! let lines = matrix.split.expect("two items");
//! let bubbles = matrix
//!     .items
//!     .iter()
//!     .zip(ranking.iter())
//!     .map(|(item, entry)| Bubble::new(&item.id, &item.title, item.value, item.effort, entry.score().unwrap_or(0.0)))
//!     .collect();
//! let svg = QuadrantChart::new(lines.value, lines.effort, bubbles).to_svg();
//! assert_eq!(svg.matches("class=\"bubble\"").count(), 2);
//! # Ok::<(), prioritize::Error>(())
//! ```

mod kano;
mod labels;
mod periods;
mod plot;
mod positions;
mod quadrant;
mod scale;
mod slope;
mod xml;

pub use kano::{KanoChart, KanoPoint};
pub use periods::{PeriodBar, PeriodChart, Segment};
pub use positions::{Interval, PositionChart};
pub use quadrant::{Bubble, QuadrantChart};
pub use slope::{Slope, SlopeChart};
pub use xml::escape;
