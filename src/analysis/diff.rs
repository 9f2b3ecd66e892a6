//! Ranking diff: what changed between two versions of a backlog under one engine.

use super::compare::places;
use super::gain;
use crate::engine::Engine;
use crate::error::Result;
use crate::model::Backlog;
use crate::model::Category;
use crate::model::Field;

/// What changed between two versions of a backlog ranked by one engine; items are matched by id.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RankingDiff {
    /// The engine's name.
    pub framework: String,
    /// The `k` of `entered_top` and `left_top`.
    pub k: usize,
    /// Items only in the new version, in its input order.
    pub added: Vec<String>,
    /// Items only in the old version, in its input order.
    pub removed: Vec<String>,
    /// Items ranked in both whose position changed, in the new order.
    pub moved: Vec<Move>,
    /// Items in the new top k that were not in the old one (added items included), in the new order.
    pub entered_top: Vec<String>,
    /// Items in the old top k that are not in the new one (removed items included), in the old order.
    pub left_top: Vec<String>,
    /// Items in both, ranked in the old version but unscored in the new one, in the new input order.
    pub now_unscored: Vec<String>,
    /// Items in both, unscored in the old version but ranked in the new one, in the new input order.
    pub now_scored: Vec<String>,
}

impl RankingDiff {
    /// Whether nothing changed: no item added, removed, moved, newly scored or unscored.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.moved.is_empty()
            && self.entered_top.is_empty()
            && self.left_top.is_empty()
            && self.now_unscored.is_empty()
            && self.now_scored.is_empty()
    }
}

/// An item whose position changed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Move {
    /// The item's id.
    pub id: String,
    /// Its title in the new version.
    pub title: String,
    /// Its position in the old ranking.
    pub old_position: usize,
    /// Its position in the new ranking.
    pub new_position: usize,
    /// Positions gained: `old_position − new_position`, positive when it moved up.
    pub change: i64,
    /// Its inputs that changed, in the interchange order; empty when it moved because others did.
    pub inputs: Vec<InputChange>,
}

/// One input of an item, before and after.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct InputChange {
    /// The field's name: a built-in field, or a criterion.
    pub field: String,
    /// The old value (`None` when absent).
    pub old: Option<InputValue>,
    /// The new value (`None` when absent).
    pub new: Option<InputValue>,
}

/// The value of an input, as a diff reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum InputValue {
    /// A numeric input (for `alignment`, resolved against the backlog's objectives).
    Number(f64),
    /// A MoSCoW category.
    Category(Category),
}

/// Ranks `old` and `new` with `engine` and reports what changed: items added and removed, items
/// that moved (with the inputs of theirs that changed: the engine's inputs and the resolved
/// alignment), and items that entered or left the top `k`.
///
/// # Errors
///
/// As [`Backlog::rank`], for either version.
pub fn diff(old: &Backlog, new: &Backlog, engine: &dyn Engine, k: usize) -> Result<RankingDiff> {
    let (old_ranking, new_ranking) = (old.rank(engine)?, new.rank(engine)?);
    let (old_places, new_places) = (places(old, &old_ranking), places(new, &new_ranking));
    let absent_from = |from: &Backlog, other: &Backlog| -> Vec<String> {
        from.items().filter(|item| other.get(item.id()).is_none()).map(|i| i.id().to_owned()).collect()
    };
    let mut moved = Vec::new();
    for entry in new_ranking.iter() {
        let item = entry.item();
        let Some(old_index) = old.index_of(item.id()) else { continue };
        let Some((old_position, _)) = old_places[old_index] else { continue };
        if old_position != entry.position() {
            moved.push(Move {
                id: item.id().to_owned(),
                title: item.title().to_owned(),
                old_position,
                new_position: entry.position(),
                change: gain(old_position, entry.position()),
                inputs: changes(engine, (old, old_index), (new, entry.index())),
            });
        }
    }
    let top = |ranking: &crate::Ranking<'_>| -> Vec<String> {
        ranking.iter().take(k).map(|e| e.item().id().to_string()).collect()
    };
    let (old_top, new_top) = (top(&old_ranking), top(&new_ranking));
    let scored_change = |was: bool| -> Vec<String> {
        new.items()
            .filter_map(|item| {
                let old_index = old.index_of(item.id())?;
                (old_places[old_index].is_some() == was && new_places[item.index()].is_some() != was)
                    .then(|| item.id().to_owned())
            })
            .collect()
    };
    Ok(RankingDiff {
        framework: engine.name().to_owned(),
        k,
        added: absent_from(new, old),
        removed: absent_from(old, new),
        moved,
        entered_top: new_top.iter().filter(|id| !old_top.contains(id)).cloned().collect(),
        left_top: old_top.iter().filter(|id| !new_top.contains(id)).cloned().collect(),
        now_unscored: scored_change(true),
        now_scored: scored_change(false),
    })
}

/// The engine inputs and the resolved alignment that differ between the two versions of an item.
fn changes(
    engine: &dyn Engine,
    (old, a): (&Backlog, usize),
    (new, b): (&Backlog, usize),
) -> Vec<InputChange> {
    let value = |backlog: &Backlog, index: usize, field: &str| -> Option<InputValue> {
        let item = backlog.item(index);
        match Field::from_name(field) {
            Some(Field::Moscow) => item.moscow().map(InputValue::Category),
            Some(Field::Alignment) => Some(InputValue::Number(item.resolved_alignment())),
            _ => item.value(field).map(InputValue::Number),
        }
    };
    // The inputs by name: a criterion may sit at different positions in the two versions.
    let mut fields = new.field_names(engine.inputs(new).with(Field::Alignment));
    for field in old.field_names(engine.inputs(old)) {
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    fields
        .into_iter()
        .filter_map(|field| {
            let (old, new) = (value(old, a, field), value(new, b, field));
            (old != new).then(|| InputChange { field: field.to_owned(), old, new })
        })
        .collect()
}
