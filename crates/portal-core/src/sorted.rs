//! Small tables kept as lists sorted by key and searched by halves, where a `BTreeMap`
//! or a `HashMap` would do the same job: for the few hundred keys of a form they are as
//! fast, and each kind of entry costs the browser's bundles a few small functions rather
//! than a tree's or a hash table's code (and no hashing at all).

/// Entries sorted by their key, each key once.
pub type Table<V> = Vec<(String, V)>;

/// The value for `key`, if there is one.
pub fn get<'a, V>(table: &'a [(String, V)], key: &str) -> Option<&'a V> {
    table
        .binary_search_by(|(k, _)| k.as_str().cmp(key))
        .ok()
        .map(|i| &table[i].1)
}

/// The value for `key`, made by `new` if there is none yet (so the first one made wins).
pub fn entry<'a, V>(table: &'a mut Table<V>, key: &str, new: impl FnOnce() -> V) -> &'a mut V {
    let i = match table.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
        Ok(i) => i,
        Err(i) => {
            table.insert(i, (key.to_string(), new()));
            i
        }
    };
    &mut table[i].1
}

/// Adds `item` to the sorted list `list` unless it is there; whether it was added.
pub fn insert<T: Ord>(list: &mut Vec<T>, item: T) -> bool {
    match list.binary_search(&item) {
        Ok(_) => false,
        Err(i) => {
            list.insert(i, item);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_keeps_its_keys_in_order_and_the_first_value_made() {
        let mut t: Table<u32> = Table::new();
        for (key, value) in [("b", 1), ("a", 2), ("c", 3), ("b", 4)] {
            entry(&mut t, key, || value);
        }
        let keys: Vec<&str> = t.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(get(&t, "b"), Some(&1));
        assert_eq!(get(&t, "c"), Some(&3));
        assert_eq!(get(&t, "d"), None);
        *entry(&mut t, "c", || 0) += 10;
        assert_eq!(get(&t, "c"), Some(&13));
        assert_eq!(get(&[] as &[(String, u32)], "a"), None);
    }

    #[test]
    fn a_sorted_list_takes_each_item_once_in_order() {
        let mut list = Vec::new();
        let added: Vec<bool> = [3, 1, 2, 3, 1]
            .into_iter()
            .map(|n| insert(&mut list, n))
            .collect();
        assert_eq!(added, [true, true, true, false, false]);
        assert_eq!(list, [1, 2, 3]);
    }
}
