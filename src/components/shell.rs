//! The page frame every route shares: skip link, header with the portal's name and the
//! language switch, beta banner, the main landmark and the footer.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::AfterFirstPaint;
use crate::i18n::{use_i18n, Key};

/// The router treats in-page links as navigations, which would leave focus on the link;
/// move it to the main landmark as the browser would.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = focus_main() {
        main.scroll_into_view();
    }
}

/// Moves focus to the page's main landmark (as a page load leaves it at the top); the
/// landmark, if the page has one.
pub fn focus_main() -> Option<web_sys::HtmlElement> {
    let main = document()
        .get_element_by_id("main-content")?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let _ = main.focus();
    Some(main)
}

/// The frame around a page whose path is `path` (the router's location, or the address
/// of a bundle with one page and no router).
#[component]
pub fn Shell(path: Signal<String>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let switch = move |_| {
        let next = i18n.lang.get_untracked().other();
        i18n.lang.set(next);
    };
    // Feedback is about the page the person is on.
    let feedback = move || portal_api::routes::feedback(&path.get());
    view! {
        <a class="skip-link" href="#main-content" on:click=skip_to_main>{move || i18n.t(Key::SkipToContent)}</a>
        <header class="header">
            <div class="header__inner container">
                <a class="header__brand" href="/">
                    <span class="header__emblem" aria-hidden="true"></span>
                    <span class="header__name">{move || i18n.t(Key::PortalName)}</span>
                </a>
                // Before the account, as in the first paint: on a phone the brand and this
                // button share the first line and the account takes the second.
                <button
                    type="button"
                    class="header__lang"
                    lang=move || i18n.lang.get().other().tag()
                    on:click=switch
                >
                    {move || i18n.t(Key::SwitchLanguage)}
                </button>
                <Account/>
            </div>
        </header>
        <div class="phase-banner container">
            <p><strong class="tag tag--phase">{move || i18n.t(Key::PhaseTag)}</strong>" "{move || i18n.t(Key::PhaseBanner)}
                <a href=feedback>{move || i18n.t(Key::PhaseBannerLink)}</a>{move || i18n.t(Key::PhaseBannerEnd)}</p>
        </div>
        <main id="main-content" class="main container" tabindex="-1">
            <AfterFirstPaint>{children()}</AfterFirstPaint>
        </main>
        <footer class="footer">
            <div class="container">
                <p>{move || i18n.t(Key::FooterAbout)}</p>
                <p>{move || i18n.t(Key::FooterNote)}</p>
                <ul class="footer__links">
                    <li><a href="/lookup">{move || i18n.t(Key::LookupTitle)}</a></li>
                    <li><a href=portal_api::routes::STATISTICS>{move || i18n.t(Key::StatisticsLink)}</a></li>
                    <li><a href="/accessibility">{move || i18n.t(Key::A11yLink)}</a></li>
                    <li><a href="/gallery">{move || i18n.t(Key::GalleryTitle)}</a></li>
                    <li><a href=portal_api::routes::EMBED>{move || i18n.t(Key::EmbedTitle)}</a></li>
                </ul>
            </div>
        </footer>
    }
}

/// Who is signed in, with sign-out; or a sign-in link back to this page.
#[component]
fn Account() -> impl IntoView {
    let i18n = use_i18n();
    let header = crate::session::use_header();
    move || {
        match header.0.get() {
        Some(s) if s.signed_in => {
            let name = s.name().to_string();
            view! {
                <div class="header__account">
                    <a class="header__link" href="/dossiers">{move || i18n.t(Key::MyDossiers)}</a>
                    <span class="header__name-user">{name}</span>
                    // A plain form: the server ends the session and sends the browser on
                    // to end the identity provider's session too.
                    <form class="header__sign-out" method="post" action=portal_api::paths::template::SIGN_OUT>
                        <button type="submit" class="header__lang">{move || i18n.t(Key::SignOut)}</button>
                    </form>
                </div>
            }
            .into_any()
        }
        Some(s) if s.is_expired() => view! {
            <div class="header__account">
                <a class="header__link" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{move || i18n.t(Key::SignInAgain)}</a>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="header__account">
                <a class="header__link" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{move || i18n.t(Key::SignIn)}</a>
            </div>
        }
        .into_any(),
    }
    }
}
