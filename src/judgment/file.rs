//! The judgment sections of a file: `comparisons` and `kano`, read with serde.
//!
//! `{"comparisons": {"objectives": [["growth", "retention", 3], ...], "scorecard:NAME": [...]}}`
//! or a bare `{"comparisons": [[a, b, ratio], ...]}`; `{"kano": {"FEATURE": [["like", "dislike"],
//! ...]}}`. A ratio is a number or a fraction as text (`"1/3"`).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Comparison, ComparisonSets, KanoFeature, Vote};
use crate::error::json::custom;
use crate::error::{Error, JudgmentDetail};

/// The features of a Kano survey with their answers classified, in the order written.
///
/// ```
/// use prioritize::judgment::{KanoCategory, KanoSurvey};
///
/// let survey: KanoSurvey = serde_json::from_str(
///     r#"{"kano": {"dark mode": [["like", "neutral"], ["like", "live-with"]], "export": [["must-be", "dislike"]]}}"#,
/// )?;
/// let categories: Vec<(&str, KanoCategory)> = survey.features().iter().map(|f| (f.id(), f.category())).collect();
/// assert_eq!(categories, [("dark mode", KanoCategory::Attractive), ("export", KanoCategory::MustBe)]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KanoSurvey {
    features: Vec<KanoFeature>,
}

impl KanoSurvey {
    /// The features, in the order written.
    #[must_use]
    pub fn features(&self) -> &[KanoFeature] {
        &self.features
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for KanoSurvey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("features", &self.features)?;
        map.end()
    }
}

/// A ratio as written: a number, or text such as `"1/3"`.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Ratio {
    Number(f64),
    Text(String),
}

/// One comparison as written: `[a, b, ratio]`.
#[derive(serde::Deserialize)]
struct Triple(String, String, Ratio);

impl Triple {
    fn checked<E: de::Error>(self) -> Result<Comparison, E> {
        match self.2 {
            Ratio::Number(ratio) => Comparison::new(self.0, self.1, ratio),
            Ratio::Text(text) => Comparison::parse(self.0, self.1, &text),
        }
        .map_err(custom)
    }
}

/// A list of comparisons, each checked.
struct Comparisons(Vec<Comparison>);

impl<'de> Deserialize<'de> for Comparisons {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let triples = Vec::<Triple>::deserialize(deserializer)?;
        triples.into_iter().map(Triple::checked).collect::<Result<_, _>>().map(Comparisons)
    }
}

/// Named lists, or one bare list.
struct Sets(Vec<(String, Vec<Comparison>)>);

impl<'de> Deserialize<'de> for Sets {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SetsVisitor;
        impl<'de> Visitor<'de> for SetsVisitor {
            type Value = Sets;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter
                    .write_str(r#"comparisons: [[a, b, ratio], ...] or {"objectives": [[a, b, ratio], ...]}"#)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Sets, A::Error> {
                let mut comparisons = Vec::new();
                while let Some(triple) = seq.next_element::<Triple>()? {
                    comparisons.push(triple.checked()?);
                }
                Ok(Sets(vec![("comparisons".to_owned(), comparisons)]))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sets, A::Error> {
                let mut sets: Vec<(String, Vec<Comparison>)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    if sets.iter().any(|(known, _)| *known == name) {
                        return Err(custom(Error::from(JudgmentDetail::RepeatedSet { set: name })));
                    }
                    let Comparisons(list) = map.next_value()?;
                    sets.push((name, list));
                }
                Ok(Sets(sets))
            }
        }
        deserializer.deserialize_any(SetsVisitor)
    }
}

/// Features and their answer pairs, in order.
struct Features(Vec<KanoFeature>);

impl<'de> Deserialize<'de> for Features {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FeaturesVisitor;
        impl<'de> Visitor<'de> for FeaturesVisitor {
            type Value = Features;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(r#"kano answers: {"FEATURE": [["like", "dislike"], ...]}"#)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Features, A::Error> {
                let mut features: Vec<KanoFeature> = Vec::new();
                while let Some(id) = map.next_key::<String>()? {
                    if features.iter().any(|feature| feature.id() == id) {
                        return Err(de::Error::custom(format_args!("feature {id:?} is given twice")));
                    }
                    let pairs: Vec<(String, String)> = map.next_value()?;
                    let feature =
                        KanoFeature::from_labels(id, pairs.iter().map(|(f, d)| (f.as_str(), d.as_str())))
                            .map_err(custom)?;
                    features.push(feature);
                }
                Ok(Features(features))
            }
        }
        deserializer.deserialize_map(FeaturesVisitor)
    }
}

impl<'de> Deserialize<'de> for ComparisonSets {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct File {
            comparisons: Sets,
        }
        File::deserialize(deserializer).map(|file| ComparisonSets::from_sets(file.comparisons.0))
    }
}

impl<'de> Deserialize<'de> for KanoSurvey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct File {
            kano: Features,
        }
        File::deserialize(deserializer).map(|file| KanoSurvey { features: file.kano.0 })
    }
}

/// A backlog's `comparisons` section: named sets (`{"objectives": [...]}`).
pub(crate) struct SetsSection(pub(crate) ComparisonSets);

impl<'de> Deserialize<'de> for SetsSection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Sets(sets) = Sets::deserialize(deserializer)?;
        if sets.len() == 1 && sets[0].0 == "comparisons" {
            // A bare list says nothing of what it weights.
            return Err(custom(Error::from(JudgmentDetail::UnknownSet { set: "comparisons".to_owned() })));
        }
        Ok(SetsSection(ComparisonSets::from_sets(sets)))
    }
}

/// A backlog's `votes` section: `[["B", "A"], ["A", "C", 2], ...]`, winner first, then an
/// optional weight.
pub(crate) struct VotesSection(pub(crate) Vec<Vote>);

impl<'de> Deserialize<'de> for VotesSection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Written {
            Once(String, String),
            Weighted(String, String, f64),
        }
        let written = Vec::<Written>::deserialize(deserializer)?;
        let mut votes = Vec::with_capacity(written.len());
        for (index, vote) in written.into_iter().enumerate() {
            let (winner, loser, weight) = match vote {
                Written::Once(winner, loser) => (winner, loser, 1.0),
                Written::Weighted(winner, loser, weight) => (winner, loser, weight),
            };
            let invalid = |reason: String| custom(Error::from(JudgmentDetail::InvalidVote { index, reason }));
            if winner == loser {
                return Err(invalid(format!("{winner:?} cannot win against itself")));
            }
            if !(weight.is_finite() && weight > 0.0) {
                return Err(invalid(format!("weight {weight} is not a finite number > 0")));
            }
            votes.push(Vote::new(winner, loser).weight(weight).map_err(custom)?);
        }
        Ok(VotesSection(votes))
    }
}

/// A backlog's `kano` section: `{"FEATURE": [["like", "dislike"], ...]}`.
pub(crate) struct KanoSection(pub(crate) Vec<KanoFeature>);

impl<'de> Deserialize<'de> for KanoSection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Features::deserialize(deserializer).map(|features| KanoSection(features.0))
    }
}
