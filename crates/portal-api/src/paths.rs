//! The API's paths: each route's template (what the server routes, in OpenAPI and axum
//! syntax) and a builder that fills it in (what the browser requests and the server puts
//! in `Location` headers). A value put into a path is percent-encoded.

/// Every template, for the server's router.
pub mod template {
    /// Readiness: the process answers and its database does (a balancer sends requests
    /// only to instances that answer 200 here).
    pub const HEALTH: &str = "/healthz";
    /// Liveness: the process answers, whatever its database does (a service manager
    /// restarts an instance only when this fails).
    pub const LIVENESS: &str = "/livez";
    pub const CATALOGUE: &str = "/api/v1/catalog";
    pub const CATALOGUE_SOURCES: &str = "/api/v1/catalog/sources";
    pub const CATALOGUE_AVAILABILITY: &str = "/api/v1/catalog/availability/{province}";
    /// Every province's availability at once (the catalogue page's province filter).
    pub const CATALOGUE_AVAILABILITY_ALL: &str = "/api/v1/catalog/availability";
    pub const SERVICE: &str = "/api/v1/services/{id}";
    /// A service's card for an embedding site (`?province=79` names the agency there).
    pub const SERVICE_CARD: &str = "/api/v1/services/{id}/card";
    /// A service without its form: what the service page shows.
    pub const SERVICE_OVERVIEW: &str = "/api/v1/services/{id}/overview";
    /// What a service's form page reads of a service: its form, fee rules and applicants.
    pub const SERVICE_FORM: &str = "/api/v1/services/{id}/form";
    pub const SIGN_IN: &str = "/auth/sign-in";
    /// Where the identity provider sends the browser back to.
    pub const SIGN_IN_CALLBACK: &str = "/auth/callback";
    /// The header's sign-out button posts here (a plain form: it works before the app
    /// has loaded).
    pub const SIGN_OUT: &str = "/auth/sign-out";
    pub const SESSION: &str = "/api/v1/session";
    pub const ATTACHMENT_LIMITS: &str = "/api/v1/attachments/limits";
    pub const ATTACHMENTS: &str = "/api/v1/attachments";
    pub const ATTACHMENT: &str = "/api/v1/attachments/{id}";
    pub const ATTACHMENT_CONTENT: &str = "/api/v1/attachments/{id}/content";
    pub const DOSSIERS: &str = "/api/v1/dossiers";
    pub const DOSSIER: &str = "/api/v1/dossiers/{code}";
    pub const DOSSIER_DOCUMENTS: &str = "/api/v1/dossiers/{code}/documents";
    pub const DOSSIER_PAYMENTS: &str = "/api/v1/dossiers/{code}/payments";
    pub const DOSSIER_RECEIPT: &str = "/api/v1/dossiers/{code}/receipt";
    /// The applicant's rating of how the dossier was handled.
    pub const DOSSIER_RATING: &str = "/api/v1/dossiers/{code}/rating";
    /// Feedback on the portal (anyone may send it; staff read it).
    pub const FEEDBACK: &str = "/api/v1/feedback";
    pub const STAFF_FEEDBACK: &str = "/api/v1/staff/feedback";
    /// The signed-in person's unfinished applications.
    pub const DRAFTS: &str = "/api/v1/drafts";
    pub const DRAFT: &str = "/api/v1/drafts/{service}";
    pub const PAYMENT_CALLBACK: &str = "/api/v1/payments/callback";
    pub const SANDBOX_PAY: &str = "/sandbox/pay/{payment_id}";
    /// Agency systems post their status events here (signed; see `portal_api::agency`).
    pub const AGENCY_EVENTS: &str = "/api/v1/agency/events";
    /// Where the portal delivers, under an agency system's endpoint.
    pub const AGENCY_DELIVERY: &str = "/dossiers";
    pub const STAFF_DOSSIERS: &str = "/api/v1/staff/dossiers";
    pub const STAFF_DOSSIER_STATUS: &str = "/api/v1/staff/dossiers/{code}/status";
    pub const STAFF_DELIVERIES: &str = "/api/v1/staff/deliveries";
    pub const STAFF_DELIVERY_RETRY: &str = "/api/v1/staff/deliveries/{id}/retry";
    pub const STAFF_DRAFTS: &str = "/api/v1/staff/drafts";
    pub const STAFF_DRAFT: &str = "/api/v1/staff/drafts/{id}";
    pub const STAFF_DRAFT_CATALOGUE: &str = "/api/v1/staff/drafts/{id}/catalog";
    pub const STAFF_DRAFT_SERVICE: &str = "/api/v1/staff/drafts/{id}/services/{service}";
    pub const STAFF_DRAFT_SERVICE_OVERVIEW: &str =
        "/api/v1/staff/drafts/{id}/services/{service}/overview";
    pub const STAFF_DRAFT_SERVICE_FORM: &str = "/api/v1/staff/drafts/{id}/services/{service}/form";
    pub const STAFF_DRAFT_SUBMISSIONS: &str = "/api/v1/staff/drafts/{id}/submissions";
    pub const STAFF_DRAFT_PUBLISH: &str = "/api/v1/staff/drafts/{id}/publish";
    pub const STAFF_VERSIONS: &str = "/api/v1/staff/catalog/versions";
    pub const STAFF_ROLLBACK: &str = "/api/v1/staff/catalog/rollback";
    pub const PROVINCES: &str = "/api/v1/admin-units/provinces";
    pub const COMMUNES: &str = "/api/v1/admin-units/provinces/{code}/communes";
    pub const LEGACY_ADDRESS: &str = "/api/v1/admin-units/legacy";
}

pub use template::{
    ATTACHMENTS, ATTACHMENT_LIMITS, CATALOGUE, CATALOGUE_AVAILABILITY_ALL, CATALOGUE_SOURCES,
    DOSSIERS, DRAFTS, FEEDBACK, LEGACY_ADDRESS, PAYMENT_CALLBACK, PROVINCES, SESSION, SIGN_IN,
    STAFF_DELIVERIES, STAFF_DOSSIERS, STAFF_DRAFTS, STAFF_FEEDBACK, STAFF_ROLLBACK, STAFF_VERSIONS,
};

/// `s` with everything but unreserved characters (RFC 3986) percent-encoded: safe as a
/// path segment or a query value.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// A query string's `(name, value)` pairs, in order (a leading `?` is skipped), decoded
/// as browsers encode a form: `+` is a space and `%XX` a byte. A pair without `=` has an
/// empty value; an escape that is not one, or bytes that are not UTF-8, are kept as sent
/// (lossily), never refused: a mistyped link still opens its page.
pub fn query_pairs(search: &str) -> Vec<(String, String)> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// A query component decoded (see [`query_pairs`]).
pub fn decode(s: &str) -> String {
    decode_with(s, true)
}

/// A path segment decoded: `%XX` a byte, as in [`decode`], but `+` is itself.
pub fn decode_segment(s: &str) -> String {
    decode_with(s, false)
}

fn decode_with(s: &str, plus_is_space: bool) -> String {
    // Only called on ASCII hex digits.
    let hex = |b: u8| match b {
        b'0'..=b'9' => b - b'0',
        _ => (b | 0x20) - b'a' + 10,
    };
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(&hi), Some(&lo)) if hi.is_ascii_hexdigit() && lo.is_ascii_hexdigit() => {
                    out.push(hex(hi) << 4 | hex(lo));
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `path` with the non-empty `(name, value)` pairs as its query.
pub fn with_query(path: &str, params: &[(&str, &str)]) -> String {
    let mut out = path.to_string();
    for (name, value) in params.iter().filter(|(_, v)| !v.is_empty()) {
        out.push(if out.contains('?') { '&' } else { '?' });
        out.push_str(name);
        out.push('=');
        out.push_str(&encode(value));
    }
    out
}

pub fn service(id: &str) -> String {
    format!("/api/v1/services/{}", encode(id))
}

/// A service without its form (see `template::SERVICE_OVERVIEW`).
pub fn service_overview(id: &str) -> String {
    format!("/api/v1/services/{}/overview", encode(id))
}

/// What a service's form page reads of it (see `template::SERVICE_FORM`).
pub fn service_form(id: &str) -> String {
    format!("/api/v1/services/{}/form", encode(id))
}

/// A service's card, for `province` when given (see `template::SERVICE_CARD`).
pub fn service_card(id: &str, province: Option<&str>) -> String {
    let path = format!("/api/v1/services/{}/card", encode(id));
    match province {
        Some(p) => with_query(&path, &[("province", p)]),
        None => path,
    }
}

pub fn attachment(id: &str) -> String {
    format!("/api/v1/attachments/{}", encode(id))
}

pub fn attachment_content(id: &str) -> String {
    format!("/api/v1/attachments/{}/content", encode(id))
}

/// `POST` a file here, named as the person chose it.
pub fn upload(name: &str) -> String {
    with_query(ATTACHMENTS, &[("name", name)])
}

pub fn dossier(code: &str) -> String {
    format!("/api/v1/dossiers/{}", encode(code))
}

/// A dossier looked up with a credential: the applicant's ID number or the lookup
/// secret (either may be empty).
pub fn dossier_lookup(code: &str, id_number: &str, secret: &str) -> String {
    with_query(
        &dossier(code),
        &[("id_number", id_number), ("secret", secret)],
    )
}

pub fn dossier_documents(code: &str) -> String {
    format!("/api/v1/dossiers/{}/documents", encode(code))
}

pub fn dossier_payments(code: &str) -> String {
    format!("/api/v1/dossiers/{}/payments", encode(code))
}

/// The dossier's receipt (PDF).
pub fn dossier_receipt(code: &str) -> String {
    format!("/api/v1/dossiers/{}/receipt", encode(code))
}

/// Which services people of `province` can file online.
pub fn availability(province: &str) -> String {
    format!("/api/v1/catalog/availability/{}", encode(province))
}

pub fn dossier_rating(code: &str) -> String {
    format!("/api/v1/dossiers/{}/rating", encode(code))
}

/// One of the signed-in person's unfinished applications.
pub fn draft(service: &str) -> String {
    format!("/api/v1/drafts/{}", encode(service))
}

/// The sandbox payment provider's page for an attempt.
pub fn sandbox_pay(payment_id: &str) -> String {
    format!("/sandbox/pay/{}", encode(payment_id))
}

/// The sign-in page, returning to `return_to` (a path on this site).
pub fn sign_in(return_to: &str) -> String {
    with_query(SIGN_IN, &[("return_to", return_to)])
}

pub fn staff_dossier_status(code: &str) -> String {
    format!("/api/v1/staff/dossiers/{}/status", encode(code))
}

pub fn staff_delivery_retry(id: i64) -> String {
    template::STAFF_DELIVERY_RETRY.replace("{id}", &id.to_string())
}

pub fn staff_draft(id: &str) -> String {
    format!("/api/v1/staff/drafts/{}", encode(id))
}

pub fn staff_draft_catalogue(id: &str) -> String {
    format!("/api/v1/staff/drafts/{}/catalog", encode(id))
}

pub fn staff_draft_service(id: &str, service: &str) -> String {
    format!(
        "/api/v1/staff/drafts/{}/services/{}",
        encode(id),
        encode(service)
    )
}

pub fn staff_draft_service_overview(id: &str, service: &str) -> String {
    format!("{}/overview", staff_draft_service(id, service))
}

pub fn staff_draft_service_form(id: &str, service: &str) -> String {
    format!("{}/form", staff_draft_service(id, service))
}

pub fn staff_draft_submissions(id: &str) -> String {
    format!("/api/v1/staff/drafts/{}/submissions", encode(id))
}

pub fn staff_draft_publish(id: &str) -> String {
    format!("/api/v1/staff/drafts/{}/publish", encode(id))
}

pub fn communes(province: &str) -> String {
    format!(
        "/api/v1/admin-units/provinces/{}/communes",
        encode(province)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_reads_back_as_encoded() {
        let path = with_query("/", &[("q", "khai sinh & hộ tịch"), ("topic", "a=b")]);
        assert_eq!(
            query_pairs(path.strip_prefix('/').unwrap()),
            [
                ("q".to_string(), "khai sinh & hộ tịch".to_string()),
                ("topic".into(), "a=b".into())
            ]
        );
    }

    #[test]
    fn a_query_reads_as_browsers_send_forms() {
        let pairs = query_pairs("?q=gi%E1%BA%A5y+ph%C3%A9p&flag&&empty=");
        assert_eq!(
            pairs,
            [
                ("q".to_string(), "giấy phép".to_string()),
                ("flag".into(), String::new()),
                ("empty".into(), String::new())
            ]
        );
        assert!(query_pairs("").is_empty());
        assert!(query_pairs("?").is_empty());
    }

    #[test]
    fn a_broken_escape_is_kept_not_refused() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%4a%4A"), "JJ");
        // A lone byte that is not UTF-8 becomes the replacement character.
        assert_eq!(decode("a%FFb"), "a\u{FFFD}b");
        assert_eq!(decode_segment("a+b%20c"), "a+b c");
    }

    /// Each builder fills its template: the same path with the placeholder replaced.
    #[test]
    fn builders_fill_their_templates() {
        let fill = |t: &str, values: &[&str]| {
            let mut out = t.to_string();
            for v in values {
                let (start, end) = (out.find('{').unwrap(), out.find('}').unwrap());
                out.replace_range(start..=end, v);
            }
            out
        };
        use template as t;
        assert_eq!(service("x"), fill(t::SERVICE, &["x"]));
        assert_eq!(service_overview("x"), fill(t::SERVICE_OVERVIEW, &["x"]));
        assert_eq!(service_form("x"), fill(t::SERVICE_FORM, &["x"]));
        assert_eq!(attachment("a"), fill(t::ATTACHMENT, &["a"]));
        assert_eq!(attachment_content("a"), fill(t::ATTACHMENT_CONTENT, &["a"]));
        assert_eq!(dossier("C"), fill(t::DOSSIER, &["C"]));
        assert_eq!(dossier_documents("C"), fill(t::DOSSIER_DOCUMENTS, &["C"]));
        assert_eq!(dossier_payments("C"), fill(t::DOSSIER_PAYMENTS, &["C"]));
        assert_eq!(dossier_receipt("C"), fill(t::DOSSIER_RECEIPT, &["C"]));
        assert_eq!(sandbox_pay("p"), fill(t::SANDBOX_PAY, &["p"]));
        assert_eq!(
            staff_dossier_status("C"),
            fill(t::STAFF_DOSSIER_STATUS, &["C"])
        );
        assert_eq!(staff_draft("d"), fill(t::STAFF_DRAFT, &["d"]));
        assert_eq!(
            staff_draft_catalogue("d"),
            fill(t::STAFF_DRAFT_CATALOGUE, &["d"])
        );
        assert_eq!(
            staff_draft_service("d", "s"),
            fill(t::STAFF_DRAFT_SERVICE, &["d", "s"])
        );
        assert_eq!(
            staff_draft_service_overview("d", "s"),
            fill(t::STAFF_DRAFT_SERVICE_OVERVIEW, &["d", "s"])
        );
        assert_eq!(
            staff_draft_service_form("d", "s"),
            fill(t::STAFF_DRAFT_SERVICE_FORM, &["d", "s"])
        );
        assert_eq!(
            staff_draft_submissions("d"),
            fill(t::STAFF_DRAFT_SUBMISSIONS, &["d"])
        );
        assert_eq!(
            staff_draft_publish("d"),
            fill(t::STAFF_DRAFT_PUBLISH, &["d"])
        );
        assert_eq!(communes("01"), fill(t::COMMUNES, &["01"]));
    }

    #[test]
    fn values_are_encoded() {
        assert_eq!(
            dossier("000.00.00.H99-250701-0001"),
            "/api/v1/dossiers/000.00.00.H99-250701-0001"
        );
        assert_eq!(dossier("a/b c"), "/api/v1/dossiers/a%2Fb%20c");
        assert_eq!(
            dossier_lookup("C", "0123", ""),
            "/api/v1/dossiers/C?id_number=0123"
        );
        assert_eq!(
            dossier_lookup("C", "", "7KQ2-M9XD"),
            "/api/v1/dossiers/C?secret=7KQ2-M9XD"
        );
        assert_eq!(
            upload("hồ sơ.pdf"),
            "/api/v1/attachments?name=h%E1%BB%93%20s%C6%A1.pdf"
        );
        assert_eq!(sign_in("/dossiers"), "/auth/sign-in?return_to=%2Fdossiers");
    }
}
