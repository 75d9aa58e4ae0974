//! Feedback on the portal: "Góp ý về trang này", linked from every form page and the
//! phase banner. Anyone may send it, signed in or not; nothing ties it to a person unless
//! they leave an email to be answered at. Portal staff who handle dossiers read it.
//!
//! The questions are a form of the shared engine ([`form`]): the browser shows and checks
//! them as it does every form, and the server judges what it receives by the same rules.

use portal_core::form::{
    Answer, Answers, Field, FieldId, FieldKind, Form, IndexedForm, Step, TextOptions,
    ValidationContext, ValidationError,
};
use portal_core::validators::Date;
use portal_core::Text;
use serde::{Deserialize, Serialize};

/// The form's only step.
pub const STEP: &str = "feedback";
pub const MESSAGE: &str = "message";
pub const EMAIL: &str = "email";
/// Longest message accepted, in characters.
pub const MAX_MESSAGE_CHARS: u32 = 1_200;
/// Longest page address kept.
pub const MAX_PAGE_CHARS: usize = 300;
/// Messages one client address may send in an hour.
pub const MAX_PER_HOUR: i64 = 10;

/// The feedback questions.
pub fn form() -> Form {
    let field = |id: &str, label: Text, hint: Option<Text>, required, kind| Field {
        id: FieldId(id.into()),
        label,
        error_label: None,
        hint,
        required,
        shown_if: None,
        prefill: None,
        copy: None,
        kind,
    };
    Form {
        subject: None,
        place: None,
        steps: vec![Step {
            id: STEP.into(),
            title: Text::new("Góp ý về Cổng Dịch vụ công", "Feedback on the portal"),
            intro: None,
            shown_if: None,
            fields: vec![
                field(
                    MESSAGE,
                    Text::new("Góp ý của bạn", "Your feedback"),
                    Some(Text::new(
                        "Điều gì chưa rõ, chưa đúng hoặc khó làm? Đừng ghi số định danh, mật khẩu hay thông tin về hồ sơ: muốn hỏi về hồ sơ của mình, hãy gọi tổng đài 18001096.",
                        "What was unclear, wrong or hard to do? Do not write your ID number, a password or details of a dossier: to ask about your dossier, call 18001096.",
                    )),
                    true,
                    FieldKind::LongText(TextOptions {
                        min_length: 0,
                        max_length: Some(MAX_MESSAGE_CHARS),
                    }),
                ),
                field(
                    EMAIL,
                    Text::new("Email để chúng tôi trả lời", "Email for our reply"),
                    Some(Text::new(
                        "Chỉ khi bạn muốn được trả lời.",
                        "Only if you would like a reply.",
                    )),
                    false,
                    FieldKind::Email,
                ),
            ],
        }],
        fees: Vec::new(),
    }
}

/// What the browser sends to `POST /api/v1/feedback`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewFeedback {
    /// The page the feedback is about (a path of the portal).
    pub page: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl NewFeedback {
    pub fn answers(&self) -> Answers {
        let mut a = Answers::new();
        a.set(MESSAGE, Answer::Text(self.message.clone()));
        if let Some(e) = self.email.as_ref().filter(|e| !e.trim().is_empty()) {
            a.set(EMAIL, Answer::Text(e.clone()));
        }
        a
    }

    /// The engine's problems with it (none when it may be kept), and the page it names
    /// when that is a path of the portal.
    pub fn check(&self, today: Date) -> Vec<ValidationError> {
        IndexedForm::new(form()).validate_step(
            &self.answers(),
            STEP,
            &ValidationContext::new(today),
        )
    }

    /// The page it is about, as kept: a path of this site only (anything else, such as
    /// another site's address, is kept as `/`), at most [`MAX_PAGE_CHARS`].
    pub fn page_path(&self) -> String {
        let p = self.page.trim();
        if !p.starts_with('/') || p.starts_with("//") || p.chars().any(char::is_control) {
            return "/".into();
        }
        p.chars().take(MAX_PAGE_CHARS).collect()
    }
}

/// One message, as staff read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackEntry {
    pub id: i64,
    /// RFC 3339.
    pub received_at: String,
    pub page: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Whether the sender was signed in (who they were is not kept).
    pub signed_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackList {
    /// Newest first.
    pub feedback: Vec<FeedbackEntry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse_iso("2026-12-04").unwrap()
    }

    fn new(message: &str, email: Option<&str>, page: &str) -> NewFeedback {
        NewFeedback {
            page: page.into(),
            message: message.into(),
            email: email.map(Into::into),
        }
    }

    #[test]
    fn judged_by_the_engine() {
        assert!(new("Nút Tiếp tục bị che trên điện thoại", None, "/")
            .check(today())
            .is_empty());
        assert!(new("Rõ ràng", Some("an@example.vn"), "/")
            .check(today())
            .is_empty());
        assert_eq!(
            new("   ", None, "/").check(today()).len(),
            1,
            "a message is required"
        );
        assert_eq!(new("x", Some("not an email"), "/").check(today()).len(), 1);
        let long = "a".repeat(MAX_MESSAGE_CHARS as usize + 1);
        assert_eq!(new(&long, None, "/").check(today()).len(), 1);
    }

    #[test]
    fn only_a_path_of_this_site_is_kept() {
        assert_eq!(
            new("x", None, "/services/a/apply/b").page_path(),
            "/services/a/apply/b"
        );
        assert_eq!(new("x", None, "https://evil.example/").page_path(), "/");
        assert_eq!(new("x", None, "//evil.example/").page_path(), "/");
        assert_eq!(new("x", None, "/a\nb").page_path(), "/");
        assert_eq!(
            new("x", None, &format!("/{}", "a".repeat(500)))
                .page_path()
                .len(),
            MAX_PAGE_CHARS
        );
    }
}
