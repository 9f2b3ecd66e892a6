//! The JSON interchange format (any serde format works): items, backlogs and their values.
//!
//! Every value is read as written and checked by the same code as the builder, so errors name
//! the item and field; unknown fields are errors, so a typo such as `confidance` cannot pass.

mod input;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::alignment::Objective;
use crate::backlog::Backlog;
use crate::error::Error;
use crate::estimate::Estimate;
use crate::field::Field;
use crate::input::Input;
use crate::item::BacklogItem;

/// An item as written, before its values are checked.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    title: String,
    reach: Option<Input>,
    impact: Option<Input>,
    confidence: Option<Input>,
    effort: Option<Input>,
    business_value: Option<Input>,
    time_criticality: Option<Input>,
    risk_reduction: Option<Input>,
    moscow: Option<Input>,
    alignment: Option<Input>,
    #[serde(default)]
    depends_on: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
}

impl TryFrom<RawItem> for BacklogItem {
    type Error = Error;

    fn try_from(raw: RawItem) -> Result<BacklogItem, Error> {
        let inputs = [
            (Field::Reach, raw.reach),
            (Field::Impact, raw.impact),
            (Field::Confidence, raw.confidence),
            (Field::Effort, raw.effort),
            (Field::BusinessValue, raw.business_value),
            (Field::TimeCriticality, raw.time_criticality),
            (Field::RiskReduction, raw.risk_reduction),
            (Field::Moscow, raw.moscow),
            (Field::Alignment, raw.alignment),
        ];
        let mut builder = BacklogItem::builder(raw.id, raw.title);
        for (field, input) in inputs {
            if let Some(input) = input {
                builder = builder.input(field, input);
            }
        }
        for dependency in raw.depends_on {
            builder = builder.depends_on(dependency);
        }
        for tag in raw.tags {
            builder = builder.tag(tag);
        }
        builder.build()
    }
}

/// Reads an item and checks it as [`ItemBuilder::build`](crate::ItemBuilder::build) does.
impl<'de> Deserialize<'de> for BacklogItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawItem::deserialize(deserializer)?;
        BacklogItem::try_from(raw).map_err(de::Error::custom)
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
