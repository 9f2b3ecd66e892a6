//! The JSON interchange format (feature `serde`; any self-describing serde format works): items, backlogs,
//! configurations and their values.
//!
//! Every value is read as written and checked by the same code as the builder, so errors name
//! the item and field, whatever order the fields come in; a name that is neither a built-in
//! field nor a declared criterion is an error, so a typo such as `confidance` cannot pass.

mod config;
mod loose;
#[cfg(feature = "json")]
mod parts;
mod record;

pub use config::Config;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

use crate::error::{Error, SectionDetail};
use crate::judgment::{KanoFeature, Vote};
use crate::model::build::draft::Draft;
use crate::model::scorecard::serialize::ScorecardsRef;
use crate::model::{Aggregate, Backlog, BacklogItem, Estimate, Field, Item, Ratings};
use record::{Record, RecordSeed, RowSeed, Scratch};

/// Reads an item and checks it as [`ItemBuilder::build`](crate::model::ItemBuilder::build) does;
/// any name that is not a built-in field is taken for a criterion, which the backlog checks.
impl<'de> Deserialize<'de> for BacklogItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RecordSeed(Record::into_item).deserialize(deserializer)
    }
}

/// Writes the item in the interchange format: absent fields are left out, a field estimated as a
/// range is written `{"low": .., "expected": .., "high": ..}`, and a rated field
/// `{"ratings": {"po": 8.0, ..}}`, so reading it back gives the same item.
impl Serialize for Item<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", self.id())?;
        if !self.title().is_empty() {
            map.serialize_entry("title", self.title())?;
        }
        let ranges: Vec<(&str, Estimate)> = self.estimates().collect();
        let rated: Vec<(&str, Ratings<'_>)> = self.rated().collect();
        let builtin = Field::NUMERIC.iter().map(|field| (field.as_str(), self.number(*field)));
        let criteria = self.criterion_values().map(|(name, value)| (name, Some(value)));
        // Rated criteria of an owned item have no value yet.
        let unvalued = rated
            .iter()
            .filter(|&&(name, _)| Field::from_name(name).is_none() && self.value(name).is_none())
            .map(|&(name, _)| (name, None));
        for (name, value) in builtin.chain(criteria).chain(unvalued) {
            if let Some((_, ratings)) = rated.iter().find(|(field, _)| *field == name) {
                map.serialize_entry(name, &Rated(*ratings))?;
            } else if let Some((_, range)) = ranges.iter().find(|(field, _)| *field == name) {
                map.serialize_entry(name, range)?;
            } else if let Some(value) = value {
                map.serialize_entry(name, &value)?;
            }
        }
        if let Some(category) = self.moscow() {
            map.serialize_entry("moscow", &category)?;
        }
        if let Some(alignment) = self.alignment() {
            map.serialize_entry("alignment", &alignment)?;
        }
        if self.depends_on().len() > 0 {
            map.serialize_entry("depends_on", &self.depends_on().collect::<Vec<_>>())?;
        }
        if self.tags().len() > 0 {
            map.serialize_entry("tags", &self.tags().collect::<Vec<_>>())?;
        }
        map.end()
    }
}

/// A rated field as written: `{"ratings": {"po": 8.0, "pm": 3.0}}`.
struct Rated<'a>(Ratings<'a>);

impl Serialize for Rated<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(std::iter::once(("ratings", self.0)))
    }
}

impl Serialize for BacklogItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Item::of(self, 0.0).serialize(serializer)
    }
}

/// Writes `{"objectives": [...], "criteria": [...], "scorecards": {...}, "raters": [...],
/// "aggregate": "median", "comparisons": {...}, "votes": [...], "votes_prior": 1.0, "kano": {...},
/// "items": [...]}` (`criteria`, `scorecards`, `comparisons`, `votes` and `kano` only when the
/// backlog has some, `raters` only when it declares them, `aggregate` only when it is not the
/// default `mean`, `votes_prior` only when it is given).
impl Serialize for Backlog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let criteria = !self.criteria().is_empty();
        let scorecards = !self.scorecards().is_empty();
        let raters = self.raters_declared();
        let aggregate = self.aggregate() != Aggregate::default();
        let comparisons = !self.comparisons().is_empty();
        let votes = !self.votes().is_empty();
        let kano = !self.kano().is_empty();
        let sections = 2
            + usize::from(criteria)
            + usize::from(scorecards)
            + usize::from(raters)
            + usize::from(aggregate)
            + usize::from(comparisons)
            + usize::from(votes)
            + usize::from(self.votes_prior().is_some())
            + usize::from(kano);
        let mut backlog = serializer.serialize_struct("Backlog", sections)?;
        backlog.serialize_field("objectives", self.objectives())?;
        if criteria {
            backlog.serialize_field("criteria", self.criteria())?;
        }
        if scorecards {
            backlog.serialize_field("scorecards", &ScorecardsRef(self.scorecards()))?;
        }
        if raters {
            backlog.serialize_field("raters", self.raters())?;
        }
        if aggregate {
            backlog.serialize_field("aggregate", &self.aggregate())?;
        }
        if comparisons {
            backlog.serialize_field("comparisons", self.comparisons())?;
        }
        if votes {
            backlog.serialize_field("votes", &VotesRef(self.votes()))?;
        }
        if let Some(prior) = self.votes_prior() {
            backlog.serialize_field("votes_prior", &prior)?;
        }
        if kano {
            backlog.serialize_field("kano", &KanoRef(self.kano()))?;
        }
        backlog.serialize_field("items", &crate::ranking::serialize::Seq(|| self.items()))?;
        backlog.end()
    }
}

/// A `votes` section: `[["B", "A"], ["A", "C", 2.0]]`, the weight only when it is not 1.
struct VotesRef<'a>(&'a [Vote]);

impl Serialize for VotesRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for vote in self.0 {
            if vote.weight_of().to_bits() == 1.0_f64.to_bits() {
                seq.serialize_element(&(vote.winner(), vote.loser()))?;
            } else {
                seq.serialize_element(&(vote.winner(), vote.loser(), vote.weight_of()))?;
            }
        }
        seq.end()
    }
}

/// A `kano` section: `{"FEATURE": [["like", "dislike"], ...]}`.
struct KanoRef<'a>(&'a [KanoFeature]);

impl Serialize for KanoRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for feature in self.0 {
            let answers = feature
                .answers()
                .iter()
                .map(|(functional, dysfunctional)| [functional.as_str(), dysfunctional.as_str()]);
            map.serialize_entry(feature.id(), &answers.collect::<Vec<_>>())?;
        }
        map.end()
    }
}

/// Reads `{"objectives": [...], "criteria": [...], "scorecards": {...}, "items": [...]}` (only
/// `items` required) or a bare array of items, and validates the whole as [`Backlog::new`] does
/// (and each scorecard as [`BacklogBuilder::build`](crate::model::BacklogBuilder::build)).
impl<'de> Deserialize<'de> for Backlog {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BacklogSeed { config: &Config::default(), parts: None }.deserialize(deserializer)
    }
}

/// Reading a backlog from JSON text, with errors a program can inspect.
#[cfg(feature = "json")]
impl Backlog {
    /// Reads a backlog from JSON text in the interchange format (a backlog object or a bare array
    /// of items), checked as every reader checks it.
    ///
    /// `serde_json::from_str::<Backlog>` reads the same, but its error is text; this one is the
    /// crate's [`Error`](crate::Error), whose kind, item, field, line and column a program can ask.
    /// With the `parallel` feature (on by default), a large text's items are read on every core:
    /// the backlog and any error are the same as on one core. To add a configuration's sections,
    /// see [`Config::backlog_from_json`].
    ///
    /// ```
    /// use prioritize::{Backlog, ErrorKind};
    ///
    /// let backlog = Backlog::from_json(r#"[{"id": "A", "effort": 2}]"#)?;
    /// assert_eq!(backlog.len(), 1);
    ///
    /// let error = Backlog::from_json("[\n  {\"id\": \"A\", \"effort\": 0}\n]").unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::Value);
    /// assert_eq!((error.item(), error.field(), error.line()), (Some("A"), Some("effort"), Some(2)));
    /// assert_eq!(
    ///     error.to_string(),
    ///     r#"item "A": effort 0 is outside the finite numbers > 0 (an effort of 0 would make the score infinite) at line 2 column 26"#
    /// );
    ///
    /// let syntax = Backlog::from_json("[{\"id\": \"A\",]").unwrap_err();
    /// assert_eq!((syntax.kind(), syntax.line(), syntax.column()), (ErrorKind::Syntax, Some(1), Some(13)));
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Every error a backlog being built reports, with the line and column where the reader found
    /// it; JSON that does not parse is a [`Syntax`](crate::ErrorKind::Syntax) error, JSON of the
    /// wrong shape a [`Value`](crate::ErrorKind::Value) or [`Structure`](crate::ErrorKind::Structure)
    /// one.
    pub fn from_json(text: &str) -> crate::Result<Backlog> {
        Config::default().backlog_from_json(text)
    }

    /// Reads a backlog from a reader of JSON text, as [`Backlog::from_json`] does (buffer a file
    /// or socket yourself: the reader is read a byte at a time).
    ///
    /// # Errors
    ///
    /// As [`Backlog::from_json`], and an [`Io`](crate::ErrorKind::Io) error when the reader fails.
    pub fn from_json_reader(mut reader: impl std::io::Read) -> crate::Result<Backlog> {
        use std::io::Read as _;
        // A byte order mark, as Windows Notepad saves one, is not part of the JSON.
        let mut start = Vec::with_capacity(3);
        (&mut reader).take(3).read_to_end(&mut start).map_err(|error| {
            crate::Error::from(crate::error::ReadDetail::Io { source: crate::error::Source::new(error) })
        })?;
        let start = if start == "\u{feff}".as_bytes() { Vec::new() } else { start };
        crate::error::json::read(|| serde_json::from_reader(std::io::Cursor::new(start).chain(reader)))
    }
}

/// Reads a backlog, adding the sections of a [`Config`].
pub(crate) struct BacklogSeed<'c> {
    pub(crate) config: &'c Config,
    /// The items, read apart from the text, where `[]` stands for them.
    pub(crate) parts: Option<&'c dyn ItemsApart>,
}

/// Items read apart from the text being read (on every core), where `[]` stands for them.
pub(crate) trait ItemsApart: Sync {
    /// The items in a draft like `template` (the same criteria); `None` when they do not read.
    fn read(&self, template: &Draft) -> Option<Draft>;
}

impl<'de> DeserializeSeed<'de> for BacklogSeed<'_> {
    type Value = Backlog;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Backlog, D::Error> {
        deserializer.deserialize_any(BacklogVisitor { config: self.config, parts: self.parts })
    }
}

struct BacklogVisitor<'c> {
    config: &'c Config,
    parts: Option<&'c dyn ItemsApart>,
}

impl<'de> Visitor<'de> for BacklogVisitor<'_> {
    type Value = Backlog;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(r#"a backlog: {"objectives": [...], "items": [...]} or an array of items"#)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Backlog, A::Error> {
        let mut draft = Draft::new(Some(self.config.criteria().to_vec()));
        ItemsVisitor { draft: &mut draft, parts: self.parts }.visit_seq(seq)?;
        draft.set_raters(self.config.raters().map(<[_]>::to_vec), self.config.aggregate());
        let (criteria, objectives) = (self.config.criteria().to_vec(), self.config.objectives().to_vec());
        draft
            .finish(criteria, objectives, self.config.scorecards().to_vec(), self.config.judgments())
            .map_err(crate::error::json::custom)
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Backlog, A::Error> {
        let mut sections = Config::default();
        let mut draft: Option<Draft> = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "items" {
                if draft.is_some() {
                    return Err(de::Error::duplicate_field("items"));
                }
                // Criteria given before the items are checked as each item is read.
                let known = self.config.criteria().iter().chain(sections.criteria()).cloned().collect();
                let mut items =
                    Draft::new(Some(known).filter(|_| self.config.has_criteria() || sections.has_criteria()));
                map.next_value_seed(ItemsSeed { draft: &mut items, parts: self.parts.take() })?;
                draft = Some(items);
            } else if let Some(section) = self.config.section(&key) {
                // Said here, so that the error points at the section rather than at the end.
                return Err(crate::error::json::custom(Error::from(SectionDetail::RepeatedSection {
                    section,
                })));
            } else {
                sections.read_section(&key, &mut map)?;
            }
        }
        let mut draft = draft.ok_or_else(|| de::Error::missing_field("items"))?;
        let config = self.config.clone().merge(sections).map_err(crate::error::json::custom)?;
        draft.set_raters(config.raters().map(<[_]>::to_vec), config.aggregate());
        let scorecards = config.scorecards().to_vec();
        draft
            .finish(config.criteria().to_vec(), config.objectives().to_vec(), scorecards, config.judgments())
            .map_err(crate::error::json::custom)
    }
}

struct ItemsSeed<'d> {
    draft: &'d mut Draft,
    parts: Option<&'d dyn ItemsApart>,
}

impl<'de> DeserializeSeed<'de> for ItemsSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(ItemsVisitor { draft: self.draft, parts: self.parts })
    }
}

/// Reads items one by one into the draft's columns, without keeping them.
struct ItemsVisitor<'d> {
    draft: &'d mut Draft,
    parts: Option<&'d dyn ItemsApart>,
}

impl<'de> Visitor<'de> for ItemsVisitor<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("an array of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if let Some(parts) = self.parts {
            // `[]` stands for the items, read apart.
            if seq.next_element::<de::IgnoredAny>()?.is_some() {
                return Err(de::Error::custom("items where the items read apart are"));
            }
            *self.draft =
                parts.read(self.draft).ok_or_else(|| de::Error::custom("the items do not read apart"))?;
            return Ok(());
        }
        let mut scratch = Scratch::default();
        while seq.next_element_seed(RowSeed { draft: self.draft, scratch: &mut scratch })?.is_some() {}
        Ok(())
    }
}
