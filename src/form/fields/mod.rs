//! One component per kind of question, all with the same shape: the form state, the
//! question, and (for group members) where the answer lives. `FieldView` picks the one.
//! A page whose questions are all of one kind (lookup, feedback: text; added documents:
//! an upload) uses that kind's component, so its bundle carries no code for the others.

mod address;
pub(crate) mod attachment;
mod choice;
pub(crate) mod group;
mod person;
mod shell;
mod text_input;

use leptos::prelude::*;
use portal_core::form::{Field, FieldKind};

pub(crate) use address::choice_for;
pub use attachment::AttachmentField;
pub use shell::{error_text, FieldShell};
pub use text_input::TextField;

use super::FormState;
use crate::split::Part;

/// Renders one top-level question of the current step (nothing while it is hidden).
#[component]
pub fn FieldView(state: FormState, field: Field) -> impl IntoView {
    let id = field.id.0.clone();
    let s2 = state.clone();
    let visible = Memo::new(move |_| s2.is_visible(&id));
    let field = StoredValue::new(field);
    move || {
        visible.get().then(|| {
            let field = field.get_value();
            let state = state.clone();
            match &field.kind {
                FieldKind::Choice(_) | FieldKind::YesNo => {
                    view! { <choice::Radios state field/> }.into_any()
                }
                FieldKind::MultipleChoice(_) => {
                    view! { <choice::Checkboxes state field/> }.into_any()
                }
                FieldKind::Declaration => view! { <choice::Declaration state field/> }.into_any(),
                FieldKind::Person(_) => view! { <person::PersonBlock state field/> }.into_any(),
                FieldKind::Group(_) => {
                    view! { <Part load=move || group::group_view(state.clone(), field.clone())/> }
                        .into_any()
                }
                FieldKind::Address(_) => view! { <address::AddressField state field/> }.into_any(),
                FieldKind::Attachment(_) => {
                    view! { <attachment::AttachmentField state field/> }.into_any()
                }
                _ => view! { <text_input::TextField state field/> }.into_any(),
            }
        })
    }
}

/// Whether [`TextField`] draws a question of this kind (a typed answer), as `FieldView`
/// does for every kind it does not give a component of its own.
pub fn is_typed(kind: &FieldKind) -> bool {
    !matches!(
        kind,
        FieldKind::Choice(_)
            | FieldKind::YesNo
            | FieldKind::MultipleChoice(_)
            | FieldKind::Declaration
            | FieldKind::Person(_)
            | FieldKind::Group(_)
            | FieldKind::Address(_)
            | FieldKind::Attachment(_)
    )
}
