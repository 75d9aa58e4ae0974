//! Finding a commune in a province's list by what people type: with or without
//! diacritics, with or without the kind ("phuong ba dinh", "ba dinh", "Ba Đình"), by the
//! start of each word ("ng ha" finds "Ngọc Hà"), or by code.

use crate::normalize::fold;
use crate::search::within_one_edit;

use super::Commune;

/// The worst rank [`rank`] gives.
const WORST: u8 = 3;

/// How well a commune matched; lower is better, [`WORST`] at most.
fn rank(commune: &Commune, query: &str, tokens: &[&str]) -> Option<u8> {
    if query.bytes().all(|b| b.is_ascii_digit()) {
        return commune.code.starts_with(query).then_some(0);
    }
    let name = fold(&commune.name);
    let full = fold(&commune.full_name());
    if name == query || full == query {
        return Some(0);
    }
    if name.starts_with(query) || full.starts_with(query) {
        return Some(1);
    }
    let words: Vec<&str> = full.split(' ').collect();
    if tokens
        .iter()
        .all(|t| words.iter().any(|w| w.starts_with(t)))
    {
        return Some(2);
    }
    if name.contains(query) {
        return Some(WORST);
    }
    None
}

/// One mistyped letter in a word of five letters or more, when nothing else matched.
fn near(commune: &Commune, tokens: &[&str]) -> bool {
    let full = fold(&commune.full_name());
    let words: Vec<&str> = full.split(' ').collect();
    tokens.iter().all(|t| {
        words
            .iter()
            .any(|w| w.starts_with(t) || (t.len() >= 5 && within_one_edit(w, t)))
    })
}

/// The communes matching `query`, best first and otherwise in list order (alphabetical).
/// An empty query keeps the whole list. Nothing typed can make it fail.
pub fn search_communes<'a>(communes: &'a [Commune], query: &str) -> Vec<&'a Commune> {
    let query = fold(query);
    if query.is_empty() {
        return communes.iter().collect();
    }
    let tokens: Vec<&str> = query.split(' ').collect();
    let ranks: Vec<Option<u8>> = communes.iter().map(|c| rank(c, &query, &tokens)).collect();
    if ranks.iter().all(Option::is_none) {
        return communes.iter().filter(|c| near(c, &tokens)).collect();
    }
    // One pass per rank (there are four) keeps list order within each, and spares the
    // browser's bundle a sort.
    (0..=WORST)
        .flat_map(|r| {
            communes
                .iter()
                .zip(&ranks)
                .filter(move |(_, rank)| **rank == Some(r))
                .map(|(c, _)| c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testdata::units;
    use super::*;

    fn names(list: &[&Commune]) -> Vec<String> {
        list.iter().map(|c| c.full_name()).collect()
    }

    #[test]
    fn with_or_without_diacritics_and_kind() {
        let u = units();
        let hanoi = u.communes_of("01").expect("Hà Nội");
        for q in [
            "Ba Đình",
            "ba dinh",
            "BA DINH",
            "phuong ba dinh",
            "Phường Ba Đình",
            "  ba   đình ",
        ] {
            let hits = search_communes(hanoi, q);
            assert_eq!(
                hits.first().map(|c| c.code.as_str()),
                Some("00004"),
                "{q:?}"
            );
        }
        // Hòa typed in the new style (Hoà) or decomposed still finds the communes.
        let khanh_hoa = u.communes_of("56").expect("Khánh Hòa");
        let a = names(&search_communes(khanh_hoa, "Ninh Hoà"));
        let b = names(&search_communes(khanh_hoa, "Ninh Ho\u{0300}a"));
        let c = names(&search_communes(khanh_hoa, "ninh hoa"));
        assert!(!a.is_empty() && a == b && b == c, "{a:?} {b:?} {c:?}");
    }

    #[test]
    fn word_prefixes_code_and_ranking() {
        let u = units();
        let hanoi = u.communes_of("01").expect("Hà Nội");
        let hits = names(&search_communes(hanoi, "ng ha"));
        assert!(hits.contains(&"Phường Ngọc Hà".to_string()), "{hits:?}");
        assert_eq!(
            search_communes(hanoi, "0000")
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>(),
            ["00004", "00008"]
        );
        // A name that starts with the query comes before one that only contains it.
        let hits = names(&search_communes(hanoi, "dong"));
        let first_containing = hits.iter().position(|n| {
            !fold(n)
                .split(' ')
                .nth(1)
                .is_some_and(|w| w.starts_with("dong"))
        });
        let last_starting = hits.iter().rposition(|n| {
            fold(n)
                .split(' ')
                .nth(1)
                .is_some_and(|w| w.starts_with("dong"))
        });
        assert!(
            last_starting < first_containing || first_containing.is_none(),
            "{hits:?}"
        );
        // Best rank first, and the list's order among those ranked alike.
        for query in ["dong", "ha", "phuong", "xa", "00"] {
            let folded = fold(query);
            let tokens: Vec<&str> = folded.split(' ').collect();
            let order: Vec<(u8, usize)> = search_communes(hanoi, query)
                .iter()
                .map(|c| {
                    let at = hanoi.iter().position(|x| std::ptr::eq(x, *c)).unwrap();
                    (rank(c, &folded, &tokens).unwrap(), at)
                })
                .collect();
            assert!(order.len() > 1, "{query}");
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{query}: {order:?}");
        }
    }

    #[test]
    fn empty_nonsense_and_typos() {
        let u = units();
        let hanoi = u.communes_of("01").expect("Hà Nội");
        assert_eq!(search_communes(hanoi, "").len(), 126);
        assert_eq!(search_communes(hanoi, " - ").len(), 126);
        assert!(search_communes(hanoi, "zzzz qqq").is_empty());
        assert!(search_communes(hanoi, "<script>alert(1)</script>").is_empty());
        assert!(search_communes(hanoi, &"a".repeat(10_000)).is_empty());
        // One letter wrong in a long word.
        let hits = names(&search_communes(hanoi, "giang vox"));
        assert!(hits.is_empty(), "short words must be exact: {hits:?}");
        let hits = names(&search_communes(hanoi, "hoan kiemm"));
        assert_eq!(hits, ["Phường Hoàn Kiếm"]);
    }
}
