//! One CSV row written cell by cell into a byte buffer: quoting as the `csv` crate quotes,
//! numbers as serde writes them, the formula guard on text.
//!
//! Writing rows straight from the columns into one buffer, instead of serializing a row of cells
//! through the `csv` crate's writer, is what makes a million-row ranking quick to write; the
//! bytes are the same (tests compare them with the `csv` crate's).

use super::escape::is_formula;

/// A row being written at the end of `out`.
pub(super) struct Cells<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
    guard: bool,
    /// The last number written and where its text is in `out`: a row often repeats a value
    /// (a score is also the formula's result), copied instead of formatted again.
    last: Option<(u64, std::ops::Range<usize>)>,
    /// The numbers formatted last, kept from row to row by the caller; none for rows of counts.
    recent: Option<&'o mut Recent>,
}

impl<'o> Cells<'o> {
    /// A new row at the end of `out`; under `guard`, text a spreadsheet would run as a formula
    /// gets a leading `'`.
    pub(super) fn new(out: &'o mut Vec<u8>, guard: bool) -> Cells<'o> {
        Cells { out, first: true, guard, last: None, recent: None }
    }

    /// Cells that continue a row already begun at the end of `out`, as [`Cells::new`], its
    /// numbers looked up in `recent` first (and kept there).
    pub(super) fn within(out: &'o mut Vec<u8>, guard: bool, recent: &'o mut Recent) -> Cells<'o> {
        Cells { out, first: false, guard, last: None, recent: Some(recent) }
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }

    /// A text cell: quoted when it holds a comma, a quote, a carriage return or a line feed,
    /// its quotes doubled.
    pub(super) fn text(&mut self, text: &str) {
        self.separate();
        let guarded = self.guard && is_formula(text);
        let bytes = text.as_bytes();
        // Folded without stopping early, which the compiler turns into compares of many bytes at
        // once: most texts need no quotes, and are read to the end anyway.
        let special =
            bytes.iter().fold(false, |special, &byte| special | matches!(byte, b',' | b'"' | b'\r' | b'\n'));
        if !special {
            if guarded {
                self.out.push(b'\'');
            }
            self.out.extend_from_slice(bytes);
            return;
        }
        self.out.push(b'"');
        if guarded {
            self.out.push(b'\'');
        }
        for part in bytes.split_inclusive(|&byte| byte == b'"') {
            self.out.extend_from_slice(part);
            if part.ends_with(b"\"") {
                self.out.push(b'"');
            }
        }
        self.out.push(b'"');
    }

    /// A count; `None` is an empty cell.
    pub(super) fn count(&mut self, count: Option<usize>) {
        self.separate();
        if let Some(count) = count {
            self.out.extend_from_slice(itoa::Buffer::new().format(count).as_bytes());
        }
    }

    /// A number as serde writes an `f64` (`400.0`, `1e20`); `None` is an empty cell.
    pub(super) fn number(&mut self, number: Option<f64>) {
        self.separate();
        if let Some(number) = number {
            let start = self.out.len();
            match &self.last {
                Some((bits, text)) if *bits == number.to_bits() => self.out.extend_from_within(text.clone()),
                _ => format_number(number, self.out, self.recent.as_deref_mut()),
            }
            self.last = Some((number.to_bits(), start..self.out.len()));
        }
    }

    /// Ends the row.
    pub(super) fn end(self) {
        self.out.push(b'\n');
    }
}

/// Appends `number` as ryu (the `csv` crate's formatter) writes it: the shortest text that reads
/// back to the same value (`400.0`, `0.1`, `1e20`). A whole number below 10¹⁶ (as most estimates
/// are) is its digits and `.0`, written as an integer, which is quicker; any other number goes
/// through zmij, twice as fast as ryu for the same digits, whose exponent sign ryu leaves out,
/// unless `recent` holds it.
fn format_number(number: f64, out: &mut Vec<u8>, recent: Option<&mut Recent>) {
    const WHOLE: f64 = 1e16;
    // Below 10¹⁶ < 2⁶³ the conversion to an integer keeps the whole part exactly, so the number is
    // whole when it converts back to itself (two instructions, where `fract` calls `trunc`).
    let whole = number as i64;
    if number.abs() < WHOLE && number != 0.0 && whole as f64 == number {
        out.extend_from_slice(itoa::Buffer::new().format(whole).as_bytes());
        out.extend_from_slice(b".0");
        return;
    }
    let Some(recent) = recent else {
        let formatted = Formatted::new(number);
        out.extend_from_slice(&formatted.text[..usize::from(formatted.len)]);
        return;
    };
    // A table of the numbers formatted last, by their bits: a column repeats its values (a
    // confidence of 0.8, an effort of 2.5), and a score is also the formula's result.
    let slot = &mut recent.0[(number.to_bits().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize];
    if slot.len == 0 || slot.bits != number.to_bits() {
        *slot = Formatted::new(number);
    }
    out.extend_from_slice(&slot.text[..usize::from(slot.len)]);
}

/// 64 numbers formatted last, each in the slot its bits pick: kept by a writer from row to row.
pub(super) struct Recent([Formatted; 64]);

impl Recent {
    pub(super) fn new() -> Recent {
        Recent([Formatted::EMPTY; 64])
    }
}

/// A number's text as ryu writes it, at most 24 bytes (`-2.2250738585072014e-308`).
#[derive(Clone, Copy)]
struct Formatted {
    bits: u64,
    /// 0 in a slot that holds no number yet.
    len: u8,
    text: [u8; 24],
}

impl Formatted {
    const EMPTY: Formatted = Formatted { bits: 0, len: 0, text: [0; 24] };

    fn new(number: f64) -> Formatted {
        let mut buffer = zmij::Buffer::new();
        let written = buffer.format(number).as_bytes();
        let mut formatted = Formatted { bits: number.to_bits(), ..Formatted::EMPTY };
        // `1e+20` is ryu's `1e20`; a number without an exponent is copied whole.
        let (before, after) = match written.iter().position(|&byte| byte == b'+') {
            Some(plus) => (&written[..plus], &written[plus + 1..]),
            None => (written, &[][..]),
        };
        formatted.text[..before.len()].copy_from_slice(before);
        formatted.text[before.len()..before.len() + after.len()].copy_from_slice(after);
        formatted.len = (before.len() + after.len()) as u8;
        formatted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same cells through the `csv` crate's writer, as rows were written before.
    fn by_the_csv_crate(texts: &[&str], guard: bool) -> Vec<u8> {
        let mut writer = ::csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        let guarded: Vec<String> = texts
            .iter()
            .map(|text| if guard && is_formula(text) { format!("'{text}") } else { (*text).to_owned() })
            .collect();
        writer.write_record(&guarded).expect("written");
        writer.into_inner().expect("flushed")
    }

    fn ours(texts: &[&str], guard: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut cells = Cells::new(&mut out, guard);
        for text in texts {
            cells.text(text);
        }
        cells.end();
        out
    }

    #[test]
    fn text_is_quoted_as_the_csv_crate_quotes_it() {
        let texts = [
            "plain",
            "",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "carriage\rreturn",
            "=1+1",
            "-5",
            "\tx",
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "é ünïcödé, ✓",
            "'quoted",
        ];
        for guard in [false, true] {
            assert_eq!(
                String::from_utf8(ours(&texts, guard)),
                String::from_utf8(by_the_csv_crate(&texts, guard)),
                "guard {guard}"
            );
        }
    }

    /// `format_number` against ryu itself, without a table of recent numbers and with `recent`.
    fn written_as_ryu_writes(
        number: f64,
        recent: &mut Recent,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let mut expected = ryu::Buffer::new();
        let expected = expected.format(number);
        for recent in [None, Some(recent)] {
            let mut out = Vec::new();
            format_number(number, &mut out, recent);
            proptest::prop_assert_eq!(String::from_utf8(out).expect("UTF-8"), expected, "{:e}", number);
        }
        Ok(())
    }

    #[test]
    fn numbers_at_the_edges_are_written_as_ryu_writes_them() {
        for number in [
            1.0,
            -1.0,
            0.0,
            -0.0,
            0.5,
            9_007_199_254_740_993.0,
            1e15,
            1e16,
            9_999_999_999_999_998.0,
            1e16 - 2.0,
            -1e16 + 2.0,
            1e17,
            123_456_789.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            // Exponents: zmij writes `1e+20` where ryu writes `1e20`.
            1e20,
            -1e21,
            1.5e300,
            1e-7,
            -2.5e-300,
            5e-324,
            1.234_567_890_123_456_7e17,
        ] {
            written_as_ryu_writes(number, &mut Recent::new()).expect("as ryu");
        }
    }

    #[test]
    fn numbers_written_again_are_written_as_ryu_writes_them() {
        // Far more numbers than the table holds, each written again at once and later: found
        // in the table, and replaced in it.
        let numbers: Vec<f64> = (1..2_000).map(|at| f64::from(at) / 8.0 - 100.3).collect();
        let mut recent = Recent::new();
        for _ in 0..2 {
            for &number in &numbers {
                written_as_ryu_writes(number, &mut recent).expect("as ryu");
                written_as_ryu_writes(number, &mut recent).expect("as ryu, again");
                written_as_ryu_writes(-number * 1e300, &mut recent).expect("as ryu, with an exponent");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_written_as_ryu_writes_them(
            whole in -20_000_000_000_000_000_i64..20_000_000_000_000_000,
            bits in proptest::num::u64::ANY,
            scale in 0_i32..20,
        ) {
            let mut recent = Recent::new();
            written_as_ryu_writes(whole as f64, &mut recent)?;
            written_as_ryu_writes((whole as f64) / 10f64.powi(scale), &mut recent)?;
            written_as_ryu_writes(f64::from_bits(bits), &mut recent)?;
        }
    }

    #[test]
    fn numbers_and_counts_are_written_as_serde_writes_them() {
        let mut out = Vec::new();
        let mut cells = Cells::new(&mut out, true);
        for number in [
            Some(400.0),
            Some(400.0),
            Some(0.1),
            Some(-0.0),
            Some(0.0),
            Some(1e20),
            Some(1.5e-7),
            None,
            Some(1.5e-7),
            Some(f64::INFINITY),
        ] {
            cells.number(number);
        }
        cells.count(Some(1_000_000));
        cells.count(None);
        cells.count(Some(0));
        cells.end();
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            "400.0,400.0,0.1,-0.0,0.0,1e20,1.5e-7,,1.5e-7,inf,1000000,,0\n"
        );
    }
}
