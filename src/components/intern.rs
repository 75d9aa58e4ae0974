//! Interned element ids: components that build many ids from one prefix inside reactive
//! closures take a `&'static str`. Each distinct prefix is stored once for the life of
//! the page, so memory stays bounded by the number of distinct questions.

use std::cell::RefCell;

thread_local! {
    /// Sorted, searched by halves (no hash table's code in the bundle for this).
    static IDS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

pub fn intern(s: &str) -> &'static str {
    IDS.with(|ids| {
        let mut ids = ids.borrow_mut();
        match ids.binary_search(&s) {
            Ok(i) => ids[i],
            Err(i) => {
                let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
                ids.insert(i, leaked);
                leaked
            }
        }
    })
}
