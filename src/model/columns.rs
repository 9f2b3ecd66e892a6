//! The storage of a backlog: one contiguous array per field.
//!
//! A column that no item uses holds nothing, so a field costs memory only where it is used.

/// Texts end to end in one buffer: the ids or the titles of every item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Texts {
    bytes: String,
    /// Where each text ends in `bytes`.
    ends: Vec<usize>,
}

impl Texts {
    pub(crate) fn push(&mut self, text: &str) {
        self.bytes.push_str(text);
        self.ends.push(self.bytes.len());
    }

    pub(crate) fn get(&self, index: usize) -> &str {
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.bytes[start..self.ends[index]]
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|index| self.get(index))
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Moves every text of `other` after these, in order; `other` is left empty, its room kept.
    #[cfg(any(feature = "csv", feature = "json"))]
    pub(crate) fn append(&mut self, other: &mut Texts) {
        let offset = self.bytes.len();
        self.bytes.push_str(&other.bytes);
        other.bytes.clear();
        self.ends.extend(other.ends.drain(..).map(|end| end + offset));
    }

    /// Replaces the texts `range` with `texts`, in one move of the texts after them.
    pub(crate) fn splice<'t>(
        &mut self,
        range: std::ops::Range<usize>,
        texts: impl IntoIterator<Item = &'t str>,
    ) {
        let start = if range.start == 0 { 0 } else { self.ends[range.start - 1] };
        let end = if range.end == 0 { 0 } else { self.ends[range.end - 1] };
        let mut bytes = String::new();
        let mut ends = Vec::new();
        for text in texts {
            bytes.push_str(text);
            ends.push(start + bytes.len());
        }
        let added = bytes.len();
        self.bytes.replace_range(start..end, &bytes);
        // The texts after the range move by what it gained or lost.
        let tail = self.ends.drain(range.end..).map(|e| e - (end - start) + added).collect::<Vec<_>>();
        self.ends.truncate(range.start);
        self.ends.extend(ends);
        self.ends.extend(tail);
    }
}

/// The values of one numeric field, one a item; NaN marks an item without a value (every stored
/// value is finite). Empty when no item has a value.
#[derive(Debug, Clone, Default)]
pub(crate) struct Numbers(Vec<f64>);

impl Numbers {
    /// Sets the value of item `index`, the last item so far (items are added in order).
    pub(crate) fn set(&mut self, index: usize, value: f64) {
        if self.0.len() <= index {
            self.0.resize(index, f64::NAN);
            self.0.push(value);
        } else {
            self.0[index] = value;
        }
    }

    /// Moves the values of `other`'s items after the first `offset` items; `other` is left
    /// empty, its room kept.
    #[cfg(any(feature = "csv", feature = "json"))]
    pub(crate) fn append(&mut self, offset: usize, other: &mut Numbers) {
        if !other.0.is_empty() {
            self.0.resize(offset, f64::NAN);
            self.0.append(&mut other.0);
        }
    }

    /// Pads the column to `len` items, or leaves it empty when no item has a value.
    pub(crate) fn finish(&mut self, len: usize) {
        if !self.0.is_empty() {
            self.0.resize(len, f64::NAN);
        }
        self.0.shrink_to_fit();
    }

    pub(crate) fn get(&self, index: usize) -> Option<f64> {
        self.0.get(index).copied().filter(|value| !value.is_nan())
    }

    /// Every item's value, NaN where absent; empty when no item has one.
    pub(crate) fn as_slice(&self) -> &[f64] {
        &self.0
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.0.iter().enumerate().filter(|(_, value)| !value.is_nan()).map(|(index, &value)| (index, value))
    }

    /// Whether writing `value` (NaN for none) at `index` would change the column.
    pub(crate) fn differs(&self, index: usize, value: f64) -> bool {
        self.0.get(index).map_or(!value.is_nan(), |old| old.to_bits() != value.to_bits())
    }

    /// Writes `value` (NaN for none) at `index` of a column of `len` items, `len` itself to
    /// append one.
    pub(crate) fn write(&mut self, index: usize, len: usize, value: f64) {
        if self.0.is_empty() {
            if value.is_nan() {
                return;
            }
            self.0.resize(len, f64::NAN);
        }
        if index == self.0.len() {
            self.0.push(value);
        } else {
            self.0[index] = value;
        }
    }

    /// Removes item `index`'s value.
    pub(crate) fn remove(&mut self, index: usize) {
        if !self.0.is_empty() {
            self.0.remove(index);
        }
    }
}

/// Writes `value` (NaN for none) at `index` of a shared column of `len` items (`len` appends),
/// copying the column only when it changes and is shared.
pub(crate) fn write_number(column: &mut std::sync::Arc<Numbers>, index: usize, len: usize, value: f64) {
    if index == len || column.differs(index, value) {
        std::sync::Arc::make_mut(column).write(index, len, value);
    }
}

/// A list per item in compressed rows: item `i`'s entries are `values[ends[i - 1]..ends[i]]`.
/// `ends` may stop short of the items (rows past it are empty): it is empty while no item has an
/// entry.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Lists<T> {
    ends: Vec<usize>,
    values: Vec<T>,
}

impl<T: Clone> Lists<T> {
    /// Sets item `index`'s row to `row`, for a backlog of `len` items (`len` appends one).
    pub(crate) fn replace_row(&mut self, index: usize, len: usize, row: &[T]) {
        if self.rows() == 0 && row.is_empty() {
            return;
        }
        if self.rows() <= index {
            self.ends.resize(index + 1, self.values.len());
            if index == len {
                // An appended item: the rows before it are padded, none after it.
            } else {
                self.ends.resize(len, self.values.len());
            }
        }
        let span = self.span(index);
        let removed = span.len();
        self.values.splice(span, row.iter().cloned());
        for end in &mut self.ends[index..] {
            *end = *end - removed + row.len();
        }
    }
}

impl<T> Lists<T> {
    /// Moves `other`'s rows after the first `offset` items, each entry through `map`; `other` is
    /// left empty, its room kept.
    #[cfg(any(feature = "csv", feature = "json"))]
    pub(crate) fn append<U>(&mut self, offset: usize, other: &mut Lists<U>, map: impl FnMut(U) -> T) {
        if other.ends.is_empty() {
            return;
        }
        let start = self.values.len();
        self.ends.resize(offset, start);
        self.ends.extend(other.ends.drain(..).map(|end| end + start));
        self.values.extend(other.values.drain(..).map(map));
    }

    /// Adds an entry to item `index`, the last item so far.
    pub(crate) fn push(&mut self, index: usize, value: T) {
        self.ends.resize(index + 1, self.values.len());
        self.values.push(value);
        self.ends[index] = self.values.len();
    }

    pub(crate) fn finish(&mut self, len: usize) {
        if !self.ends.is_empty() {
            self.ends.resize(len, self.values.len());
        }
        self.ends.shrink_to_fit();
        self.values.shrink_to_fit();
    }

    pub(crate) fn get(&self, index: usize) -> &[T] {
        if index >= self.ends.len() {
            return &[];
        }
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.values[start..self.ends[index]]
    }

    /// The entries of every item, end to end.
    pub(crate) fn values(&self) -> &[T] {
        &self.values
    }

    /// The number of items whose rows are stored (rows past it are empty).
    fn rows(&self) -> usize {
        self.ends.len()
    }

    /// Where item `index`'s entries lie in `values` (an empty range where they would go).
    pub(crate) fn span(&self, index: usize) -> std::ops::Range<usize> {
        let end =
            |i: usize| if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(self.values.len()) };
        if index >= self.rows() {
            return self.values.len()..self.values.len();
        }
        end(index)..self.ends[index]
    }

    /// Removes item `index`'s row.
    pub(crate) fn remove_row(&mut self, index: usize) {
        if index >= self.rows() {
            return;
        }
        let span = self.span(index);
        self.values.drain(span.clone());
        self.ends.remove(index);
        for end in &mut self.ends[index..] {
            *end -= span.len();
        }
    }

    /// The entries of every item, end to end, for mapping in place.
    pub(crate) fn values_mut(&mut self) -> &mut [T] {
        &mut self.values
    }

    /// The same lists with each entry mapped.
    pub(crate) fn try_map<U, E>(self, mut f: impl FnMut(usize, T) -> Result<U, E>) -> Result<Lists<U>, E> {
        let mut values = Vec::with_capacity(self.values.len());
        let mut item = 0;
        for (at, value) in self.values.into_iter().enumerate() {
            while self.ends.get(item).is_some_and(|&end| end <= at) {
                item += 1;
            }
            values.push(f(item, value)?);
        }
        Ok(Lists { ends: self.ends, values })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_keep_each_items_entries() {
        let mut lists = Lists::default();
        lists.push(1, 'a');
        lists.push(1, 'b');
        lists.push(3, 'c');
        lists.finish(5);
        let rows: Vec<&[char]> = (0..5).map(|i| lists.get(i)).collect();
        assert_eq!(rows, [&[][..], &['a', 'b'], &[], &['c'], &[]]);
        let mapped = lists.try_map(|item, c| Ok::<_, ()>((item, c))).unwrap();
        assert_eq!(mapped.values(), [(1, 'a'), (1, 'b'), (3, 'c')]);
    }

    #[test]
    fn an_unused_column_stays_empty() {
        let mut numbers = Numbers::default();
        numbers.finish(10);
        assert!(numbers.as_slice().is_empty());
        numbers.set(2, 5.0);
        numbers.finish(4);
        assert_eq!(numbers.get(2), Some(5.0));
        assert_eq!(numbers.get(3), None);
        assert_eq!(numbers.iter().collect::<Vec<_>>(), [(2, 5.0)]);
    }

    #[test]
    fn texts_lie_end_to_end() {
        let mut texts = Texts::default();
        for text in ["CHK-1", "", "é"] {
            texts.push(text);
        }
        assert_eq!(texts.iter().collect::<Vec<_>>(), ["CHK-1", "", "é"]);
    }
}
