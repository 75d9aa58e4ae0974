//! A value the page fetches: [`Fetched`], the portal's own small stand-in for Leptos's
//! `LocalResource`.
//!
//! `LocalResource` is built on the reactive graph's async-derived values, which bring
//! async locks, transitions and the standard library's channels and threads into every
//! bundle that uses one: about 27 KB of wasm before compression in the catalogue's
//! bundle, measured with the bundle's names kept. The pages need much less: start a
//! fetch, show `None` while it is on its way, the result once it comes, fetch again
//! when a signal the fetcher read changes or when the person asks to try again.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;

/// The result of a fetch, as a signal: `None` until the first answer comes; afterwards
/// the latest answer, kept while a new fetch is on its way (as `LocalResource` keeps
/// it). Copy, like a signal; it lives as long as the reactive owner that made it.
pub struct Fetched<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    again: Trigger,
}

impl<T: 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Fetched<T> {}

impl<T: 'static> Fetched<T> {
    /// Starts `fetcher`'s future in a later task, and again whenever a signal read by
    /// `fetcher` itself (not by its future) changes, or [`refetch`](Self::refetch) is
    /// called. Only the answer of the latest fetch is kept: an earlier one that comes
    /// later is dropped.
    pub fn new<Fut>(fetcher: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let again = Trigger::new();
        let latest = Rc::new(Cell::new(0u64));
        // An effect runs after the current task, so the first fetch starts right after
        // the page's drawing, as a resource's does.
        Effect::new(move |_| {
            again.track();
            let future = fetcher();
            let this = latest.get().wrapping_add(1);
            latest.set(this);
            let latest = Rc::clone(&latest);
            // Under the page's owner, as a resource's future runs: a fetcher's future may
            // read the context (the API's source) when first polled.
            crate::tasks::spawn_owned(async move {
                let answer = future.await;
                if latest.get() == this {
                    // The owner may have gone (the page was left): then nobody reads it.
                    value.try_set(Some(answer));
                }
            });
        });
        Fetched { value, again }
    }

    /// Fetches again; the answer shown stays until the new one comes.
    pub fn refetch(&self) {
        self.again.notify();
    }

    /// Reads the latest answer without cloning it (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(f)
    }
}

impl<T: Clone + 'static> Fetched<T> {
    /// The latest answer (tracked), `None` while the first fetch is on its way.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }
}
