//! Checked numbers: each type holds only the values its field allows.

use std::fmt;

use crate::error::Error;
use crate::model::confidence::Confidence;
use crate::model::field::Field;
use crate::model::impact::Impact;

macro_rules! checked_number {
    ($(#[$meta:meta])* $name:ident, $allowed:literal, |$x:ident| $valid:expr, $example:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(try_from = "f64", into = "f64"))]
        pub struct $name(f64);

        impl $name {
            #[doc = concat!("What the type allows, as error messages say it: `", $allowed, "`.")]
            pub const ALLOWED: &'static str = $allowed;

            #[doc = concat!("Checks `value`: ", $allowed, ".")]
            ///
            /// # Errors
            ///
            /// An [`Error`] when `value` is NaN, infinite or out of range.
            ///
            /// ```
            #[doc = concat!("use prioritize::model::", stringify!($name), ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(", $example, ")?.get(), ", $example, ");")]
            #[doc = concat!("assert!(", stringify!($name), "::new(f64::NAN).is_err());")]
            /// # Ok::<(), prioritize::Error>(())
            /// ```
            pub fn new(value: f64) -> Result<Self, Error> {
                let $x = value;
                if $x.is_finite() && $valid {
                    // `+ 0.0` turns -0.0 into 0.0, so equal values have equal bits.
                    Ok(Self(value + 0.0))
                } else {
                    Err(Error::out_of(value, $allowed))
                }
            }

            /// The number.
            #[must_use]
            pub const fn get(self) -> f64 {
                self.0
            }
        }

        impl TryFrom<f64> for $name {
            type Error = Error;

            fn try_from(value: f64) -> Result<Self, Error> {
                Self::new(value)
            }
        }

        impl From<$name> for f64 {
            fn from(value: $name) -> f64 {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

checked_number!(
    /// A finite number `>= 0`: reach and WSJF's cost-of-delay parts.
    NonNegative,
    "the finite numbers >= 0",
    |x| x >= 0.0,
    "450.0"
);

checked_number!(
    /// A finite number `> 0`: RICE effort and WSJF job size, in the team's unit
    /// (person-months by Intercom's convention).
    ///
    /// Zero is rejected: an effort of 0 would make every score infinite.
    Effort,
    "the finite numbers > 0",
    |x| x > 0.0,
    "2.5"
);

checked_number!(
    /// A number in `0..=1`: an alignment, an objective contribution or a weight such as `λ`.
    Fraction,
    "0..=1",
    |x| (0.0..=1.0).contains(&x),
    "0.25"
);

checked_number!(
    /// A number in `0..=10`: opportunity scoring's importance and satisfaction, on Ulwick's scale.
    OutOfTen,
    "0..=10",
    |x| (0.0..=10.0).contains(&x),
    "7.5"
);

/// `value` checked for the numeric built-in `field` (normalised: -0.0 becomes 0.0).
pub(crate) fn check_number(field: Field, value: f64) -> Result<f64, Error> {
    match field {
        Field::Impact => Impact::new(value).map(f64::from),
        Field::Confidence => Confidence::new(value).map(f64::from),
        Field::Effort | Field::Duration => Effort::new(value).map(f64::from),
        Field::Importance | Field::Satisfaction => OutOfTen::new(value).map(f64::from),
        _ => NonNegative::new(value).map(f64::from),
    }
}
