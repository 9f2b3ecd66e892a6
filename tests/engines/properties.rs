//! Properties of the newer engines: a formula equal to RICE ranks exactly as `Rice` does, raising
//! a benefit never lowers a score (nor raising a cost raise it), and a scorecard agrees with a
//! direct computation of its definition.

use prioritize::engine::IceVariant;
use prioritize::model::Direction;
use prioritize::model::Normalize;
use prioritize::ranking::UnscoredPolicy;
use prioritize::{
    AlignmentWeight, Backlog, BacklogItem, Cd3, Criterion, Engine, ErrorKind, Formula, Ice, Opportunity,
    RankOptions, Rice, Scorecard,
};
use proptest::prelude::*;
use proptest::sample::Index;

/// An optional value: absent, one of `scale` (so that ties are common), or any in `range`.
fn optional(scale: &'static [f64], range: impl Strategy<Value = f64>) -> impl Strategy<Value = Option<f64>> {
    prop_oneof![1 => Just(None), 3 => prop::sample::select(scale).prop_map(Some), 2 => range.prop_map(Some)]
}

/// RICE's inputs and the alignment of one item, each possibly absent; large enough, at times,
/// for the score to overflow.
type RiceSpec = [Option<f64>; 5];

fn rice_spec() -> impl Strategy<Value = RiceSpec> {
    (
        optional(&[0.0, 1.0, 100.0, 450.0, 2000.0], prop_oneof![49 => 0.0..1e6, 1 => 0.0..=f64::MAX]),
        optional(&[0.25, 0.5, 1.0, 2.0, 3.0], 0.0..1e3),
        optional(&[0.5, 0.8, 1.0], 0.0..=1.0),
        optional(&[0.5, 1.0, 2.0, 3.0], prop_oneof![49 => f64::MIN_POSITIVE..10.0, 1 => 1e-300..1e-200]),
        optional(&[0.0, 0.5, 1.0], 0.0..=1.0),
    )
        .prop_map(|(r, i, c, e, a)| [r, i, c, e, a])
}

fn rice_backlog(specs: &[RiceSpec]) -> Backlog {
    let items = specs.iter().enumerate().map(|(index, spec)| {
        let mut builder = BacklogItem::builder(format!("I{index}"), "");
        for (name, value) in ["reach", "impact", "confidence", "effort"].iter().zip(spec) {
            if let Some(value) = value {
                builder = builder.value(*name, *value);
            }
        }
        if let Some(alignment) = spec[4] {
            builder = builder.alignment(alignment);
        }
        builder.build().expect("valid values")
    });
    Backlog::from_items(items).expect("a valid backlog")
}

/// Entries (index, score bits), unscored items (index, missing field names), or the kind of error
/// and the item it names.
type Outcome = Result<(Vec<(usize, Option<u64>)>, Vec<(usize, Vec<String>)>), (String, String)>;

fn outcome(backlog: &Backlog, engine: &dyn Engine, options: &RankOptions) -> Outcome {
    match backlog.rank_with(engine, options) {
        Ok(ranking) => Ok((
            ranking.iter().map(|e| (e.index(), e.score().map(f64::to_bits))).collect(),
            ranking
                .unscored()
                .map(|u| {
                    (u.index(), backlog.field_names(u.missing()).into_iter().map(str::to_owned).collect())
                })
                .collect(),
        )),
        Err(error) => {
            let item = error.item().unwrap_or_default().to_owned();
            let message = error.to_string();
            match error.kind() {
                ErrorKind::Value
                    if message.contains("overflows f64") || message.contains("is not a finite score") =>
                {
                    Err(("non-finite".into(), item))
                }
                // "needs reach, impact, which the item lacks": what it lacks, in order.
                ErrorKind::Unscored => {
                    Err((format!("unscored {}", message.split(" needs ").nth(1).unwrap_or_default()), item))
                }
                _ => Err((message, String::new())),
            }
        }
    }
}

/// The inputs of the monotonicity properties: every field an engine below reads, with bounds
/// where the field has them (`revenue` and `risk` are declared criteria).
const FIELDS: [(&str, Option<(f64, f64)>); 11] = [
    ("reach", None),
    ("impact", None),
    ("confidence", Some((0.0, 1.0))),
    ("effort", None),
    ("ease", None),
    ("cost_of_delay", None),
    ("duration", None),
    ("importance", Some((0.0, 10.0))),
    ("satisfaction", Some((0.0, 10.0))),
    ("revenue", Some((-10.0, 10.0))),
    ("risk", Some((0.0, 10.0))),
];

/// Every field's value and the alignment, for one item.
type Values = ([f64; 11], f64);

fn values() -> impl Strategy<Value = Values> {
    let field = |(_, bounds): (&str, Option<(f64, f64)>)| -> BoxedStrategy<f64> {
        match bounds {
            Some((low, high)) => {
                prop_oneof![prop::sample::select(vec![low, high, f64::midpoint(low, high)]), low..=high]
                    .boxed()
            }
            // Effort and duration must be > 0; the others may be 0.
            None => prop_oneof![prop::sample::select(vec![1.0, 2.0, 5.0]), 0.001..1000.0].boxed(),
        }
    };
    (FIELDS.map(field), 0.0..=1.0_f64)
}

fn backlog(items: &[Values]) -> Backlog {
    let criteria = [
        Criterion::new("revenue").and_then(|c| c.bounds(Some(-10.0), Some(10.0))).expect("valid"),
        Criterion::new("risk")
            .and_then(|c| c.bounds(Some(0.0), Some(10.0)))
            .expect("valid")
            .direction_of(Direction::Cost),
    ];
    let items = items.iter().enumerate().map(|(index, (values, alignment))| {
        let builder = FIELDS
            .iter()
            .zip(values)
            .fold(BacklogItem::builder(format!("I{index}"), ""), |b, ((name, _), v)| b.value(*name, *v));
        builder.alignment(*alignment).build().expect("valid values")
    });
    Backlog::builder().criteria(criteria).items(items).build().expect("a valid backlog")
}

/// An engine and the fields it reads, each with whether more of it raises the score.
fn engine_and_fields(choice: usize, lambda: f64) -> (Box<dyn Engine>, Vec<(&'static str, bool)>) {
    let weight = AlignmentWeight::new(lambda).expect("λ in 0..=1");
    let scorecard = |normalize: Normalize, names: &[&'static str]| {
        let weights = names.iter().zip([0.4, 0.25, 0.2, 0.1, 0.05]).map(|(name, w)| (*name, w));
        Scorecard::new("s", weights).expect("valid").normalize(normalize).alignment_weight(weight)
    };
    let wide = ["revenue", "risk", "confidence", "effort", "reach"];
    let bounded = ["revenue", "risk", "confidence", "importance"];
    let direction = |names: &[&'static str]| -> Vec<(&'static str, bool)> {
        names
            .iter()
            .map(|&name| (name, !matches!(name, "risk" | "effort" | "duration" | "satisfaction")))
            .collect()
    };
    match choice % 7 {
        0 => {
            (Box::new(Ice::default().alignment_weight(weight)), direction(&["impact", "confidence", "ease"]))
        }
        1 => (
            Box::new(Ice::default().variant(IceVariant::Average).alignment_weight(weight)),
            direction(&["impact", "confidence", "ease"]),
        ),
        2 => (Box::new(Cd3::default().alignment_weight(weight)), direction(&["cost_of_delay", "duration"])),
        3 => (
            Box::new(Opportunity::default().alignment_weight(weight)),
            direction(&["importance", "satisfaction"]),
        ),
        4 => (Box::new(scorecard(Normalize::None, &wide)), direction(&wide)),
        5 => (Box::new(scorecard(Normalize::Relative, &wide)), direction(&wide)),
        _ => (Box::new(scorecard(Normalize::Scale, &bounded)), direction(&bounded)),
    }
}

/// `values` with field `name` raised by `t` in `0..=1`: toward its upper bound, or by up to 1000.
fn raised((values, alignment): &Values, name: &str, t: f64) -> Values {
    let mut values = *values;
    let at = FIELDS.iter().position(|(field, _)| *field == name).expect("a known field");
    values[at] = match FIELDS[at].1 {
        Some((_, high)) => (values[at] + (high - values[at]) * t).min(high),
        None => values[at] + 1000.0 * t,
    };
    (values, *alignment)
}

fn score(backlog: &Backlog, engine: &dyn Engine, id: &str) -> f64 {
    let ranking = backlog.rank(engine).expect("moderate inputs never overflow");
    ranking.get(id).and_then(|entry| entry.score()).expect("every input is present")
}

/// What the published definition gives for item `index` of `items` under a scorecard over
/// `names` with `weights`, computed directly: the reference the engine must match bit for bit.
fn reference(items: &[Values], index: usize, names: &[&str], weights: &[f64], normalize: Normalize) -> f64 {
    let at = |name: &str| FIELDS.iter().position(|(field, _)| *field == name).expect("a known field");
    let cost = |name: &str| matches!(name, "risk" | "effort");
    let (mut benefit, mut costs, mut total) = (0.0, 0.0, 0.0);
    for (name, &weight) in names.iter().zip(weights) {
        total += weight;
        let value = items[index].0[at(name)];
        let (low, high) = match normalize {
            Normalize::None => {
                if cost(name) {
                    costs += weight * value;
                } else {
                    benefit += weight * value;
                }
                continue;
            }
            Normalize::Scale => FIELDS[at(name)].1.expect("bounded"),
            Normalize::Relative => items
                .iter()
                .map(|(values, _)| values[at(name)])
                .fold((0.0_f64, f64::MIN), |(l, h), v| (l.min(v), h.max(v))),
        };
        let x = if high > low { (value - low) / (high - low) } else { 1.0 };
        benefit += weight * if cost(name) { 1.0 - x } else { x };
    }
    match normalize {
        Normalize::None => benefit - costs,
        _ => 100.0 * benefit / total,
    }
}

proptest! {
    #![proptest_config(crate::common::config(256))]

    /// `reach * impact * confidence / effort` ranks every backlog as `Rice` does: the same
    /// order, the same scores to the bit, the same unscored items lacking the same fields, and an
    /// error for the same item; with any alignment weight, in full, top-k and strict rankings.
    #[test]
    fn a_formula_equal_to_rice_ranks_exactly_as_rice(
        specs in prop::collection::vec(rice_spec(), 0..40),
        lambda in prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0_f64],
        k in 0_usize..10,
    ) {
        let backlog = rice_backlog(&specs);
        let weight = AlignmentWeight::new(lambda).expect("λ in 0..=1");
        let rice = Rice::default().alignment_weight(weight);
        let formula = Formula::parse("reach * impact * confidence / effort").expect("parses").alignment_weight(weight);
        let options = [
            RankOptions::default(),
            RankOptions::default().top(k),
            RankOptions::default().unscored(UnscoredPolicy::Reject),
        ];
        for options in &options {
            prop_assert_eq!(outcome(&backlog, &formula, options), outcome(&backlog, &rice, options));
        }
        // Item by item too, as the analyses score.
        let bound = formula.hooks().expect("a built-in engine").bind(&backlog).expect("known names").expect("a bound formula");
        for item in backlog.items() {
            let (a, b) = (bound.evaluate(&item).ok(), rice.evaluate(&item).ok());
            prop_assert_eq!(a.map(|e| e.score().map(f64::to_bits)), b.map(|e| e.score().map(f64::to_bits)));
        }
    }

    /// Raising an input that counts for the item never lowers its score; raising one that counts
    /// against it (a cost, or satisfaction) never raises it.
    #[test]
    fn raising_an_input_moves_the_score_its_way(
        items in prop::collection::vec(values(), 1..6),
        at in any::<Index>(),
        choice in 0_usize..7,
        field in any::<Index>(),
        lambda in prop_oneof![Just(0.0), 0.0..=1.0_f64],
        t in 0.0..=1.0_f64,
    ) {
        let (engine, fields) = engine_and_fields(choice, lambda);
        let (name, benefit) = fields[field.index(fields.len())];
        let j = at.index(items.len());
        let id = format!("I{j}");
        let before = score(&backlog(&items), &*engine, &id);
        let mut changed = items.clone();
        changed[j] = raised(&items[j], name, t);
        let after = score(&backlog(&changed), &*engine, &id);
        if benefit {
            prop_assert!(after >= before, "{} {name} raised: {before} -> {after}", engine.name());
        } else {
            prop_assert!(after <= before, "{} {name} raised: {before} -> {after}", engine.name());
        }
    }

    /// A scorecard's scores are its definition computed directly, to the bit, for each
    /// normalization (relative bounds over the whole backlog).
    #[test]
    fn a_scorecard_scores_its_definition(
        items in prop::collection::vec(values(), 1..8),
        normalize in prop::sample::select(vec![Normalize::None, Normalize::Scale, Normalize::Relative]),
        weights in prop::collection::vec(prop_oneof![Just(1.0), 0.01..10.0_f64], 4),
    ) {
        let names: &[&str] = match normalize {
            Normalize::Scale => &["revenue", "risk", "confidence", "importance"],
            _ => &["revenue", "risk", "effort", "reach"],
        };
        let scorecard = Scorecard::new("s", names.iter().copied().zip(weights.iter().copied()))
            .expect("valid")
            .normalize(normalize);
        let backlog = backlog(&items);
        for index in 0..items.len() {
            let expected = reference(&items, index, names, &weights, normalize);
            prop_assert_eq!(score(&backlog, &scorecard, &format!("I{index}")).to_bits(), (expected + 0.0).to_bits());
        }
    }
}
