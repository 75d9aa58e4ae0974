//! Pages compressed once. A page is a built entry page with its first paint filled in from
//! the published catalogue: the same bytes for everyone who asks for that path while the
//! catalogue and the build stay the same. Compressed per request, at a level a busy server
//! can afford (brotli 9, the layer in `routes`), the catalogue's page is 8,851 B; at
//! brotli 11 it is 8,091 B, and a form step's 5,744 B instead of 6,429 (measured
//! 2026-12-07), but brotli 11 costs about 45 ms of CPU per page. So each distinct page is
//! compressed once, at 11, in the background by one worker at a time (the request that
//! found it missing does not wait: the layer compresses its answer as before), and kept
//! by the hash of its content, which no request can choose: a page changes only with the
//! catalogue or the build.
//!
//! The worker runs at the lowest priority: it is work for later requests, and must not take
//! a core from the requests of now. A generated catalogue of 10,000 services makes a 5.2 MB
//! catalogue page, 10 s of one core's time at brotli 11 (measured 2026-12-08); at normal
//! priority on a two-core machine it slowed every other process meanwhile (the benchmark's
//! browser, whose search keys took twice as long to paint while it ran).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, Mutex};

use axum::body::Bytes;
use sha2::{Digest, Sha256};

/// How many pages are kept: the 29 services' pages and form steps several times over
/// (about 5 KB each); with a national catalogue, the most recently made ones.
const CAPACITY: usize = 2048;

type Key = [u8; 32];

/// Pages of every server in this process, by the hash of their content (servers sharing
/// it, as tests do, can only share identical pages).
static PAGES: LazyLock<PageCache> = LazyLock::new(|| PageCache::new(CAPACITY));

/// `html` compressed with brotli at its best quality, when already made; otherwise
/// `None` (the per-request compression answers), and it is made for the next request.
pub fn brotli(html: &str) -> Option<Bytes> {
    LazyLock::force(&PAGES).brotli(html)
}

struct PageCache {
    capacity: usize,
    kept: Mutex<Kept>,
    /// Whether a page is being compressed: one at a time, so the rest of the server keeps
    /// its cores.
    busy: AtomicBool,
}

#[derive(Default)]
struct Kept {
    pages: HashMap<Key, Bytes>,
    /// Oldest first, for making room.
    order: VecDeque<Key>,
}

impl PageCache {
    fn new(capacity: usize) -> PageCache {
        PageCache {
            capacity,
            kept: Mutex::default(),
            busy: AtomicBool::new(false),
        }
    }

    fn brotli(&'static self, html: &str) -> Option<Bytes> {
        let key: Key = Sha256::digest(html.as_bytes()).into();
        if let Some(page) = self.get(&key) {
            return Some(page);
        }
        let idle = self
            .busy
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
        if idle {
            let content = html.as_bytes().to_vec();
            let worker = std::thread::Builder::new()
                .name("page-compressor".into())
                .spawn(move || {
                    yield_to_other_work();
                    if let Some(page) = asset_dictionary::compress(&content) {
                        self.keep(key, page.into());
                    }
                    self.busy.store(false, Ordering::Release);
                });
            if worker.is_err() {
                // No thread to be had now: the next request asks again.
                self.busy.store(false, Ordering::Release);
            }
        }
        None
    }

    fn get(&self, key: &Key) -> Option<Bytes> {
        self.kept.lock().ok()?.pages.get(key).cloned()
    }

    fn keep(&self, key: Key, page: Bytes) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        while kept.pages.len() >= self.capacity {
            match kept.order.pop_front() {
                Some(oldest) => kept.pages.remove(&oldest),
                None => break,
            };
        }
        if kept.pages.insert(key, page).is_none() {
            kept.order.push_back(key);
        }
    }
}

/// Lowers the calling thread to the idle scheduling class: Linux gives it a core's time
/// only when other threads leave that core free, but for a sliver (scheduling classes
/// are per thread there; elsewhere the thread stays at normal priority).
fn yield_to_other_work() {
    #[cfg(target_os = "linux")]
    {
        let param = libc::sched_param { sched_priority: 0 };
        // SAFETY: `param` is a valid `sched_param` for the call's duration; pid 0 is the
        // calling thread. Failing leaves it at normal priority, which is only slower for
        // others.
        let _ = unsafe { libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(capacity: usize) -> &'static PageCache {
        Box::leak(Box::new(PageCache::new(capacity)))
    }

    /// The page once the background worker has made it.
    async fn made(cache: &'static PageCache, html: &str) -> Bytes {
        // The worker yields its core to other work (the other tests, on a busy machine):
        // a generous wait, which a fast machine ends at once.
        for _ in 0..1000 {
            if let Some(page) = cache.brotli(html) {
                return page;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("{html} was not compressed within 10 s");
    }

    fn decoded(stream: &[u8]) -> String {
        let mut out = Vec::new();
        brotli_decompressor::BrotliDecompress(&mut &stream[..], &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_worker_takes_only_time_nothing_else_wants() {
        let class = std::thread::spawn(|| {
            yield_to_other_work();
            // SAFETY: no arguments but the calling thread.
            unsafe { libc::sched_getscheduler(0) }
        })
        .join()
        .unwrap();
        assert_eq!(class, libc::SCHED_IDLE);
        // Only that thread: the caller keeps its class.
        // SAFETY: as above.
        assert_eq!(unsafe { libc::sched_getscheduler(0) }, libc::SCHED_OTHER);
    }

    #[tokio::test]
    async fn a_page_is_compressed_once_in_the_background_and_kept() {
        let cache = cache(8);
        let page = "<p>Cổng Dịch vụ công Quốc gia</p>".repeat(100);
        // The first request does not wait for it.
        assert!(cache.brotli(&page).is_none());
        let first = made(cache, &page).await;
        assert_eq!(decoded(&first), page);
        // The same bytes, not made again.
        let again = cache.brotli(&page).unwrap();
        assert_eq!(again.as_ptr(), first.as_ptr());
        let other = format!("{page}<p>khác</p>");
        assert_eq!(decoded(&made(cache, &other).await), other);
    }

    #[tokio::test]
    async fn the_oldest_pages_make_room() {
        let cache = cache(2);
        for i in 0..5 {
            made(cache, &format!("<p>{i}</p>")).await;
        }
        let kept = cache.kept.lock().unwrap();
        assert_eq!(kept.pages.len(), 2);
        assert_eq!(kept.order.len(), 2);
        let newest: Key = Sha256::digest(b"<p>4</p>").into();
        assert!(kept.pages.contains_key(&newest));
    }

    #[tokio::test]
    async fn one_page_is_made_at_a_time() {
        let cache = cache(8);
        let kept = made(cache, "<p>kept</p>").await;
        cache.busy.store(true, Ordering::Release);
        assert!(cache.brotli("<p>new</p>").is_none());
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        assert!(cache.brotli("<p>new</p>").is_none(), "nothing was started");
        // What is already made is still sent.
        assert_eq!(cache.brotli("<p>kept</p>").unwrap(), kept);
        cache.busy.store(false, Ordering::Release);
        made(cache, "<p>new</p>").await;
    }
}
