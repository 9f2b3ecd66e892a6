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
        let lower = text.trim().to_ascii_lowercase().replace('\u{2019}', "'");
        let mut word = lower.as_str();
        word = word.strip_suffix(" this time").unwrap_or(word).trim_end();
        word = word.strip_suffix(" have").unwrap_or(word).trim_end();
        match word {
            "must" | "m" => Ok(Category::Must),
            "should" | "s" => Ok(Category::Should),
            "could" | "c" => Ok(Category::Could),
            "wont" | "won't" | "w" => Ok(Category::Wont),
            _ => Err(crate::Error::label(text, Category::LABELS)),
        }
    }
}
