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

/// Work that follows each keystroke, run in a task after the key's paint: the returned
/// function asks for it, and asking again before it ran asks nothing more. Its callbacks
/// are made once, not at each key (a future, a promise and two closures per key were
/// about a millisecond of each key's frame at 4x CPU throttling). As `after_next_paint`,
/// it runs after 100 ms where the page gets no animation frames.
pub fn after_each_paint(run: impl Fn() + 'static) -> impl Fn() + Clone + 'static {
    use std::cell::Cell;
    use std::rc::Rc;
    let pending = Rc::new(Cell::new(false));
    let fallback = Rc::new(Cell::new(None::<i32>));
    let fire = {
        let (pending, fallback) = (pending.clone(), fallback.clone());
        Closure::<dyn Fn()>::new(move || {
            if let Some(id) = fallback.take() {
                leptos::prelude::window().clear_timeout_with_handle(id);
            }
            if pending.replace(false) {
                run();
            }
        })
        .into_js_value()
        .unchecked_into::<js_sys::Function>()
    };
    // The frame's callback is the browser's own `setTimeout`, bound to `fire`: the key's
    // frame runs none of the app's code.
    let window = leptos::prelude::window();
    let on_frame = js_sys::Reflect::get(&window, &"setTimeout".into())
        .map(|f| f.unchecked_into::<js_sys::Function>())
        .map(|set_timeout| {
            set_timeout
                .bind2(&window, &fire, &0.into())
                .unchecked_into()
        })
        .unwrap_or_else(|_| fire.clone());
    move || {
        if pending.replace(true) {
            return;
        }
        let window = leptos::prelude::window();
        let _ = window.request_animation_frame(&on_frame);
        fallback.set(
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&fire, 100)
                .ok(),
        );
    }
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
