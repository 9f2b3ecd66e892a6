//! A backlog being filled item by item, before the checks between items.
//!
//! The builder and the readers write rows into the columns here; [`Draft::finish`] then checks
//! what only the whole can tell (declared criteria, unique ids, dependencies, objectives) and
//! yields a [`Backlog`].

use crate::error::{Error, ItemDetail, Result, SectionDetail};
use crate::model::alignment::{Alignment, Objective};
use crate::model::backlog::{Backlog, Parts};
use crate::model::category::{Category, NO_CATEGORY};
use crate::model::columns::{Lists, Numbers, Texts};
use crate::model::criterion::Criterion;
use crate::model::estimate::Estimate;
use crate::model::field::{Field, FieldSet};
use crate::model::input::{Checker, Input, Numeric};
use crate::model::item::BacklogItem;
use crate::model::judgments::{Judged, Judgments};
use crate::model::number::Fraction;
use crate::model::scorecard::Scorecard;

#[cfg(any(feature = "csv", feature = "json"))]
mod append;
#[cfg(any(feature = "csv", feature = "json"))]
pub(crate) use append::JoinedDrafts;
mod ratings;

/// Where a numeric value goes: a built-in column, or the named column at this index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Builtin(usize),
    Named(usize),
}

/// What a reader's value is for: a numeric column, the category or the alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "serde"), allow(dead_code))] // used by the readers
pub(crate) enum Target {
    Number(Slot),
    Moscow,
    Alignment,
}

/// A column of a field that is not built in.
#[derive(Debug)]
struct Named {
    name: String,
    values: Numbers,
    /// The first item that names it.
    first: usize,
    /// The first value that failed its check, reported once the name proves a criterion (a name
    /// that proves unknown is reported as such instead).
    error: Option<Error>,
}

/// The columns of the items written so far.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    len: usize,
    ids: Texts,
    titles: Texts,
    numbers: [Numbers; Field::NUMERIC.len()],
    /// Columns of fields that are not built in, in the order first met: the criteria, once they
    /// are known.
    named: Vec<Named>,
    /// The criteria, when they are known before the items: names are then checked at once.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // read by the readers' checks
    criteria: Option<Vec<Criterion>>,
    moscow: Vec<u8>,
    overall: Numbers,
    /// Per item: (index into `objective_names`, contribution).
    contributions: Lists<(u32, f64)>,
    objective_names: Vec<String>,
    dependency_ids: Texts,
    depends_on: Lists<u32>,
    tag_texts: Texts,
    tags: Lists<u32>,
    estimates: Vec<(u32, Slot, Estimate)>,
    /// The ratings, combined into values when the draft is finished.
    ratings: ratings::Recorded,
}

impl Draft {
    /// A draft whose criteria are known before its items (`None`: they come later, as when a
    /// JSON file gives its `criteria` after its `items`).
    pub(crate) fn new(criteria: Option<Vec<Criterion>>) -> Draft {
        Draft { criteria, ..Draft::default() }
    }

    /// A draft without items, of the same criteria.
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // used by the JSON reader
    pub(crate) fn empty(&self) -> Draft {
        Draft::new(self.criteria.clone())
    }

    /// The slot of the numeric field `name`, adding a named column for a name met first.
    pub(crate) fn slot(&mut self, field: Numeric<'_>) -> Slot {
        match field {
            Numeric::Builtin(field) => Slot::Builtin(field.column().unwrap_or_default()),
            Numeric::Criterion(name) => match self.named.iter().position(|named| named.name == name) {
                Some(index) => Slot::Named(index),
                None => {
                    let first = usize::MAX;
                    self.named.push(Named {
                        name: name.to_owned(),
                        values: Numbers::default(),
                        first,
                        error: None,
                    });
                    Slot::Named(self.named.len() - 1)
                }
            },
        }
    }

    fn slot_name(&self, slot: Slot) -> &str {
        match slot {
            Slot::Builtin(column) => Field::NUMERIC[column].as_str(),
            Slot::Named(index) => &self.named[index].name,
        }
    }

    fn set(&mut self, index: usize, slot: Slot, value: f64) {
        match slot {
            Slot::Builtin(column) => self.numbers[column].set(index, value),
            Slot::Named(named) => {
                let named = &mut self.named[named];
                named.first = named.first.min(index);
                named.values.set(index, value);
            }
        }
    }

    /// Adds an item whose values are already checked (built by [`ItemBuilder`](crate::ItemBuilder)).
    ///
    /// A rated field's value and range are left to the ratings (an item copied out of a backlog
    /// has them as that backlog computed them).
    pub(crate) fn push_item(&mut self, item: &BacklogItem) {
        let index = self.begin(item.id().as_str(), item.title());
        let rated = |name: &str| item.ratings.iter().any(|(field, _)| field == name);
        for (column, &value) in item.numbers.iter().enumerate() {
            if !value.is_nan() && !rated(Field::NUMERIC[column].as_str()) {
                self.numbers[column].set(index, value);
            }
        }
        for (name, value) in item.criteria.iter().filter(|(name, _)| !rated(name)) {
            let slot = self.slot(Numeric::Criterion(name));
            self.set(index, slot, *value);
        }
        for (name, estimate) in item.estimates.iter().filter(|(name, _)| !rated(name)) {
            if let Some(field) = Numeric::named(name) {
                let slot = self.slot(field);
                self.estimates.push((index as u32, slot, *estimate));
            }
        }
        for (name, ratings) in &item.ratings {
            if let Some(field) = Numeric::named(name) {
                let slot = self.slot(field);
                if let Slot::Named(named) = slot {
                    self.named[named].first = self.named[named].first.min(index);
                }
                let carried = item.value(name.as_str()).unwrap_or(f64::NAN);
                self.ratings.push(
                    index,
                    slot,
                    ratings.iter().map(|(rater, value)| (rater.as_str(), *value)),
                    carried,
                );
            }
        }
        self.set_moscow(index, item.moscow());
        if let Some(alignment) = item.alignment() {
            self.set_alignment(index, alignment);
        }
        for dependency in item.depends_on() {
            self.dependency_ids.push(dependency.as_str());
            self.depends_on.push(index, (self.dependency_ids.len() - 1) as u32);
        }
        for tag in item.tags() {
            self.push_tag(index, tag);
        }
    }

    /// Adds an item as a reader found it, checking every value as the builder does.
    ///
    /// # Errors
    ///
    /// As [`ItemBuilder::build`](crate::ItemBuilder::build).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used by the readers
    pub(crate) fn push_row<'i>(
        &mut self,
        id: &str,
        title: &str,
        inputs: impl IntoIterator<Item = (Target, Option<Input>)>,
        depends_on: impl IntoIterator<Item = &'i str>,
        tags: impl IntoIterator<Item = &'i str>,
    ) -> Result<()> {
        let (index, check) = self.begin_row(id, title)?;
        for (target, input) in inputs {
            self.check_input(&check, index, target, input)?;
        }
        self.end_row(&check, index, depends_on, tags)
    }

    /// Starts an item as a reader found it: checks its id and adds it; its values follow through
    /// [`Draft::check_input`] or [`Draft::builtin_number`], then [`Draft::end_row`], as in
    /// [`Draft::push_row`]. Returns the item's index and the checker of its values.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used by the readers
    pub(crate) fn begin_row<'i>(&mut self, id: &'i str, title: &str) -> Result<(usize, Checker<'i>)> {
        let id = Checker { item: id.trim() }.id(Field::Id, id)?;
        if id.is_empty() {
            return Err(Error::from(ItemDetail::EmptyId { title: title.to_owned() }));
        }
        Ok((self.begin(id, title), Checker { item: id }))
    }

    /// Ends an item started by [`Draft::begin_row`]: checks and adds its dependencies and tags.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used by the readers
    pub(crate) fn end_row<'i>(
        &mut self,
        check: &Checker<'_>,
        index: usize,
        depends_on: impl IntoIterator<Item = &'i str>,
        tags: impl IntoIterator<Item = &'i str>,
    ) -> Result<()> {
        let id = check.item;
        for dependency in depends_on {
            let dependency = check.id(Field::DependsOn, dependency)?;
            if dependency == id {
                return Err(Error::from(ItemDetail::SelfDependency { item: id.to_owned() }));
            }
            if dependency.is_empty() {
                // As the builder says it: an empty id names no item.
                return Err(Error::from(ItemDetail::UnknownDependency {
                    item: id.to_owned(),
                    dependency: String::new(),
                }));
            }
            self.dependency_ids.push(dependency);
            self.depends_on.push(index, (self.dependency_ids.len() - 1) as u32);
        }
        for tag in tags {
            self.push_tag(index, tag);
        }
        Ok(())
    }

    /// Checks and stores a plain number of the built-in numeric column `column`: what
    /// [`Draft::check_input`] does with an `Input::Number` for it, without the detour.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used by the readers
    pub(crate) fn builtin_number(
        &mut self,
        check: &Checker<'_>,
        index: usize,
        column: usize,
        value: f64,
    ) -> Result<()> {
        let field = Numeric::Builtin(Field::NUMERIC[column]);
        let value = field.check(value).map_err(|error| error.at(check.item, field.name()))?;
        self.numbers[column].set(index, value);
        Ok(())
    }

    /// Stores `text`, given for `target` (`parsed` the number it spells, if any), straight into
    /// its column when it is a plain value of a field that the general path would convert:
    /// a label of a built-in field (an impact such as `medium`, a MoSCoW category such as
    /// `must`) or an alignment given as a number in `0..=1`. Stored as [`Draft::check_input`]
    /// stores it; `false` for any other text, which takes that path (and gets its errors there).
    /// A large export has such values on every row.
    #[cfg(feature = "csv")]
    pub(crate) fn store_plain(
        &mut self,
        index: usize,
        target: Target,
        text: &str,
        parsed: Option<f64>,
    ) -> bool {
        match (target, parsed) {
            (Target::Moscow, None) => match text.parse::<Category>() {
                Ok(category) => {
                    self.set_moscow(index, Some(category));
                    true
                }
                Err(_) => false,
            },
            (Target::Number(Slot::Builtin(column)), None) if Field::NUMERIC[column] == Field::Impact => {
                match crate::model::impact::Impact::from_label(text) {
                    Some(level) => {
                        self.numbers[column].set(index, level.get());
                        true
                    }
                    None => false,
                }
            }
            (Target::Alignment, Some(value)) => match Fraction::new(value) {
                Ok(fraction) => {
                    self.overall.set(index, fraction.get());
                    true
                }
                Err(_) => false,
            },
            _ => false,
        }
    }

    /// The target of the field `name`, if it is one that a value can be given for (any name
    /// that is not built in is taken for a criterion, checked when the draft is finished).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used by the readers
    pub(crate) fn target(&mut self, name: &str) -> Option<Target> {
        match Field::from_name(name) {
            Some(Field::Moscow) => Some(Target::Moscow),
            Some(Field::Alignment) => Some(Target::Alignment),
            _ => Numeric::named(name).map(|field| Target::Number(self.slot(field))),
        }
    }

    /// Checks and stores one value; `None` is an absent value (JSON's `null`), which still
    /// counts as naming its field.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // used by the readers
    pub(crate) fn check_input(
        &mut self,
        check: &Checker<'_>,
        index: usize,
        target: Target,
        input: Option<Input>,
    ) -> Result<()> {
        let Some(input) = input else {
            if let Target::Number(Slot::Named(named)) = target {
                let named = &mut self.named[named];
                named.first = named.first.min(index);
                if let Some(criteria) = &self.criteria
                    && !criteria.iter().any(|c| c.id() == named.name)
                {
                    return Err(unknown_field(check.item, &named.name, criteria));
                }
            }
            return Ok(());
        };
        match target {
            Target::Moscow => {
                let category = check.moscow(&input)?;
                self.set_moscow(index, Some(category));
            }
            Target::Alignment => match input {
                // Straight into the columns: no map of names an item.
                Input::Pairs(pairs) => {
                    for (at, (objective, value)) in pairs.iter().enumerate() {
                        if pairs[..at].iter().any(|(other, _)| other == objective) {
                            let objective = objective.clone();
                            return Err(Error::from(ItemDetail::DuplicateContribution {
                                item: check.item.to_owned(),
                                objective,
                            }));
                        }
                        Fraction::new(*value)
                            .map_err(|error| error.at(check.item, Field::Alignment.as_str()))?;
                    }
                    let mut pairs = pairs;
                    pairs.sort_by(|a, b| a.0.cmp(&b.0));
                    self.set_contributions(
                        index,
                        pairs.iter().map(|(objective, value)| (objective.as_str(), *value)),
                    );
                }
                input => {
                    let alignment = check.alignment(input)?;
                    self.set_alignment(index, &alignment);
                }
            },
            Target::Number(Slot::Builtin(column)) if let Input::Number(value) = input => {
                self.builtin_number(check, index, column, value)?;
            }
            Target::Number(slot) => {
                if let Input::Ratings(ratings) = &input {
                    let field = match slot {
                        Slot::Builtin(column) => Numeric::Builtin(Field::NUMERIC[column]),
                        Slot::Named(named) => Numeric::Criterion(&self.named[named].name),
                    };
                    return match check.ratings(field, ratings) {
                        Ok(ratings) => self.push_ratings(index, slot, &ratings),
                        Err(error) => self.value_error(index, slot, error),
                    };
                }
                let (value, range) = match slot {
                    Slot::Builtin(column) => {
                        check.estimated(Numeric::Builtin(Field::NUMERIC[column]), &input)?
                    }
                    Slot::Named(named) => {
                        let named = &mut self.named[named];
                        named.first = named.first.min(index);
                        let checked = check.estimated(Numeric::Criterion(&named.name), &input);
                        match (&self.criteria, checked) {
                            (Some(criteria), checked) => {
                                let Some(criterion) = criteria.iter().find(|c| c.id() == named.name) else {
                                    return Err(unknown_field(check.item, &named.name, criteria));
                                };
                                let (value, range) = checked?;
                                let ends = range.map_or([value; 2], Estimate::ends);
                                if let Some(&end) = ends.iter().find(|&&end| !criterion.allows(end)) {
                                    return Err(out_of_bounds(check.item, criterion, end));
                                }
                                (value, range)
                            }
                            (None, Ok(checked)) => checked,
                            (None, Err(error)) => {
                                named.error.get_or_insert(error);
                                return Ok(());
                            }
                        }
                    }
                };
                self.set(index, slot, value);
                if let Some(range) = range {
                    self.estimates.push((index as u32, slot, range));
                }
            }
        }
        Ok(())
    }

    /// A value's error: at once for a built-in field or a known criterion; for a name that may
    /// yet prove a criterion, kept until the criteria are known (an unknown name is reported as
    /// such instead).
    fn value_error(&mut self, index: usize, slot: Slot, error: Error) -> Result<()> {
        let Slot::Named(named) = slot else { return Err(error) };
        let named = &mut self.named[named];
        named.first = named.first.min(index);
        match &self.criteria {
            Some(criteria) if !criteria.iter().any(|c| c.id() == named.name) => {
                Err(unknown_field(self.ids.get(index), &named.name, criteria))
            }
            Some(_) => Err(error),
            None => {
                named.error.get_or_insert(error);
                Ok(())
            }
        }
    }

    fn begin(&mut self, id: &str, title: &str) -> usize {
        self.ids.push(id);
        self.titles.push(title);
        self.len += 1;
        self.len - 1
    }

    fn set_moscow(&mut self, index: usize, category: Option<Category>) {
        if let Some(category) = category {
            self.moscow.resize(index, NO_CATEGORY);
            self.moscow.push(category.priority());
        }
    }

    fn set_alignment(&mut self, index: usize, alignment: &Alignment) {
        match alignment {
            Alignment::Overall(value) => self.overall.set(index, value.get()),
            Alignment::PerObjective(contributions) => self.set_contributions(
                index,
                contributions
                    .iter()
                    .map(|(objective, contribution)| (objective.as_str(), contribution.get())),
            ),
        }
    }

    /// Contributions per objective, checked, in the order of their objective ids.
    fn set_contributions<'o>(&mut self, index: usize, contributions: impl Iterator<Item = (&'o str, f64)>) {
        let mut any = false;
        for (objective, contribution) in contributions {
            any = true;
            let at = match self.objective_names.iter().position(|name| name == objective) {
                Some(at) => at,
                None => {
                    self.objective_names.push(objective.to_owned());
                    self.objective_names.len() - 1
                }
            };
            self.contributions.push(index, (at as u32, contribution));
        }
        if !any {
            // An empty object is an alignment of 0 with every objective.
            self.contributions.push(index, (u32::MAX, 0.0));
        }
    }

    fn push_tag(&mut self, index: usize, tag: &str) {
        self.tag_texts.push(tag);
        self.tags.push(index, (self.tag_texts.len() - 1) as u32);
    }

    /// Checks the items against each other, the criteria and the objectives.
    ///
    /// # Errors
    ///
    /// As [`Backlog::new`].
    pub(crate) fn finish(
        mut self,
        criteria: Vec<Criterion>,
        mut objectives: Vec<Objective>,
        mut scorecards: Vec<Scorecard>,
        judgments: Judgments,
    ) -> Result<Backlog> {
        let len = self.len;
        if u32::try_from(len).is_err() {
            return Err(Error::from(ItemDetail::TooManyItems { count: len }));
        }
        check_criteria(&criteria)?;
        check_scorecards(&scorecards, &criteria)?;
        let judged = Judged::resolve(judgments, &mut objectives, &mut scorecards)?;
        let rated = self.finish_ratings(&criteria)?;
        let criterion_values = self.take_criteria(&criteria)?;
        for column in &mut self.numbers {
            column.finish(len);
        }
        let estimates = self.estimate_columns(&criteria)?;
        if !self.moscow.is_empty() {
            self.moscow.resize(len, NO_CATEGORY);
        }
        self.overall.finish(len);
        self.contributions.finish(len);
        self.depends_on.finish(len);
        self.tags.finish(len);
        Backlog::from_parts(Parts {
            ids: self.ids,
            titles: self.titles,
            numbers: self.numbers,
            criteria,
            criterion_values,
            scorecards,
            moscow: self.moscow,
            overall: self.overall,
            contributions: self.contributions,
            objective_names: self.objective_names,
            objectives,
            dependency_ids: self.dependency_ids,
            depends_on: self.depends_on,
            tag_texts: self.tag_texts,
            tags: self.tags,
            estimates,
            raters: rated.raters,
            raters_declared: rated.declared,
            aggregate: rated.aggregate,
            ratings: rated.table,
            judged,
        })
    }

    /// The named columns in the order of `criteria`, each value within its criterion's bounds.
    fn take_criteria(&mut self, criteria: &[Criterion]) -> Result<Vec<Numbers>> {
        let mut values = vec![Numbers::default(); criteria.len()];
        for named in self.named.iter_mut().filter(|named| named.first != usize::MAX) {
            let Some(index) = criteria.iter().position(|criterion| criterion.id() == named.name) else {
                return Err(unknown_field(self.ids.get(named.first), &named.name, criteria));
            };
            if let Some(error) = named.error.take() {
                return Err(error);
            }
            named.values.finish(self.len);
            let criterion = &criteria[index];
            if let Some((item, value)) = named.values.iter().find(|&(_, value)| !criterion.allows(value)) {
                return Err(out_of_bounds(self.ids.get(item), criterion, value));
            }
            values[index] = std::mem::take(&mut named.values);
        }
        Ok(values)
    }

    /// The ranges by (item, column), columns numbered built-ins first, then criteria; the ends of
    /// a criterion's range within its bounds.
    fn estimate_columns(&self, criteria: &[Criterion]) -> Result<Vec<(u32, u16, Estimate)>> {
        let mut estimates = Vec::with_capacity(self.estimates.len());
        for &(item, slot, estimate) in &self.estimates {
            let column = match slot {
                Slot::Builtin(column) => column,
                Slot::Named(_) => {
                    let name = self.slot_name(slot);
                    // Unknown names were reported with the values.
                    let Some(index) = criteria.iter().position(|c| c.id() == name) else { continue };
                    let criterion = &criteria[index];
                    if let Some(end) = estimate.ends().into_iter().find(|&end| !criterion.allows(end)) {
                        return Err(out_of_bounds(self.ids.get(item as usize), criterion, end));
                    }
                    Field::NUMERIC.len() + index
                }
            };
            estimates.push((item, column as u16, estimate));
        }
        estimates.sort_by_key(|&(item, column, _)| (item, column));
        Ok(estimates)
    }
}

fn check_criteria(criteria: &[Criterion]) -> Result<()> {
    if criteria.len() > FieldSet::MAX_CRITERIA {
        return Err(Error::from(SectionDetail::TooManyCriteria {
            count: criteria.len(),
            limit: FieldSet::MAX_CRITERIA,
        }));
    }
    for (index, criterion) in criteria.iter().enumerate() {
        if criteria[..index].iter().any(|other| other.id() == criterion.id()) {
            return Err(Error::from(SectionDetail::DuplicateCriterion {
                criterion: criterion.id().to_owned(),
            }));
        }
    }
    Ok(())
}

/// Every scorecard named once, and each of its fields a numeric built-in field or one of
/// `criteria`, bounded where its normalization needs bounds.
fn check_scorecards(scorecards: &[Scorecard], criteria: &[Criterion]) -> Result<()> {
    for (index, scorecard) in scorecards.iter().enumerate() {
        if scorecards[..index].iter().any(|other| other.id() == scorecard.id()) {
            return Err(Error::from(SectionDetail::DuplicateScorecard {
                scorecard: scorecard.id().to_owned(),
            }));
        }
        scorecard.check(criteria)?;
    }
    Ok(())
}

fn unknown_field(item: &str, name: &str, criteria: &[Criterion]) -> Error {
    Error::from(ItemDetail::UnknownField {
        item: item.to_owned(),
        field: name.to_owned(),
        criteria: criteria.iter().map(|criterion| criterion.id().to_owned()).collect(),
    })
}

fn out_of_bounds(item: &str, criterion: &Criterion, value: f64) -> Error {
    Error::from(ItemDetail::OutOfRange {
        item: item.to_owned(),
        field: criterion.id().to_owned(),
        value,
        allowed: criterion.allowed(),
    })
}

#[cfg(all(test, feature = "csv"))]
mod tests {
    use super::*;

    /// A draft's category column, and its impact and alignment columns as bits.
    type Columns = (Vec<u8>, Vec<u64>, Vec<u64>);

    /// Each text given for a field both ways: through [`Draft::store_plain`] when it takes it, and
    /// through [`Draft::check_input`], the general path, always.
    fn both_ways(field: &str, text: &str) -> (Option<Columns>, std::result::Result<Columns, String>) {
        let columns = |draft: &Draft| {
            let impact = Field::NUMERIC.iter().position(|&field| field == Field::Impact).expect("numeric");
            let bits = |values: &Numbers| values.as_slice().iter().map(|value| value.to_bits()).collect();
            (draft.moscow.clone(), bits(&draft.numbers[impact]), bits(&draft.overall))
        };
        let mut labelled = Draft::new(None);
        let (index, _) = labelled.begin_row("A", "").expect("an item");
        let target = labelled.target(field).expect("a target");
        let parsed = text.parse::<f64>().ok().filter(|value| value.is_finite());
        let taken = labelled.store_plain(index, target, text, parsed).then(|| columns(&labelled));
        let mut general = Draft::new(None);
        let (index, check) = general.begin_row("A", "").expect("an item");
        // As the CSV reader makes a cell's value: a number when it spells a finite one.
        let input = parsed.map_or_else(|| Input::Text(text.into()), Input::Number);
        let target = general.target(field).expect("a target");
        let checked = general
            .check_input(&check, index, target, Some(input))
            .map(|()| columns(&general))
            .map_err(|error| error.to_string());
        (taken, checked)
    }

    #[test]
    fn a_plain_value_stored_directly_is_stored_as_the_general_path_stores_it() {
        let texts = [
            "must",
            "MUST",
            "m",
            "Should",
            "could",
            "won't",
            "wont",
            "won\u{2019}t",
            "W",
            "Must have",
            "won't have this time",
            "massive",
            "High",
            "medium",
            "low",
            "minimal",
            "3",
            "0.5",
            "mustt",
            "",
            "huge",
            "1e3",
            "-1",
            "maybe",
            "0",
            "1",
            "0.125",
            "1.5",
        ];
        let mut taken = 0;
        for field in ["moscow", "impact", "alignment"] {
            for text in texts {
                match both_ways(field, text) {
                    (Some(stored), Ok(general)) => {
                        assert_eq!(stored, general, "{field} {text:?}");
                        taken += 1;
                    }
                    (Some(_), Err(error)) => {
                        panic!("{field} {text:?} taken, but the general path says {error}")
                    }
                    // Not a label: the general path decides, as before.
                    (None, _) => {}
                }
            }
        }
        // Every MoSCoW spelling above, impact's five labels, and the alignments in 0..=1 (`3`,
        // `-1`, `1e3`, `1.5` are not).
        assert_eq!(taken, 11 + 5 + 4);
    }
}
