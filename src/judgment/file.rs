//! The judgment sections of a file: `comparisons` and `kano`, read with serde.
//!
//! `{"comparisons": {"objectives": [["growth", "retention", 3], ...], "scorecard:NAME": [...]}}`
//! or a bare `{"comparisons": [[a, b, ratio], ...]}`; `{"kano": {"FEATURE": [["like", "dislike"],
//! ...]}}`. A ratio is a number or a fraction as text (`"1/3"`).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Comparison, KanoFeature};
use crate::error::json::custom;

/// Named sets of comparisons, in the order written: `objectives`, `scorecard:NAME`, or one set
/// named `comparisons` for a bare list.
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
    /// Each set's name and comparisons, in the order written.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &[Comparison])> + '_ {
        self.sets.iter().map(|(name, comparisons)| (name.as_str(), comparisons.as_slice()))
    }
}

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
                        return Err(de::Error::custom(format_args!("comparisons {name:?} are given twice")));
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
        File::deserialize(deserializer).map(|file| ComparisonSets { sets: file.comparisons.0 })
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
