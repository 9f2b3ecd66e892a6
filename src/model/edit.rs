//! Edits of a backlog in place: one field, one item added, replaced or removed.
//!
//! Every edit checks its item exactly as a backlog being built checks it (an edited item goes
//! through the same checks, as a backlog of one item with the backlog's sections), and changes
//! nothing when it fails. It then writes into the columns only what differs, so an edit costs
//! what it touches, and a column shared with a kept ranking is copied only when it changes.

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::backlog::Backlog;
use crate::model::columns::write_number;
use crate::model::draft::NO_CATEGORY;
use crate::model::field::{Field, FieldName};
use crate::model::input::{Checker, Input, Numeric};
use crate::model::item::BacklogItem;
use crate::model::rater::Rater;
use crate::model::value::FieldValue;

impl Backlog {
    /// Sets one field of the item `id`: a built-in field (`"effort"`, [`Field::Impact`],
    /// `"moscow"`, `"alignment"`, `"title"`) or a declared criterion (`"revenue"`), to a value
    /// checked exactly as the interchange format's readers check it: a number, a label
    /// (`"high"`, `"80%"`, `"must"`), a range, ratings, or [`FieldValue::Absent`] to clear it.
    ///
    /// The value replaces whatever the field held: a plain value replaces a range or the
    /// field's ratings (the field is then no longer rated), and ratings replace a plain value or
    /// a range. The item keeps its place, so the input order (the tie order) is unchanged. The
    /// cost is a lookup and a write into the field's column.
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem, Field, FieldValue, Rice};
    ///
    /// let mut backlog = Backlog::from_items([
    ///     BacklogItem::builder("A", "a").reach(100).impact(1).confidence(1).effort(4).build()?,
    ///     BacklogItem::builder("B", "b").reach(100).impact(1).confidence(1).effort(2).build()?,
    /// ])?;
    /// backlog.set("A", Field::Effort, 1)?;
    /// backlog.set("B", "impact", "massive")?;
    /// backlog.set("B", "confidence", "50%")?;
    /// let ranking = backlog.rank(Rice::default())?;
    /// let order: Vec<_> = ranking.iter().map(|e| (e.item().id(), e.score())).collect();
    /// assert_eq!(order, [("A", Some(100.0)), ("B", Some(75.0))]);
    /// drop(ranking);
    ///
    /// let error = backlog.set("A", "confidence", 80).unwrap_err();
    /// assert_eq!(error.to_string(), r#"item "A": confidence 80 is outside 0..=1 (write 0.8 for 80 %)"#);
    /// assert_eq!(backlog.item(0).value("confidence"), Some(1.0)); // unchanged
    ///
    /// backlog.set("A", "effort", FieldValue::range(1, 3))?;
    /// assert_eq!(backlog.item(0).range("effort").map(|r| r.ends()), Some([1.0, 3.0]));
    /// backlog.set("A", "reach", FieldValue::Absent)?;
    /// assert_eq!(backlog.item(0).value("reach"), None);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`Error::UnknownItem`] when no item has the id;
    /// - [`Error::UnknownField`] for a name that is neither built in nor a declared criterion;
    /// - [`Error::InvalidValue`] for `id`, `depends_on` or `tags` (replace the item to change
    ///   them) and for a value the field does not take;
    /// - and every error a backlog being built reports for a value: [`Error::OutOfRange`],
    ///   [`Error::UnknownObjective`], [`Error::UnknownRater`], [`Error::RatingOutOfRange`], ...
    pub fn set(&mut self, id: &str, field: impl FieldName, value: impl Into<FieldValue>) -> Result<()> {
        let index = self.index_or_error(id)?;
        let mut item = self.item(index).to_owned();
        item.assign(field.field_name(), value.into().into_input())?;
        let row = self.row(item)?;
        self.write_row(index, &row, None);
        Ok(())
    }

    /// Adds an item at the end of the input order (after every item, so last among equal
    /// scores, as the Product Owner's newest item).
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem};
    ///
    /// let mut backlog = Backlog::from_items([BacklogItem::builder("AUTH", "Sign-in").build()?])?;
    /// backlog.insert(BacklogItem::builder("CHK", "Checkout").depends_on("AUTH").build()?)?;
    /// assert_eq!(backlog.item(1).depends_on().collect::<Vec<_>>(), ["AUTH"]);
    ///
    /// let twice = backlog.insert(BacklogItem::builder("CHK", "Checkout again").build()?);
    /// assert_eq!(twice.unwrap_err().to_string(), r#"item "CHK": id is used twice, at index 1 and 2 (ids must be unique)"#);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateId`] when an item has the id already; [`Error::UnknownDependency`] for
    /// a `depends_on` id that names no item; and every error a backlog being built reports for
    /// the item's values (undeclared fields, bounds, objectives, raters).
    pub fn insert(&mut self, item: BacklogItem) -> Result<()> {
        let index = self.len();
        if u32::try_from(index + 1).is_err() {
            return Err(Error::TooManyItems { count: index + 1 });
        }
        if let Some(first) = self.index_of(item.id().as_str()) {
            return Err(Error::DuplicateId { item: item.id().to_string(), first, second: index });
        }
        let prerequisites = self.prerequisites_of(&item)?;
        let row = self.row(item)?;
        self.write_row(index, &row, Some(&prerequisites));
        Ok(())
    }

    /// Replaces the item with the same id, in the same place, and returns the item it replaced.
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem};
    ///
    /// let mut backlog = Backlog::from_items([
    ///     BacklogItem::builder("A", "a").build()?,
    ///     BacklogItem::builder("B", "b").depends_on("A").build()?,
    /// ])?;
    /// let old = backlog.replace(BacklogItem::builder("A", "Sign-in").effort(3).build()?)?;
    /// assert_eq!((old.title(), backlog.item(0).title()), ("a", "Sign-in"));
    ///
    /// let cycle = backlog.replace(BacklogItem::builder("A", "a").depends_on("B").build()?);
    /// assert_eq!(cycle.unwrap_err().to_string(), r#"item "A": depends_on forms a cycle: "A" -> "B" -> "A""#);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::UnknownItem`] when no item has the id; [`Error::DependencyCycle`] when the new
    /// dependencies close a cycle (the error names it); and as [`Backlog::insert`].
    pub fn replace(&mut self, item: BacklogItem) -> Result<BacklogItem> {
        let index = self.index_or_error(item.id().as_str())?;
        let prerequisites = self.prerequisites_of(&item)?;
        let row = self.row(item)?;
        if prerequisites != self.graph.prerequisites(index) && self.graph.reaches(&prerequisites, index) {
            let mut graph = (*self.graph).clone();
            graph.set_prerequisites(index, &prerequisites);
            let cycle = graph.cycle().unwrap_or_default();
            return Err(Error::DependencyCycle {
                cycle: cycle.into_iter().map(|at| self.ids.get(at as usize).to_owned()).collect(),
            });
        }
        let old = self.item(index).to_owned();
        self.write_row(index, &row, Some(&prerequisites));
        Ok(old)
    }

    /// Removes the item `id` and returns it; the items after it move up by one.
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem};
    ///
    /// let mut backlog = Backlog::from_items([
    ///     BacklogItem::builder("A", "a").build()?,
    ///     BacklogItem::builder("B", "b").depends_on("A").build()?,
    /// ])?;
    /// let blocked = backlog.remove("A");
    /// assert_eq!(blocked.unwrap_err().to_string(), r#"item "A": cannot be removed while "B" depend on it"#);
    /// assert_eq!(backlog.remove("B")?.id(), "B");
    /// assert_eq!(backlog.remove("A")?.id(), "A");
    /// assert!(backlog.is_empty());
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::UnknownItem`] when no item has the id; [`Error::HasDependents`] when items
    /// depend on it (remove or change them first).
    pub fn remove(&mut self, id: &str) -> Result<BacklogItem> {
        let index = self.index_or_error(id)?;
        let dependents = self.graph.dependents(index);
        if !dependents.is_empty() {
            return Err(Error::HasDependents {
                item: self.ids.get(index).to_owned(),
                dependents: dependents.into_iter().map(|at| self.ids.get(at).to_owned()).collect(),
            });
        }
        let old = self.item(index).to_owned();
        self.remove_at(index);
        Ok(old)
    }

    fn index_or_error(&self, id: &str) -> Result<usize> {
        self.index_of(id).ok_or_else(|| Error::UnknownItem { item: id.trim().to_owned() })
    }

    /// `item` checked as an item of this backlog, without its dependencies: a backlog of that one
    /// item, with this backlog's criteria, objectives, raters and aggregate.
    fn row(&self, mut item: BacklogItem) -> Result<Backlog> {
        item.depends_on.clear();
        let mut builder = self.sections();
        builder.scorecards.clear();
        builder.item(item).build()
    }

    /// The indices of `item`'s dependencies in this backlog.
    fn prerequisites_of(&self, item: &BacklogItem) -> Result<Vec<u32>> {
        item.depends_on()
            .iter()
            .map(|dependency| {
                self.index_of(dependency.as_str()).map(|at| at as u32).ok_or_else(|| {
                    Error::UnknownDependency {
                        item: item.id().to_string(),
                        dependency: dependency.to_string(),
                    }
                })
            })
            .collect()
    }

    /// Writes the one item of `row` at `index` (`len()` appends it), and its prerequisites when
    /// given; only what differs is written.
    fn write_row(&mut self, index: usize, row: &Backlog, prerequisites: Option<&[u32]>) {
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
    fn remove_at(&mut self, index: usize) {
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

impl BacklogItem {
    /// Gives the field `name` the value `input` (`None` clears it), checked as the readers check
    /// it; what the field held before (a value, a range, ratings) is replaced.
    pub(crate) fn assign(&mut self, name: &str, input: Option<Input>) -> Result<()> {
        let check = Checker { item: self.id.as_str() };
        let refused = |expected| Error::InvalidValue {
            item: self.id.to_string(),
            field: name.to_owned(),
            value: input.as_ref().map_or_else(|| "absent".to_owned(), Input::shown),
            expected,
        };
        match Field::from_name(name) {
            Some(Field::Id | Field::DependsOn | Field::Tags) => {
                return Err(refused(
                    "a field set one at a time: replace the item to change its id, depends_on or tags",
                ));
            }
            Some(Field::Title) => {
                self.title = match input {
                    None => String::new(),
                    Some(Input::Text(text)) => text,
                    Some(_) => return Err(refused("a text")),
                };
            }
            Some(Field::Moscow) => self.moscow = input.map(|input| check.moscow(&input)).transpose()?,
            Some(Field::Alignment) => {
                self.alignment = input.map(|input| check.alignment(input)).transpose()?;
            }
            _ => {
                let Some(field) = Numeric::named(name) else { return Err(refused("a numeric field")) };
                let (value, range, ratings) = match &input {
                    None => (f64::NAN, None, None),
                    Some(Input::Ratings(ratings)) => (f64::NAN, None, Some(check.ratings(field, ratings)?)),
                    Some(input) => {
                        let (value, range) = check.estimated(field, input)?;
                        (value, range, None)
                    }
                };
                self.clear(name);
                if !value.is_nan() {
                    self.store(field, value);
                }
                if let Some(range) = range {
                    self.set_range(name, range);
                }
                if let Some(ratings) = ratings {
                    self.ratings.push((name.to_owned(), ratings));
                }
            }
        }
        Ok(())
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
