//! Catalogue search that works the way people type: with or without diacritics, in any
//! case, with one typo in longer words, by prefix while typing, and through the words
//! each service lists as keywords (abbreviations such as CCCD, English names, old names).
//!
//! The index is built once per catalogue; a query touches only the vocabulary and the
//! posting lists of matching words, so a keystroke stays cheap with 10,000 services.

use std::collections::BTreeMap;

use crate::catalogue::{Audience, Level, ServiceSummary};
use crate::normalize::{fold, words};

/// Narrowing of the catalogue by facets; `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub topic: Option<String>,
    pub audience: Option<Audience>,
    pub level: Option<Level>,
    /// Only the 25 integrated services of Directive 24/CT-TTg.
    pub directive24: bool,
    /// Only the services this province's people can file online here (a two-digit
    /// code). Which those are depends on the deployment's agency systems, so the server
    /// says (`GET /api/v1/catalog/availability/{province}`) and the caller narrows the
    /// outcome with [`Outcome::keep_available`]; the index does not know it.
    pub province: Option<String>,
}

/// The result of a query: the matching services best first, as indices into the slice
/// the index was built from. When nothing matches every word, `closest` holds the
/// services that match the most words, so the page can offer them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub hits: Vec<usize>,
    pub closest: Vec<usize>,
}

impl Outcome {
    /// Keeps only the services in `available` (service ids, as the availability answer
    /// lists them), in the same order; `services` is the slice the index was built from.
    pub fn keep_available(&mut self, services: &[ServiceSummary], available: &[String]) {
        let keeps = |i: &usize| available.iter().any(|id| *id == services[*i].id.0);
        self.hits.retain(keeps);
        self.closest.retain(keeps);
    }
}

/// How many "closest" services are offered on an empty result.
pub const CLOSEST: usize = 3;

// Weights of where a word was found, and quality of how it matched.
const W_NAME: u32 = 8;
const W_KEYWORD: u32 = 6;
const W_TOPIC: u32 = 3;
const W_SUMMARY: u32 = 2;
const W_AGENCY: u32 = 1;
const Q_EXACT: u32 = 4;
const Q_PREFIX: u32 = 3;
const Q_TYPO: u32 = 1;
const PHRASE_IN_NAME: u32 = 40;
const NAME_STARTS_WITH_PHRASE: u32 = 30;
/// The whole query in the agency's name but not in the service's ("cong an" in "Công
/// an cấp xã"): its services come before those matching the words apart (the electricity company's "Công ty", and
/// another word starting with "an").
const PHRASE_IN_AGENCY: u32 = 12;
/// Words shorter than this must be typed without typos.
const TYPO_MIN_LEN: usize = 5;

/// Words people put around what they look for ("làm hộ chiếu cho con", "how do I
/// register…"), folded. A service need not contain them to match; where it does, they
/// still count towards its score. A query of nothing but these must match them all.
const OPTIONAL_WORDS: &[&str] = &[
    "lam", "cho", "cua", "toi", "minh", "em", "con", "can", "muon", "the", "nao", "o", "va", "la",
    "bi", "duoc", "gi", "cach", "nhu", "thi", "ve", "voi", "mot", "nhung", "cac", "de", "for",
    "my", "a", "an", "of", "to", "how", "do", "i", "get", "apply", "in",
];

fn is_optional(word: &str) -> bool {
    OPTIONAL_WORDS.contains(&word)
}

struct Doc {
    names: [String; 2],
    agencies: [String; 2],
    topics: Vec<String>,
    audiences: Vec<Audience>,
    level: Level,
    directive24: bool,
}

/// A search index over catalogue summaries.
pub struct Index {
    /// Folded words, sorted, for binary search by prefix.
    vocab: Vec<String>,
    /// For each vocabulary word: (document, weight of the best field it appears in).
    postings: Vec<Vec<(u32, u32)>>,
    docs: Vec<Doc>,
}

impl Index {
    pub fn build(services: &[ServiceSummary]) -> Index {
        // Word -> (service, best weight), in word order; each list is in service order,
        // as the services are read in order. No sort: fewer instantiations of one in the
        // bundles that search (see `search`).
        let mut by_word: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
        let mut docs = Vec::with_capacity(services.len());
        for (i, s) in services.iter().enumerate() {
            let i = i as u32;
            let mut add = |text: &str, weight: u32| {
                for w in words(text) {
                    let list = by_word.entry(w).or_default();
                    match list.last_mut() {
                        Some((doc, best)) if *doc == i => *best = (*best).max(weight),
                        _ => list.push((i, weight)),
                    }
                }
            };
            add(&s.name.vi, W_NAME);
            add(&s.name.en, W_NAME);
            for k in &s.keywords {
                add(k, W_KEYWORD);
            }
            for t in &s.topics {
                add(t, W_TOPIC);
            }
            add(&s.summary.vi, W_SUMMARY);
            add(&s.summary.en, W_SUMMARY);
            add(&s.agency.vi, W_AGENCY);
            add(&s.agency.en, W_AGENCY);
            docs.push(Doc {
                names: [fold(&s.name.vi), fold(&s.name.en)],
                agencies: [fold(&s.agency.vi), fold(&s.agency.en)],
                topics: s.topics.clone(),
                audiences: s.audiences.clone(),
                level: s.level,
                directive24: s.directive24_item.is_some(),
            });
        }
        let (vocab, postings) = by_word.into_iter().unzip();
        Index {
            vocab,
            postings,
            docs,
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn passes(&self, doc: usize, filter: &Filter) -> bool {
        let d = &self.docs[doc];
        filter.topic.as_ref().is_none_or(|t| d.topics.contains(t))
            && filter.audience.is_none_or(|a| d.audiences.contains(&a))
            && filter.level.is_none_or(|l| d.level == l)
            && (!filter.directive24 || d.directive24)
    }

    /// Vocabulary entries matching one query word, with the match quality.
    fn matches(&self, word: &str, allow_prefix: bool) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        let start = self.vocab.partition_point(|v| v.as_str() < word);
        if allow_prefix {
            for (i, v) in self.vocab.iter().enumerate().skip(start) {
                if !v.starts_with(word) {
                    break;
                }
                out.push((i, if v == word { Q_EXACT } else { Q_PREFIX }));
            }
        } else if self.vocab.get(start).is_some_and(|v| v == word) {
            out.push((start, Q_EXACT));
        }
        if word.chars().count() >= TYPO_MIN_LEN {
            let len = word.len();
            for (i, v) in self.vocab.iter().enumerate() {
                // Cheap length test first: most of the vocabulary is ruled out here.
                if v.len().abs_diff(len) <= 2
                    && v != word
                    && !v.starts_with(word)
                    && within_one_edit(word, v)
                {
                    out.push((i, Q_TYPO));
                }
            }
        }
        out
    }

    /// Searches for `query` within `filter`. An empty query lists every service that
    /// passes the filter, in catalogue order.
    pub fn search(&self, query: &str, filter: &Filter) -> Outcome {
        let q_words = words(query);
        if q_words.is_empty() {
            return Outcome {
                hits: (0..self.docs.len())
                    .filter(|&d| self.passes(d, filter))
                    .collect(),
                closest: Vec::new(),
            };
        }
        let n = self.docs.len();
        let mut score = vec![0u32; n];
        let mut matched = vec![0u8; n];
        let mut word_best = vec![0u32; n];
        let mut touched: Vec<usize> = Vec::new();
        let last = q_words.len() - 1;
        // The words a service must match: all but the optional ones (all of them when
        // every word is optional).
        let needed: Vec<bool> = if q_words.iter().all(|w| is_optional(w)) {
            vec![true; q_words.len()]
        } else {
            q_words.iter().map(|w| !is_optional(w)).collect()
        };
        for (qi, w) in q_words.iter().enumerate() {
            // Prefixes count for the word being typed and for any word of 2+ letters.
            let allow_prefix = qi == last || w.len() >= 2;
            // Best score of this word per document, then added once per document.
            touched.clear();
            for (v, quality) in self.matches(w, allow_prefix) {
                for &(doc, weight) in &self.postings[v] {
                    let d = doc as usize;
                    if word_best[d] == 0 {
                        touched.push(d);
                    }
                    word_best[d] = word_best[d].max(weight * quality);
                }
            }
            for &d in &touched {
                score[d] += word_best[d];
                if needed[qi] {
                    matched[d] = matched[d].saturating_add(1);
                }
                word_best[d] = 0;
            }
        }
        let phrase = q_words.join(" ");
        let all = needed.iter().filter(|n| **n).count().min(u8::MAX as usize) as u8;
        // Each list holds its sort keys (see below), the service's index last.
        let mut hits: Vec<(u32, u32, u32)> = Vec::new();
        let mut partial: Vec<(u32, u32, u32)> = Vec::new();
        for d in 0..n {
            if matched[d] == 0 || !self.passes(d, filter) {
                continue;
            }
            if matched[d] >= all {
                let mut s = score[d];
                let mut in_name = false;
                for name in &self.docs[d].names {
                    if name.starts_with(&phrase) {
                        s += NAME_STARTS_WITH_PHRASE + PHRASE_IN_NAME;
                        in_name = true;
                        break;
                    } else if name.contains(&phrase) {
                        s += PHRASE_IN_NAME;
                        in_name = true;
                        break;
                    }
                }
                // Only where the name does not hold it: a bundle's agency names its parts
                // ("… (khai sinh)"), which must not lift it above the part itself.
                if !in_name && self.docs[d].agencies.iter().any(|a| a.contains(&phrase)) {
                    s += PHRASE_IN_AGENCY;
                }
                let name_len = self.docs[d].names[0].len() as u32;
                hits.push((u32::MAX - s, name_len, d as u32));
            } else {
                let (m, s) = (u32::from(matched[d]), score[d]);
                partial.push((u32::MAX - m, u32::MAX - s, d as u32));
            }
        }
        // Hits: the higher score first; equal scores, the shorter (more specific) name
        // first, then catalogue order. The closest: more of the needed words first, then the
        // higher score, then catalogue order. Both are sorted by a key of three numbers,
        // smallest first (a higher score is a smaller key), ending on the index: no two keys
        // are equal, so an unstable sort gives the same order as a stable one, and the
        // bundles that search carry one instantiation of it.
        let in_order = |mut keys: Vec<(u32, u32, u32)>| {
            keys.sort_unstable();
            keys.into_iter().map(|k| k.2 as usize)
        };
        if hits.is_empty() {
            Outcome {
                hits: Vec::new(),
                closest: in_order(partial).take(CLOSEST).collect(),
            }
        } else {
            Outcome {
                hits: in_order(hits).collect(),
                closest: Vec::new(),
            }
        }
    }
}

/// Whether `a` and `b` differ by at most one insertion, deletion, substitution or swap
/// of two neighbouring letters.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == la && prefix == lb {
        return true;
    }
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    if la == lb {
        // Substitution, or transposition of neighbours.
        ra[1..] == rb[1..]
            || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if la > lb {
        ra[1..] == *rb
    } else {
        *ra == rb[1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{OnlineLevel, ServiceId};
    use crate::text::Text;

    fn svc(
        id: &str,
        vi: &str,
        en: &str,
        keywords: &[&str],
        level: Level,
        aud: &[Audience],
    ) -> ServiceSummary {
        ServiceSummary {
            id: ServiceId(id.into()),
            bundle: false,
            name: Text::new(vi, en),
            summary: Text::new("", ""),
            level,
            agency: Text::new("Ủy ban nhân dân cấp xã", "Commune People's Committee"),
            audiences: aud.to_vec(),
            online_level: OnlineLevel::FullProcess,
            directive24_item: None,
            lowest_fee: None,
            topics: vec![if id.contains("residence") {
                "residence".into()
            } else {
                "family".into()
            }],
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
        }
    }

    fn catalogue() -> Vec<ServiceSummary> {
        use Audience::*;
        vec![
            svc(
                "birth-registration",
                "Đăng ký khai sinh",
                "Birth registration",
                &["giay khai sinh"],
                Level::Commune,
                &[Citizen],
            ),
            svc(
                "death-registration",
                "Đăng ký khai tử",
                "Death registration",
                &[],
                Level::Commune,
                &[Citizen],
            ),
            svc(
                "birth-bundle",
                "Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT",
                "Birth bundle",
                &["BHYT"],
                Level::Commune,
                &[Citizen],
            ),
            svc(
                "id-card",
                "Cấp lại, đổi thẻ Căn cước",
                "Re-issue of the ID card",
                &["CCCD", "CMND", "can cuoc cong dan"],
                Level::Commune,
                &[Citizen],
            ),
            svc(
                "ordinary-passport",
                "Cấp hộ chiếu phổ thông",
                "Ordinary passport",
                &["passport"],
                Level::Province,
                &[Citizen],
            ),
            svc(
                "permanent-residence",
                "Đăng ký thường trú",
                "Permanent residence registration",
                &[],
                Level::Commune,
                &[Citizen],
            ),
            svc(
                "tax-registration",
                "Đăng ký thuế lần đầu",
                "First tax registration",
                &["MST", "ma so thue"],
                Level::Province,
                &[Citizen, Business],
            ),
        ]
    }

    fn ids(services: &[ServiceSummary], idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| services[i].id.0.clone()).collect()
    }

    fn top(query: &str) -> String {
        let c = catalogue();
        let out = Index::build(&c).search(query, &Filter::default());
        ids(&c, &out.hits).into_iter().next().unwrap_or_default()
    }

    #[test]
    fn with_or_without_diacritics_and_any_case() {
        for q in [
            "dang ky khai sinh",
            "khai sinh",
            "Đăng ký KHAI SINH",
            "ĐĂNG KÝ KHAI SINH",
            "  khai   sinh ",
        ] {
            assert_eq!(top(q), "birth-registration", "{q}");
        }
    }

    #[test]
    fn best_match_first_and_all_words_required() {
        let c = catalogue();
        let out = Index::build(&c).search("khai sinh", &Filter::default());
        assert_eq!(
            ids(&c, &out.hits),
            vec!["birth-registration", "birth-bundle"]
        );
        let out = Index::build(&c).search("dang ky", &Filter::default());
        assert!(out.hits.len() >= 4);
        assert!(!ids(&c, &out.hits).contains(&"ordinary-passport".to_string()));
    }

    #[test]
    fn words_around_the_need_are_not_required() {
        // "làm hộ chiếu cho con": the passport, though it says nothing of "làm", "cho"
        // or "con".
        assert_eq!(top("lam ho chieu cho con"), "ordinary-passport");
        assert_eq!(top("làm hộ chiếu cho con"), "ordinary-passport");
        assert_eq!(top("how do I get a passport"), "ordinary-passport");
        assert_eq!(top("dang ky khai sinh cho con"), "birth-registration");
        // Nothing but such words: they must all match, so nothing is found here.
        let c = catalogue();
        assert!(Index::build(&c)
            .search("cho con", &Filter::default())
            .hits
            .is_empty());
        // A required word still decides: no service is about a "xe" here.
        assert!(Index::build(&c)
            .search("lam xe cho con", &Filter::default())
            .hits
            .is_empty());
    }

    #[test]
    fn synonyms_from_keywords() {
        assert_eq!(top("CCCD"), "id-card");
        assert_eq!(top("căn cước"), "id-card");
        assert_eq!(top("cmnd"), "id-card");
        assert_eq!(top("hộ chiếu"), "ordinary-passport");
        assert_eq!(top("passport"), "ordinary-passport");
        assert_eq!(top("ma so thue"), "tax-registration");
    }

    #[test]
    fn one_typo_in_longer_words() {
        assert_eq!(top("thuogn tru"), "permanent-residence"); // swapped letters
        assert_eq!(top("passprt"), "ordinary-passport"); // missing letter
        assert_eq!(top("registation birth"), "birth-registration");
        // Short words must be exact: "sinj" does not become "sinh".
        assert_eq!(top("khai sinj"), "");
    }

    #[test]
    fn prefix_while_typing() {
        assert_eq!(top("ho chi"), "ordinary-passport");
        assert_eq!(top("khai s"), "birth-registration");
    }

    #[test]
    fn filters_narrow_results() {
        let c = catalogue();
        let index = Index::build(&c);
        let business = Filter {
            audience: Some(Audience::Business),
            ..Default::default()
        };
        assert_eq!(
            ids(&c, &index.search("", &business).hits),
            vec!["tax-registration"]
        );
        let province = Filter {
            level: Some(Level::Province),
            ..Default::default()
        };
        assert_eq!(
            ids(&c, &index.search("", &province).hits),
            vec!["ordinary-passport", "tax-registration"]
        );
        let residence = Filter {
            topic: Some("residence".into()),
            ..Default::default()
        };
        assert_eq!(
            ids(&c, &index.search("dang ky", &residence).hits),
            vec!["permanent-residence"]
        );
        assert_eq!(index.search("", &Filter::default()).hits.len(), c.len());
    }

    #[test]
    fn empty_result_offers_the_closest() {
        let c = catalogue();
        let out = Index::build(&c).search("khai sinh ngoai nuoc", &Filter::default());
        assert!(out.hits.is_empty());
        assert_eq!(
            ids(&c, &out.closest)[..2],
            ["birth-registration".to_string(), "birth-bundle".to_string()]
        );
        let out = Index::build(&c).search("zzzzqqq", &Filter::default());
        assert!(out.hits.is_empty() && out.closest.is_empty());
    }

    #[test]
    fn equal_scores_list_the_shorter_name_then_catalogue_order() {
        use Audience::*;
        let same = |id: &str, vi: &str| svc(id, vi, "", &[], Level::Commune, &[Citizen]);
        // "xyz" scores the same in each name (a word of it, not its start); the long name
        // comes first in the catalogue, the two short ones tie on length too.
        let c = vec![
            same("long", "Cấp giấy xyz bản sao"),
            same("short-a", "Giấy xyz a"),
            same("short-b", "Giấy xyz b"),
        ];
        let out = Index::build(&c).search("xyz", &Filter::default());
        assert_eq!(ids(&c, &out.hits), ["short-a", "short-b", "long"]);
        // Nothing matches all three words: the closest are those matching more of them
        // first (though a name scores more than a summary), then the higher score, then
        // catalogue order.
        let mut in_summary = same("both-in-summary", "Giấy");
        in_summary.summary = Text::new("xyz uvw", "");
        let c = vec![
            same("one-in-name", "Giấy xyz"),
            same("other-in-name", "Giấy uvw"),
            in_summary,
            same("both-in-name", "Giấy xyz uvw"),
        ];
        let out = Index::build(&c).search("xyz uvw qqqq", &Filter::default());
        assert!(out.hits.is_empty());
        assert_eq!(
            ids(&c, &out.closest),
            ["both-in-name", "both-in-summary", "one-in-name"]
        );
    }

    #[test]
    fn hostile_queries_do_not_break() {
        let c = catalogue();
        let index = Index::build(&c);
        for q in [
            "<script>alert(1)</script>",
            "'; DROP TABLE",
            &"a".repeat(10_000),
            "\u{0300}\u{0301}",
            "🙂",
        ] {
            let _ = index.search(q, &Filter::default());
        }
        assert!(Index::build(&[])
            .search("x", &Filter::default())
            .hits
            .is_empty());
    }

    #[test]
    fn edit_distance_one() {
        assert!(within_one_edit("thuong", "thuong"));
        assert!(within_one_edit("thuong", "thuogn"));
        assert!(within_one_edit("thuong", "thuon"));
        assert!(within_one_edit("thuong", "thuongg"));
        assert!(within_one_edit("thuong", "thuang"));
        assert!(!within_one_edit("thuong", "thoung1"));
        assert!(!within_one_edit("abcdef", "badcef"));
        assert!(!within_one_edit("abc", "abcde"));
    }

    #[test]
    fn a_province_keeps_the_services_its_people_can_file_here() {
        let c = catalogue();
        let index = Index::build(&c);
        let all = index.search("", &Filter::default());
        let mut here = all.clone();
        here.keep_available(&c, &["tax-registration".into(), "no-such-service".into()]);
        assert_eq!(ids(&c, &here.hits), vec!["tax-registration"]);
        // The closest offers are narrowed the same way.
        let mut none = index.search("zzzz hộ chiếu", &Filter::default());
        assert!(!none.closest.is_empty());
        none.keep_available(&c, &[]);
        assert!(none.closest.is_empty() && none.hits.is_empty());
        // Nothing is lost when every service is available.
        let every: Vec<String> = c.iter().map(|s| s.id.0.clone()).collect();
        let mut same = all.clone();
        same.keep_available(&c, &every);
        assert_eq!(same, all);
    }
}

#[cfg(test)]
mod directive24_tests {
    use super::*;
    use crate::{OnlineLevel, ServiceId, Text};

    fn summary(id: &str, item: Option<u8>) -> ServiceSummary {
        ServiceSummary {
            id: ServiceId(id.into()),
            bundle: false,
            name: Text::new(id, id),
            summary: Text::new("", ""),
            level: Level::Commune,
            agency: Text::new("", ""),
            audiences: vec![Audience::Citizen],
            online_level: OnlineLevel::FullProcess,
            directive24_item: item,
            lowest_fee: None,
            topics: vec![],
            keywords: vec![],
        }
    }

    #[test]
    fn the_25_filter_keeps_only_directive24_services() {
        let services = [summary("a", Some(3)), summary("b", None)];
        let index = Index::build(&services);
        let filter = Filter {
            directive24: true,
            ..Default::default()
        };
        assert_eq!(index.search("", &filter).hits, vec![0]);
        assert_eq!(index.search("", &Filter::default()).hits.len(), 2);
    }
}
