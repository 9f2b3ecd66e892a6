//! The ranking in the interchange format's output shape.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::{RankedItem, Ranking, UnscoredItem, Warning};

/// `{"framework", "ranking": [...], "warnings": [...], "unscored": [...]}`, as the CLI prints it.
impl Serialize for Ranking<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Entries<'r, 'a>(&'r Ranking<'a>);
        impl Serialize for Entries<'_, '_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let categorized = self.0.is_categorized();
                serializer.collect_seq(self.0.iter().map(|entry| Entry { entry, categorized }))
            }
        }
        struct Unscored<'r, 'a>(&'r Ranking<'a>);
        impl Serialize for Unscored<'_, '_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.unscored())
            }
        }
        let mut ranking = serializer.serialize_struct("Ranking", 4)?;
        ranking.serialize_field("framework", self.framework())?;
        ranking.serialize_field("ranking", &Entries(self))?;
        ranking.serialize_field("warnings", &self.warnings)?;
        ranking.serialize_field("unscored", &Unscored(self))?;
        ranking.end()
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
        map.serialize_entry("position", &entry.position())?;
        map.serialize_entry("rank", &entry.rank())?;
        map.serialize_entry("id", entry.item().id())?;
        map.serialize_entry("title", entry.item().title())?;
        map.serialize_entry("score", &entry.score())?;
        if self.categorized {
            map.serialize_entry("category", &entry.category())?;
        }
        map.serialize_entry("breakdown", &entry.breakdown())?;
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
        map.serialize_field("missing", &self.missing())?;
        map.end()
    }
}

/// A warning is written as its message.
impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
