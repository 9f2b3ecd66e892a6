//! One item as a reader finds it, before its values are checked.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::loose::{Loose, LooseVisitor};
use crate::error::{Error, ItemDetail, Result};
use crate::model::build::draft::{Draft, Slot, Target};
use crate::model::input::Input;
use crate::model::{BacklogItem, Field};

/// A field name: a built-in field, or another name (a criterion, or a typo).
#[derive(Debug, Clone, PartialEq)]
enum Key<'de> {
    Known(Field),
    Other(Cow<'de, str>),
}

impl Key<'_> {
    fn name(&self) -> &str {
        match self {
            Key::Known(field) => field.as_str(),
            Key::Other(name) => name,
        }
    }
}

/// An item's fields as written: their types are checked once the whole item is read, so that
/// every error can name the item.
#[derive(Debug, Default)]
pub(crate) struct Record<'de> {
    id: Option<Loose<'de>>,
    title: Option<Loose<'de>>,
    values: Vec<(Key<'de>, Loose<'de>)>,
    depends_on: Option<Loose<'de>>,
    tags: Option<Loose<'de>>,
    /// The first field given twice.
    repeated: Option<String>,
}

/// An item whose fields have the right types.
struct Typed<'de> {
    id: Cow<'de, str>,
    title: Cow<'de, str>,
    inputs: Vec<(Key<'de>, Option<Input>)>,
    depends_on: Vec<Cow<'de, str>>,
    tags: Vec<Cow<'de, str>>,
}

const RANGE: &str = r#"a number, a text, a range {"low": .., "high": ..} or ratings {"ratings": {..}}"#;

const RATINGS: &str = r#"an object of rater ids to ratings, such as {"po": 8, "pm": 3}"#;

impl<'de> Record<'de> {
    /// The id and title, checked, and no field given twice: what is checked before the values.
    fn head(&mut self) -> Result<(Cow<'de, str>, Cow<'de, str>)> {
        let title = match self.title.take() {
            None | Some(Loose::Null) => Cow::Borrowed(""),
            Some(Loose::Text(title)) => title,
            Some(other) => {
                let item = id_text(self.id.as_ref()).unwrap_or_default();
                return Err(wrong(&item, "title", "a string", &other));
            }
        };
        let id = match self.id.take() {
            Some(Loose::Text(id)) => id,
            None | Some(Loose::Null) => {
                return Err(Error::from(ItemDetail::MissingId { title: title.into_owned() }));
            }
            Some(other) => {
                let item = id_text(Some(&other)).unwrap_or_default();
                return Err(wrong(&item, "id", "a string", &other));
            }
        };
        if let Some(field) = self.repeated.take() {
            return Err(Error::from(ItemDetail::RepeatedField { item: id.into_owned(), field }));
        }
        Ok((id, title))
    }

    /// How errors name the item: its id, or its title when the id is missing.
    fn typed(mut self) -> Result<Typed<'de>> {
        let (id, title) = self.head()?;
        let mut inputs = Vec::with_capacity(self.values.len());
        for (key, value) in self.values {
            let input = input_of(&id, &key, value)?;
            inputs.push((key, input));
        }
        let depends_on = texts(&id, "depends_on", "a list of ids", self.depends_on)?;
        let tags = texts(&id, "tags", "a list of labels", self.tags)?;
        Ok(Typed { id, title, inputs, depends_on, tags })
    }

    /// The item, checked as the builder checks it.
    pub(crate) fn into_item(self) -> Result<BacklogItem> {
        let typed = self.typed()?;
        let mut builder = BacklogItem::builder(typed.id, typed.title);
        for (key, input) in typed.inputs {
            if let Some(input) = input {
                builder = builder.input(key.name(), input);
            }
        }
        for dependency in typed.depends_on {
            builder = builder.depends_on(dependency);
        }
        for tag in typed.tags {
            builder = builder.tag(tag);
        }
        builder.build()
    }
}

/// Where the draft keeps the field `key`; `None` for a field that is no value (`id`, `title`,
/// `depends_on` and `tags` never come here).
fn target_of(draft: &mut Draft, key: &Key<'_>) -> Option<Target> {
    match key {
        Key::Known(Field::Moscow) => Some(Target::Moscow),
        Key::Known(Field::Alignment) => Some(Target::Alignment),
        Key::Known(field) => field.column().map(|column| Target::Number(Slot::Builtin(column))),
        Key::Other(name) => draft.target(name),
    }
}

/// The input `value` gives the field `key` of the item `id`, or the error naming both when it
/// has the wrong type; `None` for `null`.
fn input_of(id: &str, key: &Key<'_>, value: Loose<'_>) -> Result<Option<Input>> {
    Ok(match (key, value) {
        (_, Loose::Null) => None,
        (_, Loose::Number(number)) => Some(Input::Number(number)),
        (_, Loose::Text(text)) => Some(Input::Text(text.as_ref().into())),
        (Key::Known(Field::Moscow), other) => {
            return Err(wrong(id, key.name(), "a MoSCoW label", &other));
        }
        (key, Loose::Map(entries))
            if *key != Key::Known(Field::Alignment) && entries.iter().any(|(name, _)| name == "ratings") =>
        {
            Some(ratings(id, key.name(), entries)?)
        }
        (_, Loose::Map(entries)) => {
            let mut pairs = Vec::with_capacity(entries.len());
            for (name, value) in entries {
                let Loose::Number(number) = value else {
                    let expected = if *key == Key::Known(Field::Alignment) {
                        "an object of objective ids to numbers"
                    } else {
                        RANGE
                    };
                    return Err(wrong(id, key.name(), expected, &value));
                };
                pairs.push((name.into_owned(), number));
            }
            Some(Input::Pairs(pairs))
        }
        (Key::Known(Field::Alignment), other) => {
            return Err(wrong(id, key.name(), "a number or an object of objective ids to numbers", &other));
        }
        (_, other) => return Err(wrong(id, key.name(), RANGE, &other)),
    })
}

/// `{"ratings": {"po": 8, "pm": 3}}`: each rating a number or a text (a label such as `high`).
fn ratings(item: &str, field: &str, entries: Vec<(Cow<'_, str>, Loose<'_>)>) -> Result<Input> {
    if entries.len() > 1 {
        return Err(Error::from(ItemDetail::InvalidRatings {
            item: item.to_owned(),
            field: field.to_owned(),
            reason: r#"a field takes ratings or a range, not both (write {"ratings": {..}} alone)"#.into(),
        }));
    }
    let ratings = match entries.into_iter().next() {
        Some((_, Loose::Map(ratings))) => ratings,
        Some((_, other)) => return Err(wrong(item, field, RATINGS, &other)),
        None => Vec::new(),
    };
    let mut inputs = Vec::with_capacity(ratings.len());
    for (rater, value) in ratings {
        let input = match value {
            Loose::Number(number) => Input::Number(number),
            Loose::Text(text) => Input::Text(text.as_ref().into()),
            other => return Err(wrong(item, field, RATINGS, &other)),
        };
        inputs.push((rater.into_owned(), input));
    }
    Ok(Input::Ratings(inputs))
}

/// The id as text, for naming an item whose id has the wrong type.
fn id_text(id: Option<&Loose<'_>>) -> Option<String> {
    match id? {
        Loose::Text(id) => Some(id.to_string()),
        Loose::Number(number) => Some(number.to_string()),
        Loose::Bool(value) => Some(value.to_string()),
        _ => None,
    }
}

fn wrong(item: &str, field: &str, expected: &'static str, found: &Loose<'_>) -> Error {
    Error::from(ItemDetail::WrongType {
        item: item.to_owned(),
        field: field.to_owned(),
        expected,
        found: found.kind(),
    })
}

/// A list of texts (ids or labels); `null` is an empty list.
fn texts<'de>(
    item: &str,
    field: &str,
    expected: &'static str,
    value: Option<Loose<'de>>,
) -> Result<Vec<Cow<'de, str>>> {
    match value {
        None | Some(Loose::Null) => Ok(Vec::new()),
        Some(Loose::List(values)) => values
            .into_iter()
            .map(|value| match value {
                Loose::Text(text) => Ok(text),
                other => Err(wrong(item, field, expected, &other)),
            })
            .collect(),
        Some(other) => Err(wrong(item, field, expected, &other)),
    }
}

/// A list of texts read into a buffer kept from item to item; `null` is an empty list. The value
/// is `Err` with what was written when it is not a list of texts: the first element that is not
/// a text, or the whole value.
struct ListSeed<'s, 'de> {
    into: &'s mut Vec<Cow<'de, str>>,
}

impl<'de> DeserializeSeed<'de> for ListSeed<'_, 'de> {
    type Value = std::result::Result<(), Loose<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.into.clear();
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ListSeed<'_, 'de> {
    type Value = std::result::Result<(), Loose<'de>>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a list of texts")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while let Some(value) = seq.next_element::<Loose<'de>>()? {
            match value {
                Loose::Text(text) => self.into.push(text),
                other => {
                    while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                    return Ok(Err(other));
                }
            }
        }
        Ok(Ok(()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Ok(()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Ok(()))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        LooseVisitor.visit_bool(value).map(Err)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        LooseVisitor.visit_f64(value).map(Err)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        LooseVisitor.visit_i64(value).map(Err)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        LooseVisitor.visit_u64(value).map(Err)
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        LooseVisitor.visit_borrowed_str(value).map(Err)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        LooseVisitor.visit_str(value).map(Err)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        LooseVisitor.visit_string(value).map(Err)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        LooseVisitor.visit_map(map).map(Err)
    }
}

/// Reads one item and hands its record to `finish` (which checks it) while the item's object is
/// still being read, so that a format that tracks positions, such as serde_json, places an error
/// of the item at the item rather than at the end of the list it is in.
pub(crate) struct RecordSeed<F>(pub(crate) F);

impl<'de, T, F: FnOnce(Record<'de>) -> Result<T>> DeserializeSeed<'de> for RecordSeed<F> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(RecordVisitor(self.0))
    }
}

struct RecordVisitor<F>(F);

impl<'de, T, F: FnOnce(Record<'de>) -> Result<T>> Visitor<'de> for RecordVisitor<F> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a backlog item: an object with an id and the framework inputs")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        let record = Record::read(map)?;
        (self.0)(record).map_err(crate::error::json::custom)
    }
}

/// Buffers that reading one item into a draft reuses from the item before, so that a large
/// file allocates nothing per item for them.
#[derive(Default)]
pub(crate) struct Scratch<'de> {
    inputs: Vec<(Target, Option<Input>)>,
    /// Values read before the item's id, converted once it is known.
    pending: Vec<(Key<'de>, Loose<'de>)>,
    /// The names of the fields read that are not built in, to find one given twice.
    others: Vec<Key<'de>>,
    depends_on: Vec<Cow<'de, str>>,
    tags: Vec<Cow<'de, str>>,
}

/// Reads one item's object straight into a draft's columns: each value is converted as it is
/// read (once the id is known), and the first mistake is reported as
/// [`Record::into_item`] reports it: the title's type, the id, a field given twice, then the
/// values in order.
pub(crate) struct RowSeed<'s, 'de> {
    pub(crate) draft: &'s mut Draft,
    pub(crate) scratch: &'s mut Scratch<'de>,
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_, 'de> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a backlog item: an object with an id and the framework inputs")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let RowSeed { draft, scratch } = self;
        scratch.inputs.clear();
        scratch.pending.clear();
        scratch.others.clear();
        let mut record = Record::default();
        // Built-in fields seen, one bit each.
        let mut seen = 0_u32;
        let mut failed: Option<Error> = None;
        // `depends_on` and `tags`, read straight into the buffers: `Err` holds a value of the
        // wrong type.
        let mut lists: [Option<Result<(), Loose<'de>>>; 2] = [None, None];
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if let Key::Known(field @ (Field::DependsOn | Field::Tags)) = key {
                let (at, into) = match field {
                    Field::DependsOn => (0, &mut scratch.depends_on),
                    _ => (1, &mut scratch.tags),
                };
                let read = map
                    .next_value_seed(ListSeed { into })
                    .map_err(|error: A::Error| record.out_of_range(&key, error))?;
                if lists[at].replace(read).is_some() {
                    record.repeated.get_or_insert_with(|| key.name().to_owned());
                }
                continue;
            }
            let value: Loose<'de> =
                map.next_value().map_err(|error: A::Error| record.out_of_range(&key, error))?;
            let slot = match &key {
                Key::Known(Field::Id) => &mut record.id,
                Key::Known(Field::Title) => &mut record.title,
                _ => {
                    let again = match &key {
                        Key::Known(field) => {
                            let bit = 1 << *field as u32;
                            let again = seen & bit != 0;
                            seen |= bit;
                            again
                        }
                        Key::Other(_) if scratch.others.contains(&key) => true,
                        Key::Other(_) => {
                            scratch.others.push(key.clone());
                            false
                        }
                    };
                    if again {
                        record.repeated.get_or_insert_with(|| key.name().to_owned());
                    } else if let (Some(Loose::Text(id)), None) = (&record.id, &failed) {
                        match input_of(id, &key, value) {
                            Ok(input) => {
                                if let Some(target) = target_of(draft, &key) {
                                    scratch.inputs.push((target, input));
                                }
                            }
                            Err(error) => failed = Some(error),
                        }
                    } else if failed.is_none() {
                        scratch.pending.push((key, value));
                    }
                    continue;
                }
            };
            if slot.replace(value).is_some() {
                record.repeated.get_or_insert_with(|| key.name().to_owned());
            }
        }
        if lists[0].is_none() {
            scratch.depends_on.clear();
        }
        if lists[1].is_none() {
            scratch.tags.clear();
        }
        record.push(draft, scratch, failed, lists).map_err(crate::error::json::custom)
    }
}

impl<'de> Record<'de> {
    /// Pushes the item whose values `scratch` holds (converted, or pending until the id was
    /// known) into the draft, or reports its first mistake.
    fn push(
        self,
        draft: &mut Draft,
        scratch: &mut Scratch<'de>,
        failed: Option<Error>,
        [depends_on, tags]: [Option<Result<(), Loose<'de>>>; 2],
    ) -> Result<()> {
        let mut record = self;
        let (id, title) = record.head()?;
        if !scratch.pending.is_empty() {
            // Values read before the id come first in the item, and so do their mistakes.
            let mut first = Vec::with_capacity(scratch.pending.len());
            for (key, value) in scratch.pending.drain(..) {
                let input = input_of(&id, &key, value)?;
                if let Some(target) = target_of(draft, &key) {
                    first.push((target, input));
                }
            }
            scratch.inputs.splice(0..0, first);
        }
        if let Some(error) = failed {
            return Err(error);
        }
        if let Some(Err(other)) = depends_on {
            return Err(wrong(&id, "depends_on", "a list of ids", &other));
        }
        if let Some(Err(other)) = tags {
            return Err(wrong(&id, "tags", "a list of labels", &other));
        }
        draft.push_row(
            &id,
            &title,
            scratch.inputs.drain(..),
            scratch.depends_on.iter().map(AsRef::as_ref),
            scratch.tags.iter().map(AsRef::as_ref),
        )
    }
}

impl<'de> Record<'de> {
    /// The fields of an item's object, as written.
    fn read<A: MapAccess<'de>>(mut map: A) -> Result<Record<'de>, A::Error> {
        let mut record = Record::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let value: Loose<'de> =
                map.next_value().map_err(|error: A::Error| record.out_of_range(&key, error))?;
            let slot = match &key {
                Key::Known(Field::Id) => &mut record.id,
                Key::Known(Field::Title) => &mut record.title,
                Key::Known(Field::DependsOn) => &mut record.depends_on,
                Key::Known(Field::Tags) => &mut record.tags,
                _ => {
                    if record.values.iter().any(|(seen, _)| *seen == key) {
                        record.repeated.get_or_insert_with(|| key.name().to_owned());
                    } else {
                        record.values.push((key, value));
                    }
                    continue;
                }
            };
            if slot.replace(value).is_some() {
                record.repeated.get_or_insert_with(|| key.name().to_owned());
            }
        }
        Ok(record)
    }
}

impl Record<'_> {
    /// The reader's `error` for the value of `key`, naming the item and the field when it is a
    /// number too large for an `f64` (`1e309`), which the JSON reader refuses before any check
    /// can see it.
    fn out_of_range<E: de::Error>(&self, key: &Key<'_>, error: E) -> E {
        if !error.to_string().starts_with("number out of range") {
            return error;
        }
        let item = match (&self.id, &self.title) {
            (Some(id), _) => id_text(Some(id)).unwrap_or_default(),
            (None, Some(Loose::Text(title))) => format!("titled {title:?}"),
            // The id comes after this field.
            (None, _) => "(its id follows)".to_owned(),
        };
        crate::error::json::custom(Error::from(ItemDetail::WrongType {
            item,
            field: key.name().to_owned(),
            expected: "a number",
            found: "a number too large for a 64-bit float (beyond about 1.8e308)".to_owned(),
        }))
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Key<'de>, E> {
        Ok(Field::from_name(name).map_or(Key::Other(Cow::Borrowed(name)), Key::Known))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key<'de>, E> {
        Ok(Field::from_name(name).map_or_else(|| Key::Other(Cow::Owned(name.to_owned())), Key::Known))
    }
}
