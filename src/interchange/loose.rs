//! A value read as whatever it is, so that a value of the wrong type becomes an error that names
//! the item and the field, once the item's id is known (it may come after the bad field).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Any value of a self-describing format such as JSON.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Loose<'de> {
    Null,
    Bool(bool),
    Number(f64),
    Text(Cow<'de, str>),
    List(Vec<Loose<'de>>),
    Map(Vec<(Cow<'de, str>, Loose<'de>)>),
}

impl Loose<'_> {
    /// What the value is, as an error message says it.
    pub(crate) fn kind(&self) -> String {
        match self {
            Loose::Null => "null".into(),
            Loose::Bool(value) => format!("a boolean ({value})"),
            Loose::Number(value) => format!("a number ({value})"),
            Loose::Text(value) => format!("a string ({value:?})"),
            Loose::List(_) => "a list".into(),
            Loose::Map(_) => "an object".into(),
        }
    }
}

impl<'de> Deserialize<'de> for Loose<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

/// Reads any value as a [`Loose`].
pub(crate) struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose<'de>, E> {
        Ok(Loose::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose<'de>, E> {
        Ok(Loose::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Loose<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Loose<'de>, E> {
        Ok(Loose::Bool(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Loose<'de>, E> {
        Ok(Loose::Number(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Loose<'de>, E> {
        Ok(Loose::Number(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Loose<'de>, E> {
        Ok(Loose::Number(value as f64))
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Loose<'de>, E> {
        Ok(Loose::Text(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Loose<'de>, E> {
        Ok(Loose::Text(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Loose<'de>, E> {
        Ok(Loose::Text(Cow::Owned(value)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose<'de>, A::Error> {
        let mut values = Vec::new();
        while let Some(value) = seq.next_element()? {
            values.push(value);
        }
        Ok(Loose::List(values))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose<'de>, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Text<'de>>()? {
            entries.push((key.0, map.next_value()?));
        }
        Ok(Loose::Map(entries))
    }
}

/// A text borrowed from the input where it can be (no escapes), owned where it cannot.
pub(crate) struct Text<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Loose::deserialize(deserializer)? {
            Loose::Text(text) => Ok(Text(text)),
            other => Err(de::Error::custom(format_args!("expected a string, got {}", other.kind()))),
        }
    }
}
