//! Named sets of pairwise comparisons, as a backlog or a comparisons file holds them.

use super::Comparison;
use crate::error::{Error, JudgmentDetail, Result};

/// Named sets of comparisons, in the order written: `objectives` weights a backlog's objectives,
/// `scorecard:NAME` the fields of its scorecard `NAME`; a file of one bare list has one set named
/// `comparisons`.
///
/// ```
/// use prioritize::judgment::{Comparison, ComparisonSets};
///
/// let sets = ComparisonSets::new().with("objectives", [Comparison::new("growth", "retention", 3.0)?])?;
/// assert_eq!(sets.get("objectives").map(<[_]>::len), Some(1));
/// assert!(sets.get("scorecard:value").is_none());
/// assert!(sets.with("objectives", []).is_err()); // a set named twice
/// # Ok::<(), prioritize::Error>(())
/// ```
///
/// Read from a file (feature `serde`):
///
/// ```
/// use prioritize::judgment::ComparisonSets;
///
/// let sets: ComparisonSets = serde_json::from_str(
///     r#"{"comparisons": {"objectives": [["growth", "retention", 3], ["retention", "cost", "1/2"]]}}"#,
/// )?;
/// let (name, comparisons) = sets.iter().next().expect("one set");
/// assert_eq!((name, comparisons.len(), comparisons[1].ratio()), ("objectives", 2, 0.5));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComparisonSets {
    sets: Vec<(String, Vec<Comparison>)>,
}

impl ComparisonSets {
    /// No set.
    #[must_use]
    pub fn new() -> ComparisonSets {
        ComparisonSets::default()
    }

    /// These sets, in order, names unique (the readers check it).
    #[cfg(feature = "serde")]
    pub(crate) fn from_sets(sets: Vec<(String, Vec<Comparison>)>) -> ComparisonSets {
        ComparisonSets { sets }
    }

    /// Adds a set, which may repeat a name (a backlog being built reports it).
    pub(crate) fn push(&mut self, name: String, comparisons: Vec<Comparison>) {
        self.sets.push((name, comparisons));
    }

    /// The sets with one more, named `name`.
    ///
    /// # Errors
    ///
    /// A [`Structure`](crate::ErrorKind::Structure) error when a set of that name is there
    /// already.
    pub fn with(
        mut self,
        name: impl Into<String>,
        comparisons: impl IntoIterator<Item = Comparison>,
    ) -> Result<ComparisonSets> {
        let name = name.into();
        if self.get(&name).is_some() {
            return Err(Error::from(JudgmentDetail::RepeatedSet { set: name }));
        }
        self.sets.push((name, comparisons.into_iter().collect()));
        Ok(self)
    }

    /// The comparisons of the set `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&[Comparison]> {
        self.sets.iter().find(|(known, _)| known == name).map(|(_, comparisons)| comparisons.as_slice())
    }

    /// Each set's name and comparisons, in the order written.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &[Comparison])> + '_ {
        self.sets.iter().map(|(name, comparisons)| (name.as_str(), comparisons.as_slice()))
    }

    /// Whether there is no set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }
}

/// Writes the sets as a backlog's `comparisons` section: `{"objectives": [["a", "b", 3.0], ...]}`.
#[cfg(feature = "serde")]
impl serde::Serialize for ComparisonSets {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        struct Triples<'a>(&'a [Comparison]);
        impl serde::Serialize for Triples<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.iter().map(|c| (c.a(), c.b(), c.ratio())))
            }
        }
        serializer.collect_map(self.iter().map(|(name, comparisons)| (name, Triples(comparisons))))
    }
}
