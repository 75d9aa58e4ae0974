//! The bundles' dictionary transport (RFC 9842) over HTTP: a core (a script, a
//! stylesheet) is announced as a dictionary, and a file comes compressed against the
//! dictionary a browser offers when the build wrote that variant, and as plain brotli
//! otherwise.

use crate::common;
use base64::Engine;
use reqwest::StatusCode;

const CATALOGUE: &str = "portal-catalogue-0123456789abcdef_bg.wasm";
const SERVICE: &str = "portal-service-fedcba9876543210_bg.wasm";
const CHUNK: &str = "portal-service-fees-fedcba9876543210.wasm";

/// Two bundles sharing most of their bytes, as the real ones share Leptos and serde, and
/// the service's written against the catalogue's as `scripts/build-web` does.
fn bundles(dist: &std::path::Path) -> (Vec<u8>, Vec<u8>) {
    let shared: Vec<u8> = (0..40_000u32)
        .flat_map(|i| i.wrapping_mul(2_654_435_761).to_le_bytes())
        .collect();
    let mut catalogue = b"\0asm".to_vec();
    catalogue.extend_from_slice(&shared);
    catalogue.extend_from_slice(b"the catalogue's own code");
    let mut service = b"\0asm".to_vec();
    service.extend_from_slice(&shared);
    service.extend_from_slice(b"the service page's own code");
    std::fs::write(dist.join(CATALOGUE), &catalogue).unwrap();
    std::fs::write(dist.join(SERVICE), &service).unwrap();
    std::fs::write(dist.join(CHUNK), b"\0asm chunk").unwrap();
    let hash = asset_dictionary::hash(&catalogue);
    std::fs::write(
        dist.join(asset_dictionary::variant_name(SERVICE, &hash)),
        asset_dictionary::encode(&catalogue, &service).unwrap(),
    )
    .unwrap();
    (catalogue, service)
}

fn offer(bytes: &[u8]) -> String {
    let hash = asset_dictionary::hash(bytes);
    format!(
        ":{}:",
        base64::engine::general_purpose::STANDARD.encode(hash)
    )
}

#[tokio::test]
async fn a_bundle_comes_compressed_against_the_one_the_browser_holds() {
    let s = common::start().await;
    let (catalogue, service) = bundles(&s.dir.path().join("dist"));
    let get = |file: &str, accept: &str, offered: Option<String>| {
        let mut req = s
            .client
            .get(format!("{}/{file}", s.base))
            .header("accept-encoding", accept);
        if let Some(o) = offered {
            req = req.header("available-dictionary", o);
        }
        req.send()
    };

    // The catalogue's core: kept as a dictionary for the app's later wasm files.
    // (The plain requests accept no compression, so that the bodies compare as they are.)
    let r = get(CATALOGUE, "identity", None).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["use-as-dictionary"], "match=\"/portal-*.wasm\"");
    assert_eq!(r.headers()["vary"], "accept-encoding, available-dictionary");
    assert_eq!(r.bytes().await.unwrap(), catalogue);

    // The service's, by a browser holding the catalogue's: the variant, which reads back
    // to the bundle with the catalogue's bytes, and is itself a dictionary for the next.
    let chrome = "gzip, deflate, br, zstd, dcb, dcz";
    let r = get(SERVICE, chrome, Some(offer(&catalogue))).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-encoding"], "dcb");
    assert_eq!(r.headers()["content-type"], "application/wasm");
    assert_eq!(
        r.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(r.headers()["vary"], "accept-encoding, available-dictionary");
    assert_eq!(r.headers()["use-as-dictionary"], "match=\"/portal-*.wasm\"");
    let stream = r.bytes().await.unwrap();
    assert!(stream.len() < service.len() / 10, "{} B", stream.len());
    assert_eq!(
        asset_dictionary::decode(&catalogue, &stream),
        Some(service.clone())
    );

    // Offered a dictionary the build wrote nothing against, not accepting dcb, or with a
    // malformed offer: the file as it is.
    for (accept, offered) in [
        ("dcb, dcz", Some(offer(b"another bundle"))),
        ("identity", Some(offer(&catalogue))),
        ("dcb;q=0", Some(offer(&catalogue))),
        ("dcb, dcz", Some("not a byte sequence".to_string())),
        ("dcb, dcz", Some(":Li4vLi4vZXRjL3Bhc3N3ZA==:".to_string())),
        ("dcb, dcz", None),
    ] {
        let r = get(SERVICE, accept, offered.clone()).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{accept} {offered:?}");
        assert!(
            r.headers().get("content-encoding").is_none(),
            "{accept} {offered:?}"
        );
        assert_eq!(r.bytes().await.unwrap(), service, "{accept} {offered:?}");
    }

    // A chunk is not a dictionary; a wasm file outside the app's names has neither header.
    let r = get(CHUNK, chrome, Some(offer(&catalogue))).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers().get("use-as-dictionary").is_none());
    assert_eq!(r.headers()["vary"], "accept-encoding, available-dictionary");
    let r = get(
        "app-0123456789abcdef_bg.wasm",
        chrome,
        Some(offer(&catalogue)),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers().get("use-as-dictionary").is_none());
    assert!(r.headers().get("content-encoding").is_none());
}

#[tokio::test]
async fn a_script_comes_compressed_against_the_last_script() {
    let s = common::start().await;
    let dist = s.dir.path().join("dist");
    let glue = |own: &str| {
        format!(
            "{}export function {own}() {{}}\n",
            "import * as wasm from './x';\n".repeat(200)
        )
    };
    let (first, next) = (glue("catalogue"), glue("service"));
    std::fs::write(dist.join("portal-catalogue-0123456789abcdef.js"), &first).unwrap();
    std::fs::write(dist.join("portal-service-fedcba9876543210.js"), &next).unwrap();
    std::fs::write(
        dist.join(asset_dictionary::variant_name(
            "portal-service-fedcba9876543210.js",
            &asset_dictionary::hash(first.as_bytes()),
        )),
        asset_dictionary::encode(first.as_bytes(), next.as_bytes()).unwrap(),
    )
    .unwrap();

    let r = s
        .client
        .get(format!("{}/portal-catalogue-0123456789abcdef.js", s.base))
        .header("accept-encoding", "identity")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["use-as-dictionary"], "match=\"/portal-*.js\"");
    assert_eq!(r.text().await.unwrap(), first);

    let r = s
        .client
        .get(format!("{}/portal-service-fedcba9876543210.js", s.base))
        .header("accept-encoding", "gzip, br, dcb")
        .header("available-dictionary", offer(first.as_bytes()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-encoding"], "dcb");
    assert_eq!(
        r.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert_eq!(r.headers()["use-as-dictionary"], "match=\"/portal-*.js\"");
    let stream = r.bytes().await.unwrap();
    assert_eq!(
        asset_dictionary::decode(first.as_bytes(), &stream),
        Some(next.into_bytes())
    );
}
