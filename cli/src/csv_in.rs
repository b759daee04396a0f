//! Batch CSV input, read by the `roster` crate (the worker console's batch
//! page uses the same reader): one row per member; consecutive rows with the
//! same `household_id` form one household; the file may be UTF-8 (with or
//! without a BOM) or GBK. The columns are `roster::COLUMNS`, documented in
//! `roster/README.md`.
//!
//! Each household is written as one result line at the row of its first
//! member; a bad row (or a household with one) as an error line at the bad
//! row, and the batch goes on. A header that cannot be read is the only
//! line.

use crate::{Mode, write_result};
use roster::{HeaderError, Item, Reader};
use rules_core::{Date, Pack, Screener};
use std::io::Write;

/// Runs a CSV batch over the whole input, writing one JSON line per household.
pub fn batch_csv(pack: &Pack, date: Date, mode: Mode, input: &[u8], out: &mut impl Write) {
    // The pack resolved once for the date, not per household.
    let screener = Screener::new(pack, date);
    let decoded = roster::decode(input);
    let reader = match Reader::new(&decoded.text) {
        Ok(r) => r,
        Err(HeaderError(bad)) => {
            return write_result(out, row(bad.row), None, Err(bad.reason()));
        }
    };
    for item in reader {
        match item {
            Item::Household(e) => write_result(
                out,
                row(e.row),
                Some(&e.id),
                Ok(mode.screen(&screener, &e.household)),
            ),
            Item::Bad(bad) => write_result(out, row(bad.row), bad.id.as_deref(), Err(bad.reason())),
        }
    }
}

fn row(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
