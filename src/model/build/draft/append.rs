//! Joining drafts: a reader fills one draft a part of its input, on every core, and joins them
//! in input order into the draft of the whole.

use std::sync::{Mutex, PoisonError};

use super::{Draft, Named, Slot};
use crate::model::columns::Numbers;
use crate::parallel::lock;

impl Draft {
    /// Moves the items of `other` (a draft of the same criteria) after this draft's, as if
    /// they had been pushed here in order. `other` is left without items, the room of its
    /// columns kept: a reader fills it again with its next part, without asking the system for
    /// fresh memory.
    pub(crate) fn append(&mut self, other: &mut Draft) {
        let offset = self.len;
        self.len += std::mem::take(&mut other.len);
        self.ids.append(&mut other.ids);
        self.titles.append(&mut other.titles);
        for (column, values) in self.numbers.iter_mut().zip(&mut other.numbers) {
            column.append(offset, values);
        }
        // `other`'s named columns by this draft's slot for the same name.
        let named: Vec<usize> = other.named.drain(..).map(|named| self.append_named(offset, named)).collect();
        let slot = |slot: Slot| match slot {
            Slot::Builtin(column) => Slot::Builtin(column),
            Slot::Named(at) => Slot::Named(named[at]),
        };
        if !other.moscow.is_empty() {
            self.moscow.resize(offset, crate::model::category::NO_CATEGORY);
            self.moscow.append(&mut other.moscow);
        }
        self.overall.append(offset, &mut other.overall);
        let objectives: Vec<u32> = std::mem::take(&mut other.objective_names)
            .iter()
            .map(|name| index_of(&mut self.objective_names, name))
            .collect();
        self.contributions.append(offset, &mut other.contributions, |(at, contribution)| {
            (objectives.get(at as usize).copied().unwrap_or(at), contribution)
        });
        let dependencies = self.dependency_ids.len() as u32;
        self.dependency_ids.append(&mut other.dependency_ids);
        self.depends_on.append(offset, &mut other.depends_on, |at| at + dependencies);
        let tags = self.tag_texts.len() as u32;
        self.tag_texts.append(&mut other.tag_texts);
        self.tags.append(offset, &mut other.tags, |at| at + tags);
        self.estimates.extend(
            other.estimates.drain(..).map(|(item, at, estimate)| (item + offset as u32, slot(at), estimate)),
        );
        self.ratings.append(offset, std::mem::take(&mut other.ratings), slot);
    }

    /// Joins `named` (of the items after `offset`) to this draft's column of the same name, or
    /// adds it; returns its slot.
    fn append_named(&mut self, offset: usize, mut named: Named) -> usize {
        let first = named.first.saturating_add(offset);
        let at = match self.named.iter().position(|known| known.name == named.name) {
            Some(at) => at,
            None => {
                self.named.push(Named {
                    name: named.name,
                    values: Numbers::default(),
                    first: usize::MAX,
                    error: None,
                });
                self.named.len() - 1
            }
        };
        let known = &mut self.named[at];
        known.values.append(offset, &mut named.values);
        known.first = known.first.min(first);
        // The first error in input order: this draft's items come first.
        if known.error.is_none() {
            known.error = named.error;
        }
        at
    }
}

/// The drafts of a reader's parts, joined in input order into one. Each draft joined is kept,
/// emptied, to be filled by a later part: its memory is the process's already, where a new
/// draft's would come fresh from the system, a page fault at a time.
pub(crate) struct JoinedDrafts {
    joined: Mutex<Option<Draft>>,
    spare: Mutex<Vec<Draft>>,
}

impl JoinedDrafts {
    pub(crate) fn new() -> JoinedDrafts {
        JoinedDrafts { joined: Mutex::new(None), spare: Mutex::new(Vec::new()) }
    }

    /// A draft to fill with a part: an emptied one, else `new()`.
    pub(crate) fn draft(&self, new: impl FnOnce() -> Draft) -> Draft {
        lock(&self.spare).pop().unwrap_or_else(new)
    }

    /// Joins `draft` (of the same criteria) after the drafts joined so far.
    pub(crate) fn join(&self, mut draft: Draft) {
        let mut joined = lock(&self.joined);
        match &mut *joined {
            Some(joined) => {
                joined.append(&mut draft);
                lock(&self.spare).push(draft);
            }
            None => *joined = Some(draft),
        }
    }

    /// The joined draft; `None` when no draft was joined.
    pub(crate) fn into_draft(self) -> Option<Draft> {
        self.joined.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The index of `name` in `names`, appended if it is new.
pub(super) fn index_of(names: &mut Vec<String>, name: &str) -> u32 {
    let at = names.iter().position(|known| known == name).unwrap_or_else(|| {
        names.push(name.to_owned());
        names.len() - 1
    });
    at as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::build::draft::Target;
    use crate::model::input::Input;
    use crate::model::judgments::Judgments;

    /// Pushes rows of (id, inputs by field name, dependencies, tags) into `draft`.
    fn push(draft: &mut Draft, rows: &[Row<'_>]) {
        for (id, inputs, depends_on, tags) in rows {
            let inputs: Vec<(Target, Option<Input>)> = inputs
                .iter()
                .map(|(name, input)| (draft.target(name).expect("a field"), Some(input.clone())))
                .collect();
            draft
                .push_row(id, "title", inputs, depends_on.iter().copied(), tags.iter().copied())
                .expect("valid");
        }
    }

    type Row<'r> = (&'r str, Vec<(&'r str, Input)>, &'r [&'r str], &'r [&'r str]);

    #[test]
    fn a_joined_draft_is_the_draft_of_every_row_in_order() {
        let criteria = vec![
            crate::Criterion::new("revenue").expect("valid"),
            crate::Criterion::new("risk").expect("valid"),
        ];
        let rows: Vec<Row<'_>> = vec![
            ("A", vec![("reach", Input::Number(5.0)), ("revenue", Input::Number(1.0))], &[], &["x"]),
            (
                "B",
                vec![
                    ("effort", Input::Pairs(vec![("low".into(), 2.0), ("high".into(), 4.0)])),
                    ("moscow", Input::Text("must".into())),
                ],
                &["A"],
                &[],
            ),
            (
                "C",
                vec![("risk", Input::Number(3.0)), ("alignment", Input::Number(0.5))],
                &["A", "B"],
                &["y", "x"],
            ),
            (
                "D",
                vec![
                    ("revenue", Input::Pairs(vec![("low".into(), 1.0), ("high".into(), 3.0)])),
                    ("effort", Input::Number(1.0)),
                ],
                &[],
                &["z"],
            ),
            ("E", vec![], &["D"], &[]),
        ];
        let finish = |draft: Draft| {
            draft.finish(criteria.clone(), Vec::new(), Vec::new(), Judgments::default()).expect("valid")
        };
        let mut whole = Draft::new(Some(criteria.clone()));
        push(&mut whole, &rows);
        let whole = finish(whole);
        assert_eq!(whole.len(), 5);
        for split in 0..=rows.len() {
            for second in split..=rows.len() {
                let mut joined = Draft::new(Some(criteria.clone()));
                for part in [&rows[..split], &rows[split..second], &rows[second..]] {
                    let mut draft = Draft::new(Some(criteria.clone()));
                    push(&mut draft, part);
                    joined.append(&mut draft);
                }
                assert_eq!(finish(joined), whole, "split at {split} and {second}");
                // One draft filled again after each join, as the readers do.
                let (mut joined, mut draft) =
                    (Draft::new(Some(criteria.clone())), Draft::new(Some(criteria.clone())));
                for part in [&rows[..split], &rows[split..second], &rows[second..]] {
                    push(&mut draft, part);
                    joined.append(&mut draft);
                }
                assert_eq!(finish(draft), finish(Draft::new(Some(criteria.clone()))), "left empty");
                assert_eq!(finish(joined), whole, "split at {split} and {second}, one draft");
            }
        }
    }
}
