//! Field values as they arrive, before they are checked against an item's rules.
//!
//! The builder, the JSON reader and the CSV reader all hand their values over in this form, so
//! every path into a backlog goes through the same checks and the same error messages.

use std::collections::BTreeMap;

use crate::error::{Detail, Error, ItemDetail, Result};
use crate::model::alignment::Alignment;
use crate::model::category::Category;
use crate::model::confidence::Confidence;
use crate::model::estimate::Estimate;
use crate::model::field::Field;
use crate::model::impact::Impact;
use crate::model::number::{Fraction, check_number};

/// A value as written: a number, a text, an object of names to numbers, or ratings (rater ids
/// to values, each a number or a text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Input {
    Number(f64),
    Text(Text),
    Pairs(Vec<(String, f64)>),
    Ratings(Vec<(String, Input)>),
}

/// The text of a value, kept inline when it is short (labels such as `medium`, `must`, `80%`),
/// so that reading a large file allocates nothing for them.
#[derive(Clone)]
pub(crate) enum Text {
    Inline { len: u8, bytes: [u8; Text::INLINE] },
    Heap(String),
}

impl Text {
    const INLINE: usize = 22;
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        if text.len() <= Text::INLINE {
            let mut bytes = [0; Text::INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Text::Inline { len: text.len() as u8, bytes }
        } else {
            Text::Heap(text.to_owned())
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        if text.len() <= Text::INLINE { Text::from(text.as_str()) } else { Text::Heap(text) }
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            // Only whole strings are copied in: the bytes are UTF-8.
            Text::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Text::Heap(text) => text,
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(formatter)
    }
}

impl Input {
    /// The value as error messages show it.
    pub(crate) fn shown(&self) -> String {
        match self {
            Input::Number(number) => number.to_string(),
            Input::Text(text) => text.to_string(),
            Input::Pairs(pairs) => {
                let pairs: Vec<String> =
                    pairs.iter().map(|(name, value)| format!("{name}: {value}")).collect();
                format!("{{{}}}", pairs.join(", "))
            }
            Input::Ratings(ratings) => {
                let ratings: Vec<String> =
                    ratings.iter().map(|(rater, value)| format!("{rater}: {}", value.shown())).collect();
                format!("{{ratings: {{{}}}}}", ratings.join(", "))
            }
        }
    }
}

/// A numeric field: built-in, or a criterion named by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numeric<'a> {
    Builtin(Field),
    Criterion(&'a str),
}

impl<'a> Numeric<'a> {
    /// The numeric field of this name: a built-in one, or else (any other name) a criterion.
    /// `None` for the built-in fields that are not numeric.
    pub(crate) fn named(name: &'a str) -> Option<Numeric<'a>> {
        match Field::from_name(name) {
            Some(field) if field.is_numeric() => Some(Numeric::Builtin(field)),
            Some(_) => None,
            None => Some(Numeric::Criterion(name)),
        }
    }

    pub(crate) fn name(self) -> &'a str {
        match self {
            Numeric::Builtin(field) => field.as_str(),
            Numeric::Criterion(name) => name,
        }
    }

    /// `value` checked as a plain value of this field; a criterion's bounds are the backlog's,
    /// checked when the backlog is built.
    pub(crate) fn check(self, value: f64) -> Result<f64> {
        match self {
            Numeric::Builtin(field) => check_number(field, value),
            Numeric::Criterion(_) if value.is_finite() => Ok(value + 0.0),
            Numeric::Criterion(_) => Err(Error::out_of(value, "the finite numbers")),
        }
    }
}

/// What a text that spells a number too large for an `f64` (`1e309`), or `inf` or `NaN`, is not.
const FINITE: &str = "a finite number (a 64-bit float: at most about 1.8e308 in size)";

/// Checks inputs for one item, so every error names it.
pub(crate) struct Checker<'a> {
    pub(crate) item: &'a str,
}

impl Checker<'_> {
    fn invalid(&self, field: &str, input: &Input, expected: &'static str) -> Error {
        Error::from(ItemDetail::InvalidValue {
            item: self.item.to_owned(),
            field: field.to_owned(),
            value: input.shown(),
            expected,
        })
    }

    /// A plain number; a text that spells a number counts as one (CSV cells are text).
    fn number(&self, field: Numeric<'_>, input: &Input) -> Result<f64> {
        let value = match input {
            Input::Number(number) => *number,
            Input::Text(text) => match text.trim().parse::<f64>() {
                Ok(number) if number.is_finite() => number,
                Ok(_) => return Err(self.invalid(field.name(), input, FINITE)),
                Err(_) => return Err(self.invalid(field.name(), input, "a number")),
            },
            Input::Pairs(_) | Input::Ratings(_) => return Err(self.invalid(field.name(), input, "a number")),
        };
        field.check(value).map_err(|error| error.at(self.item, field.name()))
    }

    /// A plain value of a numeric field, labels included (`high`, `80%`).
    pub(crate) fn plain(&self, field: Numeric<'_>, input: &Input) -> Result<f64> {
        match (field, input) {
            (Numeric::Builtin(Field::Impact), Input::Text(text)) => {
                if let Some(level) = Impact::from_label(text) {
                    return Ok(level.get());
                }
                if text.trim().parse::<f64>().is_err() {
                    return Err(self.invalid(field.name(), input, Impact::LABELS));
                }
            }
            (Numeric::Builtin(Field::Confidence), Input::Text(text)) => {
                if let Some(level) = Confidence::from_label(text) {
                    return Ok(level.get());
                }
                if let Some(percent) = text.trim().strip_suffix('%') {
                    let percent: f64 = percent
                        .trim_end()
                        .parse()
                        .map_err(|_| self.invalid(field.name(), input, Confidence::LABELS))?;
                    if !percent.is_finite() {
                        return Err(self.invalid(field.name(), input, FINITE));
                    }
                    return Confidence::from_percent(percent)
                        .map(Confidence::get)
                        .map_err(|error| error.at(self.item, field.name()));
                }
                if text.trim().parse::<f64>().is_err() {
                    return Err(self.invalid(field.name(), input, Confidence::LABELS));
                }
            }
            _ => {}
        }
        self.number(field, input)
    }

    /// A numeric field written plainly or as a range `{"low": .., "high": .., "expected": ..}`
    /// whose values each pass the field's check; the point value of a range is its expected
    /// value, or else its midpoint.
    pub(crate) fn estimated(&self, field: Numeric<'_>, input: &Input) -> Result<(f64, Option<Estimate>)> {
        let Input::Pairs(pairs) = input else {
            return self.plain(field, input).map(|value| (value, None));
        };
        let name = field.name();
        let mut ends: [Option<f64>; 3] = [None; 3];
        for (key, value) in pairs {
            let slot = match key.as_str() {
                "low" => &mut ends[0],
                "expected" => &mut ends[1],
                "high" => &mut ends[2],
                _ => {
                    let expected = "a range key: low, expected or high";
                    return Err(Error::from(ItemDetail::InvalidValue {
                        item: self.item.to_owned(),
                        field: name.to_owned(),
                        value: key.clone(),
                        expected,
                    }));
                }
            };
            if slot.replace(*value).is_some() {
                return Err(self.invalid(
                    name,
                    input,
                    "a range naming each of low, expected, high at most once",
                ));
            }
        }
        let [Some(low), expected, Some(high)] = ends else {
            return Err(self.invalid(name, input, "a range with both low and high"));
        };
        let checked = |value: f64| field.check(value).map_err(|error| error.at(self.item, name));
        let (low, high) = (checked(low)?, checked(high)?);
        let expected = expected.map(checked).transpose()?;
        let estimate = Estimate::checked(self.item, name, low, expected, high)?;
        // The midpoint of two valid ends is valid for every field (each allows an interval).
        let point = checked(estimate.expected())?;
        Ok((point, Some(estimate)))
    }

    /// Ratings of a numeric field: at least one, each rater once, each rating checked as a plain
    /// value of the field (a criterion's bounds are the backlog's, checked when it is built).
    pub(crate) fn ratings(
        &self,
        field: Numeric<'_>,
        ratings: &[(String, Input)],
    ) -> Result<Vec<(String, f64)>> {
        let invalid = |reason: String| {
            Error::from(ItemDetail::InvalidRatings {
                item: self.item.to_owned(),
                field: field.name().to_owned(),
                reason,
            })
        };
        if ratings.is_empty() {
            return Err(invalid("expected a rating by at least one rater".into()));
        }
        let mut checked: Vec<(String, f64)> = Vec::with_capacity(ratings.len());
        for (rater, input) in ratings {
            if rater.is_empty() || rater.chars().any(char::is_control) {
                return Err(invalid(format!(
                    "rater id {rater:?} is not a non-empty string without control characters"
                )));
            }
            if checked.iter().any(|(other, _)| other == rater) {
                return Err(invalid(format!("rater {rater:?} is named twice")));
            }
            let value = self.plain(field, input).map_err(|error| match error.detail() {
                Detail::Item(ItemDetail::OutOfRange { item, field, value, allowed }) => {
                    Error::from(ItemDetail::RatingOutOfRange {
                        item: item.clone(),
                        field: field.clone(),
                        rater: rater.clone(),
                        value: *value,
                        allowed: allowed.clone(),
                    })
                }
                _ => error,
            })?;
            checked.push((rater.clone(), value));
        }
        Ok(checked)
    }

    pub(crate) fn moscow(&self, input: &Input) -> Result<Category> {
        let name = Field::Moscow.as_str();
        match input {
            Input::Text(text) => text.parse().map_err(|_| self.invalid(name, input, Category::LABELS)),
            _ => Err(self.invalid(name, input, Category::LABELS)),
        }
    }

    pub(crate) fn alignment(&self, input: Input) -> Result<Alignment> {
        let name = Field::Alignment.as_str();
        match input {
            Input::Pairs(pairs) => {
                let mut contributions = BTreeMap::new();
                for (objective, value) in pairs {
                    let contribution = Fraction::new(value).map_err(|error| error.at(self.item, name))?;
                    if contributions.insert(objective.clone(), contribution).is_some() {
                        return Err(Error::from(ItemDetail::DuplicateContribution {
                            item: self.item.to_owned(),
                            objective,
                        }));
                    }
                }
                Ok(Alignment::PerObjective(contributions))
            }
            Input::Number(value) => {
                Fraction::new(value).map(Alignment::Overall).map_err(|error| error.at(self.item, name))
            }
            Input::Text(ref text) => match text.trim().parse::<f64>() {
                Ok(value) if value.is_finite() => {
                    Fraction::new(value).map(Alignment::Overall).map_err(|error| error.at(self.item, name))
                }
                Ok(_) => Err(self.invalid(name, &input, FINITE)),
                Err(_) => Err(self.invalid(name, &input, "a number")),
            },
            Input::Ratings(_) => Err(self.invalid(name, &input, "a number or contributions per objective")),
        }
    }

    /// An id as every reader takes it: trimmed, non-empty, without control characters.
    pub(crate) fn id<'t>(&self, field: Field, id: &'t str) -> Result<&'t str> {
        let trimmed = id.trim();
        if trimmed.chars().any(char::is_control) {
            return Err(Error::from(ItemDetail::InvalidValue {
                item: self.item.to_owned(),
                field: field.as_str().to_owned(),
                value: trimmed.to_owned(),
                expected: "an id without control characters",
            }));
        }
        Ok(trimmed)
    }
}
