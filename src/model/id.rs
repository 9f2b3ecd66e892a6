//! Item ids.

use std::borrow::Borrow;
use std::fmt;

/// The unique id of a backlog item: a non-empty string, such as `CHK-7` or a Jira key.
///
/// ```
/// use prioritize::model::ItemId;
///
/// let id = ItemId::new("CHK-7").expect("non-empty");
/// assert_eq!(id.as_str(), "CHK-7");
/// assert!(ItemId::new("").is_none());
/// // Display honours width and alignment, so ids line up in tables.
/// assert_eq!(format!("{id:<7}|"), "CHK-7  |");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct ItemId(String);

impl ItemId {
    /// The id, or `None` when `id` is empty.
    #[must_use]
    pub fn new(id: impl Into<String>) -> Option<ItemId> {
        let id = id.into();
        (!id.is_empty()).then_some(ItemId(id))
    }

    /// An id known to be non-empty.
    pub(crate) fn trusted(id: &str) -> ItemId {
        debug_assert!(!id.is_empty());
        ItemId(id.to_owned())
    }

    /// The id as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl AsRef<str> for ItemId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for ItemId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for ItemId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ItemId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}
