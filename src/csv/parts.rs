//! A CSV input read a block at a time and cut into parts at record boundaries, so that the parts
//! can be read on every core and joined in input order.
//!
//! A record boundary is a line feed outside quotes. Finding one takes a scan from a known
//! boundary that follows quotes as the CSV reader does: a quote opens a quoted field only at the
//! start of a field, `""` inside one is a quote, and any other quote is a character.

use std::io::{self, Read};

/// Calls `boundary` with the position just after each record's terminating line feed in
/// `bytes`, which begins at a record boundary, while it returns `true`.
///
/// Jumps from quote to line feed with `memchr`: a quote at the start of a field opens a quoted
/// field, which runs to a quote not followed by another; a line feed outside one ends a record.
/// With `carriage_returns`, a carriage return outside quotes ends a record too (after the line
/// feed of a CRLF), as the CSV reader reads it.
fn boundaries(bytes: &[u8], delimiter: u8, carriage_returns: bool, mut boundary: impl FnMut(usize) -> bool) {
    let field_start =
        |at: usize| at == 0 || matches!(bytes[at - 1], b'\n' | b'\r') || bytes[at - 1] == delimiter;
    let next = |at: usize| {
        let rest = &bytes[at..];
        if carriage_returns {
            memchr::memchr3(b'"', b'\n', b'\r', rest)
        } else {
            memchr::memchr2(b'"', b'\n', rest)
        }
    };
    let mut at = 0;
    while let Some(found) = next(at) {
        let found = at + found;
        at = found + 1;
        match bytes[found] {
            b'\n' if !boundary(at) => return,
            b'\n' => {}
            b'\r' => {
                if bytes.get(at) == Some(&b'\n') {
                    at += 1;
                }
                if !boundary(at) {
                    return;
                }
            }
            _ if field_start(found) => loop {
                // To the closing quote; none means the field runs past the bytes.
                let Some(quote) = memchr::memchr(b'"', &bytes[at..]) else { return };
                at += quote + 1;
                if bytes.get(at) != Some(&b'"') {
                    break;
                }
                at += 1;
            },
            // A quote inside a field that did not open with one is a character.
            _ => {}
        }
    }
}

/// Where the first record of `bytes` (at a record boundary) ends, blank lines before it skipped,
/// if its terminator is in `bytes`: after a line feed, or after a carriage return and the line
/// feed of CRLF. A carriage return last in `bytes` may yet be followed by a line feed: no end.
pub(super) fn first_record_end(bytes: &[u8], delimiter: u8) -> Option<usize> {
    let start = bytes.iter().take_while(|&&byte| matches!(byte, b'\n' | b'\r')).count();
    let mut end = None;
    boundaries(&bytes[start..], delimiter, true, |at| {
        end = Some(start + at);
        false
    });
    end.filter(|&end| end < bytes.len() || bytes[end - 1] == b'\n')
}

/// `bytes` (starting at a record boundary) cut into at most `parts` parts of about equal size,
/// each ending at a record boundary; with `whole`, the last part ends with the bytes, else at the
/// last boundary (the rest waits for more input). Empty when there is no boundary and not `whole`.
/// `quoted` tells whether `bytes` hold a quote (see [`quoted`]).
pub(super) fn cut(
    bytes: &[u8],
    delimiter: u8,
    parts: usize,
    whole: bool,
    quoted: bool,
) -> Vec<std::ops::Range<usize>> {
    if quoted {
        cut_by_boundaries(bytes, delimiter, parts, whole)
    } else {
        cut_at_line_feeds(bytes, parts, whole)
    }
}

/// Whether `bytes` hold a quote: without one, every line feed ends a record.
pub(super) fn quoted(bytes: &[u8]) -> bool {
    memchr::memchr(b'"', bytes).is_some()
}

/// [`cut`] of `bytes` without a quote, where every line feed ends a record: a cut looks for the
/// line feed at its place alone, instead of following every record from the start.
fn cut_at_line_feeds(bytes: &[u8], parts: usize, whole: bool) -> Vec<std::ops::Range<usize>> {
    let size = bytes.len().div_ceil(parts.max(1)).max(1);
    let mut ranges = Vec::with_capacity(parts);
    let mut start = 0;
    while ranges.len() + 1 < parts {
        // The first record end at least `size` bytes on.
        let Some(feed) = bytes.get(start + size - 1..).and_then(|rest| memchr::memchr(b'\n', rest)) else {
            break;
        };
        let end = start + size + feed;
        ranges.push(start..end);
        start = end;
    }
    let end = if whole { bytes.len() } else { memchr::memrchr(b'\n', bytes).map_or(0, |feed| feed + 1) };
    if end > start {
        ranges.push(start..end);
    }
    ranges
}

/// [`cut`] of any `bytes`, following the records from the start.
fn cut_by_boundaries(bytes: &[u8], delimiter: u8, parts: usize, whole: bool) -> Vec<std::ops::Range<usize>> {
    let size = bytes.len().div_ceil(parts.max(1)).max(1);
    let mut ranges = Vec::with_capacity(parts);
    let mut start = 0;
    let mut last = 0;
    boundaries(bytes, delimiter, false, |end| {
        last = end;
        if end - start >= size && ranges.len() + 1 < parts {
            ranges.push(start..end);
            start = end;
        }
        true
    });
    let end = if whole { bytes.len() } else { last };
    if end > start {
        ranges.push(start..end);
    }
    ranges
}

/// The input, read a block at a time: the bytes not yet handed out, and whether the input ended.
pub(super) struct Blocks<R> {
    pub(super) reader: R,
    pub(super) bytes: Vec<u8>,
    pub(super) ended: bool,
}

impl<R: Read> Blocks<R> {
    pub(super) fn new(reader: R) -> Blocks<R> {
        Blocks { reader, bytes: Vec::new(), ended: false }
    }

    /// Reads until `len` bytes wait or the input ends.
    pub(super) fn fill(&mut self, len: usize) -> io::Result<()> {
        read_into(&mut self.reader, &mut self.ended, &mut self.bytes, len)
    }

    /// Hands out the first `len` bytes.
    pub(super) fn consume(&mut self, len: usize) {
        self.bytes.drain(..len);
    }
}

/// Reads from `reader` into `bytes` until it holds `len` bytes or the input ends, which sets
/// `ended`.
pub(super) fn read_into<R: Read>(
    reader: &mut R,
    ended: &mut bool,
    bytes: &mut Vec<u8>,
    len: usize,
) -> io::Result<()> {
    if *ended || bytes.len() >= len {
        return Ok(());
    }
    let wanted = len - bytes.len();
    let read = reader.by_ref().take(wanted as u64).read_to_end(bytes)?;
    *ended = read < wanted;
    Ok(())
}

/// The line feeds in `bytes`.
pub(super) fn line_feeds(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The records the csv crate's reader reads from `bytes`.
    fn records(bytes: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
        reader
            .byte_records()
            .map(|record| record.expect("reads").iter().map(<[u8]>::to_vec).collect())
            .collect()
    }

    /// Reading the parts one after the other reads the records of the whole.
    fn parts_read_as_the_whole(text: &[u8], parts: usize) -> Result<(), TestCaseError> {
        let ranges = cut(text, b',', parts, true, quoted(text));
        let joined: Vec<_> = ranges.iter().flat_map(|range| records(&text[range.clone()])).collect();
        prop_assert_eq!(
            joined,
            records(text),
            "{:?} in {} parts: {:?}",
            String::from_utf8_lossy(text),
            parts,
            ranges
        );
        Ok(())
    }

    #[test]
    fn parts_read_as_the_whole_in_examples() {
        for text in [
            "a,b\n1,2\n",
            "a,\"b\nc\",d\n\"x\"\"\n\",y\nz,w",
            "a,b\"c\nd,e\n",
            "\"q\"x\ny\n",
            "a\r\nb\r\n\r\nc\n",
            "\"\"\"\n\"\n",
            "a,\"\"\nb\n",
            "a,\"x\r\"\"\n\"\r\nb\n",
        ] {
            for parts in 1..8 {
                parts_read_as_the_whole(text.as_bytes(), parts).expect("the same records");
            }
        }
    }

    proptest! {
        #[test]
        fn parts_read_as_the_whole_for_any_text(
            text in proptest::collection::vec(proptest::sample::select(&b"ab,\"\n\r"[..]), 0..60),
            parts in 1_usize..6,
        ) {
            parts_read_as_the_whole(&text, parts)?;
        }
    }

    proptest! {
        /// Without a quote, a cut at the line feeds is the cut that follows every record.
        #[test]
        fn a_text_without_quotes_is_cut_at_its_line_feeds(
            text in proptest::collection::vec(proptest::sample::select(&b"ab,\n\r"[..]), 0..80),
            parts in 1_usize..7,
            whole in any::<bool>(),
        ) {
            prop_assert_eq!(cut_at_line_feeds(&text, parts, whole), cut_by_boundaries(&text, b',', parts, whole));
        }
    }

    #[test]
    fn parts_end_at_boundaries_and_cover_the_input() {
        let text = "a,\"1\n2\"\nb,3\nc,4\nd,\"5\"\ne,6";
        for parts in 1..6 {
            let ranges = cut(text.as_bytes(), b',', parts, true, quoted(text.as_bytes()));
            assert!(ranges.len() <= parts);
            assert_eq!(ranges.first().map(|r| r.start), Some(0));
            assert_eq!(ranges.last().map(|r| r.end), Some(text.len()));
            assert!(ranges.windows(2).all(|pair| pair[0].end == pair[1].start));
            assert!(ranges.iter().skip(1).all(|range| text.as_bytes()[range.start - 1] == b'\n'));
            let waiting = cut(text.as_bytes(), b',', parts, false, quoted(text.as_bytes()));
            assert_eq!(waiting.last().map(|r| r.end), Some(text.rfind('\n').expect("a line feed") + 1));
        }
        assert!(cut(b"no boundary", b',', 2, false, false).is_empty());
    }

    #[test]
    fn the_header_ends_at_its_terminator() {
        assert_eq!(first_record_end(b"id,title\nA,a\n", b','), Some(9));
        assert_eq!(first_record_end(b"\n\nid,\"ti\ntle\"\r\nA", b','), Some(15));
        assert_eq!(first_record_end(b"id\rA", b','), Some(3));
        assert_eq!(first_record_end(b"id,title", b','), None);
        assert_eq!(first_record_end(b"id\r", b','), None);
    }
}
