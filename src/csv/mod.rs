//! CSV by the interchange format's rules: read backlogs, write rankings (feature `csv`).
//!
//! A backlog file has a header row with the interchange field names (`id`, `title`, `reach`,
//! `impact`, ...) in any order, then one item a row:
//!
//! - `depends_on` and `tags` are `;`-separated lists;
//! - `alignment` is a number in `0..=1` (CSV has no objectives);
//! - columns with other names are ignored, since exports from other tools carry many;
//! - an empty cell is an absent value.
//!
//! Every cell goes through the same checks as JSON and the builder, so errors name the item and
//! the field; a malformed file is an a [`Syntax`](crate::ErrorKind::Syntax) error naming
//! the line.
//!
//! Rankings are written with a header row, then one entry a row. A text cell that a spreadsheet
//! would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is
//! written with a leading `'`; [`Writer`] turns that off.
//!
//! ```
//! use prioritize::{Rice, csv};
//!
//! let text = "\
//! id,title,reach,impact,confidence,effort,owner
//! CHK-1,One-click checkout,4000,high,80%,2,Ana
//! CHK-2,Saved cards,1000,medium,0.5,1,
//! ";
//! let backlog = csv::read_backlog(text.as_bytes())?;
//! let rice = Rice::default();
//! let ranking = backlog.rank(&rice)?;
//! let mut out = Vec::new();
//! csv::write_ranking(&ranking, &mut out)?;
//! assert_eq!(
//!     String::from_utf8(out)?,
//!     "\
//! position,rank,id,title,score,reach,impact,confidence,effort,rice
//! 1,1,CHK-1,One-click checkout,3200.0,4000.0,2.0,0.8,2.0,3200.0
//! 2,2,CHK-2,Saved cards,500.0,1000.0,1.0,0.5,1.0,500.0
//! "
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cells;
mod decimal;
mod escape;
mod parts;
mod plain;
mod read;
mod write;
mod writer;

pub use read::{Imported, ParsePresetError, Preset, Reader, read_backlog, read_items};
pub use write::{write_order, write_ranking};
pub use writer::Writer;
