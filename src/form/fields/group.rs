//! A repeating group ("add another"): the same questions once per item, with buttons to
//! add and remove items within the group's minimum and maximum.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::form::{Answer, Answers, Field, FieldKind, FieldPath};

use super::attachment::AttachmentControl;
use super::choice::{CheckboxesControl, RadiosControl};
use super::person::PersonControl;
use super::shell::{Binding, FieldShell};
use super::text_input::TextControl;
use crate::form::focus::focus_question_when_drawn;
use crate::form::FormState;
use crate::i18n::{use_i18n, Key};

fn items_of(a: Option<Answer>) -> Vec<Answers> {
    match a {
        Some(Answer::Group(items)) => items,
        _ => Vec::new(),
    }
}

crate::split_off! { "split-form", groups, preload_groups;
    /// A repeating group: in the form's bundle a chunk of its own, which a step fetches
    /// once drawn when its form has one (most steps and many forms have none).
    pub(crate) fn group_view(state: FormState, field: Field) -> AnyView {
        view! { <GroupView state field/> }.into_any()
    }
}

#[component]
fn GroupView(state: FormState, field: Field) -> impl IntoView {
    let i18n = use_i18n();
    let FieldKind::Group(g) = field.kind.clone() else {
        return ().into_any();
    };
    let Some(signal) = state.signal(field.id.as_str()) else {
        return ().into_any();
    };
    let group_id = field.id.0.clone();
    let count = Memo::new(move |_| {
        signal.with(|a| match a {
            Some(Answer::Group(items)) => items.len(),
            _ => 0,
        })
    });
    // Show at least the minimum number of items (one if the group is required).
    let floor = (g.min as usize).max(usize::from(field.required));
    let shown = move || count.get().max(floor);
    let item_label = g.item_label.clone();
    let max = g.max as usize;
    // Ids of the items' inputs start with `f-<group>-<index>-`.
    let prefix = FieldPath::field(group_id.as_str()).dom_id();
    let add_prefix = prefix.clone();
    let add_id = format!("{prefix}-add");
    let st = state.clone();
    let gid = group_id.clone();
    let add = move |_: leptos::ev::MouseEvent| {
        let mut items = items_of(signal.get_untracked());
        while items.len() < shown() {
            items.push(Answers::new());
        }
        if items.len() < max {
            items.push(Answers::new());
        }
        let added = items.len() - 1;
        st.set(&gid, Some(Answer::Group(items)));
        // Straight to the new item's first question.
        focus_question_when_drawn(format!("{add_prefix}-{added}"));
    };
    let binding = Binding::top(&state, field.id.as_str());
    let Some(binding) = binding else {
        return ().into_any();
    };
    let members = StoredValue::new(g.fields.clone());
    let label_for_items = item_label.clone();
    let st2 = state.clone();
    let gid2 = group_id.clone();
    // Items are keyed by position, so answering the first question of a new group (which
    // creates its answer) or adding an item keeps the inputs already drawn, and the focus
    // in them.
    let item_view = move |i: usize| {
        let st = st2.clone();
        let gid = gid2.clone();
        let label = label_for_items.clone();
        let remove = {
            let st = st.clone();
            let gid = gid.clone();
            let prefix = prefix.clone();
            move |_| {
                let mut items = items_of(signal.get_untracked());
                if i < items.len() {
                    items.remove(i);
                }
                let left = items.len().max(floor);
                st.set(&gid, (!items.is_empty()).then_some(Answer::Group(items)));
                // Focus the item that took its place (or the one before), else "add".
                let target = match left {
                    0 => prefix.clone(),
                    n => format!("{prefix}-{}", i.min(n - 1)),
                };
                focus_question_when_drawn(target);
            }
        };
        let label2 = label.clone();
        view! {
            <div class="group-item">
                <h3 class="group-item__title">{move || format!("{} {}", label.get(i18n.lang.get()), i + 1)}</h3>
                {members.get_value().into_iter().map(|child| view! { <Member state=st.clone() group=gid.clone() index=i field=child signal/> }).collect_view()}
                {move || (shown() > floor).then(|| {
                    let label = label2.clone();
                    view! {
                        <button type="button" class="button button--secondary button--small" on:click=remove.clone()>
                            {move || format!("{} {} {}", i18n.t(Key::Remove), portal_core::case::lowercase(label.get(i18n.lang.get())), i + 1)}
                        </button>
                    }
                })}
            </div>
        }
    };
    view! {
        <FieldShell state=state.clone() field=field.clone() binding fieldset=true>
            <For each=move || 0..shown() key=|i| *i children=item_view/>
            {move || (shown() < max).then(|| {
                let add = add.clone();
                let item_label = item_label.clone();
                view! {
                    <button type="button" id=add_id.clone() class="button button--secondary" on:click=add>
                        {move || format!("{} {}", i18n.t(Key::AddAnother), portal_core::case::lowercase(item_label.get(i18n.lang.get())))}
                    </button>
                }
            })}
        </FieldShell>
    }
    .into_any()
}

/// One member question of one item.
#[component]
fn Member(
    state: FormState,
    group: String,
    index: usize,
    field: Field,
    signal: RwSignal<Option<Answer>>,
) -> impl IntoView {
    let child = field.id.0.clone();
    let st = state.clone();
    let (g, c) = (group.clone(), child.clone());
    let visible = Memo::new(move |_| st.is_item_visible(&g, index, &c));
    let get = {
        let child = child.clone();
        Arc::new(move || {
            signal.with(|a| match a {
                Some(Answer::Group(items)) => {
                    items.get(index).and_then(|it| it.get(&child).cloned())
                }
                _ => None,
            })
        }) as Arc<dyn Fn() -> Option<Answer> + Send + Sync>
    };
    let set = {
        let st = state.clone();
        let group = group.clone();
        let child = child.clone();
        Arc::new(move |a: Option<Answer>| {
            let mut items = items_of(signal.get_untracked());
            while items.len() <= index {
                items.push(Answers::new());
            }
            match a {
                Some(a) => {
                    items[index].set(child.clone(), a);
                }
                None => {
                    items[index].remove(&child);
                }
            }
            st.set(&group, Some(Answer::Group(items)));
        }) as Arc<dyn Fn(Option<Answer>) + Send + Sync>
    };
    let binding = Binding {
        path: FieldPath::item(group, index, child),
        get,
        set,
    };
    move || {
        visible.get().then(|| {
            let (state, field, binding) = (state.clone(), field.clone(), binding.clone());
            match &field.kind {
                FieldKind::Choice(_) | FieldKind::YesNo => view! {
                    <FieldShell state field=field.clone() binding=binding.clone() fieldset=true><RadiosControl field binding/></FieldShell>
                }.into_any(),
                FieldKind::MultipleChoice(_) => view! {
                    <FieldShell state field=field.clone() binding=binding.clone() fieldset=true><CheckboxesControl field binding/></FieldShell>
                }.into_any(),
                FieldKind::Person(_) => view! {
                    <FieldShell state field=field.clone() binding=binding.clone() fieldset=true><PersonControl field binding/></FieldShell>
                }.into_any(),
                FieldKind::Attachment(_) => view! {
                    <FieldShell state field=field.clone() binding=binding.clone()><AttachmentControl field binding/></FieldShell>
                }.into_any(),
                _ => view! {
                    <FieldShell state=state.clone() field=field.clone() binding=binding.clone()><TextControl state field binding/></FieldShell>
                }.into_any(),
            }
        })
    }
}
