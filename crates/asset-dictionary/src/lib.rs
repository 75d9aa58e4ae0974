//! Compression dictionary transport (RFC 9842) for the web app's bundles.
//!
//! Each entry page has its own wasm bundle (see `scripts/build-web`), and the bundles
//! share most of their code: Leptos, serde, the page shell, the form engine. A citizen
//! going from the catalogue to a service's page and on to its form downloads each in full
//! although the browser already holds most of it. With dictionary transport the browser
//! keeps a bundle it fetched as a *dictionary* (the server marks it with
//! `Use-As-Dictionary`), names it by hash in `Available-Dictionary` when it fetches the
//! next bundle, and the server answers with that bundle brotli-compressed against the one
//! the browser has (`Content-Encoding: dcb`): only what differs travels.
//!
//! The same holds for the bundles' JavaScript glue and the pages' stylesheets, each
//! against the last of its kind. This crate holds the rules both sides share: which files
//! are bundles, chunks, scripts and stylesheets ([`role`]), which are kept as dictionaries
//! ([`use_as_dictionary`]), which pairs are compressed ahead of time ([`plan`]), the
//! variants' file names
//! ([`variant_name`]), the `dcb` stream format ([`encode`], [`decode`]) and the request
//! headers' reading ([`available_dictionary`], [`accepts`]). `scripts/build-web`
//! writes the variants with this crate's binary; the server sends them.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The `Content-Encoding` of a dictionary-compressed brotli stream (RFC 9842 §4.1).
pub const DCB: &str = "dcb";

/// The `Vary` of every response a dictionary could change.
pub const VARY: &str = "accept-encoding, available-dictionary";

/// A dictionary's name: the SHA-256 of its bytes.
pub type Hash = [u8; 32];

/// The magic bytes a `dcb` stream starts with, before the dictionary's hash (RFC 9842 §4.1).
const DCB_MAGIC: [u8; 4] = [0xff, 0x44, 0x43, 0x42];

/// The brotli window: 16 MiB, so that the whole dictionary (a bundle of at most a few
/// MiB) stays in reach of the stream compressed against it.
const WINDOW_BITS: i32 = 24;

pub fn hash(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

/// What a file in the built app's root folder is, from its name (trunk's and
/// `scripts/split-bundle.mjs`'s names, each ending in its build's hex hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role<'a> {
    /// A bundle's wasm (`portal-form-<hash>_bg.wasm`), which the browser keeps as a
    /// dictionary for the app's later wasm files.
    Core { bundle: &'a str, build: &'a str },
    /// A chunk of a bundle's wasm (`portal-form-after-send-<hash>.wasm`, its core's hash),
    /// compressed against its own core only, and never a dictionary.
    Chunk { name: &'a str, build: &'a str },
    /// A bundle's JavaScript glue (`portal-form-<hash>.js`), a dictionary for the app's
    /// later scripts.
    Script,
    /// A page's stylesheet (`style-apply-<hash>.css`), a dictionary for later ones.
    Style,
}

/// The role of the file `name` (a name in the built app's root folder), if it is one of
/// the files sent compressed against another.
pub fn role(name: &str) -> Option<Role<'_>> {
    if name.contains('/') {
        return None;
    }
    if let Some(stem) = name.strip_prefix("portal-") {
        if let Some(core) = stem.strip_suffix("_bg.wasm") {
            let (bundle, build) = split_hash(core)?;
            // The bundle's full name, prefix included.
            let bundle = &name[..("portal-".len() + bundle.len())];
            return Some(Role::Core { bundle, build });
        }
        if let Some(chunk) = name.strip_suffix(".wasm") {
            let (name, build) = split_hash(chunk)?;
            return Some(Role::Chunk { name, build });
        }
        let script = name.strip_suffix(".js").and_then(split_hash);
        // A split bundle's chunk loader (`portal-form-split-<hash>.js`, a few hundred
        // bytes) is left alone: kept as a dictionary, it would displace its bundle's glue
        // as the one a browser offers for the next page's.
        return script
            .filter(|(stem, _)| !stem.ends_with("-split"))
            .map(|_| Role::Script);
    }
    let style = name
        .strip_prefix("style-")
        .and_then(|s| s.strip_suffix(".css"));
    style.and_then(split_hash).map(|_| Role::Style)
}

/// A built file's stem `name-<hash>` into its name and its build's hash: trunk's 16 hex
/// digits, fewer when the hash began with zeros (at least 12). The server's rule for what
/// may be cached for good, too.
pub fn split_hash(stem: &str) -> Option<(&str, &str)> {
    let (name, build) = stem.rsplit_once('-')?;
    let hex = build.len() >= 12 && build.bytes().all(|b| b.is_ascii_hexdigit());
    (hex && !name.is_empty()).then_some((name, build))
}

/// What the file `name` is announced with (`Use-As-Dictionary`), if the browser is to keep
/// it as a dictionary: for the later files of its kind at the site's root (not the
/// embeddable elements', under `/embed/`, which other sites load). When several
/// dictionaries match a request, a browser offers the one it fetched most recently: the
/// page the person comes from.
pub fn use_as_dictionary(name: &str) -> Option<&'static str> {
    match role(name)? {
        Role::Core { .. } => Some("match=\"/portal-*.wasm\""),
        Role::Script => Some("match=\"/portal-*.js\""),
        Role::Style => Some("match=\"/style-*.css\""),
        Role::Chunk { .. } => None,
    }
}

/// The `Content-Type` of the file `name`, by its extension (those [`role`] knows).
pub fn content_type(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "wasm" => Some("application/wasm"),
        "js" => Some("text/javascript; charset=utf-8"),
        "css" => Some("text/css; charset=utf-8"),
        _ => None,
    }
}

/// A file to compress against a dictionary, both names in the built app's root folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub dictionary: String,
    pub target: String,
}

/// The pairs compressed ahead of time among the files `names`: every bundle's core
/// against every other core, every script against every other script, every stylesheet
/// against every other (a person may come to any page from any other), and every chunk
/// against its own bundle's core (fetched just before it, so the dictionary a browser
/// offers for it).
pub fn plan(names: &[String]) -> Vec<Pair> {
    let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
    names.sort_unstable();
    let of = |keep: fn(&Role) -> bool| -> Vec<&str> {
        names
            .iter()
            .copied()
            .filter(|n| role(n).as_ref().is_some_and(keep))
            .collect()
    };
    let cores = of(|r| matches!(r, Role::Core { .. }));
    let mut pairs = Vec::new();
    for group in [
        cores.clone(),
        of(|r| matches!(r, Role::Script)),
        of(|r| matches!(r, Role::Style)),
    ] {
        for dictionary in &group {
            for target in &group {
                if dictionary != target {
                    pairs.push(pair(dictionary, target));
                }
            }
        }
    }
    for chunk in &names {
        let Some(Role::Chunk { name, build }) = role(chunk) else {
            continue;
        };
        let own = cores.iter().find(|core| {
            matches!(role(core), Some(Role::Core { bundle, build: b })
                if b == build && name.strip_prefix(bundle).is_some_and(|rest| rest.starts_with('-')))
        });
        if let Some(core) = own {
            pairs.push(pair(core, chunk));
        }
    }
    pairs
}

fn pair(dictionary: &str, target: &str) -> Pair {
    Pair {
        dictionary: dictionary.to_string(),
        target: target.to_string(),
    }
}

/// The file holding `target` compressed against the dictionary `dictionary`, beside it.
pub fn variant_name(target: &str, dictionary: &Hash) -> String {
    let mut name = String::with_capacity(target.len() + 69);
    name.push_str(target);
    name.push('.');
    for b in dictionary {
        name.push_str(&format!("{b:02x}"));
    }
    name.push_str(".dcb");
    name
}

/// `content` as a `dcb` stream against `dictionary`: the magic bytes, the dictionary's
/// hash, then brotli with the dictionary as the stream's prefix. Each stream is read back
/// before it is returned: the brotli encoder used here (the `brotli` crate) can make, at
/// quality 11 and against some dictionaries, a stream no decoder accepts (Chromium
/// included), so a quality that reads back is taken (11, else 10, else 9), and `None` is
/// returned when none does.
pub fn encode(dictionary: &[u8], content: &[u8]) -> Option<Vec<u8>> {
    [11, 10, 9].into_iter().find_map(|quality| {
        let stream = encode_at(dictionary, content, quality);
        (decode(dictionary, &stream).as_deref() == Some(content)).then_some(stream)
    })
}

/// `content` as a `dcb` stream against `dictionary`, at the brotli `quality`, unchecked.
fn encode_at(dictionary: &[u8], content: &[u8], quality: i32) -> Vec<u8> {
    let mut stream = Vec::with_capacity(content.len() / 3);
    stream.extend_from_slice(&DCB_MAGIC);
    stream.extend_from_slice(&hash(dictionary));
    brotli_into(&mut stream, dictionary, content, quality);
    stream
}

/// `content` as a plain brotli stream (`Content-Encoding: br`, no dictionary), read back
/// as [`encode`]'s are, at quality 11, else 10 or 9: for what is compressed once and sent
/// many times, such as the server's pages.
pub fn compress(content: &[u8]) -> Option<Vec<u8>> {
    [11, 10, 9].into_iter().find_map(|quality| {
        let mut stream = Vec::with_capacity(content.len() / 3);
        brotli_into(&mut stream, &[], content, quality);
        (decompress(&[], &stream).as_deref() == Some(content)).then_some(stream)
    })
}

/// Appends `content` compressed with brotli at `quality`, with `dictionary` as the
/// stream's prefix (none when empty), unchecked.
fn brotli_into(out: &mut Vec<u8>, dictionary: &[u8], content: &[u8], quality: i32) {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: WINDOW_BITS,
        ..Default::default()
    };
    let mut input = vec![0u8; 1 << 16];
    let mut output = vec![0u8; 1 << 16];
    let mut no_callback =
        |_: &mut brotli::interface::PredictionModeContextMap<brotli::InputReferenceMut>,
         _: &mut [brotli::interface::StaticCommand],
         _: brotli::InputPair,
         _: &mut brotli::enc::StandardAlloc| ();
    brotli::enc::BrotliCompressCustomIoCustomDict(
        &mut brotli::IoReaderWrapper(&mut &content[..]),
        &mut brotli::IoWriterWrapper(out),
        &mut input,
        &mut output,
        &params,
        brotli::enc::StandardAlloc::default(),
        &mut no_callback,
        dictionary,
        std::io::Error::from(std::io::ErrorKind::UnexpectedEof),
    )
    .expect("writing to memory cannot fail");
}

/// The content of the `dcb` stream `stream`, if it was made against `dictionary` and is
/// whole: what a browser does on receiving it.
pub fn decode(dictionary: &[u8], stream: &[u8]) -> Option<Vec<u8>> {
    let body = stream.strip_prefix(&DCB_MAGIC)?;
    let (named, compressed) = body.split_at_checked(32)?;
    if named != hash(dictionary) {
        return None;
    }
    decompress(dictionary, compressed)
}

/// The content of the brotli stream `compressed` made with `dictionary` as its prefix
/// (none when empty), if it is whole.
fn decompress(dictionary: &[u8], compressed: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut input = vec![0u8; 1 << 16];
    let mut output = vec![0u8; 1 << 16];
    brotli_decompressor::BrotliDecompressCustomDict(
        &mut &compressed[..],
        &mut out,
        &mut input,
        &mut output,
        dictionary.to_vec(),
    )
    .ok()?;
    Some(out)
}

/// The dictionary a request offers: its `Available-Dictionary` header, a structured-field
/// byte sequence (`:<base64 of the SHA-256>:`, RFC 8941 §3.3.5).
pub fn available_dictionary(value: &str) -> Option<Hash> {
    let inner = value.trim().strip_prefix(':')?.strip_suffix(':')?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(inner)
        .ok()?;
    bytes.try_into().ok()
}

/// Whether an `Accept-Encoding` value accepts `coding` (named, and not with `q=0`).
pub fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let named = parts.next().unwrap_or_default();
        named.eq_ignore_ascii_case(coding)
            && !parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn roles_come_from_the_names_split_bundle_gives() {
        assert_eq!(
            role("portal-form-c4b782b02c1ef320_bg.wasm"),
            Some(Role::Core {
                bundle: "portal-form",
                build: "c4b782b02c1ef320"
            })
        );
        assert_eq!(
            role("portal-form-after-send-c4b782b02c1ef320.wasm"),
            Some(Role::Chunk {
                name: "portal-form-after-send",
                build: "c4b782b02c1ef320"
            })
        );
        assert_eq!(role("portal-form-c4b782b02c1ef320.js"), Some(Role::Script));
        assert_eq!(role("portal-form-split-c4b782b02c1ef320.js"), None);
        assert_eq!(role("style-apply-1b9f724a28aabacf.css"), Some(Role::Style));
        for other in [
            "loader-1f7f85c58122f135.js",
            "style.css",
            "favicon.png",
            "portal-form-c4b782b02c1ef320.js.br",
            "embed/1.0.0/portal-embed-search_bg.wasm",
            "portal-form-c4b782b02c1ef320_bg.wasm.br",
            "portal-form-after-send.wasm",
            // "add" is hex, but no build hash is that short.
            "portal-form-add.wasm",
            "app-0123456789abcdef_bg.wasm",
        ] {
            assert_eq!(role(other), None, "{other}");
        }
    }

    #[test]
    fn cores_pair_with_each_other_and_chunks_with_their_own_core() {
        let files = names(&[
            "portal-service-85592c4d5c66e73c_bg.wasm",
            "portal-form-c4b7c4b7c4b7c4b7_bg.wasm",
            "portal-form-after-send-c4b7c4b7c4b7c4b7.wasm",
            "portal-form-c4b7c4b7c4b7c4b7.js",
            "portal-citizen-4609460946094609_bg.wasm",
            "portal-citizen-lookup-4609460946094609.wasm",
            // A chunk whose core is not there is left alone.
            "portal-gallery-part-9999999999999999.wasm",
            "portal-service-8559855985598559.js",
            "style-apply-1b9f1b9f1b9f1b9f.css",
            "style-service-2c3d2c3d2c3d2c3d.css",
            "loader-1f7f1f7f1f7f1f7f.js",
        ]);
        let got: Vec<(String, String)> = plan(&files)
            .into_iter()
            .map(|p| (p.dictionary, p.target))
            .collect();
        let want = [
            (
                "portal-citizen-4609460946094609_bg.wasm",
                "portal-form-c4b7c4b7c4b7c4b7_bg.wasm",
            ),
            (
                "portal-citizen-4609460946094609_bg.wasm",
                "portal-service-85592c4d5c66e73c_bg.wasm",
            ),
            (
                "portal-form-c4b7c4b7c4b7c4b7_bg.wasm",
                "portal-citizen-4609460946094609_bg.wasm",
            ),
            (
                "portal-form-c4b7c4b7c4b7c4b7_bg.wasm",
                "portal-service-85592c4d5c66e73c_bg.wasm",
            ),
            (
                "portal-service-85592c4d5c66e73c_bg.wasm",
                "portal-citizen-4609460946094609_bg.wasm",
            ),
            (
                "portal-service-85592c4d5c66e73c_bg.wasm",
                "portal-form-c4b7c4b7c4b7c4b7_bg.wasm",
            ),
            (
                "portal-form-c4b7c4b7c4b7c4b7.js",
                "portal-service-8559855985598559.js",
            ),
            (
                "portal-service-8559855985598559.js",
                "portal-form-c4b7c4b7c4b7c4b7.js",
            ),
            (
                "style-apply-1b9f1b9f1b9f1b9f.css",
                "style-service-2c3d2c3d2c3d2c3d.css",
            ),
            (
                "style-service-2c3d2c3d2c3d2c3d.css",
                "style-apply-1b9f1b9f1b9f1b9f.css",
            ),
            (
                "portal-citizen-4609460946094609_bg.wasm",
                "portal-citizen-lookup-4609460946094609.wasm",
            ),
            (
                "portal-form-c4b7c4b7c4b7c4b7_bg.wasm",
                "portal-form-after-send-c4b7c4b7c4b7c4b7.wasm",
            ),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(d, t)| (d.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_stream_made_against_a_dictionary_reads_back_only_with_it() {
        let dictionary: Vec<u8> = (0..20_000u32)
            .flat_map(|i| (i * 7919).to_le_bytes())
            .collect();
        let mut content = dictionary[1000..50_000].to_vec();
        content.extend_from_slice(b"what the dictionary does not have");
        let stream = encode(&dictionary, &content).expect("a stream that reads back");
        assert_eq!(&stream[..4], &DCB_MAGIC);
        assert_eq!(&stream[4..36], &hash(&dictionary));
        assert!(
            stream.len() < 200,
            "what the dictionary holds costs almost nothing: {} B",
            stream.len()
        );
        assert_eq!(decode(&dictionary, &stream).as_deref(), Some(&content[..]));
        let mut other = dictionary.clone();
        other[0] ^= 1;
        assert_eq!(decode(&other, &stream), None, "another dictionary's hash");
        assert_eq!(
            decode(&dictionary, &stream[..stream.len() - 5]),
            None,
            "cut short"
        );
    }

    #[test]
    fn cores_scripts_and_stylesheets_are_dictionaries_for_their_own_kind() {
        let announced = |n| use_as_dictionary(n);
        assert_eq!(
            announced("portal-form-c4b7c4b7c4b7c4b7_bg.wasm"),
            Some("match=\"/portal-*.wasm\"")
        );
        assert_eq!(
            announced("portal-form-c4b7c4b7c4b7c4b7.js"),
            Some("match=\"/portal-*.js\"")
        );
        assert_eq!(
            announced("style-apply-1b9f1b9f1b9f1b9f.css"),
            Some("match=\"/style-*.css\"")
        );
        assert_eq!(
            announced("portal-form-after-send-c4b7c4b7c4b7c4b7.wasm"),
            None,
            "a chunk"
        );
        assert_eq!(announced("loader-1f7f1f7f1f7f1f7f.js"), None);
        assert_eq!(
            content_type("portal-form-c4b7c4b7c4b7c4b7.js"),
            Some("text/javascript; charset=utf-8")
        );
        assert_eq!(
            content_type("style-apply-1b9f1b9f1b9f1b9f.css"),
            Some("text/css; charset=utf-8")
        );
        assert_eq!(
            content_type("portal-form-c4b7c4b7c4b7c4b7_bg.wasm"),
            Some("application/wasm")
        );
    }

    /// A small, repetitive pair on which the encoder's quality 11 makes a stream that
    /// neither this crate's decoder nor Chromium reads (seen in the server's tests).
    /// A plain brotli stream, as any decoder reads it, and as small as the brotli tool's
    /// best quality makes it.
    #[test]
    fn a_page_is_compressed_as_plain_brotli() {
        let page =
            "<li><a href=\"/services/birth-registration\">Đăng ký khai sinh</a></li>\n".repeat(300);
        let stream = compress(page.as_bytes()).expect("a quality reads back");
        let mut read = Vec::new();
        brotli_decompressor::BrotliDecompress(&mut &stream[..], &mut read).unwrap();
        assert_eq!(read, page.as_bytes());
        assert!(stream.len() < page.len() / 50, "{}", stream.len());
        assert!(!stream.starts_with(&DCB_MAGIC));
    }

    #[test]
    fn a_stream_that_would_not_read_back_is_made_again_at_a_lower_quality() {
        let glue = |own: &str| {
            format!(
                "{}export function {own}() {{}}\n",
                "import * as wasm from './x';\n".repeat(200)
            )
        };
        let (first, next) = (glue("catalogue"), glue("service"));
        let at_11 = encode_at(first.as_bytes(), next.as_bytes(), 11);
        assert_eq!(
            decode(first.as_bytes(), &at_11),
            None,
            "the encoder's fault is still there"
        );
        let stream = encode(first.as_bytes(), next.as_bytes()).expect("a lower quality reads back");
        assert_eq!(decode(first.as_bytes(), &stream), Some(next.into_bytes()));
    }

    #[test]
    fn variants_are_named_by_the_dictionary_s_hash() {
        let h = hash(b"abc");
        assert_eq!(
            variant_name("portal-form-c4b7c4b7c4b7c4b7_bg.wasm", &h),
            "portal-form-c4b7c4b7c4b7c4b7_bg.wasm.ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.dcb"
        );
    }

    #[test]
    fn the_available_dictionary_is_a_byte_sequence_of_32_bytes() {
        let h = hash(b"abc");
        let b64 = base64::engine::general_purpose::STANDARD.encode(h);
        assert_eq!(available_dictionary(&format!(":{b64}:")), Some(h));
        assert_eq!(available_dictionary(&format!(" :{b64}: ")), Some(h));
        assert_eq!(available_dictionary(&b64), None, "not a byte sequence");
        assert_eq!(available_dictionary(":YWJj:"), None, "three bytes");
        assert_eq!(available_dictionary(":not base64!:"), None);
        assert_eq!(available_dictionary("::"), None);
    }

    #[test]
    fn dcb_is_accepted_when_named_without_a_zero_weight() {
        assert!(accepts("gzip, deflate, br, zstd, dcb, dcz", DCB));
        assert!(accepts("DCB;q=0.5", DCB));
        assert!(!accepts("gzip, deflate, br, zstd", DCB));
        assert!(!accepts("dcb;q=0, br", DCB));
        assert!(!accepts("dcbx, xdcb", DCB));
        assert!(accepts("gzip, br;q=0.8", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("gzip, brx", "br"));
    }
}
