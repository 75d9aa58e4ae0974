//! Content drawn in the task after the rest of the page: for what is below the first
//! screen, so that opening a page is two shorter tasks instead of one long one.

use leptos::prelude::*;

#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::tasks::next_task().await;
        // The page may have been left in between.
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
