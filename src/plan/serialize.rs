//! Plans in the CLI's JSON output shapes (documented in the guide's planning chapter, `src/guide/planning.md`).

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::ranking::serialize::{EntryFields, Seq, write_list};

use super::capacity::{CapacityPlan, Method, Selected};
use super::order::{PlannedItem, PlannedOrder};
use super::roadmap::{Bucket, Roadmap};

/// `{"id": "...", "reason": "..."}`.
struct Reason<'r>(&'r str, String);

impl Serialize for Reason<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Reason", 2)?;
        map.serialize_field("id", self.0)?;
        map.serialize_field("reason", &self.1)?;
        map.end()
    }
}

/// `{"framework", "ranking": [...], "warnings": [...], "unscored": [...]}`: the ranking's shape,
/// each entry with `promoted_by`, `pinned` and `missing` added.
impl Serialize for PlannedOrder<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let categorized = self.is_categorized();
        write_list(serializer, &self.list, || self.iter().map(|entry| Entry { entry, categorized }))
    }
}

struct Entry<'a> {
    entry: PlannedItem<'a>,
    categorized: bool,
}

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let entry = &self.entry;
        let mut map = serializer.serialize_map(None)?;
        EntryFields {
            position: entry.position(),
            rank: entry.rank(),
            item: entry.item(),
            score: entry.score(),
            category: entry.category(),
            categorized: self.categorized,
            breakdown: entry.breakdown(),
        }
        .write(&mut map)?;
        map.serialize_entry("promoted_by", &entry.promoted_by().map(|item| item.id()))?;
        map.serialize_entry("pinned", &entry.is_pinned())?;
        map.serialize_entry("missing", &entry.missing_names())?;
        map.end()
    }
}

/// A [`PlannedItem`] as one entry of the output's `ranking` array; `category` is always written.
impl Serialize for PlannedItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Entry { entry: *self, categorized: true }.serialize(serializer)
    }
}

/// `{"capacity", "method", "resolution", "fallback", "total_score", "total_effort", "free",
/// "upper_bound", "gap", "selection": [...], "excluded": [...]}`.
impl Serialize for CapacityPlan<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (method, resolution, fallback) = match self.method() {
            Method::Exact { resolution } => ("exact", Some(*resolution), None),
            Method::Greedy { fallback } => ("greedy", None, fallback.as_ref().map(ToString::to_string)),
        };
        let mut map = serializer.serialize_struct("CapacityPlan", 11)?;
        map.serialize_field("capacity", &self.capacity())?;
        map.serialize_field("method", method)?;
        map.serialize_field("resolution", &resolution)?;
        map.serialize_field("fallback", &fallback)?;
        map.serialize_field("total_score", &self.total_score())?;
        map.serialize_field("total_effort", &self.total_effort())?;
        map.serialize_field("free", &self.free())?;
        map.serialize_field("upper_bound", &self.upper_bound())?;
        map.serialize_field("gap", &self.gap())?;
        map.serialize_field("selection", &Seq(|| self.iter()))?;
        map.serialize_field(
            "excluded",
            &Seq(|| self.excluded().map(|(item, reason)| Reason(item.id(), reason.to_string()))),
        )?;
        map.end()
    }
}

/// `{"position", "id", "title", "score", "effort", "moscow", "promoted_by"}`.
impl Serialize for Selected<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Selected", 7)?;
        map.serialize_field("position", &self.position())?;
        map.serialize_field("id", self.item().id())?;
        map.serialize_field("title", self.item().title())?;
        map.serialize_field("score", &self.score())?;
        map.serialize_field("effort", &self.effort())?;
        map.serialize_field("moscow", &self.item().moscow())?;
        map.serialize_field("promoted_by", &self.promoted_by().map(|item| item.id()))?;
        map.end()
    }
}

/// `{"periods": [{"name", "capacity", "used", "free", "items": [...]}], "unplaced": [...]}`.
impl Serialize for Roadmap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Roadmap", 2)?;
        map.serialize_field("periods", self.buckets())?;
        map.serialize_field(
            "unplaced",
            &Seq(|| self.unplaced().map(|(entry, reason)| Reason(entry.item().id(), reason.to_string()))),
        )?;
        map.end()
    }
}

/// `{"name", "capacity", "used", "free", "items": [{"position", "id", "title", "score",
/// "effort", "promoted_by", "pinned"}]}`; `position` is the place in the planned order.
impl Serialize for Bucket<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Item<'a>(PlannedItem<'a>);
        impl Serialize for Item<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let entry = &self.0;
                let mut map = serializer.serialize_struct("Item", 7)?;
                map.serialize_field("position", &entry.position())?;
                map.serialize_field("id", entry.item().id())?;
                map.serialize_field("title", entry.item().title())?;
                map.serialize_field("score", &entry.score())?;
                map.serialize_field("effort", &entry.item().effort())?;
                map.serialize_field("promoted_by", &entry.promoted_by().map(|item| item.id()))?;
                map.serialize_field("pinned", &entry.is_pinned())?;
                map.end()
            }
        }
        let mut map = serializer.serialize_struct("Period", 5)?;
        map.serialize_field("name", self.period().name())?;
        map.serialize_field("capacity", &self.period().capacity())?;
        map.serialize_field("used", &self.used())?;
        map.serialize_field("free", &self.free())?;
        map.serialize_field("items", &Seq(|| self.items().map(Item)))?;
        map.end()
    }
}
