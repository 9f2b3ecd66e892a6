//! What a ranking and a planned order share: items of one backlog in an order, with the engine
//! that scored them, the items it could not score and its warnings.

use std::sync::Arc;

use super::entry::UnscoredItem;
use super::held::Held;
use super::warning::Warning;
use crate::engine::Engine;
use crate::model::{Backlog, FieldSet};

/// An entry of an ordered list: it stands for the item at an index of the backlog.
pub(crate) trait Indexed: Copy {
    /// The item's index in the backlog's input order.
    fn index(&self) -> u32;
}

/// Entries of one backlog in an order, with what made the order.
#[derive(Debug, Clone)]
pub(crate) struct Ordered<'a, E> {
    pub(crate) backlog: Held<'a>,
    pub(crate) engine: Arc<dyn Engine + 'a>,
    /// Whether the engine sorted by category first (MoSCoW).
    pub(crate) categorized: bool,
    pub(crate) entries: Vec<E>,
    /// The items left out for lack of inputs: (index, the fields each lacks), in input order.
    pub(crate) unscored: Vec<(u32, FieldSet)>,
    pub(crate) warnings: Vec<Warning>,
}

impl<E: Indexed> Ordered<'_, E> {
    pub(crate) fn backlog(&self) -> &Backlog {
        &self.backlog
    }

    pub(crate) fn engine_name(&self) -> &str {
        self.engine.name()
    }

    /// The offset (from 0) of the entry of the item `id`, if the order holds it.
    pub(crate) fn offset_of(&self, id: &str) -> Option<usize> {
        let index = self.backlog.index_of(id)? as u32;
        self.entries.iter().position(|entry| entry.index() == index)
    }

    /// The entry at `position` (from 1) with its offset.
    pub(crate) fn at(&self, position: usize) -> Option<(usize, E)> {
        let offset = position.checked_sub(1)?;
        self.entries.get(offset).map(|entry| (offset, *entry))
    }

    pub(crate) fn unscored(&self) -> impl ExactSizeIterator<Item = UnscoredItem<'_>> + '_ {
        self.unscored.iter().map(|&(index, missing)| UnscoredItem {
            backlog: &self.backlog,
            index: index as usize,
            missing,
        })
    }
}
