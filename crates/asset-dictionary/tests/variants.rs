//! The build step on a built app's folder: it writes each variant the plan names when it
//! is worth it, each reading back to its file, and removes an earlier build's.

use std::path::Path;
use std::process::Command;

use asset_dictionary::{decode, hash, variant_name};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// `bytes` and its plain brotli sibling, as `scripts/build-web` leaves them.
fn built(dir: &Path, name: &str, bytes: &[u8]) {
    write(dir, name, bytes);
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).unwrap();
    write(dir, &format!("{name}.br"), &br);
}

#[test]
fn variants_are_written_where_they_pay_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let noise = |seed: u32, n: u32| -> Vec<u8> {
        (0..n)
            .flat_map(|i| (i ^ seed).wrapping_mul(2_654_435_761).to_le_bytes())
            .collect()
    };
    let shared = noise(1, 30_000);
    let with = |own: &[u8]| [&shared[..], own].concat();
    let catalogue = with(&noise(2, 2_000));
    let service = with(&noise(3, 2_000));
    // A chunk with nothing in common with its core: no variant is worth writing.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let chunk: Vec<u8> = (0..20_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    built(d, "portal-catalogue-00aa00aa00aa00aa_bg.wasm", &catalogue);
    built(d, "portal-service-00bb00bb00bb00bb_bg.wasm", &service);
    built(d, "portal-service-fees-00bb00bb00bb00bb.wasm", &chunk);
    write(
        d,
        "portal-service-00bb00bb00bb00bb_bg.wasm.0000000000000000.dcb",
        b"an earlier build's",
    );

    let out = Command::new(env!("CARGO_BIN_EXE_asset-dictionary"))
        .arg(d)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut dcb: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".dcb"))
        .collect();
    dcb.sort();
    let service_given_catalogue =
        variant_name("portal-service-00bb00bb00bb00bb_bg.wasm", &hash(&catalogue));
    let catalogue_given_service =
        variant_name("portal-catalogue-00aa00aa00aa00aa_bg.wasm", &hash(&service));
    let mut want = vec![
        service_given_catalogue.clone(),
        catalogue_given_service.clone(),
    ];
    want.sort();
    assert_eq!(dcb, want, "{}", String::from_utf8_lossy(&out.stdout));

    let stream = std::fs::read(d.join(&service_given_catalogue)).unwrap();
    let br = std::fs::metadata(d.join("portal-service-00bb00bb00bb00bb_bg.wasm.br"))
        .unwrap()
        .len();
    assert!(
        (stream.len() as u64) * 4 < br,
        "{} B against {br} B",
        stream.len()
    );
    assert_eq!(decode(&catalogue, &stream), Some(service.clone()));
    let stream = std::fs::read(d.join(&catalogue_given_service)).unwrap();
    assert_eq!(decode(&service, &stream), Some(catalogue));

    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("portal-service-fees-00bb00bb00bb00bb.wasm"),
        "{report}"
    );
    assert!(report.contains("(not kept)"), "{report}");
}
