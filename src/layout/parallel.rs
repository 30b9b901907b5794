//! Measuring many independent things (sections, contents entries) on every core.
//!
//! Measuring reads only the report and a context ([`Cx`]), and what a context caches
//! (shaped words) gives what measuring afresh would: so an item's measure does not depend on
//! which thread measured it, or on what that thread measured before, and the result is the
//! same on one core or many.

use super::cx::Cx;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cores this process may use, asked once: the answer comes from the control groups'
/// files, read on every ask.
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// `f` of each item, in the items' order, with a worker for every `per_worker` items up to
/// one per core: below that many items a worker's start (a thread, a context and caches of
/// its own) costs more than measuring them on it saves. Each worker has its own [`Cx`] (a context's
/// caches are not shared between threads; `cx` itself is the calling thread's) and takes
/// the next unmeasured item until none are left. A context is made in `cx`'s language, so
/// `f` sees the language it would have seen on the calling thread.
pub fn map<T: Sync, R: Send>(
    cx: &Cx,
    items: &[T],
    per_worker: usize,
    f: impl Fn(&Cx, &T) -> R + Sync,
) -> Vec<R> {
    let workers = cores().min(items.len() / per_worker.max(1));
    if workers <= 1 {
        return items.iter().map(|item| f(cx, item)).collect();
    }
    let next = AtomicUsize::new(0);
    let measure = |cx: &Cx| {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break done };
            done.push((i, f(cx, item)));
        }
    };
    let mut out: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers)
            .map(|_| {
                let seed = cx.seed();
                scope.spawn(|| measure(&Cx::sibling(seed)))
            })
            .collect();
        let mine = measure(cx);
        let theirs = helpers.into_iter().flat_map(|h| match h.join() {
            Ok(done) => done,
            // A panic while measuring is a bug: pass it on as if it happened here.
            Err(panic) => std::panic::resume_unwind(panic),
        });
        for (i, r) in mine.into_iter().chain(theirs) {
            out[i] = Some(r);
        }
    });
    out.into_iter()
        .map(|r| r.expect("invariant: every item is taken by one worker"))
        .collect()
}
