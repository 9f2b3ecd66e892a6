//! The ranking in the interchange format's output shape.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::list::{Indexed, Ordered};
use super::{RankedItem, Ranking, UnscoredItem, Warning};
use crate::engine::Breakdown;
use crate::model::Category;
use crate::model::Item;

/// A sequence serialized from an iterator made on demand.
pub(crate) struct Seq<F>(pub(crate) F);

impl<I, F> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// The fields every entry of an output's `ranking` array starts with.
pub(crate) struct EntryFields<'a> {
    pub(crate) position: usize,
    pub(crate) rank: Option<usize>,
    pub(crate) item: Item<'a>,
    pub(crate) score: Option<f64>,
    pub(crate) category: Option<Category>,
    /// Whether `category` is written: only for categorized orders (MoSCoW).
    pub(crate) categorized: bool,
    pub(crate) breakdown: Breakdown,
}

impl EntryFields<'_> {
    /// Writes `position`, `rank`, `id`, `title`, `score`, `category` where it applies, `breakdown`.
    pub(crate) fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("position", &self.position)?;
        map.serialize_entry("rank", &self.rank)?;
        map.serialize_entry("id", self.item.id())?;
        map.serialize_entry("title", self.item.title())?;
        map.serialize_entry("score", &self.score)?;
        if self.categorized {
            map.serialize_entry("category", &self.category)?;
        }
        map.serialize_entry("breakdown", &self.breakdown)
    }
}

/// `{"framework", "ranking": [...], "warnings": [...], "unscored": [...]}`: the shape of every
/// ordered list (a ranking, a planned order), its `ranking` array made of `entries`.
pub(crate) fn write_list<S, E, I>(
    serializer: S,
    list: &Ordered<'_, E>,
    entries: impl Fn() -> I,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    E: Indexed,
    I: Iterator,
    I::Item: Serialize,
{
    let mut map = serializer.serialize_struct("Ranking", 4)?;
    map.serialize_field("framework", list.engine_name())?;
    map.serialize_field("ranking", &Seq(entries))?;
    map.serialize_field("warnings", &list.warnings)?;
    map.serialize_field("unscored", &Seq(|| list.unscored()))?;
    map.end()
}

/// As the CLI prints it (`write_list`).
impl Serialize for Ranking<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let categorized = self.is_categorized();
        write_list(serializer, &self.list, || self.iter().map(|entry| Entry { entry, categorized }))
    }
}

struct Entry<'a> {
    entry: RankedItem<'a>,
    categorized: bool,
}

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let entry = &self.entry;
        let mut map = serializer.serialize_map(None)?;
        EntryFields {
            position: entry.position(),
            rank: Some(entry.rank()),
            item: entry.item(),
            score: entry.score(),
            category: entry.category(),
            categorized: self.categorized,
            breakdown: entry.breakdown(),
        }
        .write(&mut map)?;
        map.end()
    }
}

/// A [`RankedItem`] as one entry of the output's `ranking` array; `category` is always written.
impl Serialize for RankedItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Entry { entry: *self, categorized: true }.serialize(serializer)
    }
}

/// `{"id": "...", "missing": ["reach", ...]}`.
impl Serialize for UnscoredItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Unscored", 2)?;
        map.serialize_field("id", self.item().id())?;
        map.serialize_field("missing", &self.missing_names())?;
        map.end()
    }
}

/// A warning is written as its message.
impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
