//! The app's root: language context, routes and the shared page frame.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::Shell;
use crate::i18n::{use_i18n, I18n, Key};
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::dossier::{DossierPage, LookupPage, MyDossiersPage};
use crate::pages::gallery::{GalleryPage, LargeFormPage};
use crate::pages::{
    apply::ApplyPage, catalogue::CataloguePage, not_found::NotFoundPage, service::ServicePage,
};
use crate::pages::{staff::StaffPage, staff_draft::StaffDraftPage, staff_preview::PreviewLayout};
use crate::prefs;

/// Provides the language context, restoring the saved choice and saving every change.
pub fn provide_i18n() -> I18n {
    let lang = RwSignal::new(prefs::saved_lang());
    Effect::new(move |_| prefs::apply_lang(lang.get()));
    let i18n = I18n { lang };
    provide_context(i18n);
    i18n
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n();
    crate::session::provide_session();
    let i18n = use_i18n();
    view! {
        <Title formatter=move |page: String| format!("{page} | {}", i18n.t(Key::PortalName))/>
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=CataloguePage/>
                    <Route path=path!("/accessibility") view=AccessibilityPage/>
                    <Route path=path!("/dossiers") view=MyDossiersPage/>
                    <Route path=path!("/dossiers/:code") view=DossierPage/>
                    <Route path=path!("/lookup") view=LookupPage/>
                    <Route path=path!("/gallery") view=GalleryPage/>
                    <Route path=path!("/gallery/large-form") view=LargeFormPage/>
                    <Route path=path!("/services/:id") view=ServicePage/>
                    <Route path=path!("/services/:id/apply") view=ApplyPage/>
                    <Route path=path!("/services/:id/apply/:step") view=ApplyPage/>
                    <Route path=path!("/staff") view=StaffPage/>
                    <Route path=path!("/staff/drafts/:id") view=StaffDraftPage/>
                    <ParentRoute path=path!("/staff/preview/:draft") view=PreviewLayout>
                        <Route path=path!("") view=CataloguePage/>
                        <Route path=path!("services/:id") view=ServicePage/>
                        <Route path=path!("services/:id/apply") view=ApplyPage/>
                        <Route path=path!("services/:id/apply/:step") view=ApplyPage/>
                    </ParentRoute>
                </Routes>
            </Shell>
        </Router>
    }
}
