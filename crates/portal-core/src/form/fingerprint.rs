//! A form's fingerprint: a hash of everything about its questions that decides which
//! answers are valid (ids, types, options, conditions, limits), and nothing that does not
//! (labels, hints, fees). A draft stores it; when it differs from the published form's,
//! the draft is migrated. The hash is computed through serde, so a new schema field is
//! covered without touching this file, and it is the same on every platform.

use std::fmt;

use serde::ser::{self, Serialize};

use crate::form::schema::Form;

/// 16 hex digits (FNV-1a, 64 bits) of the form's steps, labels excluded.
pub fn fingerprint(form: &Form) -> String {
    let mut h = Fingerprinter(FNV_OFFSET);
    // Serialising plain data into a hasher cannot fail; an error would mean a schema type
    // with a custom serialiser that refuses, and then its place is hashed as "error".
    if form.steps.serialize(&mut h).is_err() {
        h.bytes(b"error");
    }
    format!("{:016x}", h.0)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

struct Fingerprinter(u64);

impl Fingerprinter {
    fn bytes(&mut self, b: &[u8]) {
        for byte in b {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    /// A tag byte then the payload, so that different shapes never hash alike.
    fn token(&mut self, tag: u8, payload: &[u8]) {
        self.bytes(&[tag]);
        self.bytes(&(payload.len() as u64).to_le_bytes());
        self.bytes(payload);
    }
}

#[derive(Debug)]
struct Never(String);

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Never(msg.to_string())
    }
}

/// A sequence, map or struct being hashed; `skip` for bilingual texts.
struct Compound<'a> {
    h: &'a mut Fingerprinter,
    skip: bool,
}

macro_rules! int {
    ($($name:ident: $t:ty),*) => {$(
        fn $name(self, v: $t) -> Result<(), Never> {
            self.token(b'i', &i128::from(v).to_le_bytes());
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Fingerprinter {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    int!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
         serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);

    fn serialize_bool(self, v: bool) -> Result<(), Never> {
        self.token(b'b', &[u8::from(v)]);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Never> {
        self.token(b'f', &f64::from(v).to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Never> {
        self.token(b'f', &v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.token(b's', v.to_string().as_bytes());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.token(b's', v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Never> {
        self.token(b'y', v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        self.token(b'n', &[]);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), Never> {
        self.token(b'S', &[]);
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        self.token(b'u', &[]);
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Never> {
        self.token(b'U', name.as_bytes());
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Never> {
        self.token(b'v', variant.as_bytes());
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.token(b'v', variant.as_bytes());
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Never> {
        self.token(b'[', &[]);
        Ok(Compound {
            h: self,
            skip: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Never> {
        self.token(b'v', variant.as_bytes());
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Never> {
        self.token(b'{', &[]);
        Ok(Compound {
            h: self,
            skip: false,
        })
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, Never> {
        // Labels, hints and every other bilingual text do not decide validity.
        let skip = name == "Text";
        if !skip {
            self.token(b'{', name.as_bytes());
        }
        Ok(Compound { h: self, skip })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Never> {
        self.token(b'v', variant.as_bytes());
        self.serialize_map(None)
    }
}

impl Compound<'_> {
    fn value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Never> {
        if self.skip {
            Ok(())
        } else {
            v.serialize(&mut *self.h)
        }
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Result<(), Never> {
        if !self.skip {
            self.h.token(b'k', key.as_bytes());
        }
        self.value(v)
    }

    fn close(self) -> Result<(), Never> {
        if !self.skip {
            self.h.token(b'}', &[]);
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Never> {
        self.value(v)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Never> {
        self.value(v)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Never> {
        self.value(v)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Never> {
        self.value(v)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Result<(), Never> {
        self.value(k)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Never> {
        self.value(v)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.field(key, v)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.field(key, v)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}
