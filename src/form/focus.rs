//! Moving keyboard focus to a question from a link to it: the error summary's links and
//! the check page's Change links (`#f-child_name`). A question of several inputs (a
//! person, an address, a repeating group) has no element with its own id, so the link
//! leads to its first input, as it does for a single input.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What can take the focus a link to a question gives.
const CONTROL: &str = "input:not([type=hidden]):not(:disabled), select:not(:disabled), \
     textarea:not(:disabled), button:not(:disabled)";

/// The input a link to `id` leads to: the element with that id when it is an input,
/// otherwise the first input whose id starts with `id-` (the question's parts and items;
/// for a repeating group with no item, its "add" button).
pub fn question_input(id: &str) -> Option<web_sys::HtmlElement> {
    // Ids are built from field ids (ASCII letters, digits, `_`) and `-`: safe in a selector.
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return None;
    }
    let doc = web_sys::window()?.document()?;
    if let Some(el) = doc.get_element_by_id(id) {
        if el.matches(CONTROL).unwrap_or(false) {
            return el.dyn_into().ok();
        }
    }
    let parts = CONTROL
        .split(", ")
        .map(|c| format!("{c}[id^=\"{id}-\"]"))
        .collect::<Vec<_>>()
        .join(", ");
    doc.query_selector(&parts).ok()??.dyn_into().ok()
}

/// Scrolls to the question and focuses its input; `false` when it is not on the page.
/// The whole question comes into view, label or legend first (as GOV.UK's error summary
/// does): scrolled to the top, the input alone left its label above the screen. Focusing
/// then scrolls again only if the input is still out of view (a tall question).
pub fn focus_question(id: &str) -> bool {
    let Some(el) = question_input(id) else {
        return false;
    };
    // A step's questions are in groups of ten (form/groups.rs); the forms drawn without
    // groups (feedback, the dossier lookup) hold theirs directly. The nearest one is the
    // question: a group, itself a child of the form, is further up.
    match el.closest(".question-group > *, .question-form > *") {
        Ok(Some(question)) => question.scroll_into_view(),
        _ => el.scroll_into_view(),
    }
    el.focus().is_ok()
}

/// The same once the question is drawn (after the current update, or when its data has
/// loaded, like an address's lists). Gives up after about two seconds, or as soon as the
/// citizen has moved focus somewhere themselves.
pub fn focus_question_when_drawn(id: String) {
    fn attempt(id: String, from: Option<web_sys::Element>, left: u32) {
        let wait = if left == TRIES { 0 } else { 50 };
        set_timeout(
            move || {
                if focus_question(&id) || left == 0 || focus_moved(from.as_ref()) {
                    return;
                }
                attempt(id, from, left - 1);
            },
            Duration::from_millis(wait),
        );
    }
    const TRIES: u32 = 40;
    attempt(id, document().active_element(), TRIES);
}

/// Whether focus is now on something other than the page itself or `from` (where it was
/// when focusing was asked for).
fn focus_moved(from: Option<&web_sys::Element>) -> bool {
    let doc = document();
    let Some(el) = doc.active_element() else {
        return false;
    };
    let on_body = doc.body().is_some_and(|b| {
        let b: &web_sys::Element = &b;
        *b == el
    });
    !on_body && el.id() != "main-content" && from != Some(&el)
}

/// Puts the focus on the page's main heading once drawn. A step reached inside the app
/// is drawn over the previous one, whose focused element (the Continue button, the back
/// link) may be reused and keep the focus at the bottom of the new page; a page load
/// would start at the top, and a screen reader should read the new question first.
pub fn focus_heading_when_drawn() {
    focus_heading_after(Duration::ZERO, HEADING_TRIES);
}

/// How long a page drawn from a chunk still on its way (`split::Part`) may take to show
/// its heading: 200 tries, 50 ms apart.
const HEADING_TRIES: u32 = 200;

fn focus_heading_after(delay: Duration, tries: u32) {
    set_timeout(
        move || {
            let heading = document()
                .query_selector("main h1[tabindex]")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            match heading {
                Some(h) => {
                    let _ = h.focus();
                }
                // Not drawn yet: try again, unless the person has put the focus somewhere.
                None if tries > 0 && !focus_moved(None) => {
                    focus_heading_after(Duration::from_millis(50), tries - 1)
                }
                None => {}
            }
        },
        delay,
    );
}
