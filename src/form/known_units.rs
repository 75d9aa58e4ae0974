//! The administrative units the browser has loaded (the province list, and the communes
//! of each province a picker opened), as the form engine's `AdminUnits`: an address whose
//! commune belongs to another province is refused on Continue, before the server refuses
//! it at Send with the full list. What has not been loaded is left to the server.

use std::cell::RefCell;

// Lists, not hash sets: a province's few hundred codes are read through in no time, and a
// hash table would bring its hashing and growing code into the form's bundle for this alone.
thread_local! {
    static PROVINCES: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// Each loaded province's code and its communes' codes.
    static COMMUNES: RefCell<Vec<(String, Vec<String>)>> = const { RefCell::new(Vec::new()) };
}

/// Records the province list as loaded.
pub fn learn_provinces<'a>(codes: impl IntoIterator<Item = &'a str>) {
    let set = codes.into_iter().map(str::to_string).collect();
    PROVINCES.with(|p| *p.borrow_mut() = Some(set));
}

/// Records one province's communes as loaded.
pub fn learn_communes<'a>(province: &str, codes: impl IntoIterator<Item = &'a str>) {
    let set = codes.into_iter().map(str::to_string).collect();
    COMMUNES.with(|c| {
        let mut loaded = c.borrow_mut();
        loaded.retain(|(code, _)| code != province);
        loaded.push((province.to_string(), set));
    });
}

/// The units known so far; one value serves every validation context.
pub struct KnownUnits;

pub static KNOWN_UNITS: KnownUnits = KnownUnits;

impl portal_core::form::AdminUnits for KnownUnits {
    fn has_province(&self, code: &str) -> bool {
        PROVINCES.with(|p| {
            p.borrow()
                .as_ref()
                .is_none_or(|set| set.iter().any(|c| c == code))
        })
    }

    fn has_commune(&self, province: &str, commune: &str) -> bool {
        COMMUNES.with(|c| {
            c.borrow()
                .iter()
                .find(|(code, _)| code == province)
                .is_none_or(|(_, set)| set.iter().any(|c| c == commune))
        })
    }
}
