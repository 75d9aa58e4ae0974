//! Conditions on earlier answers, which decide whether a step, a field or a fee line
//! applies. Written in catalogue files as small tables:
//!
//! ```toml
//! shown_if = { field = "relationship", equals = "relative" }
//! shown_if = { field = "delivery", one_of = ["post", "in_person"] }
//! shown_if = { field = "email", answered = true }
//! shown_if = { field = "copies", at_least = 2 }        # also less_than, at_most, greater_than
//! shown_if = { field = "birth_date", less_than = "2020-01-01" }
//! when = { field = "applicant", age_under = 16 }       # also age_at_least; fee rules only
//! shown_if = { all = [ { field = "a", equals = true }, { not = { field = "b", equals = "x" } } ] }
//! ```
//!
//! A condition can only look at answers that come before what it guards, so evaluation
//! never loops and a hidden answer can never decide anything.

use serde::{Deserialize, Serialize};

use crate::form::schema::FieldId;

/// A literal a condition compares an answer with: written as itself (`true`, `3`,
/// `"relative"`), and read the same way without serde's buffering of untagged enums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    /// An option value, a text, a number written as text, or a date `yyyy-mm-dd`.
    Text(String),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl serde::de::Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true or false, a whole number or a text")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                i64::try_from(v)
                    .map(Scalar::Int)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
        }
        d.deserialize_any(ScalarVisitor)
    }
}

/// How a comparison orders the answer against the literal: `answer <op> literal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    LessThan,
    AtMost,
    GreaterThan,
    AtLeast,
}

impl Compare {
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Compare::LessThan => ord == Less,
            Compare::AtMost => ord != Greater,
            Compare::GreaterThan => ord == Greater,
            Compare::AtLeast => ord != Less,
        }
    }
}

/// A boolean expression over answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawCondition", into = "RawCondition")]
pub enum Condition {
    /// The answer equals the value (for multiple choice: includes it).
    Equals {
        field: FieldId,
        value: Scalar,
    },
    /// The answer is one of the values (for multiple choice: includes any).
    OneOf {
        field: FieldId,
        values: Vec<Scalar>,
    },
    /// The question was answered (`true`) or left blank (`false`).
    Answered {
        field: FieldId,
        answered: bool,
    },
    /// A number, date or count of items compared with a literal.
    Compare {
        field: FieldId,
        op: Compare,
        value: Scalar,
    },
    /// The age in full years, today, of a date of birth: a date question's answer or a
    /// person's birth date. Only fee rules may use it (the catalogue checks refuse it
    /// elsewhere): a quote is made for a given day, what a form shows is not.
    Age {
        field: FieldId,
        test: AgeTest,
        years: u32,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// How an [`Condition::Age`] compares the age with its number of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeTest {
    /// Younger than the years: `age_under = 16` holds up to the day before the 16th
    /// birthday.
    Under,
    /// The years or older: `age_at_least = 60` holds from the 60th birthday.
    AtLeast,
}

impl AgeTest {
    pub fn holds(self, age: i32, years: u32) -> bool {
        let years = i64::from(years);
        match self {
            AgeTest::Under => i64::from(age) < years,
            AgeTest::AtLeast => i64::from(age) >= years,
        }
    }
}

impl Condition {
    /// Every field the condition reads, in order of appearance.
    pub fn fields(&self) -> Vec<&FieldId> {
        let mut out = Vec::new();
        self.collect_fields(&mut out);
        out
    }

    fn collect_fields<'a>(&'a self, out: &mut Vec<&'a FieldId>) {
        match self {
            Condition::Equals { field, .. }
            | Condition::OneOf { field, .. }
            | Condition::Answered { field, .. }
            | Condition::Compare { field, .. }
            | Condition::Age { field, .. } => out.push(field),
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.collect_fields(out))
            }
            Condition::Not(c) => c.collect_fields(out),
        }
    }

    /// Nesting depth, bounded by the catalogue checks so evaluation stays shallow.
    pub fn depth(&self) -> usize {
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                1 + cs.iter().map(Condition::depth).max().unwrap_or(0)
            }
            Condition::Not(c) => 1 + c.depth(),
            _ => 1,
        }
    }
}

/// The table form of a condition in files and on the wire.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    field: Option<FieldId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    equals: Option<Scalar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    one_of: Option<Vec<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answered: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    less_than: Option<Scalar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_most: Option<Scalar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    greater_than: Option<Scalar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_least: Option<Scalar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    age_under: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    age_at_least: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not: Option<Box<Condition>>,
}

impl TryFrom<RawCondition> for Condition {
    type Error = String;

    fn try_from(r: RawCondition) -> Result<Self, Self::Error> {
        let tests = [
            r.equals.is_some(),
            r.one_of.is_some(),
            r.answered.is_some(),
            r.less_than.is_some(),
            r.at_most.is_some(),
            r.greater_than.is_some(),
            r.at_least.is_some(),
            r.age_under.is_some(),
            r.age_at_least.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        let combinators = [r.all.is_some(), r.any.is_some(), r.not.is_some()]
            .iter()
            .filter(|b| **b)
            .count();
        const SHAPE: &str = "a condition is either `field` with exactly one test (equals, \
            one_of, answered, less_than, at_most, greater_than, at_least, age_under, \
            age_at_least) or exactly one of \
            `all`, `any`, `not`";
        match (r.field, tests, combinators) {
            (Some(field), 1, 0) => {
                let compare = |op, value| Condition::Compare {
                    field: field.clone(),
                    op,
                    value,
                };
                Ok(if let Some(value) = r.equals {
                    Condition::Equals { field, value }
                } else if let Some(values) = r.one_of {
                    Condition::OneOf { field, values }
                } else if let Some(answered) = r.answered {
                    Condition::Answered { field, answered }
                } else if let Some(v) = r.less_than {
                    compare(Compare::LessThan, v)
                } else if let Some(v) = r.at_most {
                    compare(Compare::AtMost, v)
                } else if let Some(v) = r.greater_than {
                    compare(Compare::GreaterThan, v)
                } else if let Some(v) = r.at_least {
                    compare(Compare::AtLeast, v)
                } else if let Some(years) = r.age_under {
                    Condition::Age {
                        field,
                        test: AgeTest::Under,
                        years,
                    }
                } else if let Some(years) = r.age_at_least {
                    Condition::Age {
                        field,
                        test: AgeTest::AtLeast,
                        years,
                    }
                } else {
                    return Err(SHAPE.into());
                })
            }
            (None, 0, 1) => Ok(if let Some(all) = r.all {
                Condition::All(all)
            } else if let Some(any) = r.any {
                Condition::Any(any)
            } else if let Some(not) = r.not {
                Condition::Not(not)
            } else {
                return Err(SHAPE.into());
            }),
            _ => Err(SHAPE.into()),
        }
    }
}

impl From<Condition> for RawCondition {
    fn from(c: Condition) -> Self {
        let mut r = RawCondition::default();
        match c {
            Condition::Equals { field, value } => {
                r.field = Some(field);
                r.equals = Some(value);
            }
            Condition::OneOf { field, values } => {
                r.field = Some(field);
                r.one_of = Some(values);
            }
            Condition::Answered { field, answered } => {
                r.field = Some(field);
                r.answered = Some(answered);
            }
            Condition::Compare { field, op, value } => {
                r.field = Some(field);
                let slot = match op {
                    Compare::LessThan => &mut r.less_than,
                    Compare::AtMost => &mut r.at_most,
                    Compare::GreaterThan => &mut r.greater_than,
                    Compare::AtLeast => &mut r.at_least,
                };
                *slot = Some(value);
            }
            Condition::Age { field, test, years } => {
                r.field = Some(field);
                match test {
                    AgeTest::Under => r.age_under = Some(years),
                    AgeTest::AtLeast => r.age_at_least = Some(years),
                }
            }
            Condition::All(cs) => r.all = Some(cs),
            Condition::Any(cs) => r.any = Some(cs),
            Condition::Not(c) => r.not = Some(c),
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Condition, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    fn id(s: &str) -> FieldId {
        FieldId(s.into())
    }

    #[test]
    fn reads_every_shape() {
        assert_eq!(
            parse(r#"{"field":"a","equals":"x"}"#),
            Ok(Condition::Equals {
                field: id("a"),
                value: Scalar::Text("x".into())
            })
        );
        assert_eq!(
            parse(r#"{"field":"a","equals":true}"#),
            Ok(Condition::Equals {
                field: id("a"),
                value: Scalar::Bool(true)
            })
        );
        assert_eq!(
            parse(r#"{"field":"n","at_least":2}"#),
            Ok(Condition::Compare {
                field: id("n"),
                op: Compare::AtLeast,
                value: Scalar::Int(2)
            })
        );
        let nested = parse(
            r#"{"any":[{"field":"a","answered":true},{"not":{"field":"b","one_of":["x",1]}}]}"#,
        )
        .unwrap();
        assert_eq!(nested.depth(), 3);
        assert_eq!(
            nested
                .fields()
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
    }

    #[test]
    fn a_literal_is_a_boolean_a_whole_number_or_a_text() {
        let scalar = |json: &str| serde_json::from_str::<Scalar>(json).map_err(|e| e.to_string());
        assert_eq!(scalar("-3"), Ok(Scalar::Int(-3)));
        assert_eq!(scalar("false"), Ok(Scalar::Bool(false)));
        assert_eq!(
            scalar(r#""2020-01-01""#),
            Ok(Scalar::Text("2020-01-01".into()))
        );
        for refused in ["1.5", "null", "[1]", "18446744073709551615"] {
            assert!(scalar(refused).is_err(), "{refused}");
        }
        for s in [Scalar::Int(7), Scalar::Bool(true), Scalar::Text("x".into())] {
            assert_eq!(scalar(&serde_json::to_string(&s).unwrap()), Ok(s));
        }
    }

    #[test]
    fn reads_and_writes_age_tests() {
        for (json, test) in [
            (r#"{"field":"applicant","age_under":16}"#, AgeTest::Under),
            (
                r#"{"field":"applicant","age_at_least":60}"#,
                AgeTest::AtLeast,
            ),
        ] {
            let c = parse(json).unwrap();
            assert!(matches!(c, Condition::Age { test: t, .. } if t == test));
            assert_eq!(serde_json::to_string(&c).unwrap(), json);
        }
        assert!(parse(r#"{"field":"a","age_under":16,"age_at_least":60}"#).is_err());
        assert!(parse(r#"{"field":"a","age_under":-1}"#).is_err());
        assert!(AgeTest::Under.holds(15, 16) && !AgeTest::Under.holds(16, 16));
        assert!(AgeTest::AtLeast.holds(60, 60) && !AgeTest::AtLeast.holds(59, 60));
    }

    #[test]
    fn refuses_ambiguous_or_unknown_shapes() {
        for bad in [
            r#"{}"#,
            r#"{"field":"a"}"#,
            r#"{"field":"a","equals":1,"answered":true}"#,
            r#"{"equals":1}"#,
            r#"{"all":[],"any":[]}"#,
            r#"{"field":"a","all":[]}"#,
            r#"{"field":"a","equal":1}"#,
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn round_trips() {
        for json in [
            r#"{"field":"a","equals":"x"}"#,
            r#"{"field":"a","one_of":["x","y"]}"#,
            r#"{"field":"a","answered":false}"#,
            r#"{"field":"a","less_than":"2020-01-01"}"#,
            r#"{"field":"a","at_most":3}"#,
            r#"{"field":"a","greater_than":3}"#,
            r#"{"all":[{"field":"a","at_least":1},{"not":{"field":"b","equals":false}}]}"#,
        ] {
            let c = parse(json).unwrap();
            assert_eq!(serde_json::to_string(&c).unwrap(), json);
        }
    }

    #[test]
    fn comparisons() {
        use std::cmp::Ordering::*;
        assert!(Compare::LessThan.holds(Less));
        assert!(!Compare::LessThan.holds(Equal));
        assert!(Compare::AtMost.holds(Equal));
        assert!(Compare::GreaterThan.holds(Greater));
        assert!(Compare::AtLeast.holds(Equal));
        assert!(!Compare::AtLeast.holds(Less));
    }
}
