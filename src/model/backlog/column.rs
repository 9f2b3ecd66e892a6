//! One numeric column of a backlog, lent out.

/// A numeric column of a backlog: every item's value of one field, in input order.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Field};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "").effort(2).build()?,
///     BacklogItem::builder("B", "").build()?,
/// ])?;
/// let effort = backlog.column(Field::Effort).expect("a numeric field");
/// assert_eq!(effort.iter().collect::<Vec<_>>(), [Some(2.0), None]);
/// assert!(backlog.column("revenue").is_none()); // not declared
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    pub(super) values: &'a [f64],
    pub(super) len: usize,
}

impl<'a> Column<'a> {
    /// The value of item `index`, if it has one.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<f64> {
        self.values.get(index).copied().filter(|value| !value.is_nan())
    }

    /// Every item's value, NaN where an item has none (stored values are never NaN); empty when
    /// no item has a value. For loops that score many items at once.
    #[must_use]
    pub fn raw(&self) -> &'a [f64] {
        self.values
    }

    /// The number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the backlog has no item.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every item's value, in input order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<f64>> + 'a {
        let column = *self;
        (0..self.len).map(move |index| column.get(index))
    }
}
