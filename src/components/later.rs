//! Content drawn in a later task than the rest of the page, so that opening a page is
//! several shorter tasks instead of one long one (the browser paints and answers input
//! between two tasks).

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

/// Draws `children` in the task after the rest of the page: for what is below the
/// first screen.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = next_task_signal();
    move || ready.get().then(|| children())
}

/// Like [`Later`] while the app draws the page the server sent, and at once on pages
/// opened afterwards: for the main content under a heading the static first paint
/// already shows (a form step's questions), which would otherwise flash in a moment
/// after the heading on every later page.
#[component]
pub fn LaterOnFirstPage(children: ChildrenFn) -> impl IntoView {
    if !FIRST_PAGE.get() {
        return children().into_any();
    }
    view! { <Later>{children()}</Later> }.into_any()
}

thread_local! {
    static FIRST_PAINT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether the app still shows the page the server sent (with the app's own
    /// redirects, like `/apply` going on to its step).
    static FIRST_PAGE: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the markup of the page's static first paint (the content of `<main>` the server
/// sent), for [`AfterFirstPaint`] to show until the page itself is drawn.
pub fn keep_first_paint(html: String) {
    FIRST_PAINT.with(|f| *f.borrow_mut() = Some(html));
    FIRST_PAGE.set(true);
    // Another page is only ever opened by the citizen: a link or button (a click, also
    // from the keyboard), a form sent, or the browser's back and forward.
    let leave = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| FIRST_PAGE.set(false));
    let window = window();
    for event in ["click", "submit", "popstate"] {
        let _ = window.add_event_listener_with_callback_and_bool(
            event,
            wasm_bindgen::JsCast::unchecked_ref(leave.as_ref()),
            true,
        );
    }
    leave.forget();
}

/// The page's content, drawn in the task after the frame around it. Until then the
/// static first paint stays in its place (once, when the app starts; later pages are
/// drawn at once), so nothing on the screen changes between the two tasks.
#[component]
pub fn AfterFirstPaint(children: Children) -> impl IntoView {
    let Some(first_paint) = FIRST_PAINT.with(|f| f.borrow_mut().take()) else {
        return children().into_any();
    };
    let ready = next_task_signal();
    let children = Cell::new(Some(children));
    (move || match ready.get() {
        true => children.take().map(|c| c()).into_any(),
        // `display: contents`: laid out as if its children were the page's.
        false => {
            view! { <div class="first-paint" inner_html=first_paint.clone()></div> }.into_any()
        }
    })
    .into_any()
}

/// A signal that turns true in the next task.
fn next_task_signal() -> RwSignal<bool> {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::tasks::next_task().await;
        // The page may have been left in between.
        let _ = ready.try_set(true);
    });
    ready
}
