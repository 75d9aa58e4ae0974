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
        frame_then_task(&resolve);
    })
    .await;
}

/// A listener for a text box's `input` events that calls `run` in a task after each
/// key's frame, while the key itself runs none of the app's code: the listener is the
/// browser's own `requestAnimationFrame`, bound to its `setTimeout`, bound to `run`
/// (a future, a promise and two closures per key were about a millisecond of each key's
/// frame at 4x CPU throttling, and the app's handler another). `run` is made once, not
/// at each key; keys typed within one frame each call it, so it reads what is typed
/// then and does nothing when that is already applied. A page that gets no animation
/// frames (a background tab) calls it once it is shown again.
pub fn after_each_paint_listener(run: impl Fn() + 'static) -> js_sys::Function {
    let run = Closure::<dyn Fn()>::new(run)
        .into_js_value()
        .unchecked_into::<js_sys::Function>();
    let window = leptos::prelude::window();
    let on_frame = set_timeout_0(&window, &run);
    match window_function(&window, "requestAnimationFrame") {
        Some(request_frame) => request_frame.bind1(&window, &on_frame).unchecked_into(),
        None => on_frame,
    }
}

/// The browser's `setTimeout` bound to `callback` and a delay of 0 (`callback` itself,
/// where there is none).
fn set_timeout_0(window: &web_sys::Window, callback: &js_sys::Function) -> js_sys::Function {
    match window_function(window, "setTimeout") {
        Some(set_timeout) => set_timeout
            .bind2(window, callback, &0.into())
            .unchecked_into(),
        None => callback.clone(),
    }
}

fn window_function(window: &web_sys::Window, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(window, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
}

/// Calls `callback` in a task after the next animation frame, or after 100 ms where the
/// page gets no frames (a background tab). The frame's own callback is the browser's
/// `setTimeout`, bound to `callback`: the frame runs none of the app's code. A callback
/// called twice must do nothing the second time.
fn frame_then_task(callback: &js_sys::Function) {
    let window = leptos::prelude::window();
    let on_frame = set_timeout_0(&window, callback);
    let _ = window.request_animation_frame(&on_frame);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback, 100);
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
