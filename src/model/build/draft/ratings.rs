//! The ratings of a draft: recorded as the items come, combined into values when it is finished
//! (only then are the raters and their weights certain: a file may declare them after its items).

use super::{Draft, Slot, unknown_field};
use crate::error::{Error, ItemDetail, Result, SectionDetail};
use crate::model::criterion::Criterion;
use crate::model::estimate::Estimate;
use crate::model::field::Field;
use crate::model::rater::{Aggregate, Rater};
use crate::model::ratings::RatingTable;

/// Ratings as recorded, before the raters are known.
#[derive(Debug, Default)]
pub(crate) struct Recorded {
    /// (item, slot, end of its ratings in `values`), in the order given.
    keys: Vec<(u32, Slot, u32)>,
    /// (index into `names`, rating), each field's in the order given.
    values: Vec<(u32, f64)>,
    /// By key: the value an item copied out of a backlog carries for the field (NaN for none),
    /// which these ratings must give again.
    carried: Vec<f64>,
    /// The rater ids the ratings name, in the order first met.
    names: Vec<String>,
    /// The declared raters, if any.
    raters: Option<Vec<Rater>>,
    aggregate: Aggregate,
}

/// What a finished draft's ratings give its backlog.
pub(crate) struct Finished {
    pub(crate) raters: Vec<Rater>,
    pub(crate) declared: bool,
    pub(crate) aggregate: Aggregate,
    pub(crate) table: RatingTable,
}

impl Recorded {
    /// Records the checked ratings of one field of item `index`.
    pub(super) fn push<'r>(
        &mut self,
        index: usize,
        slot: Slot,
        ratings: impl IntoIterator<Item = (&'r str, f64)>,
        carried: f64,
    ) {
        self.carried.push(carried);
        for (rater, value) in ratings {
            let at = match self.names.iter().position(|name| name == rater) {
                Some(at) => at,
                None => {
                    self.names.push(rater.to_owned());
                    self.names.len() - 1
                }
            };
            self.values.push((at as u32, value));
        }
        self.keys.push((index as u32, slot, self.values.len() as u32));
    }
}

impl Recorded {
    /// Appends `other`'s ratings, of the items after `offset`, their slots through `slot`.
    #[cfg(any(feature = "csv", feature = "json"))]
    pub(super) fn append(&mut self, offset: usize, other: Recorded, slot: impl Fn(Slot) -> Slot) {
        let names: Vec<u32> =
            other.names.iter().map(|name| super::append::index_of(&mut self.names, name)).collect();
        let start = self.values.len() as u32;
        self.values.extend(other.values.into_iter().map(|(name, value)| (names[name as usize], value)));
        self.keys.extend(
            other.keys.into_iter().map(|(item, at, end)| (item + offset as u32, slot(at), end + start)),
        );
        self.carried.extend(other.carried);
    }
}

impl Draft {
    /// Declares the raters (`None`: every rater the ratings name counts, with weight 1) and the
    /// aggregate, for [`Draft::finish`].
    pub(crate) fn set_raters(&mut self, raters: Option<Vec<Rater>>, aggregate: Aggregate) {
        self.ratings.raters = raters;
        self.ratings.aggregate = aggregate;
    }

    /// Records checked ratings of a field of item `index`; for a criterion, checks them against
    /// its bounds when the criteria are known (else when the draft is finished).
    pub(crate) fn push_ratings(&mut self, index: usize, slot: Slot, ratings: &[(String, f64)]) -> Result<()> {
        if let (Slot::Named(named), Some(criteria)) = (slot, &self.criteria) {
            let named = &self.named[named];
            let Some(criterion) = criteria.iter().find(|c| c.id() == named.name) else {
                return Err(unknown_field(self.ids.get(index), &named.name, criteria));
            };
            check_bounds(self.ids.get(index), criterion, ratings.iter().map(|(r, v)| (r.as_str(), *v)))?;
        }
        if let Slot::Named(named) = slot {
            let named = &mut self.named[named];
            named.first = named.first.min(index);
        }
        self.ratings.push(
            index,
            slot,
            ratings.iter().map(|(rater, value)| (rater.as_str(), *value)),
            f64::NAN,
        );
        Ok(())
    }

    /// Combines each rated field's ratings into its value and range, with the raters' weights.
    ///
    /// # Errors
    ///
    /// a [`Structure`](crate::ErrorKind::Structure) error, a [`Structure`](crate::ErrorKind::Structure) error (when raters are declared), and
    /// a [`Value`](crate::ErrorKind::Value) error for a rating outside its criterion's bounds.
    pub(crate) fn finish_ratings(&mut self, criteria: &[Criterion]) -> Result<Finished> {
        let recorded = std::mem::take(&mut self.ratings);
        let declared = recorded.raters.is_some();
        let raters = match recorded.raters {
            Some(raters) => {
                if let Some(at) =
                    (1..raters.len()).find(|&at| raters[..at].iter().any(|r| r.id() == raters[at].id()))
                {
                    return Err(Error::from(SectionDetail::DuplicateRater {
                        rater: raters[at].id().to_owned(),
                    }));
                }
                raters
            }
            None => {
                let mut names: Vec<&str> = recorded.names.iter().map(String::as_str).collect();
                names.sort_unstable();
                names.into_iter().map(Rater::trusted).collect()
            }
        };
        let rater_of: Vec<Option<u32>> = recorded
            .names
            .iter()
            .map(|name| raters.iter().position(|rater| rater.id() == name).map(|at| at as u32))
            .collect();
        let mut entries = Vec::with_capacity(recorded.keys.len());
        let mut start = 0;
        for (&(item, slot, end), &carried) in recorded.keys.iter().zip(&recorded.carried) {
            let given = &recorded.values[start as usize..end as usize];
            start = end;
            let (column, criterion) = match slot {
                Slot::Builtin(column) => (column, None),
                Slot::Named(named) => {
                    let name = &self.named[named].name;
                    // An undeclared name is reported with the criteria's values.
                    let Some(at) = criteria.iter().position(|c| c.id() == *name) else { continue };
                    (Field::NUMERIC.len() + at, Some(&criteria[at]))
                }
            };
            let id = self.ids.get(item as usize);
            if let Some(criterion) = criterion {
                let named =
                    given.iter().map(|&(name, value)| (recorded.names[name as usize].as_str(), value));
                check_bounds(id, criterion, named)?;
            }
            let mut ratings = Vec::with_capacity(given.len());
            for &(name, value) in given {
                let Some(rater) = rater_of[name as usize] else {
                    return Err(Error::from(ItemDetail::UnknownRater {
                        item: id.to_owned(),
                        field: self.slot_name(slot).to_owned(),
                        rater: recorded.names[name as usize].clone(),
                        raters: raters.iter().map(|rater| rater.id().to_owned()).collect(),
                    }));
                };
                ratings.push((rater, value));
            }
            ratings.sort_by_key(|&(rater, _)| rater);
            let mut weighted: Vec<(f64, f64)> =
                ratings.iter().map(|&(rater, value)| (value, raters[rater as usize].weight())).collect();
            let value = recorded.aggregate.combine_valid(&mut weighted);
            if !carried.is_nan() && carried.to_bits() != value.to_bits() {
                return Err(Error::from(ItemDetail::RatedValueChanged {
                    item: id.to_owned(),
                    field: self.slot_name(slot).to_owned(),
                    carried,
                    computed: value,
                }));
            }
            // Sorted by rating: the ends are the first and the last.
            let (low, high) = (weighted[0].0, weighted[weighted.len() - 1].0);
            self.set(item as usize, slot, value);
            if let Some(range) = Estimate::ordered(low, value, high) {
                self.estimates.push((item, slot, range));
            }
            entries.push((item, column as u16, ratings));
        }
        Ok(Finished { raters, declared, aggregate: recorded.aggregate, table: RatingTable::new(entries) })
    }
}

/// Each rating within the criterion's bounds.
fn check_bounds<'r>(
    item: &str,
    criterion: &Criterion,
    ratings: impl IntoIterator<Item = (&'r str, f64)>,
) -> Result<()> {
    for (rater, value) in ratings {
        if !criterion.allows(value) {
            return Err(Error::from(ItemDetail::RatingOutOfRange {
                item: item.to_owned(),
                field: criterion.id().to_owned(),
                rater: rater.to_owned(),
                value,
                allowed: criterion.allowed(),
            }));
        }
    }
    Ok(())
}
