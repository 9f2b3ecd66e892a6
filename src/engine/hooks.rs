//! The built-in engines' own ways to score faster, which the ranking core uses and an engine of
//! your own does not need: binding to one backlog, scoring from the columns a batch at a time, and
//! a copy that borrows nothing.
//!
//! The trait is public only so that [`Engine::hooks`] can name it; it is sealed (its supertrait
//! cannot be named outside the crate) and hidden from the documentation.

use std::ops::Range;
use std::sync::Arc;

use super::{Engine, Evaluation};
use crate::error::Result;
use crate::model::Backlog;

/// Keeps [`Hooks`] to the crate's own engines.
pub trait Sealed {}

/// The speed hooks of a built-in engine.
pub trait Hooks: Sealed {
    /// The engine made ready for one backlog, before a ranking scores it: field names resolved
    /// to the backlog's columns, values that depend on every item (such as a scorecard's relative
    /// bounds) computed once; `None` means the engine as it is. The ranking then scores, and
    /// explains, with what this returns.
    ///
    /// # Errors
    ///
    /// What the engine cannot accept of this backlog, such as a field it names that the backlog
    /// does not have.
    fn bind(&self, backlog: &Backlog) -> Result<Option<Box<dyn Engine>>> {
        let _ = backlog;
        Ok(None)
    }

    /// Scores the items `range` of `backlog`, in order, appending one evaluation each to `out`,
    /// from the columns; the same evaluations as [`Engine::evaluate`] item by item.
    ///
    /// # Errors
    ///
    /// As [`Engine::evaluate`], for the first item in order that fails.
    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()>;

    /// The names of the breakdown of every item the engine scores, in order, when they are the
    /// same for every one (a formula's inputs and result); `None` when they may differ. A writer
    /// of rankings then knows its columns without a pass over the rows.
    fn breakdown_names(&self) -> Option<Vec<&'static str>> {
        None
    }

    /// A copy of the engine that borrows nothing, for a ranking kept past its borrows; `None`
    /// for an engine that a ranking holds as such already (one bound to a backlog).
    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        None
    }
}

/// `engine` made ready for `backlog`, if it has a way to be.
pub(crate) fn bind(engine: &dyn Engine, backlog: &Backlog) -> Result<Option<Box<dyn Engine>>> {
    engine.hooks().map_or(Ok(None), |hooks| hooks.bind(backlog))
}

/// Scores the items `range` of `backlog`: from the columns where the engine can, else item by item.
pub(crate) fn evaluate_all(
    engine: &dyn Engine,
    backlog: &Backlog,
    range: Range<usize>,
    out: &mut Vec<Evaluation>,
) -> Result<()> {
    if let Some(hooks) = engine.hooks() {
        return hooks.evaluate_all(backlog, range, out);
    }
    for index in range {
        out.push(engine.evaluate(&backlog.item(index))?);
    }
    Ok(())
}

/// A copy of `engine` that borrows nothing, if it can give one.
pub(crate) fn to_shared(engine: &dyn Engine) -> Option<Arc<dyn Engine>> {
    engine.hooks().and_then(Hooks::to_shared)
}

#[cfg(test)]
mod tests {
    use super::Hooks;
    use crate::engine::Engine;
    use crate::engine::Framework;
    use crate::model::{AlignmentWeight, BacklogItem, Field};
    use crate::{Backlog, Cd3, Ice, Opportunity, Rice, Wsjf};

    /// The names an engine says every breakdown has, against the breakdown of an item it scores.
    fn names_hold(engine: &dyn Engine, backlog: &Backlog) {
        let fixed = engine.hooks().and_then(Hooks::breakdown_names).expect("fixed names");
        let item = backlog.item(0);
        assert!(engine.evaluate(&item).expect("evaluates").score().is_some(), "{}: scored", engine.name());
        let breakdown = engine.breakdown(&item);
        assert_eq!(breakdown.names().collect::<Vec<_>>(), fixed, "{}", engine.name());
    }

    #[test]
    fn fixed_breakdown_names_are_the_breakdowns() {
        let mut item = BacklogItem::builder("A", "a");
        for field in Field::NUMERIC {
            item = item.value(field, 1.0);
        }
        let backlog = Backlog::from_items([item.build().expect("valid")]).expect("valid");
        for weight in [0.0, 0.5] {
            let weight = AlignmentWeight::new(weight).expect("valid");
            let engines: [Box<dyn Engine>; 5] = [
                Box::new(Rice::default().alignment_weight(weight)),
                Box::new(Wsjf::default().alignment_weight(weight)),
                Box::new(Ice::default().alignment_weight(weight)),
                Box::new(Cd3::default().alignment_weight(weight)),
                Box::new(Opportunity::default().alignment_weight(weight)),
            ];
            for engine in &engines {
                names_hold(&**engine, &backlog);
            }
        }
        for framework in
            [Framework::Rice, Framework::Wsjf, Framework::Ice, Framework::Cd3, Framework::Opportunity]
        {
            names_hold(&framework, &backlog);
        }
        // Engines whose names may differ from item to item say none.
        assert!(crate::Moscow::default().hooks().and_then(Hooks::breakdown_names).is_none());
        assert!(Framework::Moscow.hooks().and_then(Hooks::breakdown_names).is_none());
    }
}
