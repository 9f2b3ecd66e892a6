//! Reading a field's value as written: a number, a text or an object of numbers.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use crate::model::Estimate;
use crate::model::Field;
use crate::input::Input;

/// Reads the value of one field; `null` is an absent value. A value of the wrong type is an
/// error that names the field.
pub(super) struct InputSeed(pub(super) Field);

impl<'de> DeserializeSeed<'de> for InputSeed {
    type Value = Option<Input>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<Input>, D::Error> {
        deserializer.deserialize_any(InputVisitor(self.0))
    }
}

struct InputVisitor(Field);

impl<'de> Visitor<'de> for InputVisitor {
    type Value = Option<Input>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.0 == Field::Alignment {
            "a number or an object of objective ids to numbers"
        } else if Estimate::FIELDS.contains(self.0) {
            r#"a number, a text or a range {"low": .., "high": ..}"#
        } else {
            "a number or a text"
        };
        write!(formatter, "{} as {what}", self.0)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Input>, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<Input>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<Input>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Option<Input>, E> {
        Ok(Some(Input::Number(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Option<Input>, E> {
        Ok(Some(Input::Number(value as f64)))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Option<Input>, E> {
        Ok(Some(Input::Number(value as f64)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Option<Input>, E> {
        Ok(Some(Input::Text(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Option<Input>, E> {
        Ok(Some(Input::Text(value)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Input>, A::Error> {
        let mut pairs = Vec::new();
        while let Some((name, value)) = map.next_entry::<String, f64>()? {
            pairs.push((name, value));
        }
        Ok(Some(Input::Pairs(pairs)))
    }
}
