//! What every fuzz target does with a backlog a reader accepted: rank it with every engine and
//! option, write each ranking as JSON and CSV, and check that the backlog reads back from its own
//! JSON unchanged. Any panic (including a failed assertion) is a finding.

use prioritize::engine::Scale;
use prioritize::model::Effort;
use prioritize::ranking::UnscoredPolicy;
use prioritize::{AlignmentWeight, Backlog, Engine, MoSCoW, RankOptions, Rice, Wsjf, csv};

fn engines() -> Vec<Box<dyn Engine>> {
    let half = AlignmentWeight::new(0.5).expect("0.5 is a valid weight");
    vec![
        Box::new(Rice::default()),
        Box::new(Rice::default().alignment_weight(half)),
        Box::new(Wsjf::default()),
        Box::new(Wsjf::default().scale(Scale::Fibonacci).alignment_weight(half)),
        Box::new(MoSCoW::default()),
        Box::new(MoSCoW::default().then(Rice::default()).alignment_weight(half)),
        Box::new(MoSCoW::default().then(Wsjf::default())),
    ]
}

/// Ranks and writes `backlog` every way; panics on any broken promise.
pub fn exercise(backlog: &Backlog) {
    let json = serde_json::to_string(backlog).expect("a backlog serializes");
    let back: Backlog = serde_json::from_str(&json).expect("a backlog reads back from its own JSON");
    assert_eq!(&back, backlog, "round trip changed the backlog: {json}");
    let capacity = Effort::new(10.0).expect("10 is a valid effort");
    let options = [
        RankOptions::default(),
        RankOptions::default().top(2),
        RankOptions::default().capacity(capacity).unscored(UnscoredPolicy::Reject),
    ];
    for engine in engines() {
        for options in &options {
            match backlog.rank_with(&*engine, options) {
                Ok(ranking) => {
                    for entry in ranking.iter() {
                        assert!(entry.score().is_none_or(f64::is_finite), "a non-finite score");
                        let _ = entry.breakdown();
                    }
                    serde_json::to_string(&ranking).expect("a ranking serializes");
                    csv::write_ranking(&ranking, Vec::new()).expect("a ranking writes as CSV");
                }
                Err(error) => assert!(!error.to_string().is_empty()),
            }
        }
    }
}
