//! folio: one report.toml in, a finished annual-report PDF out.
//!
//! The pipeline, one module per stage:
//! `spec::load` (text → [`spec::Spec`]) → `model::resolve` (→ [`model::Report`]) →
//! `layout::layout` (→ [`frame::Document`]) → `pdf::export` (→ bytes); the print edition
//! passes the Document through `edition::print` first. Beside layout and the PDF,
//! `web::export` turns the same report into an HTML page and its files. [`compile()`] runs
//! the pipeline for each edition; [`build`] reads report.toml and writes the files safely;
//! [`batch`] runs it once per row of a data file. Every file report.toml names is read
//! through one door, [`files::Folder`].

pub mod batch;
pub mod build;
pub mod calendar;
pub mod compile;
pub mod contrast;
pub mod diag;
pub mod edition;
pub mod files;
pub mod frame;
pub mod geom;
pub mod icons;
pub mod images;
pub mod import;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod preflight;
pub mod shared;
pub mod spec;
pub mod text;
pub mod web;
pub mod workers;

pub use compile::{Diagnostics, Edition, Editions, Options, compile, compile_in};
