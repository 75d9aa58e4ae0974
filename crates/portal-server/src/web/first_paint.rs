//! What the app's page carries before the wasm runs, filled in per request from the
//! published catalogue: the page's own heading (a service page shows the service's name
//! and summary, not "Loading…"), and the API response the page is about to ask for, as
//! a JSON data block the app takes instead of a second round trip (`api::preloaded`).
//! A data block is never executed, so the page still runs with no inline script.

use crate::html::escape;
use crate::published::Published;

/// Which built page `path` gets: `catalogue.html` for `/`, `service.html` (breadcrumbs
/// and the markers [`fill`] replaces) for a published service, else `index.html`.
pub fn page_for(path: &str, published: &Published) -> &'static str {
    match path {
        "/" => "catalogue.html",
        _ if service_id(path).is_some_and(|id| published.has_service(id)) => "service.html",
        _ => "index.html",
    }
}

fn service_id(path: &str) -> Option<&str> {
    path.strip_prefix("/services/")
}

/// `page` (the built HTML chosen by [`page_for`]) for `path`, with what the published
/// catalogue knows about it.
pub fn fill(page: &str, path: &str, published: &Published) -> String {
    if path == "/" {
        return with_preload(page, "/api/v1/catalog", &published.index_json);
    }
    let Some(id) = service_id(path) else {
        return page.to_string();
    };
    let (Some(service), Some(json)) = (published.service(id), published.service_json(id)) else {
        return page.to_string();
    };
    let page = page
        .replacen("%SERVICE_NAME%", &escape(&service.name.vi), 1)
        .replacen("%SERVICE_SUMMARY%", &escape(&service.summary.vi), 1);
    with_preload(&page, &format!("/api/v1/services/{id}"), &json)
}

/// Adds `json` (the body `url` answers) as a data block at the end of `<head>`.
fn with_preload(page: &str, url: &str, json: &[u8]) -> String {
    let Ok(json) = std::str::from_utf8(json) else {
        return page.to_string();
    };
    // In JSON, `<` only occurs inside strings, where `\u003c` means the same: the block
    // can never be closed early (`</script>`) by text from the catalogue.
    let block = format!(
        "<script type=\"application/json\" id=\"preload\" data-url=\"{}\">{}</script>\n</head>",
        escape(url),
        json.replace('<', "\\u003c")
    );
    page.replacen("</head>", &block, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_close_the_data_block() {
        let page = "<html><head><title>x</title></head><body></body></html>";
        let out = with_preload(
            page,
            "/api/v1/catalog",
            br#"{"name":"</script><script>alert(1)</script>"}"#,
        );
        assert_eq!(out.matches("</script>").count(), 1);
        assert!(out.contains(r#"\u003c/script>\u003cscript>alert(1)\u003c/script>"#));
        assert!(out.contains(r#"data-url="/api/v1/catalog""#));
    }

    #[test]
    fn a_page_without_a_head_is_left_alone() {
        assert_eq!(with_preload("<p>x</p>", "/a", b"{}"), "<p>x</p>");
    }
}
