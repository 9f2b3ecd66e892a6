//! The judgments a backlog carries: pairwise comparisons that weight its objectives and
//! scorecards, votes between its items, and Kano answers about its features.

use crate::error::{Detail, Error, JudgmentDetail, Result};
use crate::judgment::{Ahp, Comparison, ComparisonSets, KanoFeature, Vote};
use crate::model::alignment::Objective;
use crate::model::scorecard::Scorecard;

/// The set of comparisons that weights the objectives.
pub(crate) const OBJECTIVES: &str = "objectives";

/// The prefix of a set that weights a scorecard's fields.
pub(crate) const SCORECARD: &str = "scorecard:";

/// The judgments as given: what a backlog writes back and a builder carries.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Judgments {
    pub(crate) comparisons: ComparisonSets,
    pub(crate) votes: Vec<Vote>,
    pub(crate) votes_prior: Option<f64>,
    pub(crate) kano: Vec<KanoFeature>,
}

/// The judgments of a backlog, checked, with the weights its comparisons give.
#[derive(Debug, Clone, Default)]
pub(crate) struct Judged {
    pub(crate) given: Judgments,
    /// Each set of comparisons' result, in the order of the sets.
    pub(crate) weights: Vec<(String, Ahp)>,
}

impl Judged {
    /// The judgments checked, with their weights given to the compared objectives and
    /// scorecards (whatever weights those had: a backlog rebuilt from its builder recomputes
    /// them).
    pub(crate) fn resolve(
        given: Judgments,
        objectives: &mut [Objective],
        scorecards: &mut [Scorecard],
    ) -> Result<Judged> {
        if let Some(prior) = given.votes_prior.filter(|p| !(p.is_finite() && *p > 0.0)) {
            return Err(Error::from(JudgmentDetail::InvalidPrior { value: prior.to_string() }));
        }
        // Weights computed before (a backlog's builder carries them) are computed again.
        for objective in objectives.iter_mut().filter(|objective| objective.is_compared()) {
            *objective = objective.clone().with_compared_weight(f64::NAN);
        }
        for scorecard in scorecards.iter_mut().filter(|scorecard| scorecard.is_compared()) {
            scorecard.weights.iter_mut().for_each(|(_, weight)| *weight = f64::NAN);
        }
        let mut weights = Vec::with_capacity(given.comparisons.iter().len());
        for (at, (set, comparisons)) in given.comparisons.iter().enumerate() {
            if given.comparisons.iter().take(at).any(|(earlier, _)| earlier == set) {
                return Err(Error::from(JudgmentDetail::RepeatedSet { set: set.to_owned() }));
            }
            let ahp = if set == OBJECTIVES {
                weigh_objectives(comparisons, objectives)?
            } else if let Some(name) = set.strip_prefix(SCORECARD) {
                let Some(at) = scorecards.iter().position(|scorecard| scorecard.id() == name) else {
                    let known = scorecards.iter().map(Scorecard::id).collect::<Vec<_>>();
                    return Err(Error::from(JudgmentDetail::NoScorecard {
                        set: set.to_owned(),
                        known: list(&known),
                    }));
                };
                weigh_scorecard(set, comparisons, &mut scorecards[at])?
            } else {
                return Err(Error::from(JudgmentDetail::UnknownSet { set: set.to_owned() }));
            };
            weights.push((set.to_owned(), ahp));
        }
        if let Some(objective) = objectives.iter().find(|objective| objective.weight().is_nan()) {
            return Err(unweighted("objective".into(), objective.id(), OBJECTIVES));
        }
        if let Some(scorecard) = scorecards.iter().find(|scorecard| scorecard.awaits_weights()) {
            let (field, _) = scorecard.weights().next().unwrap_or_default();
            let what = format!("scorecard {:?}: field", scorecard.id());
            return Err(unweighted(what, field, &format!("{SCORECARD}{}", scorecard.id())));
        }
        Ok(Judged { given, weights })
    }

    /// The result of the set of comparisons `set`.
    pub(crate) fn weights(&self, set: &str) -> Option<&Ahp> {
        self.weights.iter().find(|(name, _)| name == set).map(|(_, ahp)| ahp)
    }
}

/// Gives the compared objectives their weights from `comparisons`.
fn weigh_objectives(comparisons: &[Comparison], objectives: &mut [Objective]) -> Result<Ahp> {
    let ahp = weights(OBJECTIVES, comparisons)?;
    for (id, weight) in ahp.weights() {
        let Some(objective) = objectives.iter_mut().find(|objective| objective.id() == id) else {
            let known = objectives.iter().map(Objective::id).collect::<Vec<_>>();
            return Err(unknown(OBJECTIVES, id, "no objective", &known));
        };
        if !objective.is_compared() {
            return Err(both("objective".into(), id, OBJECTIVES));
        }
        *objective = objective.clone().with_compared_weight(weight);
    }
    if let Some(objective) = objectives.iter().find(|o| o.is_compared() && ahp.weight(o.id()).is_none()) {
        return Err(unweighted("objective".into(), objective.id(), OBJECTIVES));
    }
    Ok(ahp)
}

/// Gives a compared scorecard its weights from `comparisons`.
fn weigh_scorecard(set: &str, comparisons: &[Comparison], scorecard: &mut Scorecard) -> Result<Ahp> {
    let what = || format!("scorecard {:?}: field", scorecard.id());
    let ahp = weights(set, comparisons)?;
    let fields: Vec<&str> = scorecard.weights().map(|(name, _)| name).collect();
    if let Some((id, _)) = ahp.weights().find(|(id, _)| !fields.contains(id)) {
        return Err(unknown(set, id, "no field of the scorecard", &fields));
    }
    if !scorecard.is_compared() {
        return Err(both(what(), fields[0], set));
    }
    if let Some(field) = fields.iter().find(|field| ahp.weight(field).is_none()) {
        return Err(unweighted(what(), field, set));
    }
    for (name, weight) in &mut scorecard.weights {
        *weight = ahp.weight(name).unwrap_or(f64::NAN);
    }
    Ok(ahp)
}

/// The weights of the set of comparisons `set`; an error that the comparisons leave something
/// apart names the set.
fn weights(set: &str, comparisons: &[Comparison]) -> Result<Ahp> {
    Ahp::new(comparisons).map_err(|error| match error.detail() {
        Detail::Judgment(JudgmentDetail::Unconnected { set: None, apart, rest, first }) => {
            Error::from(JudgmentDetail::Unconnected {
                set: Some(set.to_owned()),
                apart: apart.clone(),
                rest: rest.clone(),
                first: first.clone(),
            })
        }
        _ => error,
    })
}

fn list(names: &[&str]) -> String {
    if names.is_empty() { "none".to_owned() } else { names.join(", ") }
}

fn unknown(set: &str, id: &str, what: &'static str, known: &[&str]) -> Error {
    Error::from(JudgmentDetail::UnknownCompared {
        set: set.to_owned(),
        id: id.to_owned(),
        what,
        known: list(known),
    })
}

fn both(what: String, id: &str, set: &str) -> Error {
    Error::from(JudgmentDetail::WeightAndComparisons { what, id: id.to_owned(), set: set.to_owned() })
}

fn unweighted(what: String, id: &str, set: &str) -> Error {
    Error::from(JudgmentDetail::Unweighted { what, id: id.to_owned(), set: set.to_owned() })
}
