//! Edits of a backlog in place: one field, one item added, replaced or removed.
//!
//! Every edit checks its item exactly as a backlog being built checks it (an edited item goes
//! through the same checks, as a backlog of one item with the backlog's sections), and changes
//! nothing when it fails. It then writes into the columns only what differs, so an edit costs
//! what it touches, and a column shared with a kept ranking is copied only when it changes.

use crate::error::{Error, ItemDetail, JudgmentDetail, Result};
use crate::model::alignment::Objective;
use crate::model::backlog::Backlog;
use crate::model::field::{Field, FieldName};
use crate::model::input::{Checker, Input, Numeric};
use crate::model::item::BacklogItem;
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
    /// assert_eq!(backlog.item(0).estimate("effort").map(|r| r.ends()), Some([1.0, 3.0]));
    /// backlog.set("A", "reach", FieldValue::Absent)?;
    /// assert_eq!(backlog.item(0).value("reach"), None);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - a [`Structure`](crate::ErrorKind::Structure) error when no item has the id;
    /// - a [`Structure`](crate::ErrorKind::Structure) error for a name that is neither built in nor a declared criterion;
    /// - a [`Value`](crate::ErrorKind::Value) error for `id`, `depends_on` or `tags` (replace the item to change
    ///   them) and for a value the field does not take;
    /// - and every error a backlog being built reports for a value: a [`Value`](crate::ErrorKind::Value) error,
    ///   a [`Structure`](crate::ErrorKind::Structure) error, a [`Structure`](crate::ErrorKind::Structure) error, a [`Value`](crate::ErrorKind::Value) error, ...
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
    /// a [`Structure`](crate::ErrorKind::Structure) error when an item has the id already; a [`Structure`](crate::ErrorKind::Structure) error for
    /// a `depends_on` id that names no item; and every error a backlog being built reports for
    /// the item's values (undeclared fields, bounds, objectives, raters).
    pub fn insert(&mut self, item: BacklogItem) -> Result<()> {
        let index = self.len();
        if u32::try_from(index + 1).is_err() {
            return Err(Error::from(ItemDetail::TooManyItems { count: index + 1 }));
        }
        if let Some(first) = self.index_of(item.id().as_str()) {
            return Err(Error::from(ItemDetail::DuplicateId {
                item: item.id().to_string(),
                first,
                second: index,
            }));
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
    /// a [`Structure`](crate::ErrorKind::Structure) error when no item has the id; a [`Structure`](crate::ErrorKind::Structure) error when the new
    /// dependencies close a cycle (the error names it); and as [`Backlog::insert`].
    pub fn replace(&mut self, item: BacklogItem) -> Result<BacklogItem> {
        let index = self.index_or_error(item.id().as_str())?;
        let prerequisites = self.prerequisites_of(&item)?;
        let row = self.row(item)?;
        if let Some(cycle) = self.cycle_with(index, &prerequisites) {
            return Err(Error::from(ItemDetail::DependencyCycle { cycle }));
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
    /// a [`Structure`](crate::ErrorKind::Structure) error when no item has the id; a [`Structure`](crate::ErrorKind::Structure) error when items
    /// depend on it (remove or change them first).
    pub fn remove(&mut self, id: &str) -> Result<BacklogItem> {
        let index = self.index_or_error(id)?;
        let dependents = self.dependents(index);
        if !dependents.is_empty() {
            return Err(Error::from(ItemDetail::HasDependents {
                item: self.item(index).id().to_owned(),
                dependents: dependents.into_iter().map(|at| self.item(at).id().to_owned()).collect(),
            }));
        }
        let item = self.item(index).id();
        let mut voting =
            self.votes().iter().enumerate().filter(|(_, v)| v.winner() == item || v.loser() == item);
        if let Some((first, _)) = voting.next() {
            let count = 1 + voting.count();
            return Err(Error::from(JudgmentDetail::VotedItem { item: item.to_owned(), count, first }));
        }
        let old = self.item(index).to_owned();
        self.remove_at(index);
        Ok(old)
    }

    fn index_or_error(&self, id: &str) -> Result<usize> {
        self.index_of(id).ok_or_else(|| Error::from(ItemDetail::UnknownItem { item: id.trim().to_owned() }))
    }

    /// `item` checked as an item of this backlog, without its dependencies: a backlog of that one
    /// item, with this backlog's criteria, objectives, raters and aggregate.
    fn row(&self, mut item: BacklogItem) -> Result<Backlog> {
        item.depends_on.clear();
        let mut builder = self.sections();
        // The item's checks need neither the scorecards nor the judgments (the backlog checked
        // them already, and the votes name other items; `sections` leaves them out); the
        // objectives keep their weights.
        builder.scorecards.clear();
        for objective in &mut builder.objectives {
            if objective.is_compared() {
                *objective = Objective::new(objective.id(), objective.weight())?;
            }
        }
        builder.item(item).build()
    }

    /// The indices of `item`'s dependencies in this backlog.
    fn prerequisites_of(&self, item: &BacklogItem) -> Result<Vec<u32>> {
        item.depends_on()
            .iter()
            .map(|dependency| {
                self.index_of(dependency.as_str()).map(|at| at as u32).ok_or_else(|| {
                    Error::from(ItemDetail::UnknownDependency {
                        item: item.id().to_string(),
                        dependency: dependency.to_string(),
                    })
                })
            })
            .collect()
    }
}

impl BacklogItem {
    /// Gives the field `name` the value `input` (`None` clears it), checked as the readers check
    /// it; what the field held before (a value, a range, ratings) is replaced.
    pub(crate) fn assign(&mut self, name: &str, input: Option<Input>) -> Result<()> {
        let check = Checker { item: self.id.as_str() };
        let refused = |expected| {
            Error::from(ItemDetail::InvalidValue {
                item: self.id.to_string(),
                field: name.to_owned(),
                value: input.as_ref().map_or_else(|| "absent".to_owned(), Input::shown),
                expected,
            })
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
                    Some(Input::Text(text)) => text.to_string(),
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
