//! Parts of a bundle that load when a page first needs them.
//!
//! A function declared with [`split_off!`] names the bundle it is cut out of by that
//! bundle's feature (`split-form`, `split-citizen`; either sets the
//! cfg `split_bundle`, see build.rs). In that bundle, built with the
//! feature, `scripts/split-bundle.mjs` (wasm-split-cli) moves it into a chunk of its own,
//! fetched the first time it is called. Elsewhere (the other bundles, native tests) it is
//! an ordinary function, already there. (A split point is an exported function: one
//! compiled into a bundle that is not split at it would stay there whole, so each split
//! point is compiled only for its own bundle.) Either way it is `async` and answers
//! `Err(NotLoaded)` when its chunk could not be fetched, so the page can offer to try
//! again instead of stopping the whole app.
//!
//! [`Part`] draws what such a function returns: nothing while the chunk is on its way
//! (it is usually prefetched while the person reads the page before), "Loading…" if it
//! takes longer, and a retry if the network failed.

use std::future::Future;
#[cfg(split_bundle)]
use std::time::Duration;

use leptos::prelude::*;

#[cfg(split_bundle)]
use crate::components::{ErrorState, Loading};
#[cfg(split_bundle)]
use crate::i18n::Key;

/// A chunk that could not be fetched or instantiated (the network, usually).
pub type NotLoaded = leptos::wasm_split::SplitLoaderError;

/// `split_off! { "split-form", chunk_name, preload_name; fn name(args) -> View { body } }`
/// declares, for the bundle built with the feature `split-form`,
/// `async fn name(args) -> Result<View, NotLoaded>` and `async fn preload_name() ->
/// Result<(), NotLoaded>`, which fetches the chunk without calling anything in it.
/// Functions naming the same chunk share it.
#[macro_export]
macro_rules! split_off {
    ($feature:literal, $chunk:ident, $preload:ident;
     $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        #[cfg(all(feature = $feature, target_family = "wasm"))]
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[allow(dead_code)] $preload)
        )]
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::split::NotLoaded> {
            let value: $ret = $body;
            ::core::result::Result::Ok(value)
        }

        $(#[$meta])*
        #[cfg(not(all(feature = $feature, target_family = "wasm")))]
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::split::NotLoaded> {
            let value: $ret = $body;
            ::core::result::Result::Ok(value)
        }

        /// Fetches the chunk ahead of need (nothing to fetch in a bundle not split).
        #[cfg(not(all(feature = $feature, target_family = "wasm")))]
        #[allow(dead_code)]
        $vis async fn $preload() -> ::core::result::Result<(), $crate::split::NotLoaded> {
            ::core::result::Result::Ok(())
        }
    };
}

/// Fetches a chunk once the page is drawn and usable, while the person reads it, so that
/// the page needing it is drawn at once: e.g. Check answers from a form's step.
#[cfg(split_bundle)]
pub fn prefetch_when_drawn<Fut>(preload: fn() -> Fut)
where
    Fut: Future<Output = Result<(), NotLoaded>> + 'static,
{
    leptos::task::spawn_local(async move {
        crate::tasks::after_page_drawn().await;
        // A failure is not remembered: the page that needs the chunk asks again.
        let _ = preload().await;
    });
}

/// Outside a split bundle there is nothing to fetch.
#[cfg(not(split_bundle))]
pub fn prefetch_when_drawn<Fut>(_preload: fn() -> Fut)
where
    Fut: Future<Output = Result<(), NotLoaded>> + 'static,
{
}

/// Draws the view `load` gives once its chunk is there; a retry if it could not come.
/// (Not Leptos's `Suspense`, whose async machinery would weigh more than the parts.)
#[cfg(split_bundle)]
#[component]
pub fn Part<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
{
    // One copy of the drawing for every part: only this boxing is per part.
    part_view(std::sync::Arc::new(move || Box::pin(load()) as PartLoad))
}

/// A part's load, boxed (see [`Part`]).
#[cfg(split_bundle)]
type PartLoad = std::pin::Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>> + Send>>;

#[cfg(split_bundle)]
fn part_view(load: std::sync::Arc<dyn Fn() -> PartLoad + Send + Sync>) -> AnyView {
    #[derive(Clone, Copy, PartialEq)]
    enum Chunk {
        Waiting,
        Failed,
        Here,
    }
    let chunk = RwSignal::new(Chunk::Waiting);
    // The view, from the chunk's function, taken once when it is drawn.
    let view = StoredValue::new_local(None::<AnyView>);
    // Under this part's owner, also when "Try again" (an event, outside any owner) asks:
    // the chunk's function draws its view, reading the page's context, when it runs.
    let owner = Owner::current().unwrap_or_default();
    let fetch = move || {
        owner.with(|| {
            let pending = load();
            crate::tasks::spawn_owned(async move {
                let outcome = pending.await;
                // The page may have been left in between.
                if view.try_set_value(outcome.ok()).is_none() {
                    let here = view.with_value(Option::is_some);
                    chunk.try_set(if here { Chunk::Here } else { Chunk::Failed });
                }
            });
        })
    };
    // The first fetch; `fetch` itself goes to "Try again", which fetches the chunk afresh
    // (a failure is not remembered).
    fetch.clone()();
    let on_retry = Callback::new(move |_| {
        chunk.set(Chunk::Waiting);
        fetch();
    });
    // "Loading…" only if the chunk takes longer than a glance: usually it was prefetched.
    let slow = RwSignal::new(false);
    set_timeout(move || slow.set(true), Duration::from_millis(400));
    (move || match chunk.get() {
        Chunk::Waiting => slow.get().then(|| view! { <Loading/> }).into_any(),
        Chunk::Failed => view! {
            <ErrorState title=Key::PartLoadErrorTitle body=Key::LoadErrorBody on_retry/>
        }
        .into_any(),
        Chunk::Here => view.try_update_value(Option::take).flatten().into_any(),
    })
    .into_any()
}

/// Outside a split bundle every part is already there: its function answers at once, and
/// the view is drawn as it is, without the waiting a chunk needs (and without its code).
#[cfg(not(split_bundle))]
#[component]
pub fn Part<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
{
    // Neither a failure nor a wait can happen without a chunk to fetch.
    now(load()).and_then(Result::ok)
}

/// Runs `task` to its end at once when it needs no waiting (a chunk's function whose
/// chunk is already here), else from a later task, under the current reactive owner.
pub fn at_once_or_later(task: impl Future<Output = ()> + 'static) {
    let mut task = Box::pin(task);
    if poll_once(task.as_mut()).is_none() {
        crate::tasks::spawn_owned(task);
    }
}

/// The output of a future that needs no waiting, `None` if it would wait.
#[cfg_attr(split_bundle, allow(dead_code))]
fn now<T>(future: impl Future<Output = T>) -> Option<T> {
    poll_once(std::pin::pin!(future))
}

/// Polls `future` once, without a waker: its output, or `None` if it would wait (it
/// can be polled again later, with a waker, to go on).
fn poll_once<T>(future: std::pin::Pin<&mut impl Future<Output = T>>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

#[cfg(test)]
mod tests {
    use super::now;

    crate::split_off! { "split-form", doubling, preload_doubling;
        fn double(n: u32) -> u32 { n * 2 }
    }

    #[test]
    fn outside_its_split_bundle_a_part_is_an_ordinary_function() {
        assert_eq!(now(double(21)).and_then(Result::ok), Some(42));
        assert!(now(preload_doubling()).is_some_and(|r| r.is_ok()));
    }
}
