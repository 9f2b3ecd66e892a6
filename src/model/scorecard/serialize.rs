//! The `scorecards` section of a backlog or configuration file:
//! `{"value": {"criteria": {"revenue": 0.4, "ux": 0.2}, "normalize": "none"}}`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::{Normalize, Scorecard};
use crate::error::{Error, SectionDetail};

/// The scorecards of a `scorecards` section, in the order written; names are unique.
#[derive(Debug)]
pub(crate) struct Scorecards(pub(crate) Vec<Scorecard>);

/// Writes scorecards as a `scorecards` section.
pub(crate) struct ScorecardsRef<'a>(pub(crate) &'a [Scorecard]);

/// One scorecard's definition as written: `{"criteria": {...}, "normalize": "..."}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Definition {
    criteria: Weighted,
    #[serde(default)]
    normalize: Normalize,
}

/// A scorecard's fields: weighted (`{"revenue": 0.4}`), or listed to be weighted by comparisons
/// (`["revenue", "ux"]`).
enum Weighted {
    Weights(Entries<f64>),
    Compared(Vec<String>),
}

impl<'de> Deserialize<'de> for Weighted {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WeightedVisitor;
        impl<'de> Visitor<'de> for WeightedVisitor {
            type Value = Weighted;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter
                    .write_str("an object of fields and weights, or a list of fields weighted by comparisons")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Weighted, A::Error> {
                EntriesVisitor(PhantomData).visit_map(map).map(Weighted::Weights)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Weighted, A::Error> {
                let mut fields = Vec::new();
                while let Some(field) = seq.next_element()? {
                    fields.push(field);
                }
                Ok(Weighted::Compared(fields))
            }
        }
        deserializer.deserialize_any(WeightedVisitor)
    }
}

/// An object's entries in the order written (a map would sort them, or lose repeated keys).
struct Entries<V>(Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

struct EntriesVisitor<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
    type Value = Entries<V>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<V>, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Entries(entries))
    }
}

impl<'de> Deserialize<'de> for Scorecards {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = Entries::<Definition>::deserialize(deserializer)?;
        let mut scorecards: Vec<Scorecard> = Vec::with_capacity(entries.0.len());
        for (id, definition) in entries.0 {
            if scorecards.iter().any(|scorecard| scorecard.id() == id) {
                return Err(crate::error::json::custom(Error::from(SectionDetail::DuplicateScorecard {
                    scorecard: id,
                })));
            }
            let scorecard = match definition.criteria {
                Weighted::Weights(weights) => Scorecard::new(id, weights.0),
                Weighted::Compared(fields) => Scorecard::compared(id, fields),
            }
            .map_err(crate::error::json::custom)?;
            scorecards.push(scorecard.normalize(definition.normalize));
        }
        Ok(Scorecards(scorecards))
    }
}

impl Serialize for ScorecardsRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for scorecard in self.0 {
            map.serialize_entry(scorecard.id(), &DefinitionRef(scorecard))?;
        }
        map.end()
    }
}

struct DefinitionRef<'a>(&'a Scorecard);

impl Serialize for DefinitionRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut definition = serializer.serialize_struct("Scorecard", 2)?;
        if self.0.is_compared() {
            definition
                .serialize_field("criteria", &self.0.weights().map(|(name, _)| name).collect::<Vec<_>>())?;
        } else {
            definition.serialize_field("criteria", &WeightsRef(self.0))?;
        }
        definition.serialize_field("normalize", &self.0.normalization())?;
        definition.end()
    }
}

struct WeightsRef<'a>(&'a Scorecard);

impl Serialize for WeightsRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.weights())
    }
}
