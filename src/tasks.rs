//! Splitting work into tasks of the browser's event loop, so that no single one blocks
//! the page for long: between two tasks the browser paints and answers input.

/// Resolves in a later task of the event loop (a zero-delay timeout).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a task after the browser has painted what the page shows now (a timeout
/// set from an animation frame), so that what replaces the page's static first paint
/// comes after that paint, not before it. A page in a background tab gets no animation
/// frames: there it resolves after 100 ms instead.
pub async fn after_next_paint() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = leptos::prelude::window();
        let after_frame = resolve.clone();
        let on_frame = Closure::once_into_js(move || {
            let _ = leptos::prelude::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&after_frame, 0);
        });
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
