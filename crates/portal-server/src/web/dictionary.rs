//! Compression dictionary transport (RFC 9842; the rules are `asset_dictionary`'s): a
//! bundle's core, its JavaScript glue and a page's stylesheet are sent with
//! `Use-As-Dictionary`, so the browser keeps them; when it then fetches another file of
//! the same kind offering that dictionary, and `scripts/build-web` wrote that file
//! compressed against it, that variant is sent (`Content-Encoding: dcb`) instead of the
//! plain brotli one: on going from the catalogue to a service's page, its wasm about 88 KB
//! instead of 143 KB.

use std::path::Path;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Response};

/// The variant of the root file `path` for the dictionary the request offers, if
/// the request accepts `dcb` and the build wrote one.
pub async fn variant(dist: &Path, path: &str, headers: &HeaderMap) -> Option<Response<Body>> {
    let name = path.strip_prefix('/')?;
    asset_dictionary::role(name)?;
    let content_type = asset_dictionary::content_type(name)?;
    let accepts = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| asset_dictionary::accepts(v, asset_dictionary::DCB));
    if !accepts {
        return None;
    }
    let offered = headers.get("available-dictionary")?.to_str().ok()?;
    let dictionary = asset_dictionary::available_dictionary(offered)?;
    let file = dist.join(asset_dictionary::variant_name(name, &dictionary));
    let bytes = tokio::fs::read(file).await.ok()?;
    let mut res = Response::new(Body::from(bytes));
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_ENCODING,
        HeaderValue::from_static(asset_dictionary::DCB),
    );
    annotate(name, h);
    Some(res)
}

/// The headers every file that may come compressed against another is sent with, in
/// whichever encoding: what its encoding depended on (`Vary`), and for a dictionary, that
/// the browser may keep it as one.
pub fn annotate(name: &str, headers: &mut HeaderMap) {
    if asset_dictionary::role(name).is_none() {
        return;
    }
    headers.insert(
        header::VARY,
        HeaderValue::from_static(asset_dictionary::VARY),
    );
    if let Some(announced) = asset_dictionary::use_as_dictionary(name) {
        headers.insert("use-as-dictionary", HeaderValue::from_static(announced));
    }
}
