//! `/accessibility`: the accessibility statement: what conformance is claimed, how it is
//! tested, what is known not to work, and how to report a problem.

use crate::components::Title;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |k| i18n.t(k);
    view! {
        <Title text=move || t(Key::A11yTitle)/>
        <h1>{move || t(Key::A11yTitle)}</h1>
        <p class="lead">{move || t(Key::A11yIntro)}</p>
        <h2>{move || t(Key::A11yStatusTitle)}</h2>
        <p>{move || t(Key::A11yStatus)}</p>
        <h2>{move || t(Key::A11yTestedTitle)}</h2>
        <ul class="list list--bullet">
            <li>{move || t(Key::A11yTestedAxe)}</li>
            <li>{move || t(Key::A11yTestedKeyboard)}</li>
            <li>{move || t(Key::A11yTestedReflow)}</li>
            <li>{move || t(Key::A11yTestedMotion)}</li>
            <li>{move || t(Key::A11yTestedLighthouse)}</li>
        </ul>
        <h2>{move || t(Key::A11yKnownTitle)}</h2>
        <ul class="list list--bullet">
            <li>{move || t(Key::A11yKnownSignIn)}</li>
            <li>{move || t(Key::A11yKnownManual)}</li>
        </ul>
        <h2>{move || t(Key::A11yContactTitle)}</h2>
        <p>{move || t(Key::A11yContact)}</p>
    }
}
