//! Where an answer sits in a form: a field, optionally one item of a repeating group and
//! a field inside it, optionally one part of a person or address block. Written as
//! `members[1].relative.id_number`; the same string keys error messages on the wire and,
//! through [`FieldPath::dom_id`], the HTML ids the error summary links to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One part of a composite answer (a person or an address).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    FullName,
    BirthDate,
    Sex,
    IdNumber,
    Province,
    Commune,
    Street,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::FullName,
        Part::BirthDate,
        Part::Sex,
        Part::IdNumber,
        Part::Province,
        Part::Commune,
        Part::Street,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Part::FullName => "full_name",
            Part::BirthDate => "birth_date",
            Part::Sex => "sex",
            Part::IdNumber => "id_number",
            Part::Province => "province",
            Part::Commune => "commune",
            Part::Street => "street",
        }
    }

    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The location of an answer (or of a problem with one).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    /// A top-level field of the form.
    pub field: String,
    /// For a repeating group: the item's index and the field within it.
    pub item: Option<(usize, String)>,
    pub part: Option<Part>,
}

impl FieldPath {
    pub fn field(id: impl Into<String>) -> FieldPath {
        FieldPath {
            field: id.into(),
            item: None,
            part: None,
        }
    }

    pub fn item(group: impl Into<String>, index: usize, child: impl Into<String>) -> FieldPath {
        FieldPath {
            field: group.into(),
            item: Some((index, child.into())),
            part: None,
        }
    }

    pub fn with_part(mut self, part: Part) -> FieldPath {
        self.part = Some(part);
        self
    }

    /// The id of the field the path ends in (the group's child when inside a group).
    pub fn leaf(&self) -> &str {
        self.item.as_ref().map_or(&self.field, |(_, c)| c)
    }

    /// An HTML id: `f-members-1-relative-id_number`. Field ids are ASCII
    /// letters, digits and underscores, so the result needs no escaping.
    pub fn dom_id(&self) -> String {
        let mut s = format!("f-{}", self.field);
        if let Some((i, child)) = &self.item {
            s.push_str(&format!("-{i}-{child}"));
        }
        if let Some(p) = self.part {
            s.push('-');
            s.push_str(p.key());
        }
        s
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.field)?;
        if let Some((i, child)) = &self.item {
            write!(f, "[{i}].{child}")?;
        }
        if let Some(p) = self.part {
            write!(f, ".{}", p.key())?;
        }
        Ok(())
    }
}

/// Why a path string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPath(pub String);

impl fmt::Display for BadPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a field path like `members[1].full_name`",
            self.0
        )
    }
}

impl FromStr for FieldPath {
    type Err = BadPath;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadPath(s.chars().take(200).collect());
        let (head, rest) = match s.find(['[', '.']) {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, ""),
        };
        if !crate::form::schema::is_valid_id(head) {
            return Err(bad());
        }
        let mut path = FieldPath::field(head);
        let mut rest = rest;
        if let Some(r) = rest.strip_prefix('[') {
            let (index, r) = r.split_once("].").ok_or_else(bad)?;
            let index: usize = index
                .parse()
                .ok()
                .filter(|_| index.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(bad)?;
            let (child, r) = match r.find('.') {
                Some(i) => (&r[..i], &r[i..]),
                None => (r, ""),
            };
            if !crate::form::schema::is_valid_id(child) {
                return Err(bad());
            }
            path.item = Some((index, child.to_string()));
            rest = r;
        }
        if let Some(part) = rest.strip_prefix('.') {
            path.part = Some(Part::from_key(part).ok_or_else(bad)?);
        } else if !rest.is_empty() {
            return Err(bad());
        }
        Ok(path)
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        let paths = [
            FieldPath::field("child_name"),
            FieldPath::field("mother").with_part(Part::IdNumber),
            FieldPath::item("members", 12, "relation"),
            FieldPath::item("members", 0, "relative").with_part(Part::BirthDate),
        ];
        let texts = [
            "child_name",
            "mother.id_number",
            "members[12].relation",
            "members[0].relative.birth_date",
        ];
        for (p, t) in paths.iter().zip(texts) {
            assert_eq!(p.to_string(), t);
            assert_eq!(t.parse::<FieldPath>().as_ref(), Ok(p));
        }
        assert_eq!(paths[3].dom_id(), "f-members-0-relative-birth_date");
        assert_eq!(paths[3].leaf(), "relative");
    }

    #[test]
    fn refuses_malformed_paths() {
        for bad in [
            "",
            "a.b.c",
            "a[1]",
            "a[x].b",
            "a[-1].b",
            "a[1].b.nope",
            "a.unknown",
            "A",
            "a b",
            "a[1].<script>",
            "a[+1].b",
        ] {
            assert!(bad.parse::<FieldPath>().is_err(), "{bad:?}");
        }
    }
}
