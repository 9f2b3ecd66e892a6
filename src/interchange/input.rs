//! Reading a field's value as written: a number, a text or an object of numbers.

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use crate::input::Input;

impl<'de> Deserialize<'de> for Input {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(InputVisitor)
    }
}

struct InputVisitor;

impl<'de> Visitor<'de> for InputVisitor {
    type Value = Input;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a number, a text or an object of numbers")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Input, E> {
        Ok(Input::Number(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Input, E> {
        Ok(Input::Number(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Input, E> {
        Ok(Input::Number(value as f64))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Input, E> {
        Ok(Input::Text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Input, E> {
        Ok(Input::Text(value))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input, A::Error> {
        let mut pairs = Vec::new();
        while let Some((name, value)) = map.next_entry::<String, f64>()? {
            pairs.push((name, value));
        }
        Ok(Input::Pairs(pairs))
    }
}
