//! Writes into a backlog's columns: one item's row set or appended, or removed. The checks come
//! first (the edits in the build module make the row as a backlog of one item); here only what
//! differs is written, so a column shared with a kept ranking is copied only when it changes.

use std::sync::Arc;

use super::Backlog;
use crate::model::category::NO_CATEGORY;
use crate::model::columns::write_number;
use crate::model::rater::Rater;

impl Backlog {
    /// Writes the one item of `row` at `index` (`len()` appends it), and its prerequisites when
    /// given; only what differs is written.
    pub(crate) fn write_row(&mut self, index: usize, row: &Backlog, prerequisites: Option<&[u32]>) {
        let len = self.len();
        let append = index == len;
        let (id, title) = (row.ids.get(0), row.titles.get(0));
        if append {
            Arc::make_mut(&mut self.ids).push(id);
            Arc::make_mut(&mut self.titles).push(title);
            let by_id = Arc::make_mut(&mut self.by_id);
            let ids = &self.ids;
            let at = by_id.partition_point(|&other| ids.get(other as usize) < id);
            by_id.insert(at, index as u32);
        } else if self.titles.get(index) != title {
            Arc::make_mut(&mut self.titles).splice(index..index + 1, [title]);
        }
        for (column, numbers) in self.numbers.iter_mut().enumerate() {
            write_number(numbers, index, len, row.numbers[column].get(0).unwrap_or(f64::NAN));
        }
        for (values, new) in self.criterion_values.iter_mut().zip(&row.criterion_values) {
            write_number(values, index, len, new.get(0).unwrap_or(f64::NAN));
        }
        let category = row.moscow.first().copied().unwrap_or(NO_CATEGORY);
        if append || self.moscow.get(index).copied().unwrap_or(NO_CATEGORY) != category {
            write_category(&mut self.moscow, index, len, category);
        }
        write_number(&mut self.overall, index, len, row.overall.get(0).unwrap_or(f64::NAN));
        write_number(&mut self.alignment, index, len, row.alignment.get(0).unwrap_or(f64::NAN));
        if append || self.contributions.get(index) != row.contributions.get(0) {
            Arc::make_mut(&mut self.contributions).replace_row(index, len, row.contributions.get(0));
        }
        let tags: Vec<&str> = row.tags.get(0).iter().map(|&at| row.tag_texts.get(at as usize)).collect();
        let old_tags = self.tags.get(index);
        if append
            || old_tags.len() != tags.len()
            || old_tags.iter().zip(&tags).any(|(&at, new)| self.tag_texts.get(at as usize) != *new)
        {
            self.write_tags(index, len, Some(&tags));
        }
        if let Some(prerequisites) = prerequisites
            && (append || self.graph.prerequisites(index) != prerequisites)
        {
            Arc::make_mut(&mut self.graph).set_prerequisites(index, prerequisites);
        }
        let estimates = row.estimates.iter().map(|&(_, column, estimate)| (index as u32, column, estimate));
        let span = estimate_span(&self.estimates, index);
        if !self.estimates[span.clone()].iter().copied().eq(estimates.clone()) {
            Arc::make_mut(&mut self.estimates).splice(span, estimates);
        }
        self.write_ratings(index, row);
    }

    /// Sets item `index`'s tags (`None` removes the item's row); every item's tags lie end to end
    /// in item order, so a tag's index is its place among them.
    fn write_tags(&mut self, index: usize, len: usize, tags: Option<&[&str]>) {
        let span = self.tags.span(index);
        Arc::make_mut(&mut self.tag_texts).splice(span.clone(), tags.unwrap_or_default().iter().copied());
        let lists = Arc::make_mut(&mut self.tags);
        match tags {
            Some(tags) => {
                let row: Vec<u32> = (span.start..span.start + tags.len()).map(|at| at as u32).collect();
                lists.replace_row(index, len, &row);
            }
            None => lists.remove_row(index),
        }
        for (at, tag) in lists.values_mut().iter_mut().enumerate() {
            *tag = at as u32;
        }
    }

    /// Writes the ratings of `row`'s one item at `index`, and the raters when none are declared
    /// (then they are every rater the ratings name, by id).
    fn write_ratings(&mut self, index: usize, row: &Backlog) {
        let mut table = (*row.ratings).clone();
        if !self.raters_declared && !row.raters.is_empty() {
            // Raters met first in this item join the list, kept sorted by id.
            let mut raters: Vec<Rater> = self.raters.to_vec();
            for rater in row.raters.iter() {
                if let Err(at) = raters.binary_search_by(|other| other.id().cmp(rater.id())) {
                    raters.insert(at, rater.clone());
                }
            }
            if raters.len() != self.raters.len() {
                let to: Vec<u32> = self.raters.iter().map(|r| position(&raters, r.id())).collect();
                Arc::make_mut(&mut self.ratings).renumber_raters(&to);
                self.raters = Arc::new(raters);
            }
            let to: Vec<u32> = row.raters.iter().map(|r| position(&self.raters, r.id())).collect();
            table.renumber_raters(&to);
        }
        if !self.ratings.same_item(index, &table) {
            Arc::make_mut(&mut self.ratings).replace_item(index, &table);
            self.forget_unused_raters();
        }
    }

    /// Drops raters no rating names any more, when they were not declared.
    fn forget_unused_raters(&mut self) {
        if self.raters_declared {
            return;
        }
        let used = self.ratings.raters_used(self.raters.len());
        if used.iter().all(|&used| used) {
            return;
        }
        let mut to = vec![u32::MAX; used.len()];
        let mut kept = Vec::new();
        for (at, rater) in self.raters.iter().enumerate() {
            if used[at] {
                to[at] = kept.len() as u32;
                kept.push(rater.clone());
            }
        }
        Arc::make_mut(&mut self.ratings).renumber_raters(&to);
        self.raters = Arc::new(kept);
    }

    /// Removes item `index`, which nothing depends on, from every column.
    pub(crate) fn remove_at(&mut self, index: usize) {
        if !self.tags.values().is_empty() {
            self.write_tags(index, self.len(), None);
        }
        Arc::make_mut(&mut self.ids).splice(index..index + 1, []);
        Arc::make_mut(&mut self.titles).splice(index..index + 1, []);
        let by_id = Arc::make_mut(&mut self.by_id);
        by_id.retain(|&at| at as usize != index);
        for at in by_id.iter_mut() {
            if *at as usize > index {
                *at -= 1;
            }
        }
        let numbers = self.numbers.iter_mut().chain(&mut self.criterion_values);
        for numbers in numbers.chain([&mut self.overall, &mut self.alignment]) {
            if !numbers.as_slice().is_empty() {
                Arc::make_mut(numbers).remove(index);
            }
        }
        if !self.moscow.is_empty() {
            Arc::make_mut(&mut self.moscow).remove(index);
        }
        if !self.contributions.values().is_empty() {
            Arc::make_mut(&mut self.contributions).remove_row(index);
        }
        Arc::make_mut(&mut self.graph).remove(index);
        let span = estimate_span(&self.estimates, index);
        if !self.estimates.is_empty() {
            let estimates = Arc::make_mut(&mut self.estimates);
            estimates.drain(span.clone());
            for entry in &mut estimates[span.start..] {
                entry.0 -= 1;
            }
        }
        if !self.ratings.is_empty() {
            Arc::make_mut(&mut self.ratings).remove_item(index);
            self.forget_unused_raters();
        }
    }
}

fn write_category(moscow: &mut Arc<Vec<u8>>, index: usize, len: usize, category: u8) {
    if moscow.is_empty() && category == NO_CATEGORY {
        return;
    }
    let moscow = Arc::make_mut(moscow);
    if moscow.is_empty() {
        moscow.resize(len, NO_CATEGORY);
    }
    if index == moscow.len() {
        moscow.push(category);
    } else {
        moscow[index] = category;
    }
}

/// Where item `index`'s ranges lie among the ranges sorted by (item, column).
fn estimate_span<T>(estimates: &[(u32, u16, T)], index: usize) -> std::ops::Range<usize> {
    let start = estimates.partition_point(|&(item, _, _)| (item as usize) < index);
    start..start + estimates[start..].partition_point(|&(item, _, _)| item as usize == index)
}

fn position(raters: &[Rater], id: &str) -> u32 {
    raters.iter().position(|rater| rater.id() == id).unwrap_or(usize::MAX) as u32
}
