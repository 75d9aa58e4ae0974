//! Attachments: each chosen file is checked on the device first (size, and real type from
//! its first bytes with the same rule the server applies), then uploaded on its own with
//! a progress bar; a failed upload can be retried and a file removed. The answer lists
//! only files the server has stored.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::form::{Answer, AttachmentOptions, Field, FieldKind, FileAnswer};
use portal_core::validators::file::{sniff_mime, type_name};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::shell::{Binding, FieldShell};
use crate::form::FormState;
use crate::i18n::{fill, use_i18n, Key};
use crate::split::Part;

/// A file on its way to the server.
#[derive(Clone, PartialEq)]
enum Upload {
    Sending { name: String, percent: u32 },
    Failed { name: String, reason: Key },
}

fn files_of(a: Option<Answer>) -> Vec<FileAnswer> {
    match a {
        Some(Answer::Files(f)) => f,
        _ => Vec::new(),
    }
}

/// Why the server refused a file, from its stable error code.
fn reason_for(status: u16, code: &str) -> Key {
    match (status, code) {
        (401, _) => Key::UploadSignIn,
        (413, _) | (_, "file_too_large") => Key::UploadTooLarge,
        (415, _) | (_, "unsupported_type") | (_, "file_type_mismatch") => Key::UploadWrongType,
        (_, "damaged_file") => Key::UploadDamaged,
        (0, _) => Key::UploadNetwork,
        _ => Key::UploadFailed,
    }
}

#[derive(serde::Deserialize)]
struct Stored {
    id: String,
    name: String,
    media_type: String,
    size: u64,
}

#[derive(serde::Deserialize)]
struct ErrorBody {
    error: ErrorCode,
}
#[derive(serde::Deserialize)]
struct ErrorCode {
    code: String,
}

/// Sends one file; calls `progress` with percentages and `done` once with the outcome.
fn send(
    file: web_sys::File,
    progress: impl Fn(u32) + 'static,
    done: impl FnOnce(Result<FileAnswer, Key>) + 'static,
) {
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        done(Err(Key::UploadFailed));
        return;
    };
    let url = portal_api::paths::upload(&file.name());
    if xhr.open("POST", &url).is_err() {
        done(Err(Key::UploadFailed));
        return;
    }
    let _ = xhr.set_request_header("X-Portal-Request", "1");
    let _ = xhr.set_request_header("Content-Type", "application/octet-stream");
    if let Ok(upload) = xhr.upload() {
        let on_progress =
            Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                if e.length_computable() && e.total() > 0.0 {
                    progress(((e.loaded() / e.total()) * 100.0) as u32);
                }
            });
        let _ = upload
            .add_event_listener_with_callback("progress", on_progress.as_ref().unchecked_ref());
        on_progress.forget();
    }
    let done = std::cell::RefCell::new(Some(done));
    let x = xhr.clone();
    let on_end = Closure::<dyn Fn()>::new(move || {
        let Some(done) = done.borrow_mut().take() else {
            return;
        };
        let status = x.status().unwrap_or(0);
        let body = x.response_text().ok().flatten().unwrap_or_default();
        if (200..300).contains(&status) {
            match crate::json::from_str::<Stored>(&body) {
                Ok(s) => done(Ok(FileAnswer {
                    id: s.id,
                    name: s.name,
                    mime: s.media_type,
                    bytes: s.size,
                })),
                Err(_) => done(Err(Key::UploadFailed)),
            }
        } else {
            let code = crate::json::from_str::<ErrorBody>(&body)
                .map(|b| b.error.code)
                .unwrap_or_default();
            done(Err(reason_for(status, &code)))
        }
    });
    xhr.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    on_end.forget();
    if xhr.send_with_opt_blob(Some(&file)).is_err() {
        // onloadend still fires for network errors; nothing more to do here.
    }
}

/// Checks a file on the device against the question's limits before any upload.
async fn precheck(file: &web_sys::File, opts: &AttachmentOptions) -> Result<(), Key> {
    if file.size() as u64 > opts.max_bytes {
        return Err(Key::UploadTooLarge);
    }
    let head = file
        .slice_with_i32_and_i32(0, 16)
        .map_err(|_| Key::UploadFailed)?;
    let buf = wasm_bindgen_futures::JsFuture::from(head.array_buffer())
        .await
        .map_err(|_| Key::UploadFailed)?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    match sniff_mime(&bytes) {
        Some(mime) if opts.accept.iter().any(|a| a == mime) => Ok(()),
        _ => Err(Key::UploadWrongType),
    }
}

/// The rules refused the file: trying it again cannot help.
fn is_refusal(reason: Key) -> bool {
    reason == Key::UploadTooLarge || reason == Key::UploadWrongType
}

#[component]
pub fn AttachmentField(state: FormState, field: Field) -> impl IntoView {
    let Some(binding) = Binding::top(&state, field.id.as_str()) else {
        return ().into_any();
    };
    view! {
        <FieldShell state field=field.clone() binding=binding.clone()>
            <AttachmentControl field binding/>
        </FieldShell>
    }
    .into_any()
}

/// The upload control of an attachment question, wherever its answer lives: a question
/// of its own or a member of a repeating group's item. In the form's bundle its code is a
/// chunk of its own, which a step fetches once drawn (`form::prefetch_parts`).
#[component]
pub fn AttachmentControl(field: Field, binding: Binding) -> impl IntoView {
    view! { <Part load=move || upload_control(field.clone(), binding.clone())/> }
}

crate::split_off! { "split-form", attachments, preload_attachments;
    pub(crate) fn upload_control(field: Field, binding: Binding) -> AnyView {
        view! { <UploadControl field binding/> }.into_any()
    }
}

#[component]
fn UploadControl(field: Field, binding: Binding) -> impl IntoView {
    let i18n = use_i18n();
    let FieldKind::Attachment(opts) = field.kind.clone() else {
        return ().into_any();
    };
    let opts = Arc::new(opts);
    let dom_id = binding.dom_id();
    let get = binding.get.clone();
    let set = binding.set.clone();
    let stored = Memo::new(move |_| files_of(get()));
    let uploads = RwSignal::new(Vec::<(u32, Upload)>::new());
    let next_id = StoredValue::new(0u32);
    // Files chosen but failed, kept so "try again" needs no new choice.
    let retained = StoredValue::new_local(Vec::<(u32, web_sys::File)>::new());

    let start = {
        let set = set.clone();
        let opts = opts.clone();
        move |file: web_sys::File, key: u32| {
            let name = file.name();
            uploads.update(|u| {
                u.retain(|(k, _)| *k != key);
                u.push((
                    key,
                    Upload::Sending {
                        name: name.clone(),
                        percent: 0,
                    },
                ));
            });
            let set = set.clone();
            let opts = opts.clone();
            leptos::task::spawn_local(async move {
                if let Err(reason) = precheck(&file, &opts).await {
                    uploads.update(|u| {
                        for (k, up) in u.iter_mut() {
                            if *k == key {
                                *up = Upload::Failed {
                                    name: file.name(),
                                    reason,
                                };
                            }
                        }
                    });
                    return;
                }
                let f2 = file.clone();
                send(
                    file,
                    move |p| {
                        uploads.update(|u| {
                            for (k, up) in u.iter_mut() {
                                if *k == key {
                                    if let Upload::Sending { percent, .. } = up {
                                        *percent = p;
                                    }
                                }
                            }
                        })
                    },
                    move |outcome| match outcome {
                        Ok(answer) => {
                            // A good file answers the question: earlier refusals (too
                            // large, wrong type) no longer apply; failures that can be
                            // retried stay.
                            uploads.try_update(|u| {
                                u.retain(|(k, up)| {
                                    *k != key
                                        && !matches!(up, Upload::Failed { reason, .. } if is_refusal(*reason))
                                })
                            });
                            retained.try_update_value(|r| r.retain(|(k, _)| *k != key));
                            let Some(mut files) = stored.try_get_untracked() else {
                                return;
                            };
                            files.push(answer);
                            set(Some(Answer::Files(files)));
                        }
                        Err(reason) => {
                            retained.try_update_value(|r| {
                                r.retain(|(k, _)| *k != key);
                                r.push((key, f2.clone()));
                            });
                            uploads.try_update(|u| {
                                for (k, up) in u.iter_mut() {
                                    if *k == key {
                                        *up = Upload::Failed {
                                            name: f2.name(),
                                            reason,
                                        };
                                    }
                                }
                            });
                        }
                    },
                );
            });
        }
    };
    let start = StoredValue::new_local(start);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else { return };
        for i in 0..list.length() {
            if let Some(file) = list.get(i) {
                let key = next_id.get_value();
                next_id.set_value(key + 1);
                start.with_value(|s| s(file, key));
            }
        }
        input.set_value("");
    };
    let remove = {
        let set = set.clone();
        move |id: String| {
            let files: Vec<FileAnswer> = stored
                .get_untracked()
                .into_iter()
                .filter(|f| f.id != id)
                .collect();
            set((!files.is_empty()).then_some(Answer::Files(files)));
        }
    };
    let accept = opts.accept.join(",");
    let multiple = opts.max_files > 1;
    let limits = {
        let opts = opts.clone();
        move || {
            let types = opts
                .accept
                .iter()
                .map(|m| type_name(m).to_string())
                .collect::<Vec<_>>()
                .join(", ");
            fill::upload_limits(
                i18n.lang.get(),
                &types,
                usize::try_from(opts.max_bytes / (1024 * 1024)).unwrap_or(usize::MAX),
                opts.max_files as usize,
            )
        }
    };
    let full = {
        let max = opts.max_files as usize;
        move || stored.with(Vec::len) >= max
    };
    view! {
            <p class="hint">{limits}</p>
            <ul class="file-list">
                {move || stored.get().into_iter().map(|f| {
                    let remove = remove.clone();
                    let id = f.id.clone();
                    let name = f.name.clone();
                    view! {
                        <li class="file-list__item">
                            <span class="file-list__name">{f.name.clone()}</span>
                            " "<span class="tag tag--fee">{move || i18n.t(Key::Uploaded)}</span>" "
                            <button type="button" class="button-link" on:click=move |_| remove(id.clone())>
                                {move || i18n.t(Key::Remove)}<span class="visually-hidden">{format!(" {name}")}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
                {move || uploads.get().into_iter().map(|(key, up)| match up {
                    Upload::Sending { name, percent } => view! {
                        <li class="file-list__item">
                            <span class="file-list__name">{name}</span>" "
                            <progress max="100" value=percent.to_string()>{format!("{percent}%")}</progress>
                            <span role="status">{format!(" {}%", percent)}</span>
                        </li>
                    }.into_any(),
                    Upload::Failed { name, reason } => view! {
                        <li class="file-list__item file-list__item--error">
                            <span class="file-list__name">{name}</span>
                            <p class="error-message" role="alert">{move || i18n.t(reason)}</p>
                            {(!is_refusal(reason)).then(|| view! {
                                <button type="button" class="button button--secondary button--small" on:click=move |_| {
                                    let file = retained.with_value(|r| r.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()));
                                    if let Some(file) = file {
                                        start.with_value(|s| s(file, key));
                                    }
                                }>{move || i18n.t(Key::Retry)}</button>
                            })}
                            {(reason == Key::UploadSignIn).then(|| view! {
                                <a class="button button--secondary button--small" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{move || i18n.t(Key::SignIn)}</a>
                            })}
                        </li>
                    }.into_any(),
                }).collect_view()}
            </ul>
            <Show when=move || !full()>
                <input id=dom_id.clone() class="file-input" type="file" accept=accept.clone() multiple=multiple on:change=on_change/>
            </Show>
    }
    .into_any()
}
