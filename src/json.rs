//! Reading JSON in the browser: serde_json's reader, with one thing taken away.
//!
//! serde_json lets a struct be written either as an object or as an array of its fields
//! in order, so every derived reader is compiled twice over (its `visit_map` and its
//! `visit_seq`), for every type a bundle reads. Nothing the portal sends writes a struct
//! as an array (serde_json writes objects), so [`from_str`] shows the readers a JSON
//! value through [`Json`], which asks serde_json for an object wherever a struct is
//! wanted: the array readers are never called, and the compiler drops them. Measured on
//! the form's core (2026-12-06): 228,626 -> 223,724 B after brotli. Everything else
//! (numbers, strings, options, sequences, maps, enums, the untagged and flattened
//! readers that buffer a value first) is serde_json's own.
//!
//! The app reads JSON only through [`from_str`].

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// Reads `text` as a `T`, the whole of it, as serde_json would, except that a struct
/// written as an array is refused.
pub fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> serde_json::Result<T> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Json(&mut reader))?;
    reader.end()?;
    Ok(value)
}

/// A deserializer that forwards to `D`, reading structs (and struct variants) as
/// objects only, and wraps whatever it hands on so that values inside do the same.
struct Json<D>(D);

/// A visitor handed on as it is, with the values it is given wrapped in [`Json`].
struct Any<V>(V);

/// A struct's visitor: only its object reader is reachable.
struct Object<V>(V);

struct Seq<A>(A);
struct Map<A>(A);
struct Enum<A>(A);
struct Variant<A>(A);
struct Seed<S>(S);

macro_rules! forward {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Any(visitor))
        }
    )*};
}

/// The same for the methods that also take the type's name.
macro_rules! forward_named {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(
            self,
            name: &'static str,
            visitor: V,
        ) -> Result<V::Value, D::Error> {
            self.0.$method(name, Any(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Json<D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    forward_named!(deserialize_unit_struct, deserialize_newtype_struct);

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Any(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Any(visitor))
    }

    /// The one change: a struct is read as a map (an object), never as a sequence.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Object(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Any(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! visit {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.0.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Any<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.expecting(f)
    }

    visit!(
        visit_bool: bool,
        visit_i8: i8,
        visit_i16: i16,
        visit_i32: i32,
        visit_i64: i64,
        visit_i128: i128,
        visit_u8: u8,
        visit_u16: u16,
        visit_u32: u32,
        visit_u64: u64,
        visit_u128: u128,
        visit_f32: f32,
        visit_f64: f64,
        visit_char: char,
        visit_str: &str,
        visit_borrowed_str: &'de str,
        visit_string: String,
        visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8],
        visit_byte_buf: Vec<u8>,
    );

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Json(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Json(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Seq(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Enum(data))
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Object<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map(map))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Seed(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Enum<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        self.0
            .variant_seed(Seed(seed))
            .map(|(value, variant)| (value, Variant(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Variant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Any(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Object(visitor))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Json(d))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::from_str;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Inner {
        n: u32,
        #[serde(default)]
        label: Option<String>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Wrapped(Inner),
        Pair(u8, u8),
        Shaped { inner: Inner },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(untagged)]
    enum Loose {
        Number(i64),
        Named { name: String },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    enum Tagged {
        Circle { r: f64 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Id(String);

    #[derive(Debug, PartialEq, Deserialize)]
    struct Outer {
        inner: Inner,
        list: Vec<Inner>,
        maybe: Option<Inner>,
        kinds: Vec<Kind>,
        loose: Vec<Loose>,
        tagged: Tagged,
        by_key: BTreeMap<String, Inner>,
        id: Id,
        pair: (u8, String),
        #[serde(flatten)]
        rest: BTreeMap<String, serde_json::Value>,
    }

    const OUTER: &str = r#"{
        "inner": {"n": 1, "label": "một"},
        "list": [{"n": 2}, {"n": 3, "label": null}],
        "maybe": {"n": 4},
        "kinds": ["plain", {"wrapped": {"n": 5}}, {"pair": [6, 7]}, {"shaped": {"inner": {"n": 8}}}],
        "loose": [9, {"name": "x"}],
        "tagged": {"type": "circle", "r": 1.5},
        "by_key": {"a": {"n": 10}},
        "id": "HS-1",
        "pair": [11, "y"],
        "extra": [1, {"z": true}]
    }"#;

    #[test]
    fn reads_what_serde_json_reads_when_structs_are_objects() {
        let ours: Outer = from_str(OUTER).unwrap();
        let theirs: Outer = serde_json::from_str(OUTER).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(
            ours.kinds[3],
            Kind::Shaped {
                inner: Inner { n: 8, label: None }
            }
        );
        assert_eq!(ours.loose[1], Loose::Named { name: "x".into() });
        assert_eq!(ours.rest["extra"], serde_json::json!([1, {"z": true}]));
    }

    #[test]
    fn refuses_a_struct_written_as_an_array() {
        // serde_json alone would take it; nothing the server sends is written this way.
        assert!(serde_json::from_str::<Inner>(r#"[1, "a"]"#).is_ok());
        assert!(from_str::<Inner>(r#"[1, "a"]"#).is_err());
        assert!(from_str::<Kind>(r#"{"shaped": [{"n": 1}]}"#).is_err());
        assert!(from_str::<Vec<Inner>>(r#"[[1, null]]"#).is_err());
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        assert!(from_str::<Inner>(r#"{"n": "1"}"#).is_err());
        assert!(from_str::<Inner>(r#"{"label": "a"}"#).is_err());
        assert!(from_str::<Inner>(r#"{"n": 1} trailing"#).is_err());
        assert!(from_str::<Kind>(r#""unknown""#).is_err());
        assert!(from_str::<Outer>("").is_err());
    }
}
