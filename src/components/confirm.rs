//! GOV.UK's confirmation step for an action with wide effect (publishing, rolling back):
//! the first button only asks; a warning with "Yes, …" and "Cancel" answers. No browser
//! dialog, so it reads, zooms and translates like the rest of the page.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[component]
pub fn ConfirmAction(
    /// The first button, which only asks.
    ask: Key,
    /// The question the warning asks, and what will happen.
    title: Key,
    warning: Key,
    /// The button that acts.
    yes: Key,
    /// The first button cannot be pressed (and looks it), with the reason's element id.
    #[prop(default = false)]
    disabled: bool,
    #[prop(default = None)] described_by: Option<&'static str>,
    /// The first button is the secondary style (the action is not the page's main one).
    #[prop(default = false)]
    secondary: bool,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let question = NodeRef::<leptos::html::Div>::new();
    let first = NodeRef::<leptos::html::Button>::new();
    // Focus follows the step, so a screen reader hears the warning, then returns.
    let focus_question = move || {
        request_animation_frame(move || {
            if let Some(el) = question.get_untracked() {
                let _ = el.focus();
            }
        })
    };
    let focus_first = move || {
        request_animation_frame(move || {
            if let Some(el) = first.get_untracked() {
                let _ = el.focus();
            }
        })
    };
    let class = if secondary {
        "button button--secondary"
    } else {
        "button"
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class=class node_ref=first disabled=disabled aria-describedby=described_by
                    on:click=move |_| { asking.set(true); focus_question(); }>
                    {move || i18n.t(ask)}
                </button>
            }
        >
            <div class="confirm" role="group" aria-labelledby="confirm-title" tabindex="-1" node_ref=question>
                <h3 id="confirm-title" class="confirm__title">{move || i18n.t(title)}</h3>
                <p class="confirm__warning">{move || i18n.t(warning)}</p>
                <div class="confirm__buttons">
                    <button type="button" class="button button--warning"
                        on:click=move |_| { asking.set(false); on_confirm.run(()); focus_first(); }>
                        {move || i18n.t(yes)}
                    </button>
                    <button type="button" class="button button--secondary"
                        on:click=move |_| { asking.set(false); focus_first(); }>
                        {move || i18n.t(Key::Cancel)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
