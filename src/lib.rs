//! folio: one report.toml in, a finished annual-report PDF out.
//!
//! The pipeline, one module per stage:
//! `spec::load` (text → [`spec::Spec`]) → `model::resolve` (→ [`model::Report`]) →
//! `layout::layout` (→ [`frame::Document`]) → `pdf::export` (→ bytes). [`compile()`] runs
//! it for each edition; [`build`] reads report.toml and writes the files safely. Every file
//! report.toml names is read through one door, [`files::Folder`].

pub mod build;
pub mod compile;
pub mod diag;
pub mod files;
pub mod frame;
pub mod geom;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod preflight;
pub mod spec;
pub mod text;

pub use compile::{Diagnostics, Edition, Editions, Options, compile, compile_in};
