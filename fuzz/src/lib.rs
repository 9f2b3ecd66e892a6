//! What every fuzz target does with a backlog a reader accepted: rank it with every engine and
//! option, write each ranking as JSON and CSV, and check that the backlog reads back from its own
//! JSON unchanged. Any panic (including a failed assertion) is a finding.

use prioritize::engine::{IceVariant, Scale};
use prioritize::model::Effort;
use prioritize::model::Normalize;
use prioritize::ranking::UnscoredPolicy;
use prioritize::{
    AlignmentWeight, Backlog, Cd3, Engine, Formula, Ice, Moscow, Opportunity, Pairwise, RankOptions, Rice,
    Scorecard, Wsjf, csv,
};

/// Formulas over built-in fields, with every operator and function.
const FORMULAS: [&str; 3] = [
    "reach * impact * confidence / effort",
    "max(reach, 1) ^ 0.5 / effort - ln(1 + ease) + alignment * 2",
    "-importance ^ 2 + abs(satisfaction - importance) * min(cost_of_delay, 10, duration) + log10(sqrt(ease))",
];

/// Every engine: the built-in ones, scorecards and formulas over built-in fields, the backlog's
/// own scorecards, and a formula over its criteria.
fn engines(backlog: &Backlog) -> Vec<Box<dyn Engine>> {
    let half = AlignmentWeight::new(0.5).expect("0.5 is a valid weight");
    let mut engines: Vec<Box<dyn Engine>> = vec![
        Box::new(Rice::default()),
        Box::new(Rice::default().alignment_weight(half)),
        Box::new(Wsjf::default()),
        Box::new(Wsjf::default().scale(Scale::Fibonacci).alignment_weight(half)),
        Box::new(Moscow::default()),
        Box::new(Moscow::default().then(Rice::default()).alignment_weight(half)),
        Box::new(Moscow::default().then(Wsjf::default())),
        Box::new(Ice::default()),
        Box::new(Ice::default().variant(IceVariant::Average).alignment_weight(half)),
        Box::new(Cd3::default()),
        Box::new(Opportunity::default().alignment_weight(half)),
        Box::new(Moscow::default().then(Cd3::default())),
        Box::new(Pairwise::default()),
        Box::new(Pairwise::default().prior(1.0).expect("1 is a valid prior").alignment_weight(half)),
    ];
    let builtin = [("reach", 1.0), ("effort", 2.0), ("confidence", 0.5), ("importance", 1.0)];
    for normalize in [Normalize::None, Normalize::Scale, Normalize::Relative] {
        let scorecard = Scorecard::new("builtin", builtin).expect("valid weights").normalize(normalize);
        engines.push(Box::new(scorecard.alignment_weight(half)));
    }
    for scorecard in backlog.scorecards() {
        engines.push(Box::new(Moscow::default().then(scorecard.clone())));
        for normalize in [Normalize::None, Normalize::Scale, Normalize::Relative] {
            engines.push(Box::new(scorecard.clone().normalize(normalize)));
        }
    }
    let criteria: Vec<&str> = backlog.criteria().iter().map(prioritize::Criterion::id).collect();
    let own = format!("{} + 1", criteria.join(" * "));
    for text in FORMULAS.iter().copied().chain(Some(own.as_str()).filter(|_| !criteria.is_empty())) {
        let formula = Formula::parse(text).expect("the formulas parse");
        engines.push(Box::new(Moscow::default().then(formula.clone())));
        engines.push(Box::new(formula.alignment_weight(half)));
    }
    engines
}

/// Ranks and writes `backlog` every way; panics on any broken promise.
pub fn exercise(backlog: &Backlog) {
    let json = serde_json::to_string(backlog).expect("a backlog serializes");
    let back: Backlog = serde_json::from_str(&json).expect("a backlog reads back from its own JSON");
    assert_eq!(&back, backlog, "round trip changed the backlog: {json}");
    for engine in engines(backlog) {
        rank_every_way(backlog, &*engine);
    }
}

/// Ranks `backlog` with `engine` under every option, writes each ranking as JSON and CSV, and
/// scores each ranked item again on its own; panics on any broken promise.
pub fn rank_every_way(backlog: &Backlog, engine: &dyn Engine) {
    let capacity = Effort::new(10.0).expect("10 is a valid effort");
    let options = [
        RankOptions::default(),
        RankOptions::default().top(2),
        RankOptions::default().capacity(capacity).unscored(UnscoredPolicy::Reject),
    ];
    for options in &options {
        match backlog.rank_with(engine, options) {
            Ok(ranking) => {
                for entry in ranking.iter() {
                    assert!(entry.score().is_none_or(f64::is_finite), "a non-finite score");
                    let _ = entry.breakdown();
                    let again = ranking.engine().evaluate(&entry.item()).expect("scored in the ranking");
                    assert_eq!(again.score().map(f64::to_bits), entry.score().map(f64::to_bits), "rescored");
                }
                serde_json::to_string(&ranking).expect("a ranking serializes");
                csv::write_ranking(&ranking, Vec::new()).expect("a ranking writes as CSV");
            }
            Err(error) => assert!(!error.to_string().is_empty()),
        }
    }
}
