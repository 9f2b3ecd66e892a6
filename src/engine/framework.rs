//! The built-in engines by name, for a team's choice stored as text.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

use super::hooks::{self, Hooks, Sealed};
use super::{Breakdown, Cd3, Engine, Evaluation, Ice, Moscow, Opportunity, Pairwise, Rice, Wsjf};
use crate::error::{EngineDetail, Error, Result};
use crate::model::{AlignmentWeight, Backlog, FieldSet, Item};

/// A built-in engine by name, with its default options: what an application stores when a team
/// picks a framework, in a database or a configuration file, and ranks with directly.
///
/// It reads and writes as the interchange format names the frameworks (`rice`, `wsjf`, `moscow`,
/// `ice`, `cd3`, `opportunity`, `pairwise`; any case is read), and is an [`Engine`] itself. For options (an
/// alignment weight, Moscow's secondary engine, WSJF's strict scale), use the engine's own type.
///
/// ```
/// use prioritize::engine::Framework;
/// use prioritize::{Backlog, BacklogItem};
///
/// let chosen: Framework = "WSJF".parse()?;
/// assert_eq!(chosen, Framework::Wsjf);
/// assert_eq!(chosen.to_string(), "wsjf");
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").business_value(8).time_criticality(5).risk_reduction(2).effort(3).build()?,
/// ])?;
/// assert_eq!(backlog.rank(chosen)?.at(1).and_then(|e| e.score()), Some(5.0)); // (8 + 5 + 2) / 3
///
/// let unknown = "rise".parse::<Framework>().unwrap_err();
/// assert_eq!(unknown.to_string(), r#"framework "rise" is not one of rice, wsjf, moscow, ice, cd3, opportunity, pairwise"#);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Framework {
    /// [`Rice`]: reach · impact · confidence / effort.
    Rice,
    /// [`Wsjf`]: cost of delay / job size.
    Wsjf,
    /// [`Moscow`]: Must, Should, Could, Won't, in input order within each.
    Moscow,
    /// [`Ice`]: impact · confidence · ease.
    Ice,
    /// [`Cd3`]: cost of delay / duration.
    Cd3,
    /// [`Opportunity`]: importance + max(importance − satisfaction, 0).
    Opportunity,
    /// [`Pairwise`]: Bradley-Terry strengths from the backlog's votes.
    Pairwise,
}

impl Framework {
    /// Every framework, in the order the interchange format lists them.
    pub const ALL: [Framework; 7] = [
        Framework::Rice,
        Framework::Wsjf,
        Framework::Moscow,
        Framework::Ice,
        Framework::Cd3,
        Framework::Opportunity,
        Framework::Pairwise,
    ];

    /// The name, as the interchange format and the engine's [`Engine::name`] write it.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Framework::Rice => "rice",
            Framework::Wsjf => "wsjf",
            Framework::Moscow => "moscow",
            Framework::Ice => "ice",
            Framework::Cd3 => "cd3",
            Framework::Opportunity => "opportunity",
            Framework::Pairwise => "pairwise",
        }
    }

    /// The engine, with alignment weight `λ` (see each engine's `alignment_weight`; MoSCoW's
    /// weighs the score of its secondary engine, if it is given one later).
    ///
    /// ```
    /// use prioritize::engine::Framework;
    /// use prioritize::{AlignmentWeight, Backlog, BacklogItem};
    ///
    /// let backlog = Backlog::from_items([BacklogItem::builder("A", "a").reach(10).impact(1).confidence(1).effort(1).alignment(0.5).build()?])?;
    /// let half = Framework::Rice.engine(AlignmentWeight::new(0.5)?);
    /// assert_eq!(backlog.rank(half)?.at(1).and_then(|e| e.score()), Some(7.5)); // 10 · (1 − 0.5 + 0.5 · 0.5)
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn engine(self, alignment_weight: AlignmentWeight) -> Box<dyn Engine> {
        match self {
            Framework::Rice => Box::new(Rice::default().alignment_weight(alignment_weight)),
            Framework::Wsjf => Box::new(Wsjf::default().alignment_weight(alignment_weight)),
            Framework::Moscow => Box::new(Moscow::default().alignment_weight(alignment_weight)),
            Framework::Ice => Box::new(Ice::default().alignment_weight(alignment_weight)),
            Framework::Cd3 => Box::new(Cd3::default().alignment_weight(alignment_weight)),
            Framework::Opportunity => Box::new(Opportunity::default().alignment_weight(alignment_weight)),
            Framework::Pairwise => Box::new(Pairwise::default().alignment_weight(alignment_weight)),
        }
    }

    /// Calls `f` with the engine, with its default options.
    fn with<R>(self, f: impl FnOnce(&dyn Engine) -> R) -> R {
        match self {
            Framework::Rice => f(&Rice::default()),
            Framework::Wsjf => f(&Wsjf::default()),
            Framework::Moscow => f(&Moscow::default()),
            Framework::Ice => f(&Ice::default()),
            Framework::Cd3 => f(&Cd3::default()),
            Framework::Opportunity => f(&Opportunity::default()),
            Framework::Pairwise => f(&Pairwise::default()),
        }
    }
}

impl fmt::Display for Framework {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Framework {
    type Err = Error;

    /// # Errors
    ///
    /// a [`Parameter`](crate::ErrorKind::Parameter) error for a name that is none of them.
    fn from_str(name: &str) -> Result<Framework> {
        let trimmed = name.trim();
        Framework::ALL
            .into_iter()
            .find(|framework| framework.as_str().eq_ignore_ascii_case(trimmed))
            .ok_or_else(|| Error::from(EngineDetail::UnknownFramework { name: name.to_owned() }))
    }
}

impl Engine for Framework {
    fn name(&self) -> &str {
        self.as_str()
    }

    fn inputs(&self, backlog: &Backlog) -> FieldSet {
        self.with(|engine| engine.inputs(backlog))
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        self.with(|engine| engine.evaluate(item))
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        self.with(|engine| engine.breakdown(item))
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Framework {}

impl Hooks for Framework {
    fn bind(&self, backlog: &Backlog) -> Result<Option<Box<dyn Engine>>> {
        self.with(|engine| hooks::bind(engine, backlog))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        self.with(|engine| hooks::evaluate_all(engine, backlog, range, out))
    }

    fn breakdown_names(&self) -> Option<Vec<&'static str>> {
        self.with(|engine| engine.hooks().and_then(Hooks::breakdown_names))
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(*self))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Framework {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Framework {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Framework, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(crate::error::json::custom)
    }
}
