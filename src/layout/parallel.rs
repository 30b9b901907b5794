//! Measuring many independent things (sections, contents entries) on every core.
//!
//! Measuring reads only the report and a context ([`Cx`]), and what a context caches
//! (shaped words) gives what measuring afresh would: so an item's measure does not depend on
//! which thread measured it, or on what that thread measured before, and the result is the
//! same on one core or many.

use super::cx::Cx;

/// `f` of each item, in the items' order, with a worker for every `per_worker` items up to
/// one per core: below that many items a worker's start (a thread, a context and caches of
/// its own) costs more than measuring them on it saves. Each worker makes its own [`Cx`] in
/// `cx`'s language, shaping with `cx`'s faces (a context's caches are not shared between
/// threads, its faces are), so `f` sees the language it would have seen on the calling
/// thread.
pub fn map<T: Sync, R: Send>(
    cx: &Cx,
    items: &[T],
    per_worker: usize,
    f: impl Fn(&Cx, &T) -> R + Sync,
) -> Vec<R> {
    let workers = crate::workers::threads().min(items.len() / per_worker.max(1));
    if workers <= 1 {
        return items.iter().map(|item| f(cx, item)).collect();
    }
    let (report, lang, faces) = cx.seed();
    crate::workers::map(
        items,
        workers,
        || Cx::sibling((report, lang.clone(), &faces)),
        f,
    )
}
