//! Plain CSV: text without a quote, whose records end at line feeds, split into fields at the
//! speed of a scan.
//!
//! Most exports quote nothing. For them, finding the fields needs no state machine: every
//! delimiter ends a field and every line feed a record. The delimiters and line feeds of 64 bytes
//! at a time are found as bit masks (which the compiler turns into vector compares), then taken
//! in order. Text with a quote, or a carriage return that is not part of a line break, is not
//! plain: the `csv` crate reads it.

use std::ops::Range;

/// `bytes` as text when it is plain: valid UTF-8, without a quote, each carriage return followed
/// by a line feed.
pub(super) fn plain(bytes: &[u8]) -> Option<&str> {
    if bytes.contains(&b'"') {
        return None;
    }
    unquoted(bytes)
}

/// [`plain`] of `bytes` known to hold no quote.
pub(super) fn unquoted(bytes: &[u8]) -> Option<&str> {
    let lone_return = || {
        let mut returns = bytes.iter().enumerate().filter(|&(_, &byte)| byte == b'\r');
        returns.any(|(at, _)| bytes.get(at + 1) != Some(&b'\n'))
    };
    // `contains` finds a byte at the speed of `memchr`: most texts have no carriage return to check.
    if bytes.contains(&b'\r') && lone_return() {
        return None;
    }
    std::str::from_utf8(bytes).ok()
}

/// Calls `each` with every record of the plain `text` (see [`plain`]) as the `csv` crate reads
/// it: where the record starts in `text`, and its fields as ranges of `text`. Blank lines are no
/// record; a line break is a line feed or a carriage return and a line feed. Stops at the first
/// error of `each`.
pub(super) fn records<E>(
    text: &str,
    delimiter: u8,
    mut each: impl FnMut(usize, &[Range<usize>]) -> Result<(), E>,
) -> Result<(), E> {
    let bytes = text.as_bytes();
    let mut fields: Vec<Range<usize>> = Vec::new();
    // Where the current field and record start.
    let (mut field, mut record) = (0, 0);
    // Ends the record at `end` (a line feed, or the end of the text), its last field from `field`.
    let mut end_record = |record: usize, field: usize, end: usize, fields: &mut Vec<Range<usize>>| {
        // A line break's carriage return is no part of the last field.
        let end = if end > field && bytes[end - 1] == b'\r' { end - 1 } else { end };
        let blank = fields.is_empty() && end == field;
        fields.push(field..end);
        let result = if blank { Ok(()) } else { each(record, fields) };
        fields.clear();
        result
    };
    // The bytes 64 at a time, the last ones padded with bytes that count for nothing.
    let mut chunks = bytes.chunks_exact(64);
    let rest = chunks.remainder();
    let mut last = [0_u8; 64];
    last[..rest.len()].copy_from_slice(rest);
    // The remainder is at most 63 bytes: the shift stays in range.
    let rest_kept = (1_u64 << rest.len()) - 1;
    let chunks = chunks.by_ref().map(|chunk| (chunk.try_into().unwrap_or(&last), u64::MAX));
    for ((chunk, kept), base) in chunks.chain([(&last, rest_kept)]).zip((0..).step_by(64)) {
        let (delimiters, feeds) = masks(chunk, delimiter);
        let (delimiters, feeds) = (delimiters & kept, feeds & kept);
        let mut ends = delimiters | feeds;
        while ends != 0 {
            let bit = ends.trailing_zeros();
            ends &= ends - 1;
            let at = base + bit as usize;
            if feeds >> bit & 1 == 0 {
                fields.push(field..at);
            } else {
                end_record(record, field, at, &mut fields)?;
                record = at + 1;
            }
            field = at + 1;
        }
    }
    if field < bytes.len() || !fields.is_empty() {
        end_record(record, field, bytes.len(), &mut fields)?;
    }
    Ok(())
}

/// The places of `delimiter` and of line feeds in `chunk`, one bit a byte.
fn masks(chunk: &[u8; 64], delimiter: u8) -> (u64, u64) {
    let (mut delimiters, mut feeds) = (0_u64, 0_u64);
    for (word, shift) in chunk.chunks_exact(8).zip((0..).step_by(8)) {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        delimiters |= places(word, delimiter) << shift;
        feeds |= places(word, b'\n') << shift;
    }
    (delimiters, feeds)
}

/// The places of `byte` in the 8 bytes of `word` (little-endian), one bit a byte, by arithmetic
/// on the whole word: a byte equal to `byte` is 0 after the `xor`, and only such a byte keeps its
/// high bit clear through the `or`s; the multiplication gathers the eight high bits into the top
/// byte (each product lands on a bit of its own, so nothing carries).
fn places(word: u64, byte: u8) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let differences = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    let zeros = !(((differences & LOW) + LOW) | differences | LOW);
    (zeros >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Where the record that the reader began at `at` starts: the `csv` crate begins a record
    /// where the last one's terminator began (or before blank lines), and errors count lines from
    /// the first byte after them.
    fn first_byte(text: &str, at: usize) -> usize {
        at + text[at..].bytes().take_while(|byte| matches!(byte, b'\n' | b'\r')).count()
    }

    /// Every record as the `csv` crate reads it: where it starts and its fields.
    fn by_the_csv_crate(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = ::csv::StringRecord::new();
        let mut records = Vec::new();
        while reader.read_record(&mut record).expect("plain text reads") {
            let start = record.position().map_or(0, |position| position.byte() as usize);
            records.push((first_byte(text, start), record.iter().map(str::to_owned).collect()));
        }
        records
    }

    fn ours(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let mut records = Vec::new();
        let done: Result<(), ()> = super::records(text, delimiter, |start, fields| {
            let fields = fields.iter().map(|field| text[field.clone()].to_owned()).collect();
            records.push((first_byte(text, start), fields));
            Ok(())
        });
        assert_eq!(done, Ok(()));
        records
    }

    #[test]
    fn records_are_split_as_the_csv_crate_splits_them() {
        let long = format!("{},b\n", "a".repeat(70));
        for text in [
            "",
            "\n",
            "a",
            "a,b,c",
            "a,b\nc,d\n",
            "a,b\r\nc,d\r\n",
            "\n\na,b\n\n\nc\n",
            "\r\n\r\na\r\n",
            ",,\n,\n",
            " , \n \n",
            "é,ü\n✓",
            "a,b\nc",
            long.as_str(),
        ] {
            for delimiter in [b',', b';'] {
                assert!(plain(text.as_bytes()).is_some(), "{text:?}");
                assert_eq!(ours(text, delimiter), by_the_csv_crate(text, delimiter), "{text:?}");
            }
        }
    }

    #[test]
    fn places_are_found_in_every_byte_of_a_word() {
        for byte in [0_u8, b',', b'\n', 0x7F, 0x80, 0xFF] {
            for pattern in [0_u8, 1, 0x81, 0xFF, 0b1010_0101] {
                let bytes: Vec<u8> =
                    (0..8).map(|at| if pattern >> at & 1 == 1 { byte } else { byte ^ 0x80 }).collect();
                let word = u64::from_le_bytes(bytes.clone().try_into().expect("8 bytes"));
                assert_eq!(places(word, byte), u64::from(pattern), "{byte:#x} in {bytes:x?}");
            }
        }
    }

    #[test]
    fn a_delimiter_of_zero_bytes_finds_none_in_the_padding() {
        let text = "a\0b\nc";
        let mut seen = Vec::new();
        let done: Result<(), ()> = records(text, 0, |start, fields| {
            seen.push((start, fields.iter().map(|field| (field.start, field.end)).collect::<Vec<_>>()));
            Ok(())
        });
        assert_eq!(done, Ok(()));
        assert_eq!(seen, [(0, vec![(0, 1), (2, 3)]), (4, vec![(4, 5)])]);
    }

    #[test]
    fn quotes_lone_carriage_returns_and_invalid_utf8_are_not_plain() {
        for bytes in [&b"a,\"b\"\n"[..], b"a\rb\n", b"a\r", b"a\r\rb\n", b"a,\xff\n"] {
            assert_eq!(plain(bytes), None, "{bytes:?}");
        }
        assert_eq!(plain(b"a\r\nb"), Some("a\r\nb"));
    }

    #[test]
    fn the_first_error_stops_the_records() {
        let mut seen = Vec::new();
        let done = records("a\nb\nc\n", b',', |start, _| {
            seen.push(start);
            if start == 2 { Err(start) } else { Ok(()) }
        });
        assert_eq!((done, seen), (Err(2), vec![0, 2]));
    }

    proptest! {
        /// Any plain text, across many 64-byte chunks, splits as the `csv` crate splits it.
        #[test]
        fn plain_text_splits_as_the_csv_crate_splits_it(
            text in proptest::collection::vec(
                proptest::sample::select(vec!["a", "bc", "é", " ", ",", ";", "\n", "\r\n", "\n\n", "x1.5"]),
                0..200,
            ).prop_map(|parts| parts.concat()),
            semicolon in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            prop_assert!(plain(text.as_bytes()).is_some());
            prop_assert_eq!(ours(&text, delimiter), by_the_csv_crate(&text, delimiter));
        }
    }
}
