//! The app's own routes (pages, not API): their patterns and builders, used by the
//! browser's links and by the server where it links to a page (a payment's return, the
//! first paint). Values are percent-encoded as in [`crate::paths`].

use crate::paths::encode;

pub const HOME: &str = "/";
pub const MY_DOSSIERS: &str = "/dossiers";
pub const LOOKUP: &str = "/lookup";
pub const ACCESSIBILITY: &str = "/accessibility";
pub const GALLERY: &str = "/gallery";
pub const STAFF: &str = "/staff";

/// A service's page.
pub fn service(id: &str) -> String {
    format!("/services/{}", encode(id))
}

/// The start of a service's form.
pub fn apply(id: &str) -> String {
    format!("/services/{}/apply", encode(id))
}

/// One step of a service's form (`check` for check-your-answers).
pub fn apply_step(id: &str, step: &str) -> String {
    format!("/services/{}/apply/{}", encode(id), encode(step))
}

/// A dossier's tracking page.
pub fn dossier(code: &str) -> String {
    format!("/dossiers/{}", encode(code))
}

/// The tracking page right after submission (the confirmation).
pub fn dossier_submitted(code: &str) -> String {
    format!("{}?submitted=1", dossier(code))
}

/// A staff draft's report.
pub fn staff_draft(id: &str) -> String {
    format!("/staff/drafts/{}", encode(id))
}

/// The public pages as a staff draft will show them.
pub fn staff_preview(draft: &str) -> String {
    format!("/staff/preview/{}", encode(draft))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        assert_eq!(service("1.001193"), "/services/1.001193");
        assert_eq!(apply("a"), "/services/a/apply");
        assert_eq!(apply_step("a", "check"), "/services/a/apply/check");
        assert_eq!(dossier_submitted("C-1"), "/dossiers/C-1?submitted=1");
        assert_eq!(staff_preview("abc"), "/staff/preview/abc");
        assert_eq!(staff_draft("abc"), "/staff/drafts/abc");
    }
}
