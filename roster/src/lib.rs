//! Batch screening of a household roster (政策找人): a CSV file of members,
//! UTF-8 or GBK, in; one result per household out, with the programs each
//! is likely to qualify for but does not receive; bad rows reported with
//! their row numbers while the rest go on.
//!
//! Pure: no I/O, no clock. The `screen --batch` CLI and the worker console's
//! batch page (in a Web Worker, as WASM) both use it, so they give the same
//! results for the same file.
//!
//! - [`decode`]: bytes to text (UTF-8 with or without BOM, UTF-16 with BOM, else GBK);
//! - [`Reader`]: text to households ([`Item`]s), the documented [`COLUMNS`];
//! - [`Batch`] and [`run`]: households to [`Results`], with progress;
//! - [`plan`], [`run_part`], [`Part::settle`], [`merge`]: the same in
//!   parts, one per Web Worker, with the whole file's results;
//! - [`export_csv`]: results to a CSV for Excel (one row per household);
//!   [`export_head`] and [`export_rows`] for parts;
//! - [`sample`]: generated rosters for tests and benchmarks.
//!
//! The template, with an example in `example.csv`, is documented in
//! `README.md`.

mod batch;
mod columns;
mod decode;
mod export;
mod num;
mod parse;
mod parts;
pub mod sample;

pub use batch::{Batch, HouseholdResult, Progress, Results, code, covers, receiving, run};
pub use columns::{COLUMNS, Column, header_line};
pub use decode::{Decoded, Encoding, decode, encode_gbk};
pub use export::{Labels, Units, export_csv, export_head, export_rows};
pub use parse::{BadRow, Entry, HeaderError, Item, Problem, Reader};
pub use parts::{Part, Plan, earlier_ids, merge, plan, run_part};

/// The example roster offered for download beside the template.
pub const EXAMPLE_CSV: &str = include_str!("../example.csv");
