//! A configuration: the sections of a backlog file without its items.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::BacklogSeed;
use crate::error::{Error, JudgmentDetail, Result, SectionDetail};
use crate::judgment::{ComparisonSets, KanoFeature, KanoSection, SetsSection, Vote, VotesSection};
use crate::model::Scorecard;
use crate::model::judgments::Judgments;
use crate::model::scorecard::serialize::Scorecards;
use crate::model::{Aggregate, Backlog, Criterion, Objective, Rater};

/// The sections of a backlog file other than `items`: declared `criteria`, strategic
/// `objectives`, named `scorecards`, the `raters` of rated fields and how their ratings
/// `aggregate` (`"mean"` or `"median"`), and the judgments: pairwise `comparisons` that weigh
/// objectives and scorecards, `votes` between items with their `votes_prior`, and a `kano`
/// survey. A configuration file is such an object; its sections
/// combine with a backlog read from anywhere (JSON or CSV), and a section given in both is an
/// error.
///
/// `scorecards` is an object of scorecard names to definitions:
/// `{"value": {"criteria": {"revenue": 0.4, "ux": 0.2}, "normalize": "none"}}`, where
/// `criteria` maps each field (a numeric built-in field or a declared criterion) to its weight
/// (a finite number > 0) and `normalize` is `none` (the default), `scale` or `relative` (see
/// [`Normalize`](crate::model::Normalize)). The fields are checked when the configuration
/// combines with a backlog.
///
/// ```
/// use serde::de::DeserializeSeed;
/// use prioritize::interchange::Config;
///
/// let config: Config = serde_json::from_str(r#"{"criteria": [{"id": "revenue", "min": 0, "max": 10}]}"#)?;
/// let text = r#"[{"id": "A", "revenue": 7, "effort": 2}]"#;
/// let backlog = config.backlog().deserialize(&mut serde_json::Deserializer::from_str(text))?;
/// assert_eq!(backlog.item(0).value("revenue"), Some(7.0));
///
/// let typo = r#"[{"id": "A", "revenu": 7}]"#;
/// let error = config.backlog().deserialize(&mut serde_json::Deserializer::from_str(typo)).unwrap_err();
/// assert!(error.to_string().starts_with(r#"item "A": unknown field "revenu""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    criteria: Option<Vec<Criterion>>,
    objectives: Option<Vec<Objective>>,
    scorecards: Option<Vec<Scorecard>>,
    raters: Option<Vec<Rater>>,
    aggregate: Option<Aggregate>,
    comparisons: Option<ComparisonSets>,
    votes: Option<Vec<Vote>>,
    votes_prior: Option<f64>,
    kano: Option<Vec<KanoFeature>>,
}

/// The sections a backlog file may have besides `items`.
const SECTIONS: &[&str] = &[
    "objectives",
    "criteria",
    "scorecards",
    "raters",
    "aggregate",
    "comparisons",
    "votes",
    "votes_prior",
    "kano",
    "items",
];

impl Config {
    /// A configuration with no section.
    #[must_use]
    pub fn new() -> Config {
        Config::default()
    }

    /// The configuration with these criteria.
    #[must_use]
    pub fn with_criteria(mut self, criteria: impl IntoIterator<Item = Criterion>) -> Config {
        self.criteria = Some(criteria.into_iter().collect());
        self
    }

    /// The configuration with these objectives.
    #[must_use]
    pub fn with_objectives(mut self, objectives: impl IntoIterator<Item = Objective>) -> Config {
        self.objectives = Some(objectives.into_iter().collect());
        self
    }

    /// The configuration with these scorecards.
    #[must_use]
    pub fn with_scorecards(mut self, scorecards: impl IntoIterator<Item = Scorecard>) -> Config {
        self.scorecards = Some(scorecards.into_iter().collect());
        self
    }

    /// The configuration with these raters declared.
    #[must_use]
    pub fn with_raters(mut self, raters: impl IntoIterator<Item = Rater>) -> Config {
        self.raters = Some(raters.into_iter().collect());
        self
    }

    /// The configuration with this aggregate of ratings.
    #[must_use]
    pub fn with_aggregate(mut self, aggregate: Aggregate) -> Config {
        self.aggregate = Some(aggregate);
        self
    }

    /// The configuration with these sets of pairwise comparisons (see
    /// [`BacklogBuilder::comparisons`](crate::model::BacklogBuilder::comparisons)).
    #[must_use]
    pub fn with_comparisons(mut self, comparisons: ComparisonSets) -> Config {
        self.comparisons = Some(comparisons);
        self
    }

    /// The configuration with these votes between items, and the prior the
    /// [`Pairwise`](crate::Pairwise) engine gives them, if any.
    #[must_use]
    pub fn with_votes(mut self, votes: impl IntoIterator<Item = Vote>, prior: Option<f64>) -> Config {
        self.votes = Some(votes.into_iter().collect());
        self.votes_prior = prior;
        self
    }

    /// The sets of pairwise comparisons (none when the section is absent).
    #[must_use]
    pub fn comparisons(&self) -> Option<&ComparisonSets> {
        self.comparisons.as_ref()
    }

    /// The judgments of the configuration, for a backlog being built.
    pub(crate) fn judgments(&self) -> Judgments {
        Judgments {
            comparisons: self.comparisons.clone().unwrap_or_default(),
            votes: self.votes.clone().unwrap_or_default(),
            votes_prior: self.votes_prior,
            kano: self.kano.clone().unwrap_or_default(),
        }
    }

    /// The declared raters; `None` when the section is absent (then every rater the ratings
    /// name counts, with weight 1).
    #[must_use]
    pub fn raters(&self) -> Option<&[Rater]> {
        self.raters.as_deref()
    }

    /// How ratings combine ([`Aggregate::Mean`] when the section is absent).
    #[must_use]
    pub fn aggregate(&self) -> Aggregate {
        self.aggregate.unwrap_or_default()
    }

    /// The declared criteria (none when the section is absent).
    #[must_use]
    pub fn criteria(&self) -> &[Criterion] {
        self.criteria.as_deref().unwrap_or_default()
    }

    /// The strategic objectives (none when the section is absent).
    #[must_use]
    pub fn objectives(&self) -> &[Objective] {
        self.objectives.as_deref().unwrap_or_default()
    }

    /// The named scorecards (none when the section is absent), in the order given.
    #[must_use]
    pub fn scorecards(&self) -> &[Scorecard] {
        self.scorecards.as_deref().unwrap_or_default()
    }

    /// The scorecard named `id`.
    ///
    /// ```
    /// use prioritize::interchange::Config;
    /// use prioritize::model::Normalize;
    ///
    /// let text = r#"{"scorecards": {"value": {"criteria": {"reach": 2, "ease": 1}, "normalize": "relative"}}}"#;
    /// let config: Config = serde_json::from_str(text)?;
    /// let value = config.scorecard("value").expect("defined");
    /// assert_eq!(value.weights().collect::<Vec<_>>(), [("reach", 2.0), ("ease", 1.0)]);
    /// assert_eq!(value.normalization(), Normalize::Relative);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn scorecard(&self, id: &str) -> Option<Scorecard> {
        self.scorecards().iter().find(|scorecard| scorecard.id() == id).cloned()
    }

    pub(crate) fn has_criteria(&self) -> bool {
        self.criteria.is_some()
    }

    /// Both configurations' sections together.
    ///
    /// # Errors
    ///
    /// a [`Structure`](crate::ErrorKind::Structure) error naming a section that both give.
    pub fn merge(self, other: Config) -> Result<Config> {
        Ok(Config {
            criteria: one_of("criteria", self.criteria, other.criteria)?,
            objectives: one_of("objectives", self.objectives, other.objectives)?,
            scorecards: one_of("scorecards", self.scorecards, other.scorecards)?,
            raters: one_of("raters", self.raters, other.raters)?,
            aggregate: one_of("aggregate", self.aggregate, other.aggregate)?,
            comparisons: one_of("comparisons", self.comparisons, other.comparisons)?,
            votes: one_of("votes", self.votes, other.votes)?,
            votes_prior: one_of("votes_prior", self.votes_prior, other.votes_prior)?,
            kano: one_of("kano", self.kano, other.kano)?,
        })
    }

    /// Reads a backlog (an object with `items`, or a bare array of items) with this
    /// configuration's sections added, in any serde format.
    #[must_use]
    pub fn backlog(&self) -> impl for<'de> DeserializeSeed<'de, Value = Backlog> + '_ {
        BacklogSeed { config: self, parts: None }
    }

    /// Reads a backlog from JSON text (an object with `items`, or a bare array of items) with
    /// this configuration's sections added, as [`Backlog::from_json`] reads one: errors a program
    /// can inspect, a large backlog's items read on every core.
    ///
    /// ```
    /// use prioritize::Objective;
    /// use prioritize::interchange::Config;
    ///
    /// let config = Config::new().with_objectives([Objective::new("growth", 1.0)?]);
    /// let backlog = config.backlog_from_json(r#"[{"id": "A", "effort": 2, "alignment": {"growth": 0.5}}]"#)?;
    /// assert_eq!(backlog.objectives().len(), 1);
    ///
    /// let error = config.backlog_from_json(r#"{"objectives": [], "items": []}"#).unwrap_err();
    /// assert_eq!(error.kind(), prioritize::ErrorKind::Structure);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Backlog::from_json`], and a [`Structure`](crate::ErrorKind::Structure) error for a
    /// section that both the text and this configuration give.
    #[cfg(feature = "json")]
    pub fn backlog_from_json(&self, text: &str) -> Result<Backlog> {
        // A byte order mark, as Windows Notepad saves one, is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(backlog) = super::parts::read(text, self) {
            return Ok(backlog);
        }
        crate::error::json::read(|| {
            let mut json = serde_json::Deserializer::from_str(text);
            let backlog = self.backlog().deserialize(&mut json)?;
            json.end()?;
            Ok(backlog)
        })
    }

    /// The name of the section `key` when this configuration has it.
    pub(crate) fn section(&self, key: &str) -> Option<&'static str> {
        let given = match key {
            "criteria" => self.criteria.is_some(),
            "objectives" => self.objectives.is_some(),
            "scorecards" => self.scorecards.is_some(),
            "raters" => self.raters.is_some(),
            "aggregate" => self.aggregate.is_some(),
            "comparisons" => self.comparisons.is_some(),
            "votes" => self.votes.is_some(),
            "votes_prior" => self.votes_prior.is_some(),
            "kano" => self.kano.is_some(),
            _ => false,
        };
        SECTIONS.iter().copied().find(|&section| given && section == key)
    }

    /// Reads one section of a backlog file into the configuration.
    pub(crate) fn read_section<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "criteria" if self.criteria.is_none() => self.criteria = Some(map.next_value()?),
            "objectives" if self.objectives.is_none() => self.objectives = Some(map.next_value()?),
            "scorecards" if self.scorecards.is_none() => {
                self.scorecards = Some(map.next_value::<Scorecards>()?.0);
            }
            "raters" if self.raters.is_none() => self.raters = Some(map.next_value()?),
            "aggregate" if self.aggregate.is_none() => self.aggregate = Some(map.next_value()?),
            "comparisons" if self.comparisons.is_none() => {
                self.comparisons = Some(map.next_value::<SetsSection>()?.0);
            }
            "votes" if self.votes.is_none() => self.votes = Some(map.next_value::<VotesSection>()?.0),
            "votes_prior" if self.votes_prior.is_none() => {
                let prior: f64 = map.next_value()?;
                if !(prior.is_finite() && prior > 0.0) {
                    let value = prior.to_string();
                    return Err(crate::error::json::custom(Error::from(JudgmentDetail::InvalidPrior {
                        value,
                    })));
                }
                self.votes_prior = Some(prior);
            }
            "kano" if self.kano.is_none() => self.kano = Some(map.next_value::<KanoSection>()?.0),
            "criteria" => return Err(de::Error::duplicate_field("criteria")),
            "objectives" => return Err(de::Error::duplicate_field("objectives")),
            "scorecards" => return Err(de::Error::duplicate_field("scorecards")),
            "raters" => return Err(de::Error::duplicate_field("raters")),
            "aggregate" => return Err(de::Error::duplicate_field("aggregate")),
            "comparisons" => return Err(de::Error::duplicate_field("comparisons")),
            "votes" => return Err(de::Error::duplicate_field("votes")),
            "votes_prior" => return Err(de::Error::duplicate_field("votes_prior")),
            "kano" => return Err(de::Error::duplicate_field("kano")),
            other => return Err(de::Error::unknown_field(other, SECTIONS)),
        }
        Ok(())
    }
}

fn one_of<T>(section: &'static str, first: Option<T>, second: Option<T>) -> Result<Option<T>> {
    match (first, second) {
        (Some(_), Some(_)) => Err(Error::from(SectionDetail::RepeatedSection { section })),
        (first, second) => Ok(first.or(second)),
    }
}

/// Reads `{"criteria": [...], "objectives": [...], "scorecards": {...}, "raters": [...],
/// "aggregate": "mean", "comparisons": {...}, "votes": [...], "votes_prior": 1, "kano": {...}}`:
/// a backlog file's sections without `items`.
impl<'de> serde::Deserialize<'de> for Config {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ConfigVisitor)
    }
}

struct ConfigVisitor;

impl<'de> Visitor<'de> for ConfigVisitor {
    type Value = Config;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(
            r#"a configuration: {"criteria": [...], "objectives": [...], "scorecards": {...}, "raters": [...]}"#,
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Config, A::Error> {
        let mut config = Config::default();
        while let Some(key) = map.next_key::<String>()? {
            if key == "items" {
                return Err(de::Error::custom(
                    "a configuration has no items (give the backlog's items in a backlog file)",
                ));
            }
            config.read_section(&key, &mut map)?;
        }
        Ok(config)
    }
}
