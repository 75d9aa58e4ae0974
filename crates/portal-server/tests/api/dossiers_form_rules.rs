//! The server re-checks answers with the shared form engine (the same code the browser
//! ran) on the real catalogue's forms: malformed, missing and invalid answers are refused
//! with the engine's own messages, and file answers must be stored attachments.

use crate::common;

use crate::common::portal::{problems, sign_in, CITIZEN};
use serde_json::{json, Value};

#[tokio::test]
async fn answers_are_validated_by_the_form_engine() {
    let s = common::start().await;
    let user = sign_in(&s.base, CITIZEN).await;

    // Not the shape of answers at all.
    let r = user
        .submit(
            "form-rules-1",
            &json!({ "service_id": "birth-registration", "answers": { "child": "Bé" } }),
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let body: Value = r.json().await.unwrap();
    assert!(
        problems(&body)
            .iter()
            .any(|(_, c)| c == "answers_malformed"),
        "{body}"
    );

    // Well-formed but empty: every required question of the form is reported, in Vietnamese.
    let r = user
        .submit(
            "form-rules-2",
            &json!({ "service_id": "birth-registration", "answers": {} }),
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let body: Value = r.json().await.unwrap();
    let p = problems(&body);
    assert!(
        p.iter().filter(|(_, c)| c == "required").count() >= 3,
        "{body}"
    );
    assert!(
        p.iter()
            .any(|(path, _)| path.starts_with("answers.agency_commune")),
        "{body}"
    );

    // A file answer that names no upload of this person's: refused at its question.
    let r = user
        .submit(
            "form-rules-3",
            &json!({
                "service_id": "birth-registration",
                "answers": { "birth_notice": { "type": "files", "value": [
                    { "id": "att_forged", "name": "x.pdf", "mime": "application/pdf", "bytes": 10 }
                ] } }
            }),
        )
        .await;
    let body: Value = r.json().await.unwrap();
    assert!(
        problems(&body)
            .iter()
            .any(|(path, c)| path == "answers.birth_notice" && c.starts_with("file-")),
        "{body}"
    );
}
