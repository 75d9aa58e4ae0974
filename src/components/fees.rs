//! What a service costs and how long it takes, as the service page and an embedded
//! service card show them: one table of fee cases, each online and in person, with the
//! mark on any figure still being verified.

use leptos::prelude::*;
use portal_core::{format_vnd, Confidence, Fees, Lang, ProcessingTime};

use crate::i18n::{text, use_i18n, Key};

/// A fact that still needs checking against the national database is marked as such,
/// so citizens are never misled by an unverified number.
pub fn confidence_note(lang: Lang, c: Confidence) -> String {
    match c {
        Confidence::Confirmed => String::new(),
        Confidence::NeedsCheck => format!(" ({})", text(lang, Key::NeedsCheck)),
    }
}

/// An amount of a fee case: free, in đồng, or not fixed.
pub fn amount(lang: Lang, a: Option<u64>) -> String {
    match a {
        Some(0) => text(lang, Key::Free).to_string(),
        Some(n) => format_vnd(n, lang),
        None => text(lang, Key::FeeNotFixed).to_string(),
    }
}

/// The processing time's text with its mark.
pub fn processing_time(lang: Lang, t: &ProcessingTime) -> String {
    format!(
        "{}{}",
        t.text.get(lang),
        confidence_note(lang, t.confidence)
    )
}

/// The fees: "free" with its note, or a table of the cases.
#[component]
pub fn FeeTable(fees: Fees) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |k| i18n.t(k);
    let lang = move || i18n.lang.get();
    match fees {
        Fees::Free {
            note, confidence, ..
        } => view! {
            <p>{move || t(Key::Free)}{move || confidence_note(lang(), confidence)}". "
                {move || note.as_ref().map(|n| n.get(lang()).to_string()).unwrap_or_default()}</p>
        }
        .into_any(),
        Fees::Rules { rules } => view! {
            <table class="table">
                <thead><tr>
                    <th scope="col">{move || t(Key::FeeCase)}</th>
                    <th scope="col" class="table__num">{move || t(Key::FeeOnline)}</th>
                    <th scope="col" class="table__num">{move || t(Key::FeeInPerson)}</th>
                </tr></thead>
                <tbody>
                    {rules.into_iter().map(|r| {
                        let online = r.online_amount();
                        let (case, note) = (r.case, r.note);
                        view! {
                            <tr>
                                <th scope="row">{move || format!("{}{}", case.get(lang()), confidence_note(lang(), r.confidence))}
                                    {note.map(|n| view! { <br/><span class="hint">{move || n.get(lang()).to_string()}</span> })}
                                </th>
                                <td class="table__num">{move || amount(lang(), online)}</td>
                                <td class="table__num">{move || amount(lang(), r.in_person)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any(),
    }
}
