//! The GOV.UK error summary: a list of what is wrong, each linking to its field. It takes
//! focus when it appears so keyboard and screen-reader users land on it.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// One problem: the id of the input to jump to and the message.
#[derive(Clone, PartialEq)]
pub struct Problem {
    pub target: String,
    pub message: String,
}

#[component]
pub fn ErrorSummary(#[prop(into)] problems: Signal<Vec<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    let panel = NodeRef::<html::Div>::new();
    // Focus on every new set of errors (each "Continue" that fails).
    Effect::new(move |_| {
        if !problems.with(Vec::is_empty) {
            if let Some(el) = panel.get() {
                let _ = el.focus();
            }
        }
    });
    let jump = |target: String| {
        move |ev: leptos::ev::MouseEvent| {
            // Move focus to the field itself (the browser would only scroll), or to the
            // first input of a question made of several.
            if super::focus::focus_question(&target) {
                ev.prevent_default();
            }
        }
    };
    view! {
        <Show when=move || !problems.with(Vec::is_empty)>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=panel aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">{move || i18n.t(Key::ErrorSummaryTitle)}</h2>
                <ul class="error-summary__list">
                    {move || problems.get().into_iter().map(|p| {
                        let href = format!("#{}", p.target);
                        view! { <li><a href=href on:click=jump(p.target.clone())>{p.message}</a></li> }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
