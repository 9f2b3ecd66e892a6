//! Rankings: the order an engine's scores give a backlog ([`Ranking`], at the
//! crate's root), its entries, the options of a ranking, unscored items and warnings.

pub(crate) mod core;
mod entry;
mod frozen;
mod held;
pub(crate) mod list;
pub(crate) mod options;
pub(crate) mod order;
#[cfg(feature = "serde")]
pub(crate) mod serialize;
mod warning;

pub(crate) use core::Ranking;
pub use entry::{RankedItem, UnscoredItem};
pub(crate) use held::Held;
pub use options::UnscoredPolicy;
pub use warning::{MUST_SHARE_LIMIT, ShareBasis, Warning};
