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
    let mut groups: Vec<Vec<AnyView>> = Vec::new();
    for (i, question) in questions.into_iter().enumerate() {
        if i % QUESTIONS_PER_GROUP == 0 {
            groups.push(Vec::with_capacity(QUESTIONS_PER_GROUP));
        }
        if let Some(group) = groups.last_mut() {
            group.push(question);
        }
    }
    groups
        .into_iter()
        .map(|group| view! { <div class="question-group">{group}</div> })
        .collect_view()
}
