//! A score: a finite number that orders totally.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// An engine's score for one item: a finite `f64` (never NaN or infinite; `-0.0` is stored as
/// `0.0`), so scores order totally and equal scores have equal bits.
///
/// ```
/// use prioritize::Score;
///
/// let score = Score::new(675.0).expect("finite");
/// assert_eq!(score.get(), 675.0);
/// assert!(Score::new(f64::NAN).is_none() && Score::new(f64::INFINITY).is_none());
/// assert!(Score::new(1.0) > Score::new(-1.0));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Score(f64);

impl Score {
    /// The score, if `value` is finite.
    #[must_use]
    pub fn new(value: f64) -> Option<Score> {
        value.is_finite().then_some(Score(value + 0.0))
    }

    /// The number.
    #[must_use]
    pub const fn get(self) -> f64 {
        self.0
    }
}

impl PartialEq for Score {
    fn eq(&self, other: &Score) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Score) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl Hash for Score {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl From<Score> for f64 {
    fn from(score: Score) -> f64 {
        score.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
