//! The JSON interchange format (any serde format works): items, backlogs and their values.
//!
//! Every value is read as written and checked by the same code as the builder, so errors name
//! the item and field; unknown fields are errors, so a typo such as `confidance` cannot pass.

mod input;

use input::InputSeed;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::alignment::Objective;
use crate::backlog::Backlog;
use crate::error::Error;
use crate::estimate::Estimate;
use crate::field::{Field, FieldSet};
use crate::input::Input;
use crate::item::BacklogItem;

/// Reads an item and checks it as [`ItemBuilder::build`](crate::ItemBuilder::build) does.
///
/// Hand-written rather than derived so that an unknown or repeated field is an error naming the
/// item (its id may come after the bad field), and so that field names are matched without
/// allocating.
impl<'de> Deserialize<'de> for BacklogItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: [&str; Field::ALL.len()] = {
            let mut names = [""; Field::ALL.len()];
            let mut i = 0;
            while i < names.len() {
                names[i] = Field::ALL[i].as_str();
                i += 1;
            }
            names
        };
        deserializer.deserialize_struct("BacklogItem", &NAMES, ItemVisitor)
    }
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = BacklogItem;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a backlog item: an object with an id, a title and the framework inputs")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BacklogItem, A::Error> {
        let mut id: Option<String> = None;
        let mut title: Option<String> = None;
        let mut inputs: Vec<(Field, Input)> = Vec::with_capacity(Field::ALL.len());
        let mut depends_on: Vec<String> = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        let mut seen = FieldSet::EMPTY;
        // The first unknown or repeated field, reported once the id is known.
        let mut problem: Option<Result<Field, String>> = None;
        while let Some(key) = map.next_key::<Key>()? {
            let field = match key {
                Key::Known(field) => field,
                Key::Unknown(name) => {
                    problem.get_or_insert(Err(name));
                    map.next_value::<de::IgnoredAny>()?;
                    continue;
                }
            };
            if seen.contains(field) {
                problem.get_or_insert(Ok(field));
                map.next_value::<de::IgnoredAny>()?;
                continue;
            }
            seen.insert(field);
            match field {
                Field::Id => id = Some(map.next_value()?),
                Field::Title => title = Some(map.next_value()?),
                Field::DependsOn => depends_on = map.next_value()?,
                Field::Tags => tags = map.next_value()?,
                // `null` is an absent value, as an empty CSV cell is.
                field => {
                    if let Some(input) = map.next_value_seed(InputSeed(field))? {
                        inputs.push((field, input));
                    }
                }
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        match problem {
            Some(Err(field)) => return Err(de::Error::custom(Error::UnknownField { item: id, field })),
            Some(Ok(field)) => return Err(de::Error::custom(Error::RepeatedField { item: id, field })),
            None => {}
        }
        let title = title.ok_or_else(|| de::Error::missing_field("title"))?;
        BacklogItem::builder(id, title).parts(inputs, depends_on, tags).build().map_err(de::Error::custom)
    }
}

/// A field name: one of the interchange names, or another.
enum Key {
    Known(Field),
    Unknown(String),
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(Field::from_name(name).map_or_else(|| Key::Unknown(name.to_owned()), Key::Known))
    }
}

/// Writes the item in the interchange format: absent fields are left out, and a field estimated
/// as a range is written `{"low": .., "expected": .., "high": ..}`, so reading it back gives the
/// same item.
impl Serialize for BacklogItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", self.id())?;
        map.serialize_entry("title", self.title())?;
        for field in Estimate::FIELDS.iter() {
            match (self.range(field), self.number(field)) {
                (Some(range), _) => map.serialize_entry(field.as_str(), &range)?,
                (None, Some(value)) => map.serialize_entry(field.as_str(), &value)?,
                (None, None) => {}
            }
        }
        if let Some(category) = self.moscow() {
            map.serialize_entry("moscow", &category)?;
        }
        if let Some(alignment) = self.alignment() {
            map.serialize_entry("alignment", alignment)?;
        }
        if !self.depends_on().is_empty() {
            map.serialize_entry("depends_on", self.depends_on())?;
        }
        if !self.tags().is_empty() {
            map.serialize_entry("tags", self.tags())?;
        }
        map.end()
    }
}

/// Writes `{"objectives": [...], "items": [...]}`.
impl Serialize for Backlog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut backlog = serializer.serialize_struct("Backlog", 2)?;
        backlog.serialize_field("objectives", self.objectives())?;
        backlog.serialize_field("items", self.items())?;
        backlog.end()
    }
}

/// Reads `{"objectives": [...], "items": [...]}` (`objectives` optional) or a bare array of
/// items, and validates the whole as [`Backlog::new`] does.
impl<'de> Deserialize<'de> for Backlog {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BacklogVisitor)
    }
}

struct BacklogVisitor;

impl<'de> Visitor<'de> for BacklogVisitor {
    type Value = Backlog;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(r#"a backlog: {"objectives": [...], "items": [...]} or an array of items"#)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Backlog, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(item) = seq.next_element::<BacklogItem>()? {
            items.push(item);
        }
        Backlog::from_items(items).map_err(de::Error::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Backlog, A::Error> {
        const FIELDS: &[&str] = &["objectives", "items"];
        let mut objectives: Option<Vec<Objective>> = None;
        let mut items: Option<Vec<BacklogItem>> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "objectives" if objectives.is_none() => objectives = Some(map.next_value()?),
                "items" if items.is_none() => items = Some(map.next_value()?),
                "objectives" | "items" => {
                    return Err(de::Error::duplicate_field(FIELDS[usize::from(key == "items")]));
                }
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let items = items.ok_or_else(|| de::Error::missing_field("items"))?;
        Backlog::new(items, objectives.unwrap_or_default()).map_err(de::Error::custom)
    }
}
