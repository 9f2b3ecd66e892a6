//! RICE impact: Intercom's named levels or a plain number.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// The effect of an item on each person it reaches (RICE's `I`): a finite number `>= 0`.
///
/// Intercom's scale names five levels: massive = 3, high = 2, medium = 1, low = 0.5,
/// minimal = 0.25. Labels parse in any case.
///
/// ```
/// use prioritize::Impact;
///
/// assert_eq!("High".parse::<Impact>()?, Impact::HIGH);
/// assert_eq!(Impact::MASSIVE.get(), 3.0);
/// assert_eq!(Impact::new(1.5).map(Impact::get), Ok(1.5));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "f64"))]
pub struct Impact(f64);

impl Impact {
    /// 3: "massive impact".
    pub const MASSIVE: Impact = Impact(3.0);
    /// 2: "high impact".
    pub const HIGH: Impact = Impact(2.0);
    /// 1: "medium impact".
    pub const MEDIUM: Impact = Impact(1.0);
    /// 0.5: "low impact".
    pub const LOW: Impact = Impact(0.5);
    /// 0.25: "minimal impact".
    pub const MINIMAL: Impact = Impact(0.25);
    /// What an impact allows, as error messages say it.
    pub const ALLOWED: &'static str = "the finite numbers >= 0";
    /// The accepted labels, as error messages say them.
    pub const LABELS: &'static str = "a number or one of massive, high, medium, low, minimal";

    /// Checks that `value` is a finite number `>= 0`.
    ///
    /// # Errors
    ///
    /// An [`Error`] when `value` is NaN, infinite or negative.
    pub fn new(value: f64) -> Result<Self, Error> {
        if value.is_finite() && value >= 0.0 {
            Ok(Impact(value + 0.0))
        } else {
            Err(Error::out_of(value, Self::ALLOWED))
        }
    }

    /// The level named by an Intercom label (any case), if it is one.
    #[must_use]
    pub fn from_label(label: &str) -> Option<Impact> {
        const LEVELS: [(&str, Impact); 5] = [
            ("massive", Impact::MASSIVE),
            ("high", Impact::HIGH),
            ("medium", Impact::MEDIUM),
            ("low", Impact::LOW),
            ("minimal", Impact::MINIMAL),
        ];
        let label = label.trim();
        LEVELS.into_iter().find(|(name, _)| name.eq_ignore_ascii_case(label)).map(|(_, level)| level)
    }

    /// The impact as a number.
    #[must_use]
    pub const fn get(self) -> f64 {
        self.0
    }
}

impl FromStr for Impact {
    type Err = Error;

    /// Parses a label (`high`) or a number (`2`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Impact::from_label(text)
            .or_else(|| text.trim().parse().ok().and_then(|value| Impact::new(value).ok()))
            .ok_or_else(|| Error::label(text, Impact::LABELS))
    }
}

impl TryFrom<f64> for Impact {
    type Error = Error;

    fn try_from(value: f64) -> Result<Self, Error> {
        Impact::new(value)
    }
}

impl From<Impact> for f64 {
    fn from(value: Impact) -> f64 {
        value.0
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
