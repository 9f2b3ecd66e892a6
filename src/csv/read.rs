//! Reading backlogs from CSV: the interchange format's own files and other tools' exports.

use std::io;
use std::str::FromStr;

use ::csv::{ReaderBuilder, StringRecord};

use super::decimal;
use super::parts::{Blocks, cut, first_record_end, line_feeds, quoted, read_into};
use super::plain;
use crate::error::{Error, ReadDetail, Result, Source};
use crate::interchange::Config;
use crate::model::build::draft::{Draft, JoinedDrafts, Slot, Target};
use crate::model::input::Input;
use crate::model::{Backlog, BacklogItem, Field};

/// Reads a backlog from CSV and validates it as [`Backlog::new`] does: see [`Reader::import`].
///
/// # Errors
///
/// As [`Reader::import`].
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
    let each_part = |part: &Part<'_>| {
        let mut items = Vec::new();
        part.rows(|row| {
            let mut builder = BacklogItem::builder(row.id, row.title);
            for (_, name, text) in row.values.drain(..) {
                builder = builder.input(name, number(text, part.delimiter));
            }
            for dependency in row.depends_on.drain(..) {
                builder = builder.depends_on(dependency);
            }
            for tag in row.tags.drain(..) {
                builder = builder.tag(tag);
            }
            items.push(builder.build()?);
            Ok(())
        })?;
        Ok(items)
    };
    Reader::new().read_parts(reader, each_part, |part| items.extend(part))?;
    Ok(items)
}

/// The exports of other tools that [`Reader::preset`] reads: which of their columns are which
/// fields.
///
/// - `Jira`: `Issue key` → id, `Summary` → title, `Custom field (Story Points)` or `Custom field
///   (Story point estimate)` → effort, `Labels` (repeated columns) → tags, `Inward issue link
///   (Blocks)` (repeated) → depends_on, and any `Custom field (NAME)` whose NAME is a field or a
///   declared criterion (`Custom field (Business Value)` → business_value).
/// - `AzureDevOps`: `ID` → id, `Title` → title, `Business Value`, `Time Criticality`, `Effort`
///   (else `Story Points`) → their fields, `WSJF Risk-Reduction Opportunity-Enablement` →
///   risk_reduction, `Tags` (`;`-separated) → tags.
/// - `Linear`: `ID` → id, `Title` → title, `Estimate` → effort, `Labels` (`,`-separated) → tags,
///   `Blocked by` (`,`-separated) → depends_on.
///
/// ```
/// use prioritize::csv::Preset;
///
/// assert_eq!("azure-devops".parse::<Preset>(), Ok(Preset::AzureDevOps));
/// assert!("trello".parse::<Preset>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Preset {
    /// Jira's CSV export (all fields).
    Jira,
    /// Azure DevOps' query results as CSV.
    AzureDevOps,
    /// Linear's CSV export.
    Linear,
}

impl Preset {
    /// Every preset.
    pub const ALL: [Preset; 3] = [Preset::Jira, Preset::AzureDevOps, Preset::Linear];

    /// The preset's name: `jira`, `azure-devops`, `linear`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Preset::Jira => "jira",
            Preset::AzureDevOps => "azure-devops",
            Preset::Linear => "linear",
        }
    }

    /// The preset's columns (normalised headers) with their field and how a cell lists several
    /// values; earlier columns win over later ones for the same field.
    fn columns(self) -> &'static [(&'static str, &'static str, Option<char>)] {
        match self {
            Preset::Jira => &[
                ("issue_key", "id", None),
                ("summary", "title", None),
                ("custom_field_(story_points)", "effort", None),
                ("custom_field_(story_point_estimate)", "effort", None),
                ("labels", "tags", None),
                ("inward_issue_link_(blocks)", "depends_on", None),
            ],
            Preset::AzureDevOps => &[
                ("id", "id", None),
                ("title", "title", None),
                ("business_value", "business_value", None),
                ("time_criticality", "time_criticality", None),
                ("effort", "effort", None),
                ("story_points", "effort", None),
                ("wsjf_risk-reduction_opportunity-enablement", "risk_reduction", None),
                ("tags", "tags", Some(';')),
            ],
            Preset::Linear => &[
                ("id", "id", None),
                ("title", "title", None),
                ("estimate", "effort", None),
                ("labels", "tags", Some(',')),
                ("blocked_by", "depends_on", Some(',')),
            ],
        }
    }
}

/// The error of parsing a [`Preset`] name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name:?} is not a known export (expected jira, azure-devops or linear)")]
pub struct ParsePresetError {
    /// The name that did not parse.
    pub name: String,
}

impl FromStr for Preset {
    type Err = ParsePresetError;

    fn from_str(name: &str) -> Result<Preset, ParsePresetError> {
        Preset::ALL
            .into_iter()
            .find(|preset| preset.as_str().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| ParsePresetError { name: name.to_owned() })
    }
}

/// Reads backlogs from CSV: the interchange format's own files, and other tools' exports through
/// a [`Preset`] and column mappings, with the sections of a [`Config`] (criteria, objectives,
/// scorecards).
///
/// A header names the columns; names match case-insensitively, with spaces read as underscores
/// (`Business Value` is `business_value`). Columns that match nothing are ignored and listed in
/// [`Imported::ignored`]. The delimiter is `,`, or `;` when the header has a `;` and no `,`, or
/// the one an Excel-style first line `sep=;` names; in a `;`-separated file a decimal comma is
/// a decimal point (`1,5` is 1.5). A UTF-8 byte order mark is skipped.
/// `depends_on` and `tags` are `;`-separated lists, and a column repeated in the header (as Jira
/// repeats `Labels`) adds to them; repeating a single-valued column is an error. An empty cell is
/// an absent value.
///
/// ```
/// use prioritize::csv::{Preset, Reader};
///
/// let export = "\
/// Issue key;Summary;Status;Custom field (Story Points);Labels;Labels;Custom field (Reach)
/// PAY-7;Saved cards;To Do;3;checkout;payments;1200
/// ";
/// let imported = Reader::new().preset(Preset::Jira).import(export.as_bytes())?;
/// let item = imported.backlog.item(0);
/// assert_eq!((item.id(), item.title(), item.value("effort"), item.value("reach")), ("PAY-7", "Saved cards", Some(3.0), Some(1200.0)));
/// assert_eq!(item.tags().collect::<Vec<_>>(), ["checkout", "payments"]);
/// assert_eq!(imported.ignored, ["Status"]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Reader<'c> {
    config: Option<&'c Config>,
    preset: Option<Preset>,
    /// Explicit mappings: normalised column header, field name.
    mappings: Vec<(String, String)>,
    /// (bytes a block, parts a block), when tests cut small inputs into many parts.
    cut: Option<(usize, usize)>,
}

/// A backlog read from CSV, with the columns that were ignored.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Imported {
    /// The backlog.
    pub backlog: Backlog,
    /// The headers of the columns that matched no field, as written, in header order.
    pub ignored: Vec<String>,
}

/// The UTF-8 byte order mark, which spreadsheets write first.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Below this many bytes, an input is read on one core.
const SMALL: usize = 1 << 18;

/// How much input is read at a time for each core. A block is cut into [`PARTS`] parts a core,
/// taken by the cores as they come free: a part's draft is joined by the core that made it (or the
/// other, when its turn comes) while the other reads on, and is small enough to be copied from the
/// cache. Fewer, larger parts left a core idle while the other joined.
const BLOCK: usize = 1 << 21;

/// The parts a block is cut into for each core (see [`BLOCK`]).
const PARTS: usize = 8;

/// One row, its cells assigned to fields; `values` is a buffer the reader keeps from row to row.
struct Row<'r, 'c, 'i> {
    id: &'r str,
    title: &'r str,
    /// The values, in column order, each as (its column's place among the fields, the field's
    /// name, the cell's text, trimmed and not empty): the names are the columns', which outlive
    /// every row.
    values: &'i mut Vec<(usize, &'c str, &'r str)>,
    /// Buffers kept from row to row, as `values`.
    depends_on: &'i mut Vec<&'r str>,
    tags: &'i mut Vec<&'r str>,
}

/// A part of the input: whole records. Its errors count lines from 1 at its start.
struct Part<'p> {
    columns: &'p Columns,
    delimiter: u8,
    bytes: &'p [u8],
    /// Whether the block the part is cut from holds a quote (when it does not, neither does the
    /// part).
    quoted: bool,
}

impl Part<'_> {
    /// Hands every row to `each`.
    fn rows(&self, mut each: impl FnMut(Row<'_, '_, '_>) -> Result<()>) -> Result<()> {
        let mut spare = Spare::default();
        let text = if self.quoted { plain::plain(self.bytes) } else { plain::unquoted(self.bytes) };
        if let Some(text) = text {
            // No quote to read: the fields are split by a scan, without the `csv` crate.
            return plain::records(text, self.delimiter, |start, fields| {
                let cell = |index: usize| fields.get(index).map_or("", |field| &text[field.clone()]);
                self.row(start, fields.len(), cell, &mut spare, &mut each)
            });
        }
        let mut reader = ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(self.bytes);
        let mut record = StringRecord::new();
        while reader.read_record(&mut record).map_err(|error| malformed(error, self.bytes, 1))? {
            let start = record.position().map_or(0, ::csv::Position::byte) as usize;
            let cell = |index: usize| record.get(index).unwrap_or_default();
            self.row(start, record.len(), cell, &mut spare, &mut each)?;
        }
        Ok(())
    }

    /// Hands the record that begins at byte `start`, of `len` cells, `cell(index)` each, to `each`
    /// as a row, its cells trimmed.
    fn row<'r>(
        &self,
        start: usize,
        len: usize,
        cell: impl Fn(usize) -> &'r str,
        spare: &mut Spare,
        each: &mut impl FnMut(Row<'_, '_, '_>) -> Result<()>,
    ) -> Result<()> {
        let width = self.columns.width;
        if len != width {
            return Err(Error::from(ReadDetail::MalformedCsv {
                line: line_at(self.bytes, 1, start),
                reason: format!("the row has {len} cells where the header has {width}"),
            }));
        }
        let mut values = recycle(&mut spare.values, (0, "", ""));
        let (mut depends_on, mut tags) = (recycle(&mut spare.depends_on, ""), recycle(&mut spare.tags, ""));
        let mut row =
            Row { id: "", title: "", values: &mut values, depends_on: &mut depends_on, tags: &mut tags };
        let columns = self.columns.roles.iter().zip(&self.columns.alternatives).enumerate();
        for (place, ((index, role), alternative)) in columns {
            let text = cell(*index).trim_ascii();
            if text.is_empty() {
                continue;
            }
            match role {
                Role::Id => row.id = text,
                Role::Title => row.title = text,
                Role::Tags(separator) => row.tags.extend(list(text, *separator)),
                Role::DependsOn(separator) => row.depends_on.extend(list(text, *separator)),
                // An alternative column of a field the row already has is passed over.
                Role::Value(name) if *alternative && row.values.iter().any(|(_, given, _)| given == name) => {
                }
                Role::Value(name) => row.values.push((place, name, text)),
            }
        }
        let handed = each(row);
        spare.values = recycle(&mut values, (0, "", ""));
        spare.depends_on = recycle(&mut depends_on, "");
        spare.tags = recycle(&mut tags, "");
        handed
    }
}

/// The buffers of a part's rows, kept from row to row and emptied between them (a row's entries
/// borrow its text).
#[derive(Default)]
struct Spare {
    values: Vec<(usize, &'static str, &'static str)>,
    depends_on: Vec<&'static str>,
    tags: Vec<&'static str>,
}

/// A cell's value: a number when it spells a finite one, else its text. In a `;`-separated file
/// (a spreadsheet's where the decimal separator is a comma) a decimal comma is a decimal point:
/// `1,5` is 1.5, `80,5%` is 80.5 %.
fn number(text: &str, delimiter: u8) -> Input {
    value(text, decimal::parse(text), delimiter)
}

/// [`number`] of `text`, given what [`decimal::parse`] made of it.
fn value(text: &str, parsed: Option<f64>, delimiter: u8) -> Input {
    if let Some(number) = parsed
        && number.is_finite()
    {
        return Input::Number(number);
    }
    if delimiter == b';' && text.bytes().filter(|&byte| byte == b',').count() == 1 {
        let point = text.replace(',', ".");
        let digits = point.strip_suffix('%').unwrap_or(&point).trim_end();
        if digits.parse::<f64>().is_ok() {
            return number(&point, b',');
        }
    }
    Input::Text(text.into())
}

/// The buffer `list` emptied, its room kept, for texts of another lifetime (`blank` is of the
/// other lifetime, to name the type).
fn recycle<T, U: Copy>(list: &mut Vec<T>, blank: U) -> Vec<U> {
    list.clear();
    // Collecting an empty vector into one of the same layout reuses its allocation.
    std::mem::take(list).into_iter().map(|_| blank).collect()
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    Id,
    Title,
    Value(String),
    Tags(char),
    DependsOn(char),
}

/// Where the fields are in a row.
struct Columns {
    /// The header's number of cells, which every row has.
    width: usize,
    roles: Vec<(usize, Role)>,
    /// Whether each role's field is an earlier role's too (an alternative column): only then
    /// does a row look for a value it already has.
    alternatives: Vec<bool>,
    ignored: Vec<String>,
}

impl<'c> Reader<'c> {
    /// A reader of the interchange format's CSV, with no configuration.
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

    /// Reads another tool's export by its columns.
    #[must_use]
    pub fn preset(mut self, preset: Preset) -> Reader<'c> {
        self.preset = Some(preset);
        self
    }

    /// Reads the column with this header as the field `field` (an interchange name or a
    /// criterion's id), over any preset's mapping of it.
    #[must_use]
    pub fn map(mut self, column: &str, field: &str) -> Reader<'c> {
        self.mappings.push((normalise(column), field.trim().to_owned()));
        self
    }

    /// Reads a backlog and validates it as [`Backlog::new`] does; see [`Reader::import`].
    ///
    /// # Errors
    ///
    /// As [`Reader::import`].
    pub fn read_backlog<R: io::Read>(&self, reader: R) -> Result<Backlog> {
        self.import(reader).map(|imported| imported.backlog)
    }

    /// Reads a backlog, validates it as [`Backlog::new`] does, and says which columns it ignored.
    ///
    /// # Errors
    ///
    /// - a [`Syntax`](crate::ErrorKind::Syntax) error when the input holds nothing but white space;
    /// - a [`Syntax`](crate::ErrorKind::Syntax) error naming the line, for a row whose number of cells differs from the
    ///   header's, text that is not UTF-8, a header without an id column, a single-valued field
    ///   given by two columns, or a mapping to a name that is no field;
    /// - an [`Io`](crate::ErrorKind::Io) error when reading fails;
    /// - any error of [`ItemBuilder::build`](crate::model::ItemBuilder::build) for a bad cell,
    ///   naming the item and the field (e.g. `item "CHK-7": confidence 80 is outside 0..=1
    ///   (write 0.8 for 80 %)`);
    /// - any error of [`Backlog::new`] (duplicate ids, unknown dependencies, cycles).
    pub fn import<R: io::Read>(&self, reader: R) -> Result<Imported> {
        let criteria = self.config.map(|config| config.criteria().to_vec()).unwrap_or_default();
        let objectives = self.config.map(|config| config.objectives().to_vec()).unwrap_or_default();
        let scorecards = self.config.map(|config| config.scorecards().to_vec()).unwrap_or_default();
        // Each part of the input fills a draft of its own; the drafts are joined in input order.
        let drafts = JoinedDrafts::new();
        let each_part = |part: &Part<'_>| {
            let mut draft = drafts.draft(|| Draft::new(Some(criteria.clone())));
            // Each column's target, found when the column first has a value (a field met first
            // gets its column in the draft then).
            let mut targets: Vec<Option<Option<Target>>> = vec![None; part.columns.roles.len()];
            part.rows(|row| {
                let (index, check) = draft.begin_row(row.id, row.title)?;
                for &(place, name, text) in row.values.iter() {
                    let Some(target) = *targets[place].get_or_insert_with(|| draft.target(name)) else {
                        continue;
                    };
                    // Parsed once: a plain number of a built-in field goes straight into its
                    // column (the checks are the same), as does a label (`medium`, `must`) or an
                    // alignment; anything else takes the general path.
                    let parsed = decimal::parse(text);
                    match target {
                        Target::Number(Slot::Builtin(column))
                            if let Some(value) = parsed
                                && value.is_finite() =>
                        {
                            draft.builtin_number(&check, index, column, value)?;
                        }
                        target if draft.store_plain(index, target, text, parsed) => {}
                        target => {
                            let input = value(text, parsed, part.delimiter);
                            draft.check_input(&check, index, target, Some(input))?;
                        }
                    }
                }
                draft.end_row(&check, index, row.depends_on.drain(..), row.tags.drain(..))
            })?;
            Ok(draft)
        };
        let ignored = self.read_parts(reader, each_part, |draft| drafts.join(draft))?;
        let mut draft = drafts.into_draft().unwrap_or_else(|| Draft::new(Some(criteria.clone())));
        if let Some(config) = self.config {
            draft.set_raters(config.raters().map(<[_]>::to_vec), config.aggregate());
        }
        let judgments = self.config.map(Config::judgments).unwrap_or_default();
        Ok(Imported { backlog: draft.finish(criteria, objectives, scorecards, judgments)?, ignored })
    }

    /// Reads the input a block at a time, cuts each block into parts at record boundaries,
    /// makes `make(columns, part)` of each part on every core, and hands the results to `join` in
    /// input order; returns the ignored columns. The first error in input order is the error.
    fn read_parts<R: io::Read, T: Send>(
        &self,
        reader: R,
        make: impl Fn(&Part<'_>) -> Result<T> + Sync,
        mut join: impl FnMut(T) + Send,
    ) -> Result<Vec<String>> {
        let io_error = |error| Error::from(ReadDetail::Io { source: Source::new(error) });
        let mut blocks = Blocks::new(reader);
        // The header: the first line with something other than white space decides the delimiter.
        let threads = crate::parallel::threads();
        let (block, parts) = self.cut.unwrap_or((BLOCK * threads, PARTS * threads));
        let mut want = block;
        let (delimiter, header_start, header_end) = loop {
            blocks.fill(want).map_err(io_error)?;
            let bytes = &blocks.bytes;
            let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
            let white = bom + bytes[bom..].iter().take_while(|byte| byte.is_ascii_whitespace()).count();
            if white == bytes.len() {
                if blocks.ended {
                    return Err(Error::from(ReadDetail::EmptyInput {
                        expected: "a header row such as id,title",
                    }));
                }
            } else if let Some(line) = bytes[white..]
                .split(|&b| b == b'\n')
                .next()
                .filter(|line| white + line.len() < bytes.len() || blocks.ended)
            {
                // Excel's first line `sep=;` names the delimiter; the header follows it.
                let named = line.strip_suffix(b"\r").unwrap_or(line);
                let (delimiter, start) = match named {
                    [s, e, p, b'=', delimiter] if [*s, *e, *p].eq_ignore_ascii_case(b"sep") => {
                        (*delimiter, (white + line.len() + 1).min(bytes.len()))
                    }
                    _ if line.contains(&b';') && !line.contains(&b',') => (b';', 0),
                    _ => (b',', 0),
                };
                match first_record_end(&bytes[start..], delimiter) {
                    Some(end) => break (delimiter, start, start + end),
                    None if blocks.ended => break (delimiter, start, bytes.len()),
                    None => {}
                }
            }
            want = blocks.bytes.len() * 2;
        };
        let header_bytes = &blocks.bytes[header_start..header_end];
        let header_line = line_at(&blocks.bytes, 1, header_start);
        let mut header_reader = ReaderBuilder::new().delimiter(delimiter).from_reader(header_bytes);
        let header =
            header_reader.headers().map_err(|error| malformed(error, header_bytes, header_line))?.clone();
        let columns = self.columns(&header, header_line)?;
        // The line feeds before the part being read: its errors' lines count from its start.
        let mut lines = line_feeds(&blocks.bytes[..header_end]);
        blocks.consume(header_end);
        // The next block, read while the cores read the parts of this one.
        let mut ahead = Vec::new();
        loop {
            blocks.fill(block).map_err(io_error)?;
            // A small input is one part: starting threads would cost more than they save.
            let parts = if self.cut.is_some() || blocks.bytes.len() >= SMALL { parts } else { 1 };
            let quoted = quoted(&blocks.bytes);
            let parts = cut(&blocks.bytes, delimiter, parts, blocks.ended, quoted);
            let Some(end) = parts.last().map(|part| part.end) else {
                if blocks.ended {
                    break;
                }
                // A record longer than a block: read on to its end.
                blocks.fill(blocks.bytes.len() * 2).map_err(io_error)?;
                continue;
            };
            let Blocks { reader, bytes, ended } = &mut blocks;
            let bytes = &*bytes;
            let parts: Vec<Part<'_>> = parts
                .into_iter()
                .map(|range| Part { columns: &columns, delimiter, bytes: &bytes[range], quoted })
                .collect();
            // The next block begins with the bytes after the last part; this thread reads the
            // rest while the other cores begin on the parts.
            let read_ahead = || {
                ahead.clear();
                ahead.extend_from_slice(&bytes[end..]);
                read_into(reader, ended, &mut ahead, block)
            };
            let (parsed, read) = crate::parallel::sink_in_order(
                &parts,
                |part| (make(part), line_feeds(part.bytes)),
                |(result, feeds)| {
                    join(result.map_err(|error| error.below(lines))?);
                    lines += feeds;
                    Ok::<(), Error>(())
                },
                read_ahead,
            );
            // An error in these parts comes before one in reading on.
            parsed?;
            read.map_err(io_error)?;
            std::mem::swap(&mut blocks.bytes, &mut ahead);
            if blocks.ended && blocks.bytes.is_empty() {
                break;
            }
        }
        Ok(columns.ignored)
    }

    /// Which field each column holds.
    fn columns(&self, header: &StringRecord, line: u64) -> Result<Columns> {
        let criteria = self.config.map(Config::criteria).unwrap_or_default();
        let known = |name: &str| Field::from_name(name).is_some() || criteria.iter().any(|c| c.id() == name);
        for (_, field) in &self.mappings {
            if !known(field) {
                return Err(Error::from(ReadDetail::MalformedCsv {
                    line,
                    reason: format!(
                        "a column is mapped to {field:?}, which is neither a field nor a declared criterion"
                    ),
                }));
            }
        }
        let preset = self.preset.map(Preset::columns).unwrap_or_default();
        let mut roles: Vec<(usize, Role)> = Vec::new();
        let mut ignored = Vec::new();
        for (index, written) in header.iter().map(str::trim_ascii).enumerate() {
            let name = normalise(written);
            let mapped = self
                .mappings
                .iter()
                .find(|(column, _)| *column == name)
                .map(|(_, field)| (field.as_str(), None));
            let from_preset =
                preset.iter().find(|(column, _, _)| *column == name).map(|&(_, field, split)| (field, split));
            let custom = || {
                // Jira's `Custom field (NAME)` for any field or criterion NAME.
                let inner = name.strip_prefix("custom_field_(")?.strip_suffix(')')?;
                (self.preset == Some(Preset::Jira) && known(inner)).then_some((inner, None))
            };
            let direct = || known(&name).then_some((name.as_str(), None));
            let Some((field, split)) = mapped.or(from_preset).or_else(custom).or_else(direct) else {
                if !written.is_empty() {
                    ignored.push(written.to_owned());
                }
                continue;
            };
            let role = match field {
                "id" => Role::Id,
                "title" => Role::Title,
                "tags" => Role::Tags(split.unwrap_or(';')),
                "depends_on" => Role::DependsOn(split.unwrap_or(';')),
                field => Role::Value(field.to_owned()),
            };
            let list = matches!(role, Role::Tags(_) | Role::DependsOn(_));
            if let Some((first, _)) =
                roles.iter().find(|(_, other)| same_field(other, &role)).filter(|_| !list)
            {
                if mapped.is_none() && from_preset.is_some() {
                    // A preset's alternative for a field an earlier column gives (Jira's two story
                    // point fields): a row takes the first non-empty cell.
                    roles.push((index, role));
                    continue;
                }
                return Err(Error::from(ReadDetail::MalformedCsv {
                    line,
                    reason: format!(
                        "the header gives {field} twice, in columns {} and {} ({field} takes one value)",
                        first + 1,
                        index + 1
                    ),
                }));
            }
            roles.push((index, role));
        }
        if !roles.iter().any(|(_, role)| *role == Role::Id) {
            return Err(Error::from(ReadDetail::MalformedCsv {
                line,
                reason: "the header has no id column (expected the interchange field names, such as \
                         id,title,reach,impact,confidence,effort, or another tool's export with its preset)"
                    .into(),
            }));
        }
        let alternatives =
            (0..roles.len()).map(|at| roles[..at].iter().any(|(_, role)| *role == roles[at].1)).collect();
        Ok(Columns { width: header.len(), roles, alternatives, ignored })
    }
}

/// Whether two roles fill the same field.
fn same_field(a: &Role, b: &Role) -> bool {
    match (a, b) {
        (Role::Value(a), Role::Value(b)) => a == b,
        (Role::Tags(_), Role::Tags(_)) | (Role::DependsOn(_), Role::DependsOn(_)) => true,
        _ => a == b,
    }
}

/// The header as a field name would be written: trimmed, lowercase, white space as underscores.
fn normalise(header: &str) -> String {
    header.split_whitespace().collect::<Vec<_>>().join("_").to_lowercase()
}

/// The non-empty, trimmed parts of a list.
fn list(text: &str, separator: char) -> impl Iterator<Item = &str> {
    text.split(separator).map(str::trim).filter(|part| !part.is_empty())
}

/// The line of the record the CSV reader began at byte `at` of `bytes` (whose first line is
/// `first`): the blank lines and the rest of the last record's terminator before it skipped.
fn line_at(bytes: &[u8], first: u64, at: usize) -> u64 {
    let at = at.min(bytes.len());
    let start = at + bytes[at..].iter().take_while(|&&byte| matches!(byte, b'\n' | b'\r')).count();
    first + line_feeds(&bytes[..start])
}

/// The CSV reader's `error` while reading `bytes`, whose first line is `first`.
fn malformed(error: ::csv::Error, bytes: &[u8], first: u64) -> Error {
    let line = error.position().map_or(0, |position| line_at(bytes, first, position.byte() as usize));
    let reason = match error.kind() {
        ::csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("the row has {len} cells where the header has {expected_len}")
        }
        ::csv::ErrorKind::Utf8 { err, .. } => format!("cell {} is not valid UTF-8", err.field() + 1),
        // The CSV reader's error says what the operating system's says.
        ::csv::ErrorKind::Io(_) => return Error::from(ReadDetail::Io { source: Source::new(error) }),
        _ => return Error::from(ReadDetail::Csv { line, source: Source::new(error) }),
    };
    Error::from(ReadDetail::MalformedCsv { line, reason })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::fmt::Write as _;

    /// Rows of ids, titles and values, some of them malformed: quoted cells with delimiters and
    /// line breaks, missing cells, labels, bad numbers, duplicate ids, unknown dependencies.
    fn text() -> impl Strategy<Value = String> {
        let cell = prop_oneof![
            Just(String::new()),
            Just("3".to_owned()),
            Just("0.5".to_owned()),
            Just("high".to_owned()),
            Just("80%".to_owned()),
            Just("-1".to_owned()),
            Just("x".to_owned()),
            Just("\"2,5\"".to_owned()),
            Just("\"a\nb\"".to_owned()),
            Just("\"say \"\"hi\"\"\"".to_owned()),
        ];
        let id = prop_oneof![
            Just("A"),
            Just("B"),
            Just("C"),
            Just("D"),
            Just("E"),
            Just("F"),
            Just("G"),
            Just("")
        ];
        let row = (
            id,
            proptest::collection::vec(cell, 3..=5),
            prop_oneof![Just(""), Just("A"), Just("Z")],
            any::<bool>(),
        );
        (proptest::collection::vec(row, 0..12), any::<bool>()).prop_map(|(rows, crlf)| {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("id,title,reach,impact,confidence,depends_on{end}");
            for (at, (id, cells, dependency, blank)) in rows.into_iter().enumerate() {
                let id = if id.is_empty() { String::new() } else { format!("{id}{}", at % 3) };
                let dependency = if cells.len() == 4 { format!(",{dependency}0") } else { String::new() };
                write!(text, "{id},{}{dependency}{end}", cells.join(",")).expect("a String takes any text");
                if blank {
                    text.push_str(end);
                }
            }
            text
        })
    }

    proptest! {
        /// Cut into parts of a few bytes, read on every core, an input reads as it does whole:
        /// the same backlog, or the same first error with the same line.
        #[test]
        fn parts_read_as_the_whole_input(text in text(), block in 1_usize..40, parts in 1_usize..5) {
            let whole = Reader { cut: Some((usize::MAX / 8, 1)), ..Reader::new() }.import(text.as_bytes());
            let cut = Reader { cut: Some((block, parts)), ..Reader::new() }.import(text.as_bytes());
            prop_assert_eq!(&cut, &whole, "{:?}", text);
            let default = Reader::new().import(text.as_bytes());
            prop_assert_eq!(&default, &whole);
        }
    }

    #[test]
    fn errors_name_the_line_of_their_row_after_blank_lines_and_crlf() {
        for (text, line) in [
            ("id,title,reach\nA,a,1\nB,b\n", 3),
            ("id,title,reach\r\nA,a,1\r\nB,b\r\nC,c,3\r\n", 3),
            ("id,title,reach\nA,a,1\n\n\nB,b\n", 5),
            ("\n\nid,title,reach\nA,\"a\nb\",1\nB,b\n", 6),
        ] {
            for cut in [None, Some((4, 3))] {
                let error = Reader { cut, ..Reader::new() }.import(text.as_bytes()).expect_err("a short row");
                assert_eq!(error.line(), Some(line), "{text:?}");
                assert_eq!(
                    error.to_string(),
                    format!("csv line {line}: the row has 2 cells where the header has 3")
                );
            }
        }
    }

    /// Input that fails after `good` bytes.
    struct FailingAfter<'t> {
        text: &'t [u8],
        good: usize,
    }

    impl io::Read for FailingAfter<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.good == 0 {
                return Err(io::Error::other("disk on fire"));
            }
            let len = buf.len().min(self.good).min(self.text.len());
            buf[..len].copy_from_slice(&self.text[..len]);
            (self.text, self.good) = (&self.text[len..], self.good - len);
            Ok(len)
        }
    }

    #[test]
    fn a_failed_read_on_comes_after_the_errors_of_the_rows_before_it() {
        let rows = "id,title,reach\nA,a,1\nB,b,2\nC,c,3\nD,d,4\nE,e,5\n";
        for cut in [None, Some((12, 2)), Some((20, 3))] {
            for good in [5, 20, 30, 40] {
                let reader = Reader { cut, ..Reader::new() };
                let error = reader.import(FailingAfter { text: rows.as_bytes(), good }).expect_err("fails");
                assert_eq!(error.kind(), crate::ErrorKind::Io, "{cut:?} {good}: {error}");
            }
        }
        // Blocks of 12 bytes: once the bad row's bytes (21 to 27) are read, its error comes before
        // the failure to read on, as when the next block was read after the rows.
        let bad = "id,title,reach\nA,a,1\nB,b,x\nC,c,3\nD,d,4\nE,e,5\n";
        let reader = Reader { cut: Some((12, 2)), ..Reader::new() };
        for good in [0, 20, 26, 27, 40, 60] {
            let error = reader.import(FailingAfter { text: bad.as_bytes(), good }).expect_err("fails");
            let expected = if good < 27 { crate::ErrorKind::Io } else { crate::ErrorKind::Value };
            assert_eq!(error.kind(), expected, "{good}: {error}");
        }
    }

    #[test]
    fn empty_input_is_an_error_that_says_so() {
        for input in ["", " \n\n  "] {
            assert_eq!(
                read_backlog(input.as_bytes()).unwrap_err(),
                Error::from(ReadDetail::EmptyInput { expected: "a header row such as id,title" })
            );
        }
    }

    #[test]
    fn headers_match_case_insensitively_with_spaces_as_underscores() {
        assert_eq!(normalise("  Business   Value "), "business_value");
        assert_eq!(normalise("Custom field (Story Points)"), "custom_field_(story_points)");
    }
}
