//! Reading backlog items from CSV.

use std::io;

use ::csv::{ReaderBuilder, StringRecord, Trim};

use crate::backlog::Backlog;
use crate::error::{Error, Result};
use crate::field::Field;
use crate::input::Input;
use crate::item::{BacklogItem, ItemBuilder};

/// Reads a backlog (without objectives) from CSV and validates it as [`Backlog::new`] does.
///
/// An empty input is an empty backlog.
///
/// # Errors
///
/// - [`Error::MalformedCsv`] naming the line, for a row whose number of cells differs from the
///   header's, text that is not UTF-8, or a header without an `id` or `title` column;
/// - [`Error::Io`] when reading fails;
/// - any error of [`ItemBuilder::build`] for a bad cell, naming the item and the field
///   (e.g. `item "CHK-7": confidence 80 is outside 0..=1 (write 0.8 for 80 %)`);
/// - any error of [`Backlog::new`] (duplicate ids, unknown dependencies, cycles).
pub fn read_backlog<R: io::Read>(reader: R) -> Result<Backlog> {
    Backlog::from_items(read_items(reader)?)
}

/// Reads the items of a CSV file, each checked, without checking them against each other.
///
/// ```
/// let items = prioritize::csv::read_items("id,title,depends_on\nB,b,A; C\n".as_bytes())?;
/// let dependencies: Vec<&str> = items[0].depends_on().iter().map(|id| id.as_str()).collect();
/// assert_eq!(dependencies, ["A", "C"]);
/// # Ok::<(), prioritize::Error>(())
/// ```
///
/// # Errors
///
/// As [`read_backlog`], but for the checks between items.
pub fn read_items<R: io::Read>(reader: R) -> Result<Vec<BacklogItem>> {
    let mut reader = ReaderBuilder::new().trim(Trim::All).from_reader(reader);
    let header = reader.headers().map_err(malformed)?.clone();
    if header.is_empty() {
        return Ok(Vec::new());
    }
    let columns = Columns::new(&header)?;
    let mut record = StringRecord::new();
    let mut items = Vec::new();
    while reader.read_record(&mut record).map_err(malformed)? {
        items.push(columns.item(&record)?);
    }
    Ok(items)
}

/// Where the interchange fields are in a row.
struct Columns {
    id: usize,
    title: usize,
    /// The other known fields, by column index; unknown columns are left out.
    values: Vec<(usize, Field)>,
}

impl Columns {
    fn new(header: &StringRecord) -> Result<Columns> {
        let mut seen: Vec<(usize, Field)> = Vec::new();
        for (index, name) in header.iter().enumerate() {
            let Some(field) = Field::from_name(name) else { continue };
            if seen.iter().any(|&(_, known)| known == field) {
                return Err(Error::MalformedCsv {
                    line: 1,
                    reason: format!("the header names column {field} twice"),
                });
            }
            seen.push((index, field));
        }
        let find = |wanted: Field| {
            seen.iter().find(|&&(_, field)| field == wanted).map(|&(index, _)| index).ok_or_else(|| {
                Error::MalformedCsv {
                    line: 1,
                    reason: format!(
                        "the header has no {wanted} column (expected the interchange field names, \
                         such as id,title,reach,impact,confidence,effort)"
                    ),
                }
            })
        };
        let id = find(Field::Id)?;
        let title = find(Field::Title)?;
        seen.retain(|&(_, field)| field != Field::Id && field != Field::Title);
        Ok(Columns { id, title, values: seen })
    }

    fn item(&self, record: &StringRecord) -> Result<BacklogItem> {
        // The reader is not flexible: every row has the header's number of cells.
        let cell = |index: usize| record.get(index).unwrap_or_default();
        let mut builder = BacklogItem::builder(cell(self.id), cell(self.title));
        for &(index, field) in &self.values {
            let text = cell(index);
            if text.is_empty() {
                continue;
            }
            builder = match field {
                Field::DependsOn => list(text).fold(builder, ItemBuilder::depends_on),
                Field::Tags => list(text).fold(builder, ItemBuilder::tag),
                field => builder.input(field, Input::Text(text.to_owned())),
            };
        }
        builder.build()
    }
}

/// The non-empty, trimmed parts of a `;`-separated list.
fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|part| !part.is_empty())
}

fn malformed(error: ::csv::Error) -> Error {
    let line = error.position().map_or(0, ::csv::Position::line);
    match error.into_kind() {
        ::csv::ErrorKind::Io(error) => Error::Io { reason: error.to_string() },
        ::csv::ErrorKind::UnequalLengths { expected_len, len, .. } => Error::MalformedCsv {
            line,
            reason: format!("the row has {len} cells where the header has {expected_len}"),
        },
        ::csv::ErrorKind::Utf8 { err, .. } => {
            Error::MalformedCsv { line, reason: format!("cell {} is not valid UTF-8", err.field() + 1) }
        }
        other => Error::MalformedCsv { line, reason: format!("{other:?}") },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_an_empty_backlog() {
        assert!(read_backlog(&b""[..]).unwrap().is_empty());
    }
}
