//! Several people's ratings of an item's field: their storage in a backlog, and a view of them.

use crate::model::counted::Counted;
use crate::model::rater::{Rater, spread};

/// One rated (item, column) with its (rater index, rating) pairs.
pub(crate) type Entry = (u32, u16, Vec<(u32, f64)>);

/// The ratings of every rated (item, field), in compressed rows: the ratings of the `k`-th key
/// are `values[keys[k - 1].2..keys[k].2]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct RatingTable {
    /// (item, column, end of its ratings in `values`), sorted by (item, column); columns are
    /// numbered built-in numeric fields first, then criteria.
    keys: Vec<(u32, u16, u32)>,
    /// (rater index, rating), each field's in the order of the raters.
    values: Vec<(u32, f64)>,
}

impl RatingTable {
    /// A table of `(item, column, ratings)` entries, sorted here.
    pub(crate) fn new(mut entries: Vec<Entry>) -> RatingTable {
        entries.sort_by_key(|&(item, column, _)| (item, column));
        let mut table = RatingTable {
            keys: Vec::with_capacity(entries.len()),
            values: Vec::with_capacity(entries.iter().map(|(_, _, ratings)| ratings.len()).sum()),
        };
        for (item, column, ratings) in entries {
            table.values.extend(ratings);
            table.keys.push((item, column, table.values.len() as u32));
        }
        table
    }

    /// The rated fields of item `index`: (column, ratings), in column order.
    pub(crate) fn of(&self, index: usize) -> impl Iterator<Item = (usize, &[(u32, f64)])> + '_ {
        let start = self.keys.partition_point(|&(item, _, _)| (item as usize) < index);
        let end = start + self.keys[start..].partition_point(|&(item, _, _)| item as usize == index);
        (start..end).map(move |at| (usize::from(self.keys[at].1), self.ratings(at)))
    }

    /// Whether no item is rated.
    pub(crate) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Where item `index`'s keys lie in `keys`.
    fn span(&self, index: usize) -> std::ops::Range<usize> {
        let start = self.keys.partition_point(|&(item, _, _)| (item as usize) < index);
        start..start + self.keys[start..].partition_point(|&(item, _, _)| item as usize == index)
    }

    /// Where the ratings of keys `span` lie in `values`.
    fn values_of(&self, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let end = |at: usize| if at == 0 { 0 } else { self.keys[at - 1].2 as usize };
        end(span.start)..end(span.end)
    }

    /// Sets the rated fields of item `index` to those of item 0 of `row` (a table of one item
    /// whose rater indices are already this table's).
    pub(crate) fn replace_item(&mut self, index: usize, row: &RatingTable) {
        let span = self.span(index);
        let values = self.values_of(&span);
        let removed = values.len() as u32;
        let added = row.values.len() as u32;
        let start = values.start as u32;
        let keys = row.keys.iter().map(|&(_, column, end)| (index as u32, column, start + end));
        self.keys.splice(span.clone(), keys);
        self.values.splice(values, row.values.iter().copied());
        for key in &mut self.keys[span.start + row.keys.len()..] {
            key.2 = key.2 - removed + added;
        }
    }

    /// Removes item `index`'s ratings; later items move up by one.
    pub(crate) fn remove_item(&mut self, index: usize) {
        self.replace_item(index, &RatingTable::default());
        for key in &mut self.keys {
            if key.0 as usize > index {
                key.0 -= 1;
            }
        }
    }

    /// Whether item `index` has ratings equal to those of item 0 of `row`.
    pub(crate) fn same_item(&self, index: usize, row: &RatingTable) -> bool {
        let span = self.span(index);
        let values = self.values_of(&span);
        span.len() == row.keys.len()
            && self.keys[span].iter().zip(&row.keys).all(|(a, b)| a.1 == b.1)
            && self.values[values]
                .iter()
                .zip(&row.values)
                .all(|(a, b)| a.0 == b.0 && a.1.to_bits() == b.1.to_bits())
    }

    /// The rater indices of every rating, for renumbering (`to[old] = new`).
    pub(crate) fn renumber_raters(&mut self, to: &[u32]) {
        for (rater, _) in &mut self.values {
            *rater = to[*rater as usize];
        }
    }

    /// Which raters (by index, of `count`) rate anything.
    pub(crate) fn raters_used(&self, count: usize) -> Vec<bool> {
        let mut used = vec![false; count];
        for &(rater, _) in &self.values {
            used[rater as usize] = true;
        }
        used
    }

    /// The ratings of the `at`-th key.
    fn ratings(&self, at: usize) -> &[(u32, f64)] {
        let start = if at == 0 { 0 } else { self.keys[at - 1].2 as usize };
        &self.values[start..self.keys[at].2 as usize]
    }
}

/// The ratings of one field of one item: who rated it, and how.
///
/// Read them with [`Item::ratings`](crate::Item::ratings) (and
/// [`BacklogItem::ratings`](crate::BacklogItem::ratings)); the field's value is their
/// [`Aggregate`](crate::Aggregate), and its range runs from the smallest to the largest rating.
/// Ratings are listed in the order of the backlog's raters (as declared, or by id when the
/// backlog declares none).
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Field, Rater};
///
/// let backlog = Backlog::builder()
///     .raters([Rater::new("po", 2.0)?, Rater::new("pm", 1.0)?, Rater::new("eng", 1.0)?])
///     .item(BacklogItem::builder("A", "a").ratings(Field::Impact, [("pm", 3), ("po", 8), ("eng", 5)]).build()?)
///     .build()?;
/// let item = backlog.item(0);
/// let ratings = item.ratings(Field::Impact).expect("rated");
/// assert_eq!(ratings.iter().collect::<Vec<_>>(), [("po", 8.0), ("pm", 3.0), ("eng", 5.0)]);
/// assert_eq!((ratings.min(), ratings.max()), (3.0, 8.0));
/// assert_eq!(item.value(Field::Impact), Some(6.0)); // (2 · 8 + 3 + 5) / 4
/// assert_eq!(item.estimate(Field::Impact).map(|r| r.ends()), Some([3.0, 8.0]));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Ratings<'a> {
    source: Source<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Source<'a> {
    Stored { values: &'a [(u32, f64)], raters: &'a [Rater] },
    Owned(&'a [(String, f64)]),
}

impl<'a> Ratings<'a> {
    pub(crate) fn stored(values: &'a [(u32, f64)], raters: &'a [Rater]) -> Ratings<'a> {
        Ratings { source: Source::Stored { values, raters } }
    }

    pub(crate) fn owned(values: &'a [(String, f64)]) -> Ratings<'a> {
        Ratings { source: Source::Owned(values) }
    }

    /// Each rater's id and rating.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'a str, f64)> + 'a {
        let (stored, owned, raters) = match self.source {
            Source::Stored { values, raters } => (values, &[][..], raters),
            Source::Owned(values) => (&[][..], values, &[][..]),
        };
        let stored = stored.iter().map(move |&(rater, value)| (raters[rater as usize].id(), value));
        let owned = owned.iter().map(|(rater, value)| (rater.as_str(), *value));
        Counted { inner: stored.chain(owned), count: self.len() }
    }

    /// The number of ratings (at least one).
    #[must_use]
    pub fn len(&self) -> usize {
        match self.source {
            Source::Stored { values, .. } => values.len(),
            Source::Owned(values) => values.len(),
        }
    }

    /// Whether there is no rating: never, for the ratings of a field.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rating of the rater `id`, if they rated the field.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<f64> {
        self.iter().find(|&(rater, _)| rater == id).map(|(_, value)| value)
    }

    /// The smallest rating.
    #[must_use]
    pub fn min(&self) -> f64 {
        self.iter().map(|(_, value)| value).fold(f64::INFINITY, f64::min)
    }

    /// The largest rating.
    #[must_use]
    pub fn max(&self) -> f64 {
        self.iter().map(|(_, value)| value).fold(f64::NEG_INFINITY, f64::max)
    }

    /// How far the raters disagree: `(max − min) / (upper − lower)` for a field with both
    /// `bounds` (`(lower, upper)`: confidence `(0, 1)`, importance `(0, 10)`, a criterion with
    /// both `min` and `max`), else `(max − min) / max(|max|, |min|)`; 0 when all ratings are
    /// equal.
    ///
    /// ```
    /// use prioritize::{BacklogItem, Field};
    ///
    /// let item = BacklogItem::builder("A", "a")
    ///     .ratings(Field::Confidence, [("po", 0.5), ("pm", 1.0)])
    ///     .ratings(Field::Effort, [("po", 2), ("pm", 8)])
    ///     .build()?;
    /// let spread = |field: Field| item.ratings(field).map(|r| r.spread(field.bounds()));
    /// assert_eq!(spread(Field::Confidence), Some(0.5)); // 0.5 of the scale 0..=1
    /// assert_eq!(spread(Field::Effort), Some(0.75)); // (8 − 2) / 8
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn spread(&self, bounds: Option<(f64, f64)>) -> f64 {
        spread(self.min(), self.max(), bounds)
    }
}

/// Two views are equal when they hold the same raters' ratings, in the same order.
impl PartialEq for Ratings<'_> {
    fn eq(&self, other: &Ratings<'_>) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

/// Written as an object of rater ids to ratings, `{"po": 8.0, "pm": 3.0}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Ratings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}
