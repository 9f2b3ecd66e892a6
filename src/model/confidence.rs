//! RICE confidence: a number in 0..=1, also written as a percentage.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// How sure the team is of an item's estimates, in `0..=1` (RICE's `C`).
///
/// Intercom's scale: high = 100 %, medium = 80 %, low = 50 %.
///
/// ```
/// use prioritize::Confidence;
///
/// assert_eq!(Confidence::new(0.8)?, Confidence::MEDIUM);
/// assert_eq!("80%".parse::<Confidence>()?, Confidence::MEDIUM);
/// assert!(Confidence::new(80.0).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "f64"))]
pub struct Confidence(f64);

impl Confidence {
    /// 100 %: Intercom's "high confidence".
    pub const HIGH: Confidence = Confidence(1.0);
    /// 80 %: Intercom's "medium confidence".
    pub const MEDIUM: Confidence = Confidence(0.8);
    /// 50 %: Intercom's "low confidence".
    pub const LOW: Confidence = Confidence(0.5);
    /// What a confidence allows, as error messages say it.
    pub const ALLOWED: &'static str = "0..=1";

    /// Checks that `value` is in `0..=1`.
    ///
    /// # Errors
    ///
    /// An [`Error`] when `value` is NaN or outside `0..=1` (80 is not 80 %: write 0.8).
    pub fn new(value: f64) -> Result<Self, Error> {
        if (0.0..=1.0).contains(&value) {
            Ok(Confidence(value + 0.0))
        } else {
            Err(Error::out_of(value, Self::ALLOWED))
        }
    }

    /// A confidence given in percent, `0..=100`.
    ///
    /// # Errors
    ///
    /// An [`Error`] (in percent) when `percent` is NaN or outside `0..=100`.
    ///
    /// ```
    /// use prioritize::Confidence;
    ///
    /// assert_eq!(Confidence::from_percent(50.0)?.get(), 0.5);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    pub fn from_percent(percent: f64) -> Result<Self, Error> {
        if (0.0..=100.0).contains(&percent) {
            Ok(Confidence(percent / 100.0 + 0.0))
        } else {
            Err(Error::out_of(percent, "0..=100 %"))
        }
    }

    /// The confidence named by one of Intercom's labels (any case): `high` (100 %), `medium`
    /// (80 %) or `low` (50 %).
    ///
    /// ```
    /// use prioritize::Confidence;
    ///
    /// assert_eq!(Confidence::from_label("High"), Some(Confidence::HIGH));
    /// assert_eq!(Confidence::from_label("sure"), None);
    /// ```
    #[must_use]
    pub fn from_label(label: &str) -> Option<Confidence> {
        const LEVELS: [(&str, Confidence); 3] =
            [("high", Confidence::HIGH), ("medium", Confidence::MEDIUM), ("low", Confidence::LOW)];
        let label = label.trim();
        LEVELS.into_iter().find(|(name, _)| name.eq_ignore_ascii_case(label)).map(|(_, level)| level)
    }

    /// What a confidence may be written as, as error messages say it.
    pub const LABELS: &'static str =
        "a number in 0..=1, a percentage such as \"80%\", or one of high, medium, low";

    /// The confidence as a number in `0..=1`.
    #[must_use]
    pub const fn get(self) -> f64 {
        self.0
    }
}

/// An error of [`Value`](crate::ErrorKind::Value) kind names the text that did not parse.
impl FromStr for Confidence {
    type Err = Error;

    /// Parses `0.8`, `80%`, `80 %` or a label (`high`, `medium`, `low`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || {
            Error::label(text, "a number in 0..=1, a percentage such as \"80%\", or one of high, medium, low")
        };
        if let Some(level) = Confidence::from_label(text) {
            return Ok(level);
        }
        let trimmed = text.trim();
        match trimmed.strip_suffix('%') {
            Some(percent) => {
                let percent: f64 = percent.trim_end().parse().map_err(|_| error())?;
                Confidence::from_percent(percent).map_err(|_| error())
            }
            None => {
                let value: f64 = trimmed.parse().map_err(|_| error())?;
                Confidence::new(value).map_err(|_| error())
            }
        }
    }
}

impl TryFrom<f64> for Confidence {
    type Error = Error;

    fn try_from(value: f64) -> Result<Self, Error> {
        Confidence::new(value)
    }
}

impl From<Confidence> for f64 {
    fn from(value: Confidence) -> f64 {
        value.0
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
