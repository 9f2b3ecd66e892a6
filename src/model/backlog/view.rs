//! A borrowed view of one item, read from a backlog's columns (or from an owned item).

use std::collections::BTreeMap;

use super::Backlog;
use crate::error::{Detail, Error, ItemDetail};
use crate::model::alignment::Alignment;
use crate::model::category::Category;
use crate::model::category::NO_CATEGORY;
use crate::model::confidence::Confidence;
use crate::model::counted::Counted;
use crate::model::estimate::Estimate;
use crate::model::field::{Field, FieldName, FieldSet};
use crate::model::impact::Impact;
use crate::model::input::Numeric;
use crate::model::item::BacklogItem;
use crate::model::number::{Effort, Fraction, NonNegative, OutOfTen};
use crate::model::ratings::Ratings;

/// One item of a [`Backlog`], read through a cheap view (a reference and an index): what engines
/// score and what rankings, plans and analyses hand out.
///
/// Built-in fields and declared criteria read alike ([`Item::value`]).
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Criterion, Field};
///
/// let backlog = Backlog::builder()
///     .criterion(Criterion::new("revenue")?)
///     .item(BacklogItem::builder("A", "Saved cards").effort(2).value("revenue", 7).build()?)
///     .build()?;
/// let item = backlog.item(0);
/// assert_eq!((item.id(), item.title()), ("A", "Saved cards"));
/// assert_eq!((item.value(Field::Effort), item.value("revenue"), item.value("reach")), (Some(2.0), Some(7.0), None));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    source: Source<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Source<'a> {
    Stored {
        backlog: &'a Backlog,
        index: usize,
    },
    /// An owned item, with the backlog whose criteria its names refer to, if any.
    Owned {
        item: &'a BacklogItem,
        alignment: f64,
        declared: Option<&'a Backlog>,
    },
}

impl<'a> Item<'a> {
    pub(crate) fn stored(backlog: &'a Backlog, index: usize) -> Item<'a> {
        Item { source: Source::Stored { backlog, index } }
    }

    /// A view of an owned item, with its alignment already resolved (`alignment` in `0..=1`), so
    /// that an engine can score an item that belongs to no backlog.
    ///
    /// ```
    /// use prioritize::{BacklogItem, Engine, Evaluation, Item, Rice};
    ///
    /// // Intercom's first example project: 450 · 3 · 100 % / 2 = 675.
    /// let item = BacklogItem::builder("P1", "Project 1").reach(450).impact(3).confidence(1).effort(2).build()?;
    /// let evaluation = Rice::default().evaluate(&Item::of(&item, 0.0))?;
    /// assert_eq!(evaluation.score(), Some(675.0));
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn of(item: &'a BacklogItem, alignment: f64) -> Item<'a> {
        Item { source: Source::Owned { item, alignment, declared: None } }
    }

    /// A view of an owned item that stands in for an item of `backlog` (a scenario the analyses
    /// score), so that criteria resolve against that backlog's declarations.
    pub(crate) fn probe(item: &'a BacklogItem, alignment: f64, backlog: &'a Backlog) -> Item<'a> {
        Item { source: Source::Owned { item, alignment, declared: Some(backlog) } }
    }

    /// The set of the fields named `names`: built-in fields, and criteria the item's backlog
    /// declares, so that an engine of your own can say what an item lacks by name (and every
    /// output then names a criterion as the backlog does, `revenue`).
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem, Criterion, Evaluation};
    ///
    /// let backlog = Backlog::builder()
    ///     .criterion(Criterion::new("revenue")?)
    ///     .item(BacklogItem::builder("A", "a").effort(2).build()?)
    ///     .build()?;
    /// let item = backlog.item(0);
    /// let needed = item.field_set(["revenue", "effort"])?;
    /// let evaluation = Evaluation::missing(&item, needed);
    /// let missing = evaluation.missing_fields().expect("A has no revenue");
    /// assert_eq!(backlog.field_names(missing), ["revenue"]);
    /// assert!(item.field_set(["revenu"]).is_err()); // a typo is an error, not "lacks nothing"
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`Structure`](crate::ErrorKind::Structure) error naming the item and the field, for a
    /// name that is neither a built-in
    /// numeric field nor a criterion of the item's backlog (an item made with [`Item::of`]
    /// belongs to no backlog, so it knows built-in fields only).
    pub fn field_set<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> crate::Result<FieldSet> {
        let empty = Backlog::default();
        let backlog = self.declared_in().unwrap_or(&empty);
        backlog.field_set(names).map_err(|error| match error.detail() {
            Detail::Item(ItemDetail::UnknownField { field, criteria, .. }) => {
                Error::from(ItemDetail::UnknownField {
                    item: self.id().to_owned(),
                    field: field.clone(),
                    criteria: criteria.clone(),
                })
            }
            _ => error,
        })
    }

    /// The backlog whose criteria the item's names refer to: the one it is stored in, or the
    /// one a probe stands in for.
    fn declared_in(&self) -> Option<&'a Backlog> {
        match self.source {
            Source::Stored { backlog, .. } => Some(backlog),
            Source::Owned { declared, .. } => declared,
        }
    }

    /// The backlog the item is stored in; `None` for an owned item.
    pub(crate) fn backlog(&self) -> Option<&'a Backlog> {
        match self.source {
            Source::Stored { backlog, .. } => Some(backlog),
            Source::Owned { .. } => None,
        }
    }

    /// The item's position in its backlog's input order (0 for an owned item).
    #[must_use]
    pub fn index(&self) -> usize {
        match self.source {
            Source::Stored { index, .. } => index,
            Source::Owned { .. } => 0,
        }
    }

    /// The item's unique id.
    #[must_use]
    pub fn id(&self) -> &'a str {
        match self.source {
            Source::Stored { backlog, index } => backlog.ids.get(index),
            Source::Owned { item, .. } => item.id().as_str(),
        }
    }

    /// The item's title; empty when it has none.
    #[must_use]
    pub fn title(&self) -> &'a str {
        match self.source {
            Source::Stored { backlog, index } => backlog.titles.get(index),
            Source::Owned { item, .. } => item.title(),
        }
    }

    /// The value of a numeric field: built-in, or a criterion the backlog declares.
    #[must_use]
    pub fn value(&self, field: impl FieldName) -> Option<f64> {
        let name = field.field_name();
        match self.source {
            Source::Stored { backlog, index } => match Numeric::named(name)? {
                Numeric::Builtin(field) => backlog.numbers[field.column()?].get(index),
                Numeric::Criterion(name) => {
                    backlog.criterion_values[backlog.criterion_index(name)?].get(index)
                }
            },
            Source::Owned { item, .. } => item.value(name),
        }
    }

    /// The value of a numeric built-in `field` (`None` for the other fields).
    #[must_use]
    pub fn number(&self, field: Field) -> Option<f64> {
        let column = field.column()?;
        match self.source {
            Source::Stored { backlog, index } => backlog.numbers[column].get(index),
            Source::Owned { item, .. } => item.number(field),
        }
    }

    /// The value of the backlog's criterion at position `criterion` (declaration order).
    #[must_use]
    pub fn criterion(&self, criterion: usize) -> Option<f64> {
        match self.source {
            Source::Stored { backlog, index } => backlog.criterion_values.get(criterion)?.get(index),
            Source::Owned { item, declared, .. } => item.value(declared?.criteria.get(criterion)?.id()),
        }
    }

    /// The values of the backlog's declared criteria that the item has, in declaration order.
    pub fn criterion_values(&self) -> impl Iterator<Item = (&'a str, f64)> + 'a {
        let stored = match self.source {
            Source::Stored { backlog, index } => Some((backlog, index)),
            Source::Owned { .. } => None,
        };
        let owned: &'a [(String, f64)] = match self.source {
            Source::Stored { .. } => &[],
            Source::Owned { item, .. } => &item.criteria,
        };
        let stored = stored.into_iter().flat_map(|(backlog, index)| {
            backlog
                .criteria
                .iter()
                .zip(&backlog.criterion_values)
                .filter_map(move |(criterion, values)| Some((criterion.id(), values.get(index)?)))
        });
        stored.chain(owned.iter().map(|(name, value)| (name.as_str(), *value)))
    }

    numeric_getters!();

    /// The MoSCoW category.
    #[must_use]
    pub fn moscow(&self) -> Option<Category> {
        match self.source {
            Source::Stored { backlog, index } => match backlog.moscow.get(index) {
                Some(&priority) if priority != NO_CATEGORY => {
                    Category::ALL.get(usize::from(priority)).copied()
                }
                _ => None,
            },
            Source::Owned { item, .. } => item.moscow(),
        }
    }

    /// The alignment with the strategic objectives, as given.
    #[must_use]
    pub fn alignment(&self) -> Option<Alignment> {
        match self.source {
            Source::Stored { backlog, index } => {
                if let Some(value) = backlog.overall.get(index) {
                    return Fraction::new(value).ok().map(Alignment::Overall);
                }
                let contributions = backlog.contributions.get(index);
                if contributions.is_empty() {
                    return None;
                }
                let map: BTreeMap<String, Fraction> = contributions
                    .iter()
                    .filter(|&&(objective, _)| objective != u32::MAX)
                    .filter_map(|&(objective, value)| {
                        let id = backlog.objectives.get(objective as usize)?.id().to_owned();
                        Some((id, Fraction::new(value).ok()?))
                    })
                    .collect();
                Some(Alignment::PerObjective(map))
            }
            Source::Owned { item, .. } => item.alignment().cloned(),
        }
    }

    /// The alignment in `0..=1`, resolved against the backlog's objectives (0 without one).
    #[must_use]
    pub fn resolved_alignment(&self) -> f64 {
        match self.source {
            Source::Stored { backlog, index } => backlog.alignment.get(index).unwrap_or(0.0),
            Source::Owned { alignment, .. } => alignment,
        }
    }

    /// The ids of the items that must be done first, in the order given.
    pub fn depends_on(&self) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        let (stored, owned): (&'a [u32], &'a [crate::model::ItemId]) = match self.source {
            Source::Stored { backlog, index } => (backlog.graph.prerequisites(index), &[]),
            Source::Owned { item, .. } => (&[], item.depends_on()),
        };
        let backlog = match self.source {
            Source::Stored { backlog, .. } => Some(backlog),
            Source::Owned { .. } => None,
        };
        let ids = stored.iter().filter_map(move |&i| backlog.map(|b| b.ids.get(i as usize)));
        let count = stored.len() + owned.len();
        Counted { inner: ids.chain(owned.iter().map(crate::model::ItemId::as_str)), count }
    }

    /// Free labels: product, theme, team.
    pub fn tags(&self) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        let (stored, owned, backlog): (&'a [u32], &'a [String], Option<&'a Backlog>) = match self.source {
            Source::Stored { backlog, index } => (backlog.tags.get(index), &[], Some(backlog)),
            Source::Owned { item, .. } => (&[], item.tags(), None),
        };
        let tags = stored.iter().filter_map(move |&i| backlog.map(|b| b.tag_texts.get(i as usize)));
        let count = stored.len() + owned.len();
        Counted { inner: tags.chain(owned.iter().map(String::as_str)), count }
    }

    /// Whether the item has a value for `field` (`id` and `title` always; lists when non-empty).
    #[must_use]
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Id | Field::Title => true,
            Field::Moscow => self.moscow().is_some(),
            Field::Alignment => match self.source {
                Source::Stored { backlog, index } => {
                    backlog.overall.get(index).is_some() || !backlog.contributions.get(index).is_empty()
                }
                Source::Owned { item, .. } => item.alignment().is_some(),
            },
            Field::DependsOn => self.depends_on().len() > 0,
            Field::Tags => self.tags().len() > 0,
            field => self.number(field).is_some(),
        }
    }

    /// Those of `needed` the item has no value for: built-in fields, and the backlog's criteria.
    #[must_use]
    pub fn lacking(&self, needed: FieldSet) -> FieldSet {
        let fields = needed.iter().filter(|field| !self.has(*field));
        let mut missing: FieldSet = fields.collect();
        for criterion in needed.criteria() {
            if self.criterion(criterion).is_none() {
                missing = missing.with_criterion(criterion);
            }
        }
        missing
    }

    /// The estimate of a numeric field: its range when one was given, else its value as a point
    /// estimate; `None` when the item has no value for it.
    #[must_use]
    pub fn estimate_or_point(&self, field: impl FieldName) -> Option<Estimate> {
        let name = field.field_name();
        self.estimate(name).or_else(|| self.value(name).map(Estimate::point))
    }

    /// The range estimate of a numeric field (low, expected, high), if it was given as one
    /// (as a range, or as ratings, whose smallest and largest bound it).
    #[must_use]
    pub fn estimate(&self, field: impl FieldName) -> Option<Estimate> {
        let name = field.field_name();
        match self.source {
            Source::Stored { backlog, .. } => {
                let column = column_of(backlog, name)?;
                self.stored_ranges().find(|&(c, _)| c == column).map(|(_, estimate)| estimate)
            }
            Source::Owned { item, .. } => item.estimate(name),
        }
    }

    /// The fields given as range estimates, by name, with their estimates: built-in fields in
    /// the interchange order, then criteria.
    pub fn estimates(&self) -> impl Iterator<Item = (&'a str, Estimate)> + 'a {
        let (stored, owned, backlog) = match self.source {
            Source::Stored { backlog, index } => (ranges_of(backlog, index), &[][..], Some(backlog)),
            Source::Owned { item, .. } => (&[][..], &item.estimates[..], None),
        };
        let stored = stored.iter().filter_map(move |&(_, column, estimate)| {
            backlog.map(|backlog| (column_name(backlog, usize::from(column)), estimate))
        });
        stored.chain(owned.iter().map(|(name, estimate)| (name.as_str(), *estimate)))
    }

    /// The ratings of a numeric field, if it was rated: its value is their aggregate and its
    /// range runs from the smallest to the largest rating (see [`Ratings`]).
    #[must_use]
    pub fn ratings(&self, field: impl FieldName) -> Option<Ratings<'a>> {
        let name = field.field_name();
        match self.source {
            Source::Stored { backlog, index } => {
                let column = column_of(backlog, name)?;
                let (_, values) = backlog.ratings.of(index).find(|&(rated, _)| rated == column)?;
                Some(Ratings::stored(values, &backlog.raters))
            }
            Source::Owned { item, .. } => item.ratings(name),
        }
    }

    /// The rated fields, by name, with their ratings: built-in fields in the interchange order,
    /// then criteria (for an owned item, in the order given).
    pub fn rated(&self) -> impl Iterator<Item = (&'a str, Ratings<'a>)> + 'a {
        let (stored, owned) = match self.source {
            Source::Stored { backlog, index } => (Some((backlog, index)), &[][..]),
            Source::Owned { item, .. } => (None, &item.ratings[..]),
        };
        let stored = stored.into_iter().flat_map(|(backlog, index)| {
            backlog.ratings.of(index).map(move |(column, values)| {
                (column_name(backlog, column), Ratings::stored(values, &backlog.raters))
            })
        });
        stored.chain(owned.iter().map(|(name, ratings)| (name.as_str(), Ratings::owned(ratings))))
    }

    fn stored_ranges(&self) -> impl Iterator<Item = (usize, Estimate)> + 'a {
        let stored = match self.source {
            Source::Stored { backlog, index } => ranges_of(backlog, index),
            Source::Owned { .. } => &[],
        };
        stored.iter().map(|&(_, column, estimate)| (usize::from(column), estimate))
    }

    /// An owned copy, for building another backlog.
    #[must_use]
    pub fn to_owned(&self) -> BacklogItem {
        match self.source {
            Source::Owned { item, .. } => item.clone(),
            Source::Stored { backlog, index } => {
                let mut numbers = [f64::NAN; Field::NUMERIC.len()];
                for (column, value) in numbers.iter_mut().enumerate() {
                    *value = backlog.numbers[column].get(index).unwrap_or(f64::NAN);
                }
                let criteria =
                    self.criterion_values().map(|(name, value)| (name.to_owned(), value)).collect();
                BacklogItem {
                    id: crate::model::ItemId::trusted(self.id()),
                    title: self.title().to_owned(),
                    numbers,
                    criteria,
                    moscow: self.moscow(),
                    alignment: self.alignment(),
                    depends_on: self.depends_on().filter_map(crate::model::ItemId::new).collect(),
                    tags: self.tags().map(str::to_owned).collect(),
                    estimates: self.estimates().map(|(name, estimate)| (name.to_owned(), estimate)).collect(),
                    ratings: self
                        .rated()
                        .map(|(name, ratings)| {
                            (
                                name.to_owned(),
                                ratings.iter().map(|(rater, v)| (rater.to_owned(), v)).collect(),
                            )
                        })
                        .collect(),
                }
            }
        }
    }
}

fn ranges_of(backlog: &Backlog, index: usize) -> &[(u32, u16, Estimate)] {
    let estimates = &backlog.estimates;
    let start = estimates.partition_point(|&(item, _, _)| (item as usize) < index);
    let end = start + estimates[start..].partition_point(|&(item, _, _)| item as usize == index);
    &estimates[start..end]
}

fn column_of(backlog: &Backlog, name: &str) -> Option<usize> {
    match Numeric::named(name)? {
        Numeric::Builtin(field) => field.column(),
        Numeric::Criterion(name) => backlog.criterion_index(name).map(|index| Field::NUMERIC.len() + index),
    }
}

fn column_name(backlog: &Backlog, column: usize) -> &str {
    match Field::NUMERIC.get(column) {
        Some(field) => field.as_str(),
        None => backlog.criteria[column - Field::NUMERIC.len()].id(),
    }
}

/// Two views are equal when they view the same item: the same position of the same backlog, or
/// the same owned item with the same alignment.
impl PartialEq for Item<'_> {
    fn eq(&self, other: &Item<'_>) -> bool {
        match (self.source, other.source) {
            (Source::Stored { backlog: a, index: i }, Source::Stored { backlog: b, index: j }) => {
                std::ptr::eq(a, b) && i == j
            }
            (Source::Owned { item: a, alignment: x, .. }, Source::Owned { item: b, alignment: y, .. }) => {
                std::ptr::eq(a, b) && x.to_bits() == y.to_bits()
            }
            _ => false,
        }
    }
}

/// Items read from their backlog.
impl Backlog {
    /// The item at `index` in input order (the Product Owner's order, which breaks ties).
    ///
    /// # Panics
    ///
    /// When `index >= self.len()`.
    #[must_use]
    pub fn item(&self, index: usize) -> Item<'_> {
        assert!(index < self.len(), "item index {index} out of range for a backlog of {}", self.len());
        Item::stored(self, index)
    }

    /// The items, in input order.
    pub fn items(&self) -> impl ExactSizeIterator<Item = Item<'_>> + DoubleEndedIterator + '_ {
        (0..self.len()).map(|index| Item::stored(self, index))
    }

    /// The item with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<Item<'_>> {
        self.index_of(id).map(|index| Item::stored(self, index))
    }
}
