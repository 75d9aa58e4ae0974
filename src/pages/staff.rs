//! `/staff`: the staff area's home: upload a draft catalogue (a folder or .toml files,
//! read in the browser), and the published versions with rollback.

use std::collections::BTreeMap;

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::api::staff::{self, Versions};
use crate::api::ApiError;
use crate::components::{ConfirmAction, StaffGate};
use crate::i18n::{fill, text, use_i18n, Key, Lang};
use crate::tracking::format_time;

#[component]
pub fn StaffPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <StaffGate>
            <Title text=move || i18n.t(Key::StaffTitle)/>
            <h1>{move || i18n.t(Key::StaffTitle)}</h1>
            <DraftUpload/>
            <PublishedVersions/>
        </StaffGate>
    }
}

/// A failed action in words, with the contract's error code for the record.
pub fn action_failed(lang: Lang, e: &ApiError) -> String {
    let code = match e {
        ApiError::Network => "network",
        ApiError::Malformed => "malformed",
        ApiError::Server { code, .. } => code.as_str(),
    };
    match code {
        "four_eyes_required" => text(lang, Key::StaffFourEyes).into(),
        "staff_role_required" => text(lang, Key::StaffRoleMissing).into(),
        _ => fill::staff_action_failed(lang, code),
    }
}

/// The files chosen in an `<input type=file>`, with their paths relative to the chosen
/// folder when a folder was chosen.
fn chosen(input: &web_sys::HtmlInputElement) -> Vec<(String, web_sys::File)> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|f| {
            let relative = js_sys::Reflect::get(&f, &"webkitRelativePath".into())
                .ok()
                .and_then(|v| v.as_string())
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| f.name());
            (relative, f)
        })
        .collect()
}

async fn file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()
}

/// Reads the chosen files into the upload's shape: catalogue path to text.
async fn read_catalogue(files: Vec<(String, web_sys::File)>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (relative, file) in files {
        if !relative.ends_with(".toml") {
            continue;
        }
        let Some(text) = file_text(&file).await else {
            continue;
        };
        if let Some(path) = staff::catalogue_path(&relative, &text) {
            out.insert(path, text);
        }
    }
    out
}

#[component]
fn DraftUpload() -> impl IntoView {
    let i18n = use_i18n();
    let folder = NodeRef::<leptos::html::Input>::new();
    let files = NodeRef::<leptos::html::Input>::new();
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut picked = Vec::new();
        for input in [folder.get_untracked(), files.get_untracked()]
            .into_iter()
            .flatten()
        {
            if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                picked.extend(chosen(&input));
            }
        }
        busy.set(true);
        message.set(None);
        let navigate = use_navigate();
        spawn_local(async move {
            let lang = i18n.lang.get_untracked();
            let catalogue = read_catalogue(picked).await;
            if catalogue.is_empty() {
                message.set(Some(text(lang, Key::StaffNoFiles).to_string()));
                busy.set(false);
                return;
            }
            match staff::upload_draft(&catalogue).await {
                Ok(report) => navigate(
                    &portal_api::routes::staff_draft(&report.id),
                    NavigateOptions::default(),
                ),
                Err(e) => message.set(Some(action_failed(lang, &e))),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="staff-section" aria-labelledby="upload-title">
            <h2 id="upload-title">{move || i18n.t(Key::StaffUploadTitle)}</h2>
            <p class="hint" id="upload-hint">{move || i18n.t(Key::StaffUploadHint)}</p>
            <form class="staff-upload" novalidate on:submit=on_submit>
                <div class="field">
                    <label class="label" for="draft-folder">{move || i18n.t(Key::StaffFolderLabel)}</label>
                    <input id="draft-folder" class="file-input" type="file" multiple prop:webkitdirectory=true aria-describedby="upload-hint" node_ref=folder/>
                </div>
                <div class="field">
                    <label class="label" for="draft-files">{move || i18n.t(Key::StaffFilesLabel)}</label>
                    <input id="draft-files" class="file-input" type="file" multiple accept=".toml" node_ref=files/>
                </div>
                <p class="staff-message" role="status">{move || message.get()}</p>
                <button type="submit" class="button" aria-disabled=move || busy.get().to_string()>
                    {move || if busy.get() { i18n.t(Key::StaffUploading) } else { i18n.t(Key::StaffUploadButton) }}
                </button>
            </form>
        </section>
    }
}

/// A version's hash, short: the date, time and publisher say which it is.
fn short(version: &str) -> String {
    version.chars().take(8).collect()
}

/// The current version as people tell versions apart: when it was published and by
/// whom (its short hash after); the short hash alone if the history does not list it.
fn describe_current(v: &Versions) -> String {
    match v.versions.iter().find(|e| e.version == v.current) {
        Some(e) => format!(
            "{} · {} ({})",
            format_time(&e.published_at),
            e.published_by,
            short(&e.version)
        ),
        None => short(&v.current),
    }
}

fn action_label(action: &str) -> Key {
    match action {
        "publish" => Key::StaffActionPublish,
        "rollback" => Key::StaffActionRollback,
        _ => Key::StaffActionDeployed,
    }
}

#[component]
fn PublishedVersions() -> impl IntoView {
    let i18n = use_i18n();
    let versions = Fetched::new(staff::versions);
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let rollback = move |_: ()| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let lang = i18n.lang.get_untracked();
            match staff::rollback().await {
                Ok(v) => {
                    message.set(Some(fill::staff_rolled_back(lang, &describe_current(&v))));
                    versions.refetch();
                }
                Err(e) => message.set(Some(action_failed(lang, &e))),
            }
            busy.set(false);
        });
    };
    let table = move |v: Versions| {
        view! {
            <p class="staff-current">{fill::staff_current_version(i18n.lang.get(), &describe_current(&v))}</p>
            <ul class="staff-versions">
                {v.versions.into_iter().map(|e| view! {
                    <li>
                        <strong class="staff-versions__when">{format_time(&e.published_at)}</strong>
                        " · "{i18n.t(action_label(&e.action))}" · "{e.published_by}
                        " "<span class="hint">"("<code title=e.version.clone()>{short(&e.version)}</code>")"</span>
                    </li>
                }).collect_view()}
            </ul>
        }
    };
    view! {
        <section class="staff-section" aria-labelledby="versions-title">
            <h2 id="versions-title">{move || i18n.t(Key::StaffVersionsTitle)}</h2>
            {move || match versions.get() {
                None => view! { <crate::components::Loading/> }.into_any(),
                Some(Ok(v)) => table(v).into_any(),
                Some(Err(e)) => view! { <p>{action_failed(i18n.lang.get(), &e)}</p> }.into_any(),
            }}
            <p class="staff-message" role="status">{move || message.get()}</p>
            <ConfirmAction ask=Key::StaffRollback title=Key::StaffRollbackConfirmTitle warning=Key::StaffRollbackWarning
                yes=Key::StaffRollbackYes secondary=true on_confirm=Callback::new(rollback)/>
        </section>
    }
}
