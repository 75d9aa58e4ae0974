//! The few server-rendered pages (the sandbox sign-in and payment providers): escaping,
//! one bilingual page frame, and headers that let them run under a strict CSP. The
//! pages use no script and no inline style, only forms and links.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Vietnamese text followed by its English version marked `lang="en"`, both escaped.
pub fn bilingual(vi: &str, en: &str) -> String {
    format!("{} <span lang=\"en\">/ {}</span>", escape(vi), escape(en))
}

/// A whole page: `title_vi` / `title_en` in the title (prefixed "Lỗi: / Error:" when
/// `error` is set, as the GOV.UK pattern asks) and `body` (already HTML) in `<main>`.
pub fn page(
    status: StatusCode,
    title_vi: &str,
    title_en: &str,
    error: bool,
    body: &str,
) -> Response {
    let prefix = if error { "Lỗi: " } else { "" };
    let prefix_en = if error { "Error: " } else { "" };
    let html = format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{prefix}{} / {prefix_en}{} – Cổng Dịch vụ công quốc gia (thử nghiệm)</title>\n\
         </head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        escape(title_vi),
        escape(title_en),
    );
    (
        status,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                ),
            ),
            (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
            (header::REFERRER_POLICY, HeaderValue::from_static("same-origin")),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        html,
    )
        .into_response()
}

/// A page that only explains a problem, with one link onwards.
pub fn problem_page(
    status: StatusCode,
    (title_vi, title_en): (&str, &str),
    (text_vi, text_en): (&str, &str),
    (href, link_vi, link_en): (&str, &str, &str),
) -> Response {
    let body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"{}\">{}</a></p>",
        bilingual(title_vi, title_en),
        bilingual(text_vi, text_en),
        escape(href),
        bilingual(link_vi, link_en),
    );
    page(status, title_vi, title_en, true, &body)
}

/// Whether `s` is a path on this site that is safe to redirect to: absolute, not
/// protocol-relative, no backslashes or control characters, reasonably short.
pub fn is_local_path(s: &str) -> bool {
    s.starts_with('/')
        && !s.starts_with("//")
        && !s.starts_with("/\\")
        && s.len() <= 2000
        && !s.chars().any(|c| c.is_control() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("Nguyễn Văn An"), "Nguyễn Văn An");
    }

    #[test]
    fn only_local_paths_are_redirect_targets() {
        for ok in [
            "/",
            "/services/birth-registration?step=2",
            "/dossiers/a-b#x",
        ] {
            assert!(is_local_path(ok), "{ok}");
        }
        for bad in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
            "/a\r\nSet-Cookie: x=y",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
        assert!(!is_local_path(&format!("/{}", "a".repeat(2000))));
    }
}
