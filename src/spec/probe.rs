//! What serde knows of a type → the names it accepts.
//!
//! In: a type that derives `Deserialize`. Out: the variant names of an enum, or the field
//! names of a struct, read by asking the type to deserialise itself from a probe that
//! records the list serde hands it and then stops. The help texts and did-you-mean
//! suggestions come from these lists, so they cannot drift from what the parser accepts.

use serde::Deserialize;
use serde::de::{self, Visitor};
use std::fmt;

/// The names `T` accepts: its variants if it is an enum, its fields if it is a struct,
/// nothing otherwise.
pub fn accepted<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut found: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut found));
    found
}

/// A deserialiser that holds no data: it keeps the name list of the first enum or struct
/// asked of it and refuses everything.
struct Probe<'a>(&'a mut &'static [&'static str]);

/// The probe's only error: it has found what it can, or there is nothing to find.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe stop")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = variants;
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = fields;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}
