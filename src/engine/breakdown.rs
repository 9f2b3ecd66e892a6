//! The named values behind a score.

use std::borrow::Cow;

/// The named inputs and intermediate values that produced a score, in the order the formula uses
/// them (e.g. `business_value`, `time_criticality`, `risk_reduction`, `cost_of_delay`, `job_size`
/// for WSJF).
///
/// ```
/// use prioritize::Breakdown;
///
/// let breakdown = Breakdown::new().with("cost_of_delay", 9.0).with("job_size", 3.0);
/// assert_eq!(breakdown.get("cost_of_delay"), Some(9.0));
/// assert_eq!(breakdown.names().collect::<Vec<_>>(), ["cost_of_delay", "job_size"]);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Breakdown {
    parts: Vec<(Cow<'static, str>, f64)>,
}

impl Breakdown {
    /// An empty breakdown.
    #[must_use]
    pub fn new() -> Breakdown {
        // Room for a framework's inputs, its result and the alignment's two values at once.
        Breakdown { parts: Vec::with_capacity(8) }
    }

    /// This breakdown with one more named value.
    #[must_use]
    pub fn with(mut self, name: impl Into<Cow<'static, str>>, value: f64) -> Breakdown {
        self.parts.push((name.into(), value));
        self
    }

    /// Appends the values of `other`.
    #[must_use]
    pub fn extend(mut self, other: Breakdown) -> Breakdown {
        self.parts.extend(other.parts);
        self
    }

    /// The value named `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<f64> {
        self.parts.iter().find(|(n, _)| n == name).map(|&(_, value)| value)
    }

    /// The names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        self.parts.iter().map(|(name, _)| name.as_ref())
    }

    /// The named values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> + '_ {
        self.parts.iter().map(|(name, value)| (name.as_ref(), *value))
    }

    /// The number of values.
    #[must_use]
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether there is no value.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Breakdown {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl Breakdown {
    /// Appends the alignment and its factor when the weight is not 0.
    pub(crate) fn with_alignment(self, weight: crate::model::AlignmentWeight, alignment: f64) -> Breakdown {
        if weight.is_zero() {
            self
        } else {
            let [name, factor] = ALIGNMENT_NAMES;
            self.with(name, alignment).with(factor, weight.factor(alignment))
        }
    }
}

/// The names [`Breakdown::with_alignment`] appends when the weight is not 0.
const ALIGNMENT_NAMES: [&str; 2] = ["alignment", "alignment_factor"];

/// The names of a formula's breakdown: `names`, then the alignment's under `weight`, as
/// [`Breakdown::with_alignment`] appends them.
pub(crate) fn formula_names(
    names: &[&'static str],
    weight: crate::model::AlignmentWeight,
) -> Vec<&'static str> {
    let alignment: &[&'static str] = if weight.is_zero() { &[] } else { &ALIGNMENT_NAMES };
    names.iter().chain(alignment).copied().collect()
}
