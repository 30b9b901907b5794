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

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn settle_allocator() {
    // SAFETY: mallopt only sets a tunable of the C allocator; it is called before any
    // thread is started, and a refusal (0) leaves glibc's own behaviour, which is correct.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

/// Other allocators keep their own policy.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn settle_allocator() {}
