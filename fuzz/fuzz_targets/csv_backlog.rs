//! Any bytes into the CSV backlog reader; whatever it accepts, into every engine and writer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(backlog) = prioritize::csv::read_backlog(data) {
        prioritize_fuzz::exercise(&backlog);
    }
});
