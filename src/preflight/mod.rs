//! Print preflight: of folio's own frames before writing, and of any finished PDF file.
//!
//! [`print`] checks a laid-out document against the print settings, before the print
//! edition is written. [`file`] reads any PDF — folio's or anyone's — and checks what a
//! printer's preflight checks: page boxes, output intent, embedded fonts, device RGB, image
//! resolution and total ink.

pub mod file;
mod frames;

pub use frames::print;
