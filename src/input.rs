//! Field values as they arrive, before they are checked against an item's rules.
//!
//! The builder, the JSON reader and the CSV reader all hand their values over in this form, so
//! every path into a [`BacklogItem`](crate::BacklogItem) goes through the same checks and the
//! same error messages.

use std::collections::BTreeMap;

use crate::alignment::Alignment;
use crate::category::Category;
use crate::confidence::Confidence;
use crate::error::{Error, Result};
use crate::estimate::Estimate;
use crate::field::Field;
use crate::impact::Impact;
use crate::number::Fraction;

/// A value as written: a number, a text, or an object of names to numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Input {
    Number(f64),
    Text(String),
    Pairs(Vec<(String, f64)>),
}

/// Checks inputs for one item, so every error names it.
pub(crate) struct Checker<'a> {
    pub(crate) item: &'a str,
}

impl Checker<'_> {
    fn invalid(&self, field: Field, input: &Input, expected: &'static str) -> Error {
        let value = match input {
            Input::Number(number) => number.to_string(),
            Input::Text(text) => text.clone(),
            Input::Pairs(pairs) => {
                let pairs: Vec<String> =
                    pairs.iter().map(|(name, value)| format!("{name}: {value}")).collect();
                format!("{{{}}}", pairs.join(", "))
            }
        };
        Error::InvalidValue { item: self.item.to_owned(), field, value, expected }
    }

    /// A plain number; a text that spells a number counts as one (CSV cells are text).
    pub(crate) fn number<T>(
        &self,
        field: Field,
        input: &Input,
        check: impl Fn(f64) -> Result<T, crate::ValueError>,
    ) -> Result<T> {
        let value = match input {
            Input::Number(number) => *number,
            Input::Text(text) => match text.trim().parse::<f64>() {
                Ok(number) => number,
                Err(_) => return Err(self.invalid(field, input, "a number")),
            },
            Input::Pairs(_) => return Err(self.invalid(field, input, "a number")),
        };
        check(value).map_err(|error| error.at(self.item, field))
    }

    /// A numeric field written plainly (through `plain`) or as a range
    /// `{"low": .., "high": .., "expected": ..}` whose values each pass `check`; the point value
    /// of a range is its expected value, or else its midpoint.
    pub(crate) fn estimated<T: Into<f64> + Copy>(
        &self,
        field: Field,
        input: &Input,
        plain: impl FnOnce(&Input) -> Result<T>,
        check: impl Fn(f64) -> Result<T, crate::ValueError>,
    ) -> Result<(T, Option<Estimate>)> {
        let Input::Pairs(pairs) = input else {
            return plain(input).map(|value| (value, None));
        };
        let mut ends: [Option<f64>; 3] = [None; 3];
        for (name, value) in pairs {
            let slot = match name.as_str() {
                "low" => &mut ends[0],
                "expected" => &mut ends[1],
                "high" => &mut ends[2],
                _ => {
                    let value = name.clone();
                    let expected = "a range key: low, expected or high";
                    return Err(Error::InvalidValue { item: self.item.to_owned(), field, value, expected });
                }
            };
            if slot.replace(*value).is_some() {
                return Err(self.invalid(
                    field,
                    input,
                    "a range naming each of low, expected, high at most once",
                ));
            }
        }
        let [Some(low), expected, Some(high)] = ends else {
            return Err(self.invalid(field, input, "a range with both low and high"));
        };
        let checked = |value: f64| check(value).map_err(|error| error.at(self.item, field));
        let (low, high) = (checked(low)?, checked(high)?);
        let expected = expected.map(checked).transpose()?;
        let estimate =
            Estimate::checked(self.item, field, low.into(), expected.map(Into::into), high.into())?;
        // The midpoint of two valid ends is valid for every field (each allows an interval).
        let point = checked(estimate.expected())?;
        Ok((point, Some(estimate)))
    }

    pub(crate) fn impact(&self, input: &Input) -> Result<Impact> {
        if let Input::Text(text) = input {
            if let Some(level) = Impact::from_label(text) {
                return Ok(level);
            }
            if text.trim().parse::<f64>().is_err() {
                return Err(self.invalid(Field::Impact, input, Impact::LABELS));
            }
        }
        self.number(Field::Impact, input, Impact::new)
    }

    pub(crate) fn confidence(&self, input: &Input) -> Result<Confidence> {
        if let Input::Text(text) = input {
            if let Some(percent) = text.trim().strip_suffix('%') {
                let expected = "a number in 0..=1 or a percentage such as \"80%\"";
                let percent: f64 = percent
                    .trim_end()
                    .parse()
                    .map_err(|_| self.invalid(Field::Confidence, input, expected))?;
                return Confidence::from_percent(percent)
                    .map_err(|error| error.at(self.item, Field::Confidence));
            }
        }
        self.number(Field::Confidence, input, Confidence::new)
    }

    pub(crate) fn moscow(&self, input: &Input) -> Result<Category> {
        match input {
            Input::Text(text) => {
                text.parse().map_err(|_| self.invalid(Field::Moscow, input, Category::LABELS))
            }
            _ => Err(self.invalid(Field::Moscow, input, Category::LABELS)),
        }
    }

    pub(crate) fn alignment(&self, input: Input) -> Result<Alignment> {
        match input {
            Input::Pairs(pairs) => {
                let mut contributions = BTreeMap::new();
                for (objective, value) in pairs {
                    let contribution =
                        Fraction::new(value).map_err(|error| error.at(self.item, Field::Alignment))?;
                    if contributions.insert(objective.clone(), contribution).is_some() {
                        return Err(Error::DuplicateContribution { item: self.item.to_owned(), objective });
                    }
                }
                Ok(Alignment::PerObjective(contributions))
            }
            input => self.number(Field::Alignment, &input, Fraction::new).map(Alignment::Overall),
        }
    }
}
