//! The `folio` command: parse flags, run the pipeline, print diagnostics once, exit.

mod cli;

fn main() -> std::process::ExitCode {
    settle_allocator();
    cli::run()
}

/// Blocks from this size up are mapped on their own and given back when freed: glibc's
/// starting value, held there.
///
/// By default glibc raises the threshold each time it unmaps a block, up to 32 MiB, so after
/// the first large buffers of a long build are freed the next ones (the tag tree, the
/// objects being serialised, the file itself) are carved from the heap instead. There the
/// millions of small blocks a laid-out document leaves when it is freed keep them from ever
/// going back, and the build's peak memory grows by a fifth (bench/RESULTS.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// Free memory at the top of the heap kept for reuse rather than given back, up to this much.
///
/// Holding the mmap threshold also holds glibc's trim threshold at its starting 128 KiB, so
/// the heap was shrunk each time a few pages at its top came free and grown again moments
/// later: every page given back is a page fault, and a zeroed page, when it is used again.
/// A 1,002-page build took 36,000 page faults and an eighth of its CPU time in the kernel;
/// with 64 MiB kept (and the pad below), 31,000, and the kernel's time a third lower. The
/// peak is unchanged: what is kept is reused by the next blocks, which would otherwise have
/// taken fresh pages (bench/RESULTS.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: libc::c_int = 64 * 1024 * 1024;

/// How much more than it needs the heap grows by each time: 4 MiB, so that a build's heap
/// grows in a few steps rather than a system call per block. Pages are only made resident
/// when first written, so the pad costs no memory until it is used.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TOP_PAD: libc::c_int = 4 * 1024 * 1024;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn settle_allocator() {
    // SAFETY: mallopt only sets tunables of the C allocator; it is called before any
    // thread is started, and a refusal (0) leaves glibc's own behaviour, which is correct.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        libc::mallopt(libc::M_TOP_PAD, TOP_PAD);
    }
}

/// Other allocators keep their own policy.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn settle_allocator() {}
