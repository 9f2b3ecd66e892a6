//! Shared strategies and a naive reference ranking for the property tests.
//!
//! The reference is deliberately plain: the published formulas written out in `f64`, and a stable
//! sort by category, then score (higher first). The crate's u64 keys, heap-based top-k and bucket
//! bookkeeping must agree with it bit for bit.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use prioritize::model::ItemBuilder;
use prioritize::{
    AlignmentWeight, Backlog, BacklogItem, Category, Engine, Field, FieldSet, Moscow, Ranking, Rice, Wsjf,
};
use proptest::prelude::*;

/// The inputs of one item, as plain numbers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Spec {
    pub(crate) reach: Option<f64>,
    pub(crate) impact: Option<f64>,
    pub(crate) confidence: Option<f64>,
    pub(crate) effort: Option<f64>,
    pub(crate) business_value: Option<f64>,
    pub(crate) time_criticality: Option<f64>,
    pub(crate) risk_reduction: Option<f64>,
    pub(crate) moscow: Option<Category>,
    pub(crate) alignment: Option<f64>,
}

impl Spec {
    /// The numeric fields and the overall alignment, in the interchange order.
    pub(crate) fn numbers(&self) -> [(Field, Option<f64>); 8] {
        [
            (Field::Reach, self.reach),
            (Field::Impact, self.impact),
            (Field::Confidence, self.confidence),
            (Field::Effort, self.effort),
            (Field::BusinessValue, self.business_value),
            (Field::TimeCriticality, self.time_criticality),
            (Field::RiskReduction, self.risk_reduction),
            (Field::Alignment, self.alignment),
        ]
    }

    /// The item with id `I{index}`.
    pub(crate) fn build(&self, index: usize) -> BacklogItem {
        let mut builder = BacklogItem::builder(id(index), format!("item {index}"));
        for (field, value) in self.numbers() {
            if let Some(value) = value {
                builder = set(builder, field, value);
            }
        }
        if let Some(category) = self.moscow {
            builder = builder.moscow(category);
        }
        match builder.build() {
            Ok(item) => item,
            Err(error) => panic!("strategy made an invalid item: {error}"),
        }
    }

    /// Whether the item has a value for `field`.
    pub(crate) fn has(&self, field: Field) -> bool {
        match field {
            Field::Reach => self.reach.is_some(),
            Field::Impact => self.impact.is_some(),
            Field::Confidence => self.confidence.is_some(),
            Field::Effort => self.effort.is_some(),
            Field::BusinessValue => self.business_value.is_some(),
            Field::TimeCriticality => self.time_criticality.is_some(),
            Field::RiskReduction => self.risk_reduction.is_some(),
            Field::Moscow => self.moscow.is_some(),
            Field::Alignment => self.alignment.is_some(),
            _ => true,
        }
    }
}

/// Sets the numeric `field` (or the overall alignment) to `value`.
pub(crate) fn set(builder: ItemBuilder, field: Field, value: f64) -> ItemBuilder {
    match field {
        Field::Reach => builder.reach(value),
        Field::Impact => builder.impact(value),
        Field::Confidence => builder.confidence(value),
        Field::Effort => builder.effort(value),
        Field::BusinessValue => builder.business_value(value),
        Field::TimeCriticality => builder.time_criticality(value),
        Field::RiskReduction => builder.risk_reduction(value),
        Field::Ease => builder.ease(value),
        Field::CostOfDelay => builder.cost_of_delay(value),
        Field::Duration => builder.duration(value),
        Field::Importance => builder.importance(value),
        Field::Satisfaction => builder.satisfaction(value),
        Field::Alignment => builder.alignment(value),
        other => panic!("{other} is not a number"),
    }
}

/// The fields that hold a plain number.
pub(crate) const NUMBERS: [Field; 12] = [
    Field::Reach,
    Field::Impact,
    Field::Confidence,
    Field::Effort,
    Field::BusinessValue,
    Field::TimeCriticality,
    Field::RiskReduction,
    Field::Ease,
    Field::CostOfDelay,
    Field::Duration,
    Field::Importance,
    Field::Satisfaction,
];

/// Whether `value` is allowed in the numeric `field` (or the overall alignment), by the interchange format
/// (`src/guide/format.md`).
pub(crate) fn allowed(field: Field, value: f64) -> bool {
    match field {
        Field::Confidence | Field::Alignment => (0.0..=1.0).contains(&value),
        Field::Importance | Field::Satisfaction => (0.0..=10.0).contains(&value),
        Field::Effort | Field::Duration => value.is_finite() && value > 0.0,
        _ => value.is_finite() && value >= 0.0,
    }
}

pub(crate) fn id(index: usize) -> String {
    format!("I{index}")
}

pub(crate) fn backlog_of(specs: &[Spec]) -> Backlog {
    match Backlog::from_items(specs.iter().enumerate().map(|(index, spec)| spec.build(index))) {
        Ok(backlog) => backlog,
        Err(error) => panic!("strategy made an invalid backlog: {error}"),
    }
}

/// Non-negative values: small integers make exact ties likely, fractions make them rare.
pub(crate) fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (0_u32..8).prop_map(f64::from),
        2 => 0.0..1000.0_f64,
        1 => Just(0.1),
        1 => Just(0.3),
    ]
}

pub(crate) fn effort() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (1_u32..8).prop_map(f64::from),
        2 => 0.01..100.0_f64,
        1 => Just(0.5),
        1 => Just(0.3),
    ]
}

pub(crate) fn impact() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => prop::sample::select(vec![3.0, 2.0, 1.0, 0.5, 0.25]),
        1 => 0.0..5.0_f64,
    ]
}

pub(crate) fn fraction() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => prop::sample::select(vec![0.0, 0.5, 0.8, 1.0]),
        1 => 0.0..=1.0_f64,
    ]
}

/// Any finite number `>= 0`: zero, subnormals, and normal numbers up to `f64::MAX`.
pub(crate) fn wide_non_negative() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![POSITIVE | ZERO | SUBNORMAL | NORMAL, amount(), Just(f64::MAX)]
}

/// Any number in `0..=1`, including subnormals, the last value below 1, and values whose
/// shortest form has 17 digits.
pub(crate) fn wide_unit() -> impl Strategy<Value = f64> {
    use proptest::num::f64::SUBNORMAL;
    prop_oneof![
        0.0..=1.0_f64,
        Just(1.0 - f64::EPSILON / 2.0),
        SUBNORMAL.prop_map(f64::abs),
        Just(0.1 + 0.2 - 0.3),
        Just(0.1 + 0.2),
    ]
}

/// Any `f64` (NaN, infinities, subnormals, negative zero), biased to the edges of the ranges.
pub(crate) fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            1.0 + f64::EPSILON,
            -f64::MIN_POSITIVE,
            5e-324,
            80.0,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
        ]),
        -2.0..2.0_f64,
    ]
}

pub(crate) fn category() -> impl Strategy<Value = Category> {
    prop::sample::select(Category::ALL.to_vec())
}

/// Proptest's settings for this crate: `cases` per property (or `PROPTEST_CASES` when set, for
/// a longer or a quicker run), failures reported (and turned into named regression tests by
/// hand) rather than written to files beside the tests.
pub(crate) fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// `Some` value of `strategy` with probability `p` (always when `p >= 1`).
fn weighted<T: std::fmt::Debug + 'static>(
    p: f64,
    strategy: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    if p >= 1.0 { strategy.prop_map(Some).boxed() } else { prop::option::weighted(p, strategy).boxed() }
}

/// Every field present with probability `p`.
pub(crate) fn spec_with(p: f64) -> impl Strategy<Value = Spec> {
    (
        (weighted(p, amount()), weighted(p, impact()), weighted(p, fraction()), weighted(p, effort())),
        (weighted(p, amount()), weighted(p, amount()), weighted(p, amount())),
        (weighted(p, category()), weighted(0.5, fraction())),
    )
        .prop_map(|((reach, impact, confidence, effort), (bv, tc, rr), (moscow, alignment))| Spec {
            reach,
            impact,
            confidence,
            effort,
            business_value: bv,
            time_criticality: tc,
            risk_reduction: rr,
            moscow,
            alignment,
        })
}

/// A spec with every field present.
pub(crate) fn full_spec() -> impl Strategy<Value = Spec> {
    spec_with(1.0)
}

/// Backlogs of up to 24 items, most of them scorable.
pub(crate) fn specs() -> impl Strategy<Value = Vec<Spec>> {
    prop::collection::vec(spec_with(0.9), 0..24)
}

/// Backlogs where every item can be scored by every engine.
pub(crate) fn full_specs() -> impl Strategy<Value = Vec<Spec>> {
    prop::collection::vec(full_spec(), 1..24)
}

/// The engines under test, with the parameters the reference needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Choice {
    Rice(f64),
    Wsjf(f64),
    Moscow,
    /// MoSCoW ordered by RICE, with MoSCoW's own alignment weight.
    MoSCoWThenRice(f64),
    /// MoSCoW ordered by WSJF, with MoSCoW's own alignment weight.
    MoSCoWThenWsjf(f64),
}

pub(crate) fn choice() -> impl Strategy<Value = Choice> {
    prop_oneof![
        (fraction()).prop_map(Choice::Rice),
        (fraction()).prop_map(Choice::Wsjf),
        Just(Choice::Moscow),
        (fraction()).prop_map(Choice::MoSCoWThenRice),
        (fraction()).prop_map(Choice::MoSCoWThenWsjf),
    ]
}

pub(crate) fn weight(lambda: f64) -> AlignmentWeight {
    match AlignmentWeight::new(lambda) {
        Ok(weight) => weight,
        Err(error) => panic!("strategy made an invalid weight: {error}"),
    }
}

impl Choice {
    pub(crate) fn engine(self) -> Box<dyn Engine> {
        match self {
            Choice::Rice(lambda) => Box::new(Rice::default().alignment_weight(weight(lambda))),
            Choice::Wsjf(lambda) => Box::new(Wsjf::default().alignment_weight(weight(lambda))),
            Choice::Moscow => Box::new(Moscow::default()),
            Choice::MoSCoWThenRice(lambda) => {
                Box::new(Moscow::default().then(Rice::default()).alignment_weight(weight(lambda)))
            }
            Choice::MoSCoWThenWsjf(lambda) => {
                Box::new(Moscow::default().then(Wsjf::default()).alignment_weight(weight(lambda)))
            }
        }
    }

    /// The fields the engine needs.
    pub(crate) fn needs(self) -> FieldSet {
        let rice = [Field::Reach, Field::Impact, Field::Confidence, Field::Effort];
        let wsjf = [Field::BusinessValue, Field::TimeCriticality, Field::RiskReduction, Field::Effort];
        let fields: Vec<Field> = match self {
            Choice::Rice(_) => rice.to_vec(),
            Choice::Wsjf(_) => wsjf.to_vec(),
            Choice::Moscow => vec![Field::Moscow],
            Choice::MoSCoWThenRice(_) => [&rice[..], &[Field::Moscow]].concat(),
            Choice::MoSCoWThenWsjf(_) => [&wsjf[..], &[Field::Moscow]].concat(),
        };
        fields.into_iter().collect()
    }

    /// The category bucket (0..=3 for MoSCoW, 4 otherwise) and score the reference gives a
    /// complete item.
    pub(crate) fn key(self, spec: &Spec) -> (u8, Option<f64>) {
        let bucket = spec.moscow.map_or(4, Category::priority);
        let alignment = spec.alignment.unwrap_or(0.0);
        match self {
            Choice::Rice(lambda) => (4, Some(aligned(naive_rice(spec), lambda, alignment))),
            Choice::Wsjf(lambda) => (4, Some(aligned(naive_wsjf(spec), lambda, alignment))),
            Choice::Moscow => (bucket, None),
            Choice::MoSCoWThenRice(lambda) => (bucket, Some(aligned(naive_rice(spec), lambda, alignment))),
            Choice::MoSCoWThenWsjf(lambda) => (bucket, Some(aligned(naive_wsjf(spec), lambda, alignment))),
        }
    }
}

/// `reach * impact * confidence / effort`, the published formula.
pub(crate) fn naive_rice(spec: &Spec) -> f64 {
    let get = |value: Option<f64>| value.unwrap_or(f64::NAN);
    get(spec.reach) * get(spec.impact) * get(spec.confidence) / get(spec.effort)
}

/// `(business_value + time_criticality + risk_reduction) / job_size`, the published formula.
pub(crate) fn naive_wsjf(spec: &Spec) -> f64 {
    let get = |value: Option<f64>| value.unwrap_or(f64::NAN);
    (get(spec.business_value) + get(spec.time_criticality) + get(spec.risk_reduction)) / get(spec.effort)
}

/// `score * (1 - λ + λ * alignment)`, the score itself when `λ = 0`.
pub(crate) fn aligned(score: f64, lambda: f64, alignment: f64) -> f64 {
    if lambda == 0.0 { score } else { score * (1.0 - lambda + lambda * alignment) }
}

/// One ranked row: input index, position, rank, score bits.
pub(crate) type Row = (usize, usize, usize, Option<u64>);

/// The naive ranking: items lacking a needed field left out, a stable sort by bucket then score
/// descending, positions from 1 and competition ranks.
pub(crate) fn reference(specs: &[Spec], choice: Choice) -> Vec<Row> {
    let needs = choice.needs();
    let mut keyed: Vec<(usize, u8, Option<f64>)> = specs
        .iter()
        .enumerate()
        .filter(|(_, spec)| needs.iter().all(|field| spec.has(field)))
        .map(|(index, spec)| {
            let (bucket, score) = choice.key(spec);
            (index, bucket, score.map(|s| s + 0.0))
        })
        .collect();
    keyed.sort_by(|a, b| {
        a.1.cmp(&b.1).then_with(|| match (a.2, b.2) {
            (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(std::cmp::Ordering::Equal),
            _ => std::cmp::Ordering::Equal,
        })
    });
    let mut rows: Vec<Row> = Vec::with_capacity(keyed.len());
    for (offset, &(index, bucket, score)) in keyed.iter().enumerate() {
        let tied = offset > 0 && keyed[offset - 1].1 == bucket && keyed[offset - 1].2 == score;
        let rank = if tied { rows[offset - 1].2 } else { offset + 1 };
        rows.push((index, offset + 1, rank, score.map(f64::to_bits)));
    }
    rows
}

/// The rows of a ranking, as the reference writes them.
pub(crate) fn rows(ranking: &Ranking<'_>) -> Vec<Row> {
    ranking
        .iter()
        .map(|entry| (entry.index(), entry.position(), entry.rank(), entry.score().map(f64::to_bits)))
        .collect()
}

/// The input indices in ranked order.
pub(crate) fn order(ranking: &Ranking<'_>) -> Vec<usize> {
    ranking.iter().map(|entry| entry.index()).collect()
}

/// Ranks `specs` with `choice`, failing the test on an error.
pub(crate) fn ranked(backlog: &Backlog, engine: &dyn Engine) -> Vec<Row> {
    match backlog.rank(engine) {
        Ok(ranking) => rows(&ranking),
        Err(error) => panic!("ranking failed: {error}"),
    }
}
