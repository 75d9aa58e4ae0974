//! `asset-dictionary <dist>`: writes, beside the built app's wasm, script and stylesheet
//! files, each one compressed against the files of its kind a browser may already hold
//! (see the library's [`plan`]),
//! as `<file>.<dictionary's SHA-256>.dcb`, which the server sends to browsers that offer
//! that dictionary. Each stream is read back before it is written (`encode`; a pair with
//! none that reads back is reported with 0 B and not kept); a variant not at least
//! a twentieth smaller than the file's plain brotli sibling (`<file>.br`) is not written, so
//! the server sends that instead. Prints each pair's sizes.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use asset_dictionary::{encode, hash, plan, variant_name, Pair};

fn main() {
    let dist = match std::env::args_os().nth(1) {
        Some(d) => PathBuf::from(d),
        None => fail("usage: asset-dictionary <dist folder>"),
    };
    let mut names = Vec::new();
    for entry in
        std::fs::read_dir(&dist).unwrap_or_else(|e| fail(&format!("{}: {e}", dist.display())))
    {
        let entry = entry.unwrap_or_else(|e| fail(&e.to_string()));
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".dcb") {
            // Variants of an earlier build, against dictionaries that may be gone.
            std::fs::remove_file(entry.path()).unwrap_or_else(|e| fail(&e.to_string()));
        } else {
            names.push(name);
        }
    }
    let pairs = plan(&names);
    let next = AtomicUsize::new(0);
    let rows = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(pair) = pairs.get(i) else { break };
                let row = compress(&dist, pair);
                rows.lock()
                    .expect("no worker panics holding it")
                    .push((i, row));
            });
        }
    });
    let mut rows = rows.into_inner().expect("the workers are done");
    rows.sort_unstable_by_key(|(i, _)| *i);
    let (mut written, mut saved) = (0, 0);
    println!(
        "{:<48} {:<48} {:>9} {:>9}",
        "dictionary", "file", "br B", "dcb B"
    );
    for (i, (br, dcb, kept)) in rows {
        let pair = &pairs[i];
        println!(
            "{:<48} {:<48} {br:>9} {dcb:>9}{}",
            pair.dictionary,
            pair.target,
            if kept { "" } else { "  (not kept)" }
        );
        if kept {
            written += 1;
            saved += br - dcb;
        }
    }
    println!(
        "{written} of {} variants written; {saved} B less than brotli alone, summed over them",
        pairs.len()
    );
}

/// Compresses one pair; returns the plain brotli size, the variant's, and whether it was
/// written.
fn compress(dist: &Path, pair: &Pair) -> (usize, usize, bool) {
    let read = |name: &str| {
        std::fs::read(dist.join(name)).unwrap_or_else(|e| fail(&format!("{name}: {e}")))
    };
    let dictionary = read(&pair.dictionary);
    let target = read(&pair.target);
    let br = read(&format!("{}.br", pair.target)).len();
    let Some(stream) = encode(&dictionary, &target) else {
        // No stream read back (see `encode`): the server sends the plain brotli file.
        return (br, 0, false);
    };
    let kept = stream.len() * 20 <= br * 19;
    if kept {
        let name = variant_name(&pair.target, &hash(&dictionary));
        std::fs::write(dist.join(&name), &stream).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
    }
    (br, stream.len(), kept)
}

fn fail(message: &str) -> ! {
    eprintln!("asset-dictionary: {message}");
    std::process::exit(1)
}
