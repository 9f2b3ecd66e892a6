//! The MoSCoW category of an item.

use std::fmt;
use std::str::FromStr;

/// The priority that marks an item without a category in a backlog's category column.
pub(crate) const NO_CATEGORY: u8 = u8::MAX;

/// A MoSCoW category (DSDM / Agile Business Consortium), in priority order:
/// Must Have > Should Have > Could Have > Won't Have this time.
///
/// `Ord` follows that priority: `Must` is the least, so it sorts first.
///
/// ```
/// use prioritize::Category;
///
/// assert_eq!("Won't Have".parse::<Category>()?, Category::Wont);
/// assert_eq!("M".parse::<Category>()?, Category::Must);
/// assert!(Category::Must < Category::Should);
/// assert_eq!(Category::Could.to_string(), "could");
/// assert_eq!(format!("{:>6}", Category::Must), "  must");
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Category {
    /// Must Have: the timebox fails without it.
    Must,
    /// Should Have: important, but not vital.
    Should,
    /// Could Have: wanted; the first to go when time runs short.
    Could,
    /// Won't Have this time.
    Wont,
}

impl Category {
    /// Every category, in priority order.
    pub const ALL: [Category; 4] = [Category::Must, Category::Should, Category::Could, Category::Wont];
    /// The accepted labels, as error messages say them.
    pub const LABELS: &'static str = "one of must, should, could, wont (or M, S, C, W)";

    /// The interchange name: `must`, `should`, `could` or `wont`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Must => "must",
            Category::Should => "should",
            Category::Could => "could",
            Category::Wont => "wont",
        }
    }

    /// The category's place in the priority order, from 0 (Must) to 3 (Won't).
    #[must_use]
    pub const fn priority(self) -> u8 {
        self as u8
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Category {
    type Err = crate::Error;

    /// Parses `must`, `should`, `could`, `wont` or `won't`, with or without ` have` (and
    /// `won't have this time`), or the initials `M`, `S`, `C`, `W`; in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        // Compared without allocating: a large file has a label on every row.
        const WORDS: [(&str, Category); 10] = [
            ("must", Category::Must),
            ("m", Category::Must),
            ("should", Category::Should),
            ("s", Category::Should),
            ("could", Category::Could),
            ("c", Category::Could),
            ("wont", Category::Wont),
            ("won't", Category::Wont),
            ("won\u{2019}t", Category::Wont),
            ("w", Category::Wont),
        ];
        let word = strip_suffix(text.trim(), " this time").trim_end();
        let word = strip_suffix(word, " have").trim_end();
        WORDS
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(word))
            .map(|(_, category)| category)
            .ok_or_else(|| crate::Error::label(text, Category::LABELS))
    }
}

/// `text` without `suffix` at its end, in any ASCII case.
fn strip_suffix<'t>(text: &'t str, suffix: &str) -> &'t str {
    let Some(start) = text.len().checked_sub(suffix.len()) else { return text };
    match text.get(start..) {
        Some(end) if end.eq_ignore_ascii_case(suffix) => &text[..start],
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::Category;

    /// The labels as they were read before, by a lower-cased copy.
    fn by_a_copy(text: &str) -> Option<Category> {
        let lower = text.trim().to_ascii_lowercase().replace('\u{2019}', "'");
        let mut word = lower.as_str();
        word = word.strip_suffix(" this time").unwrap_or(word).trim_end();
        word = word.strip_suffix(" have").unwrap_or(word).trim_end();
        match word {
            "must" | "m" => Some(Category::Must),
            "should" | "s" => Some(Category::Should),
            "could" | "c" => Some(Category::Could),
            "wont" | "won't" | "w" => Some(Category::Wont),
            _ => None,
        }
    }

    /// What the spellings read from files (tested with the interchange format) leave out: the
    /// typographic apostrophe, spaces around and between the words, and near misses.
    #[test]
    fn apostrophes_spaces_and_near_misses() {
        for (text, category) in [
            ("Won\u{2019}t Have This Time", Category::Wont),
            (" must  have ", Category::Must),
            ("\tcould have", Category::Could),
        ] {
            assert_eq!(Category::from_str(text).ok(), Some(category), "{text:?}");
        }
        for text in ["", "have", "must have have", "this time", "mustard", "won\u{2019}", "\u{e9} have"] {
            assert!(Category::from_str(text).is_err(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn labels_are_read_as_by_a_lower_cased_copy(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("must"), proptest::strategy::Just("MUST"),
                    proptest::strategy::Just("s"), proptest::strategy::Just("Could"),
                    proptest::strategy::Just("won't"), proptest::strategy::Just("Won\u{2019}t"),
                    proptest::strategy::Just("wont"), proptest::strategy::Just("have"),
                    proptest::strategy::Just("HAVE"), proptest::strategy::Just("this"),
                    proptest::strategy::Just("time"), proptest::strategy::Just("Time"),
                    proptest::strategy::Just("é"), proptest::strategy::Just(""),
                ],
                0..5,
            ),
            separator in proptest::prop_oneof![
                proptest::strategy::Just(" "), proptest::strategy::Just("  "), proptest::strategy::Just("\t")
            ],
        ) {
            let text = words.join(separator);
            proptest::prop_assert_eq!(Category::from_str(&text).ok(), by_a_copy(&text), "{:?}", text);
        }
    }
}
