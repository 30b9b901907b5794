//! Independent jobs on several threads, results in the jobs' order.
//!
//! Each worker takes the next job not yet taken until none are left, so jobs of different
//! lengths keep every worker busy, and each result is put back at its job's place: what
//! comes out does not depend on which thread ran which job. Plain scoped threads, not a
//! rayon pool: the PDF writer hands its compression to rayon, and a pool thread waiting for
//! that work runs other queued jobs on its own stack meanwhile, so whole builds queued as
//! pool jobs would nest inside each other (a 300-report batch overflowed the stack).
//!
//! A build uses [`threads`]: every core, or one where it runs inside a one-thread rayon
//! pool, as each of `folio batch`'s builds does: there the batch keeps every core busy with
//! builds of its own, and threads started inside each build (and the waits for them) would
//! only take turns on the same cores.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cores this process may use, asked once: the answer comes from the control groups'
/// files, read on every ask.
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// The threads a build may use: [`cores`], or fewer where it runs inside a rayon pool of
/// fewer threads. A pool thread's compression jobs (the PDF writer's) stay in its own pool,
/// so a build in a one-thread pool is wholly on that thread. Asking does not start rayon's
/// global pool.
pub fn threads() -> usize {
    match rayon::current_thread_index() {
        Some(_) => rayon::current_num_threads().min(cores()),
        None => cores(),
    }
}

/// `a()` and `b()`, side by side on two threads where the build has them ([`threads`]),
/// else one after the other; `b` also runs here, after `a`, where no thread can be had.
/// A panic in either is passed on as if it happened here.
pub fn join<A: Send, B: Send>(a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> (A, B) {
    if threads() < 2 {
        let a = a();
        return (a, b());
    }
    // `b` waits in its slot until the thread takes it, so that where no thread can be had
    // it is still here to run.
    let slot = std::sync::Mutex::new(Some(b));
    let take = || slot.lock().unwrap_or_else(|e| e.into_inner()).take();
    std::thread::scope(|scope| {
        let beside = std::thread::Builder::new().spawn_scoped(scope, || take().map(|b| b()));
        let a = a();
        let b = match beside {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => None,
        };
        let b = b.unwrap_or_else(|| take().expect("invariant: only a started thread takes b")());
        (a, b)
    })
}

/// `run` of each job, in the jobs' order, on up to `workers` threads, the calling thread
/// among them. Each worker first makes its own state with `state` (a measuring context with
/// caches of its own, say), on its own thread. Where fewer threads can be had than asked
/// for, those there are (at least the calling thread) run every job.
pub fn map<J: Sync, R: Send, S>(
    jobs: &[J],
    workers: usize,
    state: impl Fn() -> S + Sync,
    run: impl Fn(&S, &J) -> R + Sync,
) -> Vec<R> {
    let workers = workers.clamp(1, jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let work = || {
        let state = state();
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else { break done };
            done.push((i, run(&state, job)));
        }
    };
    let mut out: Vec<Option<R>> = (0..jobs.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers)
            .map_while(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mine = work();
        let theirs = helpers.into_iter().flat_map(|h| match h.join() {
            Ok(done) => done,
            // A panic in a job is a bug: pass it on as if it happened here.
            Err(panic) => std::panic::resume_unwind(panic),
        });
        for (i, r) in mine.into_iter().chain(theirs) {
            out[i] = Some(r);
        }
    });
    out.into_iter()
        .map(|r| r.expect("invariant: every job is taken by one worker"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_the_workers() {
        let jobs: Vec<u64> = (0..500).collect();
        for workers in [1, 2, 3, 8] {
            let out = map(
                &jobs,
                workers,
                || (),
                |_, j| {
                    // Uneven work, so the workers finish out of order.
                    (0..(j % 7) * 1000).fold(*j, |a, b| a.wrapping_add(b % 3))
                },
            );
            let expected: Vec<u64> = jobs
                .iter()
                .map(|j| (0..(j % 7) * 1000).fold(*j, |a, b| a.wrapping_add(b % 3)))
                .collect();
            assert_eq!(out, expected, "{workers} workers");
        }
    }

    #[test]
    fn every_worker_makes_its_own_state_on_its_own_thread() {
        let made = AtomicUsize::new(0);
        let jobs = [(); 64];
        let out = map(
            &jobs,
            4,
            || {
                (
                    made.fetch_add(1, Ordering::Relaxed),
                    std::thread::current().id(),
                )
            },
            |(state, thread), _| {
                // A state is only ever used on the thread that made it.
                assert_eq!(*thread, std::thread::current().id());
                *state
            },
        );
        assert_eq!(made.load(Ordering::Relaxed), 4, "one state per worker");
        assert_eq!(out.len(), 64);
        assert!(out.iter().all(|s| *s < 4));
    }

    #[test]
    fn a_build_in_a_one_thread_pool_keeps_to_its_thread() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let (threads, ran) = pool.install(|| {
            let here = std::thread::current().id();
            let order = std::sync::Mutex::new(Vec::new());
            let (a, b) = join(
                || {
                    order.lock().unwrap().push('a');
                    std::thread::current().id()
                },
                || {
                    order.lock().unwrap().push('b');
                    std::thread::current().id()
                },
            );
            assert_eq!((a, b), (here, here), "both ran on the pool's thread");
            (threads(), order.into_inner().unwrap())
        });
        assert_eq!(threads, 1);
        assert_eq!(ran, ['a', 'b'], "a first, then b");
    }

    #[test]
    fn join_runs_the_second_beside_where_there_are_threads() {
        if threads() < 2 {
            eprintln!("skipped: one core, so join runs both here");
            return;
        }
        let here = std::thread::current().id();
        let (a, b) = join(
            || std::thread::current().id(),
            || std::thread::current().id(),
        );
        assert_eq!(a, here);
        assert_ne!(b, here, "b ran on a thread of its own");
    }
}
