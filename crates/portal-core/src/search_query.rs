//! The catalogue page's state as a URL query (`?q=khai+sinh&audience=citizen&level=commune
//! &topic=family&province=79`), so a search can be shared, bookmarked and undone with the
//! back button.

use crate::catalogue::{Audience, Level};
use crate::search::Filter;

/// Longest query kept from a URL: longer text is cut, never rejected.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    pub filter: Filter,
}

impl SearchQuery {
    /// Reads the state from decoded query pairs; unknown keys and values are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchQuery {
        let mut q = SearchQuery::default();
        for (k, v) in pairs {
            match k {
                "q" => q.text = v.chars().take(MAX_QUERY_CHARS).collect(),
                "audience" => q.filter.audience = Audience::from_slug(v),
                "level" => q.filter.level = Level::from_slug(v),
                "list" => q.filter.directive24 = v == "25",
                "province" => {
                    q.filter.province =
                        crate::admin_units::is_province_code(v).then(|| v.to_string())
                }
                "topic" => {
                    q.filter.topic = (!v.is_empty()
                        && v.len() <= 40
                        && v.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
                    .then(|| v.to_string())
                }
                _ => {}
            }
        }
        q
    }

    /// The query string (without `?`), empty when there is nothing to keep.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if !self.text.trim().is_empty() {
            parts.push(format!("q={}", encode(self.text.trim())));
        }
        if let Some(t) = &self.filter.topic {
            parts.push(format!("topic={}", encode(t)));
        }
        if let Some(a) = self.filter.audience {
            parts.push(format!("audience={}", a.slug()));
        }
        if let Some(l) = self.filter.level {
            parts.push(format!("level={}", l.slug()));
        }
        if self.filter.directive24 {
            parts.push("list=25".to_string());
        }
        if let Some(p) = &self.filter.province {
            parts.push(format!("province={}", encode(p)));
        }
        parts.join("&")
    }

    /// The catalogue page's address for this state.
    pub fn to_path(&self) -> String {
        let qs = self.to_query_string();
        if qs.is_empty() {
            "/".to_string()
        } else {
            format!("/?{qs}")
        }
    }

    pub fn is_filtered(&self) -> bool {
        self.filter != Filter::default()
    }
}

/// Percent-encodes for a query value (RFC 3986 unreserved characters kept, space as `+`).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_through_pairs() {
        let q = SearchQuery {
            text: "Đăng ký khai sinh & con".into(),
            filter: Filter {
                topic: Some("family".into()),
                audience: Some(Audience::Citizen),
                level: Some(Level::Commune),
                directive24: false,
                province: Some("79".into()),
            },
        };
        let qs = q.to_query_string();
        assert_eq!(
            qs,
            "q=%C4%90%C4%83ng+k%C3%BD+khai+sinh+%26+con&topic=family&audience=citizen&level=commune&province=79"
        );
        let back = SearchQuery::from_pairs([
            ("q", "Đăng ký khai sinh & con"),
            ("topic", "family"),
            ("audience", "citizen"),
            ("level", "commune"),
            ("province", "79"),
        ]);
        assert_eq!(back, q);
        assert_eq!(SearchQuery::default().to_path(), "/");
    }

    #[test]
    fn hostile_or_unknown_values_are_dropped() {
        let q = SearchQuery::from_pairs([
            ("audience", "alien"),
            ("level", "district"),
            ("topic", "<script>"),
            ("province", "7"),
            ("province", "../79"),
            ("utm_source", "x"),
            ("q", &"x".repeat(1000)),
        ]);
        assert_eq!(q.filter, Filter::default());
        assert_eq!(q.text.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn the_25_list_round_trips() {
        let q = SearchQuery::from_pairs([("list", "25")]);
        assert!(q.filter.directive24);
        assert_eq!(q.to_query_string(), "list=25");
        assert!(!SearchQuery::from_pairs([("list", "x")]).filter.directive24);
    }
}
