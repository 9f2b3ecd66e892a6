//! The options the examples share, as clap `Args` to flatten into each command (`rank`, `plan`,
//! `analyze`, and any later command that ranks a backlog), and the parsers of their values.

use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use prioritize::csv::Preset;
use prioritize::model::Effort;
use prioritize::plan::Pin;
use prioritize::{AlignmentWeight, Formula};

use super::{Failure, Format, Framework, Input, Options};

/// `FILE` and how to read it.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct InputArgs {
    /// a .json or .csv backlog, or - for standard input;
    /// without FILE, the embedded sample backlog
    #[arg(value_name = "FILE", verbatim_doc_comment)]
    pub(crate) file: Option<String>,
    /// Arguments after FILE, refused with a message that names FILE.
    #[arg(hide = true)]
    pub(crate) more: Vec<String>,
    /// read FILE as TOOL's CSV export: jira, azure-devops, linear
    #[arg(long, value_name = "TOOL", value_parser = preset)]
    pub(crate) from: Option<Preset>,
    /// read CSV columns as fields: 'Story Points=effort,Team=tags'
    #[arg(long, value_name = "MAP", value_parser = mappings)]
    pub(crate) map: Option<Mappings>,
    /// the format of FILE (default: its extension; json for -)
    #[arg(long, value_name = "json|csv", value_enum, hide_possible_values = true)]
    pub(crate) input_format: Option<InputFormat>,
    /// a JSON file of criteria, objectives and raters to add
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<String>,
}

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum InputFormat {
    /// The JSON interchange format.
    Json,
    /// CSV, the interchange format's or another tool's export.
    Csv,
}

/// `--map`: CSV column headers and the fields they hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Mappings(pub(crate) Vec<(String, String)>);

/// `--from NAME`.
fn preset(text: &str) -> Result<Preset, String> {
    text.parse().map_err(|error: prioritize::csv::ParsePresetError| error.to_string())
}

/// `--map 'Column A=field,Column B=field'`.
fn mappings(text: &str) -> Result<Mappings, String> {
    let pairs =
        text.split(',').filter(|pair| !pair.trim().is_empty()).map(|pair| match pair.rsplit_once('=') {
            Some((column, field)) if !column.trim().is_empty() && !field.trim().is_empty() => {
                Ok((column.trim().to_owned(), field.trim().to_owned()))
            }
            _ => Err(format!("{pair:?} is not COLUMN=FIELD")),
        });
    pairs.collect::<Result<Vec<_>, _>>().map(Mappings)
}

impl InputArgs {
    /// How to read `FILE`: `--from`, `--map`, `--input-format` and `--config`.
    pub(crate) fn input(&self) -> Input {
        Input {
            from: self.from,
            map: self.map.clone().unwrap_or_default().0,
            format: self.input_format,
            config: self.config.clone(),
        }
    }

    /// The one `FILE`, if any.
    ///
    /// # Errors
    ///
    /// A second file.
    pub(crate) fn file(self) -> Result<Option<String>, Failure> {
        match (&self.file, self.more.first()) {
            (Some(first), Some(second)) => Err(Failure::new(format_args!(
                "unexpected argument {second:?}: FILE is already {first:?} (give one FILE)"
            ))),
            _ => Ok(self.file),
        }
    }
}

/// `--then` and `--alignment-weight`: how the scores are made, whatever the framework.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct WeightArgs {
    /// MoSCoW's secondary order within each category
    #[arg(long, value_name = "FRAMEWORK", value_parser = then_parser(), hide_possible_values = true)]
    pub(crate) then: Option<Framework>,
    /// weight of strategic alignment in 0..=1 (default 0)
    #[arg(long, value_name = "L", allow_negative_numbers = true, value_parser = alignment_weight)]
    pub(crate) alignment_weight: Option<AlignmentWeight>,
}

/// `--framework`, `--then` and `--alignment-weight`: the engine.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct EngineArgs {
    /// rice (default), wsjf, moscow, ice, cd3, opportunity, pairwise
    #[arg(long, value_name = "FRAMEWORK", value_parser = framework_parser(), hide_possible_values = true)]
    pub(crate) framework: Option<Framework>,
    /// pairwise's prior: P virtual wins and losses per item
    #[arg(long, value_name = "P", allow_negative_numbers = true, value_parser = prior)]
    pub(crate) prior: Option<f64>,
    /// rank with the scorecard NAME the backlog declares
    #[arg(long, value_name = "NAME")]
    pub(crate) scorecard: Option<String>,
    /// rank with a formula: 'reach * impact / effort'
    #[arg(long, value_name = "EXPR", value_parser = formula, allow_hyphen_values = true)]
    pub(crate) formula: Option<Formula>,
    #[command(flatten)]
    pub(crate) weight: WeightArgs,
}

/// What every command that ranks one backlog takes: `FILE`, the engine and `--strict`.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct RankArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) engine: EngineArgs,
    /// unscored items are errors
    #[arg(long)]
    pub(crate) strict: bool,
}

impl RankArgs {
    /// The shared options, checked against each other; `top`, `capacity` and `format` are the
    /// command's to set.
    ///
    /// # Errors
    ///
    /// A second `FILE`, or `--then`/`--alignment-weight` where they mean nothing.
    pub(crate) fn options(self) -> Result<Options, Failure> {
        let own =
            [("--scorecard", self.engine.scorecard.is_some()), ("--formula", self.engine.formula.is_some())];
        let mut own = own.iter().filter(|(_, given)| *given).map(|(name, _)| *name);
        if let Some(first) = own.next() {
            if let Some(second) = own.next() {
                return Err(Failure::new(format_args!(
                    "options {first} and {second} are two engines (give one)"
                )));
            }
            if let Some(framework) = self.engine.framework {
                let framework = framework.as_str();
                return Err(Failure::new(format_args!(
                    "option {first} is an engine of its own: give it without --framework {framework}"
                )));
            }
        }
        let options = Options {
            input: self.input.input(),
            file: self.input.file()?,
            framework: self.engine.framework.unwrap_or(Framework::Rice),
            scorecard: self.engine.scorecard,
            formula: self.engine.formula,
            then: self.engine.weight.then,
            prior: self.engine.prior,
            alignment_weight: self.engine.weight.alignment_weight,
            strict: self.strict,
            ..Options::default()
        };
        options.check()?;
        Ok(options)
    }
}

/// `--format table|json`, for the commands that write no CSV.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct TableOrJson {
    /// the output format (default table)
    #[arg(long, value_name = "table|json", value_parser = table_or_json(), hide_possible_values = true)]
    pub(crate) format: Option<Format>,
}

/// Any framework, for `--framework`.
fn framework_parser() -> impl TypedValueParser<Value = Framework> {
    // Only the listed names reach the map, and each parses.
    PossibleValuesParser::new(Framework::ALL.map(Framework::as_str))
        .map(|label| label.parse().unwrap_or(Framework::Rice))
}

/// A framework that scores, for `--then`.
pub(crate) fn then_parser() -> impl TypedValueParser<Value = Framework> {
    PossibleValuesParser::new(["rice", "wsjf", "ice", "cd3", "opportunity"])
        .map(|label| label.parse().unwrap_or(Framework::Rice))
}

/// `--prior P`: a finite number > 0.
fn prior(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(prior) if prior.is_finite() && prior > 0.0 => Ok(prior),
        _ => Err(format!("{text:?} is not a finite number > 0")),
    }
}

/// `--formula EXPR`, parsed once.
fn formula(text: &str) -> Result<Formula, String> {
    Formula::parse(text).map_err(|error| error.to_string())
}

/// `table` or `json`.
fn table_or_json() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(["table", "json"])
        .map(|label| if label == "json" { Format::Json } else { Format::Table })
}

/// A number, or why `text` is not `expected`.
pub(crate) fn number(text: &str, expected: &str) -> Result<f64, String> {
    text.trim().parse().map_err(|_| format!("{text:?} is not {expected}"))
}

/// `--alignment-weight L`: a number in 0..=1.
fn alignment_weight(text: &str) -> Result<AlignmentWeight, String> {
    let value = number(text, "a number in 0..=1")?;
    AlignmentWeight::new(value).map_err(|_| format!("{value} is outside 0..=1"))
}

/// An effort, such as `--capacity C`: a number > 0.
pub(crate) fn effort(text: &str) -> Result<Effort, String> {
    Effort::new(number(text, "a number > 0")?).map_err(|error| error.to_string())
}

/// `--pin ID=POSITION`.
pub(crate) fn pin(text: &str) -> Result<Pin, String> {
    text.parse().map_err(|_| format!("{text:?} is not ID=POSITION (a whole POSITION >= 1)"))
}
