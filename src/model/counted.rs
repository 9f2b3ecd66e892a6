//! An iterator adapter that knows its length up front.

/// An iterator whose length is known up front.
pub(crate) struct Counted<I> {
    pub(crate) inner: I,
    pub(crate) count: usize,
}

impl<I: Iterator> Iterator for Counted<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let next = self.inner.next()?;
        self.count -= 1;
        Some(next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.count, Some(self.count))
    }
}

impl<I: Iterator> ExactSizeIterator for Counted<I> {}
