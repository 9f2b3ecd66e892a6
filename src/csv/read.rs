//! Reading backlogs from CSV.

use std::io;

use ::csv::{ReaderBuilder, StringRecord, Trim};

use crate::error::{Error, Result, Source};
use crate::interchange::Config;
use crate::model::draft::{Draft, Target};
use crate::model::input::Input;
use crate::model::{Backlog, BacklogItem, Field};

/// Reads a backlog from CSV and validates it as [`Backlog::new`] does: see
/// [`Reader::read_backlog`].
///
/// # Errors
///
/// As [`Reader::read_backlog`].
pub fn read_backlog<R: io::Read>(reader: R) -> Result<Backlog> {
    Reader::new().read_backlog(reader)
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
    let mut items = Vec::new();
    Reader::new().read_rows(reader, |row| {
        let mut builder = BacklogItem::builder(row.id, row.title);
        for (name, input) in row.inputs {
            builder = builder.input(name, input);
        }
        for dependency in row.depends_on {
            builder = builder.depends_on(dependency);
        }
        for tag in row.tags {
            builder = builder.tag(tag);
        }
        items.push(builder.build()?);
        Ok(())
    })?;
    Ok(items)
}

/// Reads backlogs from CSV, with the sections of a [`Config`] (criteria, objectives) added.
///
/// ```
/// use prioritize::csv::Reader;
/// use prioritize::interchange::Config;
/// use prioritize::Criterion;
///
/// let config = Config::new().with_criteria([Criterion::new("revenue")?]);
/// let backlog = Reader::new().config(&config).read_backlog("id,revenue,effort\nA,7,2\n".as_bytes())?;
/// assert_eq!(backlog.item(0).value("revenue"), Some(7.0));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Reader<'c> {
    config: Option<&'c Config>,
}

/// One row, its cells assigned to fields.
struct Row<'r> {
    id: &'r str,
    title: &'r str,
    inputs: Vec<(&'r str, Input)>,
    depends_on: Vec<&'r str>,
    tags: Vec<&'r str>,
}

impl<'c> Reader<'c> {
    /// A reader with no configuration.
    #[must_use]
    pub fn new() -> Reader<'c> {
        Reader::default()
    }

    /// Adds the sections of `config`: its criteria name columns, its objectives are the backlog's.
    #[must_use]
    pub fn config(mut self, config: &'c Config) -> Reader<'c> {
        self.config = Some(config);
        self
    }

    /// Reads a backlog and validates it as [`Backlog::new`] does.
    ///
    /// The header names the columns by the interchange field names (`id`, `title`, `reach`,
    /// ...) or the ids of the configuration's criteria; other columns are ignored. `depends_on`
    /// and `tags` are `;`-separated lists; `alignment` is a number; an empty cell is an absent
    /// value. An empty input is an empty backlog.
    ///
    /// # Errors
    ///
    /// - [`Error::MalformedCsv`] naming the line, for a row whose number of cells differs from the
    ///   header's, text that is not UTF-8, or a header without an `id` column;
    /// - [`Error::Io`] when reading fails;
    /// - any error of [`ItemBuilder::build`](crate::model::ItemBuilder::build) for a bad cell,
    ///   naming the item and the field (e.g. `item "CHK-7": confidence 80 is outside 0..=1
    ///   (write 0.8 for 80 %)`);
    /// - any error of [`Backlog::new`] (duplicate ids, unknown dependencies, cycles).
    pub fn read_backlog<R: io::Read>(&self, reader: R) -> Result<Backlog> {
        let criteria = self.config.map(|config| config.criteria().to_vec()).unwrap_or_default();
        let objectives = self.config.map(|config| config.objectives().to_vec()).unwrap_or_default();
        let mut draft = Draft::new(Some(criteria.clone()));
        self.read_rows(reader, |row| {
            let inputs: Vec<(Target, Option<Input>)> = row
                .inputs
                .into_iter()
                .filter_map(|(name, input)| Some((draft.target(name)?, Some(input))))
                .collect();
            draft.push_row(row.id, row.title, inputs, row.depends_on, row.tags)
        })?;
        if let Some(config) = self.config {
            draft.set_raters(config.raters().map(<[_]>::to_vec), config.aggregate());
        }
        draft.finish(criteria, objectives)
    }

    fn read_rows<R: io::Read>(&self, reader: R, mut each: impl FnMut(Row<'_>) -> Result<()>) -> Result<()> {
        let mut reader = ReaderBuilder::new().trim(Trim::All).from_reader(reader);
        let header = reader.headers().map_err(malformed)?.clone();
        if header.is_empty() {
            return Ok(());
        }
        let columns = self.columns(&header)?;
        let mut record = StringRecord::new();
        while reader.read_record(&mut record).map_err(malformed)? {
            // The reader is not flexible: every row has the header's number of cells.
            let cell = |index: usize| record.get(index).unwrap_or_default();
            let mut row = Row {
                id: cell(columns.id),
                title: columns.title.map_or("", cell),
                inputs: Vec::with_capacity(columns.values.len()),
                depends_on: Vec::new(),
                tags: Vec::new(),
            };
            for &(index, name) in &columns.values {
                let text = cell(index);
                if text.is_empty() {
                    continue;
                }
                match Field::from_name(name) {
                    Some(Field::DependsOn) => row.depends_on.extend(list(text)),
                    Some(Field::Tags) => row.tags.extend(list(text)),
                    // A number is handed over as one, saving an allocation; the checks are the same.
                    _ => row.inputs.push((
                        name,
                        text.parse().map_or_else(|_| Input::Text(text.to_owned()), Input::Number),
                    )),
                }
            }
            each(row)?;
        }
        Ok(())
    }

    /// Where the fields are in a row.
    fn columns<'h>(&self, header: &'h StringRecord) -> Result<Columns<'h>> {
        let criteria = self.config.map(Config::criteria).unwrap_or_default();
        let known = |name: &str| {
            Field::from_name(name).is_some() || criteria.iter().any(|criterion| criterion.id() == name)
        };
        let mut seen: Vec<(usize, &str)> = Vec::new();
        for (index, name) in header.iter().enumerate() {
            if !known(name) {
                continue;
            }
            if seen.iter().any(|&(_, other)| other == name) {
                return Err(Error::MalformedCsv {
                    line: 1,
                    reason: format!("the header names column {name} twice"),
                });
            }
            seen.push((index, name));
        }
        let find =
            |wanted: Field| seen.iter().find(|&&(_, name)| name == wanted.as_str()).map(|&(index, _)| index);
        let id = find(Field::Id).ok_or_else(|| Error::MalformedCsv {
            line: 1,
            reason: "the header has no id column (expected the interchange field names, \
                     such as id,title,reach,impact,confidence,effort)"
                .into(),
        })?;
        let title = find(Field::Title);
        seen.retain(|&(_, name)| name != Field::Id.as_str() && name != Field::Title.as_str());
        Ok(Columns { id, title, values: seen })
    }
}

/// Where the interchange fields are in a row.
struct Columns<'h> {
    id: usize,
    title: Option<usize>,
    /// The other known fields, by column index; unknown columns are left out.
    values: Vec<(usize, &'h str)>,
}

/// The non-empty, trimmed parts of a `;`-separated list.
fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|part| !part.is_empty())
}

fn malformed(error: ::csv::Error) -> Error {
    let line = error.position().map_or(0, ::csv::Position::line);
    match error.into_kind() {
        ::csv::ErrorKind::Io(error) => Error::Io { source: Source::new(error) },
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
