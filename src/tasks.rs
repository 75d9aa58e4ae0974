//! Splitting work into tasks of the browser's event loop, so that no single one blocks
//! the page for long: between two tasks the browser paints and answers input.

use std::cell::Cell;
use std::rc::Rc;
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

/// Work that follows each keystroke, run in a task after the key's paint. Its callbacks
/// are made once, not at each key (a future, a promise and two closures per key were
/// about a millisecond of each key's frame at 4x CPU throttling).
pub struct EachPaint {
    pending: Rc<Cell<bool>>,
    fallback: Rc<Cell<Option<i32>>>,
    fire: js_sys::Function,
}

impl EachPaint {
    /// `run` is what each key asks for.
    pub fn new(run: impl Fn() + 'static) -> Self {
        let pending = Rc::new(Cell::new(false));
        let fallback = Rc::new(Cell::new(None::<i32>));
        let fire = {
            let (pending, fallback) = (pending.clone(), fallback.clone());
            Closure::<dyn Fn()>::new(move || {
                clear_timeout(fallback.take());
                if pending.replace(false) {
                    run();
                }
            })
            .into_js_value()
            .unchecked_into::<js_sys::Function>()
        };
        Self {
            pending,
            fallback,
            fire,
        }
    }

    /// Asks for the work in a task after the next paint; asking again before it ran asks
    /// nothing more.
    pub fn ask(&self) {
        if !self.pending.replace(true) {
            self.fallback.set(frame_then_task(&self.fire));
        }
    }

    /// Takes back what was asked and not run yet (the work is done some other way now):
    /// whether there was any.
    pub fn cancel(&self) -> bool {
        clear_timeout(self.fallback.take());
        self.pending.replace(false)
    }
}

/// Calls `callback` in a task after the next animation frame, or after 100 ms where the
/// page gets no frames (a background tab); returns that fallback timer. The frame's own
/// callback is the browser's `setTimeout`, bound to `callback`: the frame runs none of
/// the app's code. A callback called twice must do nothing the second time.
fn frame_then_task(callback: &js_sys::Function) -> Option<i32> {
    let window = leptos::prelude::window();
    let set_timeout = js_sys::Reflect::get(&window, &"setTimeout".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let on_frame = match set_timeout {
        Some(set_timeout) => set_timeout
            .bind2(&window, callback, &0.into())
            .unchecked_into(),
        None => callback.clone(),
    };
    let _ = window.request_animation_frame(&on_frame);
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback, 100)
        .ok()
}

fn clear_timeout(id: Option<i32>) {
    if let Some(id) = id {
        leptos::prelude::window().clear_timeout_with_handle(id);
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
