//! Filing the real catalogue's forms as the web app does: answers from the shared
//! generator, placeholder files replaced by real uploads, the body the app sends.

use super::portal::{pdf, png, User};
use portal_core::form::submission::{attachment_ids, chosen_procedures};
use portal_core::form::{
    valid_cases, with_file_ids, Answer, Answers, Identity, IndexedForm, Places,
};
use portal_core::validators::Date;
use portal_core::{Audience, Service};
use serde_json::{json, Value};

pub fn today() -> Date {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    Date::today_in_vietnam(ms)
}

/// The body the web app sends for these answers.
pub fn body(service: &Service, applicant: Audience, answers: &Answers) -> Value {
    let mut body = json!({
        "service_id": service.id.0,
        "applicant": applicant.slug(),
        "answers": answers,
        "attachments": attachment_ids(answers),
    });
    if let Some(chosen) = chosen_procedures(&service.kind, answers) {
        body["procedures"] = json!(chosen.iter().map(|p| p.0.clone()).collect::<Vec<_>>());
    }
    body
}

/// Each file answer's id and the type the question accepts (the generator picks one).
fn file_types(answers: &Answers) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (_, answer) in answers.iter() {
        match answer {
            Answer::Files(files) => {
                out.extend(files.iter().map(|f| (f.id.clone(), f.mime.clone())))
            }
            Answer::Group(items) => items.iter().for_each(|i| out.extend(file_types(i))),
            _ => {}
        }
    }
    out
}

/// The answers with each placeholder file replaced by a real upload of its type.
pub async fn with_uploads(user: &User, answers: &Answers) -> Answers {
    let mut uploads = std::collections::HashMap::new();
    for (placeholder, mime) in file_types(answers) {
        let real = if mime.starts_with("image/") {
            user.upload_ok("anh.png", png()).await
        } else {
            user.upload_ok("giay-to.pdf", pdf(2000)).await
        };
        uploads.insert(placeholder, real);
    }
    with_file_ids(answers, |p| {
        uploads.get(p).cloned().unwrap_or_else(|| p.to_string())
    })
}

/// The signed-in person's identity, as the server gives it for prefill.
pub async fn identity(user: &User) -> Identity {
    let (_, session) = user.get_json("/api/v1/session").await;
    serde_json::from_value(session["prefill"].clone()).expect("prefill is an identity")
}

/// The body of a valid submission of `service_id` from the real catalogue (the
/// generator's first case), its files uploaded by `user`.
pub async fn valid_body(user: &User, service_id: &str) -> Value {
    let catalogue = portal_catalog::load_dir(&super::repo_root().join("catalog")).expect("catalog");
    let service = catalogue
        .services
        .iter()
        .find(|s| s.id.0 == service_id)
        .expect("the service exists");
    let form = IndexedForm::new(service.form.clone().expect("a form"));
    let id = identity(user).await;
    let case = valid_cases(&form, Some(&id), &Places::sandbox(), today())
        .cases
        .into_iter()
        .next()
        .expect("a valid case");
    let answers = with_uploads(user, &case.answers).await;
    body(service, Audience::Citizen, &answers)
}

/// `body` with each of its files uploaded again by `user` (a file belongs to one
/// dossier), so the same answers can be filed once more.
pub async fn reupload(user: &User, body: &Value) -> Value {
    let mut text = body.to_string();
    for id in body["attachments"].as_array().cloned().unwrap_or_default() {
        let old = id.as_str().unwrap_or_default().to_string();
        let new = user.upload_ok("giay-to.pdf", pdf(2000)).await;
        text = text.replace(&old, &new);
    }
    serde_json::from_str(&text).expect("json")
}
