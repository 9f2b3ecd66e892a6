//! The Product Owner's final say: pins that move single items of a planned order.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, PlanDetail, Result};

use super::order::{Entry, PlannedOrder};

/// A pin: the Product Owner puts one item at a position, or directly before or after another.
///
/// Everything not pinned keeps its computed order. [`PlannedOrder::pin`] applies pins in two
/// steps: first the `Before`/`After` pins, one after another in the order given; then the
/// `At` pins, so each of those items lands exactly at its position.
///
/// ```
/// use prioritize::plan::Pin;
///
/// let pin: Pin = "CHK-1=2".parse()?;
/// assert_eq!(pin, Pin::At { id: "CHK-1".into(), position: 2 });
/// assert_eq!(pin.to_string(), "to position 2");
/// assert_eq!(Pin::Before { id: "A".into(), anchor: "B".into() }.to_string(), r#"before "B""#);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Pin {
    /// Put item `id` at `position` (1-based) of the order.
    At {
        /// The pinned item's id.
        id: String,
        /// The position, from 1.
        position: usize,
    },
    /// Put item `id` directly before item `anchor`.
    Before {
        /// The pinned item's id.
        id: String,
        /// The item it goes before.
        anchor: String,
    },
    /// Put item `id` directly after item `anchor`.
    After {
        /// The pinned item's id.
        id: String,
        /// The item it goes after.
        anchor: String,
    },
}

impl Pin {
    /// The pinned item's id.
    #[must_use]
    pub fn id(&self) -> &str {
        match self {
            Pin::At { id, .. } | Pin::Before { id, .. } | Pin::After { id, .. } => id,
        }
    }

    fn anchor(&self) -> Option<&str> {
        match self {
            Pin::At { .. } => None,
            Pin::Before { anchor, .. } | Pin::After { anchor, .. } => Some(anchor),
        }
    }

    fn invalid(&self, reason: String) -> Error {
        Error::from(PlanDetail::InvalidPin { item: self.id().to_owned(), pin: self.to_string(), reason })
    }
}

/// What the pin does, as errors say it: `to position 3`, `before "AUTH-2"`, `after "AUTH-2"`.
impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pin::At { position, .. } => write!(f, "to position {position}"),
            Pin::Before { anchor, .. } => write!(f, "before {anchor:?}"),
            Pin::After { anchor, .. } => write!(f, "after {anchor:?}"),
        }
    }
}

/// Parses `ID=POSITION`, as the CLI's `--pin` takes it (the last `=` splits, so ids may hold one).
impl FromStr for Pin {
    type Err = Error;

    fn from_str(text: &str) -> Result<Pin> {
        let invalid = || {
            Error::from(PlanDetail::InvalidParameter {
                parameter: "pin",
                value: text.to_owned(),
                allowed: "ID=POSITION, with a non-empty ID and a whole POSITION >= 1",
            })
        };
        let (id, position) = text.rsplit_once('=').ok_or_else(invalid)?;
        let position: usize = position.trim().parse().map_err(|_| invalid())?;
        if id.is_empty() || position == 0 {
            return Err(invalid());
        }
        Ok(Pin::At { id: id.to_owned(), position })
    }
}

impl<'a> PlannedOrder<'a> {
    /// This order with `pins` applied; pinned entries are marked ([`PlannedItem::is_pinned`]).
    ///
    /// `Before`/`After` pins apply first, in the order given; then each `At` pin puts its item
    /// exactly at its position. Every other entry keeps its computed order.
    ///
    /// # Errors
    ///
    /// - a [`Parameter`](crate::ErrorKind::Parameter) error naming both items when a pinned item would come before
    ///   an item it depends on, or after an item that depends on it;
    /// - a [`Parameter`](crate::ErrorKind::Parameter) error when a pin names an item the order does not hold (an unknown id,
    ///   or an unscored item that nothing in the order needs), a position outside `1..=len`, a
    ///   position already taken, an item pinned twice, an item pinned next to itself or next to
    ///   an item pinned to a position, or when a later pin undoes a `Before`/`After` pin.
    ///
    /// [`PlannedItem::is_pinned`]: crate::plan::PlannedItem::is_pinned
    pub fn pin(mut self, pins: &[Pin]) -> Result<PlannedOrder<'a>> {
        let backlog = self.backlog();
        let len = self.list.entries.len();
        let mut in_order = vec![false; backlog.len()];
        for entry in &self.list.entries {
            in_order[entry.index as usize] = true;
        }
        let locate = |id: &str| backlog.index_of(id).filter(|&index| in_order[index]);
        let mut pinned: Vec<Option<&Pin>> = vec![None; backlog.len()];
        let mut taken: Vec<Option<&Pin>> = vec![None; len];
        for pin in pins {
            let Some(index) = locate(pin.id()) else {
                return Err(pin.invalid(
                    "the order holds no such item (an unknown id, or unscored with nothing depending on it)"
                        .into(),
                ));
            };
            if pinned[index].is_some() {
                return Err(pin.invalid("the item is pinned twice".into()));
            }
            pinned[index] = Some(pin);
            match pin {
                Pin::At { position, .. } => {
                    let Some(slot) = position.checked_sub(1).filter(|&slot| slot < len) else {
                        return Err(pin.invalid(format!("position {position} is outside 1..={len}")));
                    };
                    if let Some(other) = taken[slot] {
                        return Err(pin.invalid(format!("position {position} is taken by {:?}", other.id())));
                    }
                    taken[slot] = Some(pin);
                }
                Pin::Before { anchor, .. } | Pin::After { anchor, .. } => {
                    if anchor == pin.id() {
                        return Err(pin.invalid("an item cannot be pinned next to itself".into()));
                    }
                    if locate(anchor).is_none() {
                        return Err(pin.invalid(format!("the order holds no item {anchor:?}")));
                    }
                }
            }
        }
        let is_at = |index: u32| matches!(pinned[index as usize], Some(Pin::At { .. }));
        let (mut fixed, mut list): (Vec<Entry>, Vec<Entry>) =
            self.list.entries.iter().partition(|entry| is_at(entry.index));
        for pin in pins.iter().filter(|pin| pin.anchor().is_some()) {
            let offset_of = |list: &[Entry], id: &str| {
                let index = backlog.index_of(id).map(|index| index as u32);
                list.iter().position(|entry| Some(entry.index) == index)
            };
            let anchor = pin.anchor().unwrap_or_default();
            let Some(moved) = offset_of(&list, pin.id()) else { continue };
            let entry = list.remove(moved);
            let Some(at) = offset_of(&list, anchor) else {
                return Err(pin.invalid(format!(
                    "{anchor:?} is pinned to a position; pin {:?} to a position too",
                    pin.id()
                )));
            };
            list.insert(if matches!(pin, Pin::Before { .. }) { at } else { at + 1 }, entry);
        }
        fixed.sort_by_key(|entry| match pinned[entry.index as usize] {
            Some(Pin::At { position, .. }) => *position,
            _ => 0,
        });
        for entry in fixed {
            if let Some(Pin::At { position, .. }) = pinned[entry.index as usize] {
                list.insert(position - 1, entry);
            }
        }
        for entry in &mut list {
            entry.pinned = pinned[entry.index as usize].is_some();
        }
        self.list.entries = list;
        self.check_pins(pins, &pinned)?;
        Ok(self)
    }

    /// Every `Before`/`After` pin still holds, and no pinned item is on the wrong side of a
    /// dependency.
    fn check_pins(&self, pins: &[Pin], pinned: &[Option<&Pin>]) -> Result<()> {
        let backlog = self.backlog();
        let mut offset = vec![usize::MAX; backlog.len()];
        for (at, entry) in self.list.entries.iter().enumerate() {
            offset[entry.index as usize] = at;
        }
        let offset_of = |id: &str| backlog.index_of(id).map_or(usize::MAX, |index| offset[index]);
        for pin in pins {
            let (item, anchor) = (offset_of(pin.id()), pin.anchor().map_or(usize::MAX, offset_of));
            let holds = match pin {
                Pin::At { .. } => true,
                Pin::Before { .. } => item + 1 == anchor,
                Pin::After { .. } => anchor + 1 == item,
            };
            if !holds {
                return Err(pin.invalid(format!(
                    "a later pin came between {:?} and {:?}",
                    pin.id(),
                    pin.anchor().unwrap_or_default()
                )));
            }
        }
        for (at, entry) in self.list.entries.iter().enumerate() {
            let dependent = entry.index as usize;
            for prerequisite in backlog.prerequisites(dependent) {
                let culprit = pinned[dependent].or(pinned[prerequisite]);
                if let Some(pin) =
                    culprit.filter(|_| offset[prerequisite] != usize::MAX && offset[prerequisite] > at)
                {
                    return Err(Error::from(PlanDetail::PinBreaksDependency {
                        item: pin.id().to_owned(),
                        pin: pin.to_string(),
                        dependent: backlog.item(dependent).id().to_owned(),
                        prerequisite: backlog.item(prerequisite).id().to_owned(),
                    }));
                }
            }
        }
        Ok(())
    }
}
