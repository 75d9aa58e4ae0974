//! Splitting work into tasks of the browser's event loop, so that no single one blocks
//! the page for long: between two tasks the browser paints and answers input.

use wasm_bindgen::{closure::Closure, JsCast};

/// Resolves in a later task of the event loop (a zero-delay timeout).
pub async fn next_task() {
    until_called(|resolve| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    })
    .await;
}

/// Resolves in a task after the browser has painted what the page shows now (a timeout
/// set from an animation frame), so that what replaces the page's static first paint
/// comes after that paint, not before it. A page in a background tab gets no animation
/// frames: there it resolves after 100 ms instead.
pub async fn after_next_paint() {
    until_called(|resolve| {
        let window = leptos::prelude::window();
        let after_frame = resolve.clone();
        let on_frame = Closure::once_into_js(move || {
            let _ = leptos::prelude::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&after_frame, 0);
        });
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    })
    .await;
}

/// Resolves once the page drawn now is on the screen and usable: two frames, the app's
/// first drawing of it, then this. What a page fetches for what comes next waits for it.
pub async fn after_page_drawn() {
    after_next_paint().await;
    after_next_paint().await;
}

/// Resolves once the function `arm` is given has been called (the first time, if more).
async fn until_called(mut arm: impl FnMut(js_sys::Function)) {
    let promise = js_sys::Promise::new(&mut |resolve, _| arm(resolve));
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `task` from a later turn of the event loop under the reactive owner current now,
/// so that what it reads from context (the API's source) or creates (a page part's
/// view) belongs to the page that started it. One wrapper for every task, where Leptos's
/// `spawn_local_scoped` compiles its scoping future again for each type of task.
pub fn spawn_owned(task: impl std::future::Future<Output = ()> + 'static) {
    let owner = leptos::prelude::Owner::current();
    let mut task: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> = Box::pin(task);
    leptos::task::spawn_local(std::future::poll_fn(move |cx| match &owner {
        Some(owner) => owner.with(|| task.as_mut().poll(cx)),
        None => task.as_mut().poll(cx),
    }));
}
