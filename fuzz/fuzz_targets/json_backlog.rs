//! Any bytes into the JSON backlog reader; whatever it accepts, into every engine and writer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prioritize::Backlog;

fuzz_target!(|data: &[u8]| {
    if let Ok(backlog) = serde_json::from_slice::<Backlog>(data) {
        prioritize_fuzz::exercise(&backlog);
    }
});
