//! Interned element ids: components that build many ids from one prefix inside reactive
//! closures take a `&'static str`. Each distinct prefix is stored once for the life of
//! the page, so memory stays bounded by the number of distinct questions.

use std::cell::RefCell;
use std::collections::HashSet;

thread_local! {
    static IDS: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
}

pub fn intern(s: &str) -> &'static str {
    IDS.with(|ids| {
        let mut ids = ids.borrow_mut();
        if let Some(found) = ids.get(s) {
            return *found;
        }
        let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
        ids.insert(leaked);
        leaked
    })
}
