//! Property tests of ratings: one rater's rating is the plain value, the order of the raters in
//! the input changes nothing, and the aggregates agree with plain references.

use crate::common::{Spec, backlog_of, choice, config, id, ranked, set, specs};
use prioritize::{Aggregate, Backlog, BacklogItem, Field, Rater, Rice};
use proptest::prelude::*;

/// The raters of these tests.
const RATERS: [&str; 3] = ["po", "pm", "eng"];

/// The item of `spec`, with the numeric fields whose bit is set in `mask` given as a rating by
/// `rater` instead of a plain value.
fn rated_item(spec: &Spec, index: usize, mask: u8, rater: &str) -> BacklogItem {
    let mut builder = BacklogItem::builder(id(index), format!("item {index}"));
    for (bit, (field, value)) in spec.numbers().into_iter().enumerate() {
        if let Some(value) = value {
            // The overall alignment (the last) takes no ratings.
            builder = if mask >> bit & 1 == 1 && field != Field::Alignment {
                builder.ratings(field, [(rater, value)])
            } else {
                set(builder, field, value)
            };
        }
    }
    if let Some(category) = spec.moscow {
        builder = builder.moscow(category);
    }
    builder.build().expect("valid item")
}

fn raters(weights: &[f64]) -> Vec<Rater> {
    RATERS.iter().zip(weights).map(|(id, &weight)| Rater::new(*id, weight).expect("valid rater")).collect()
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![(1_u32..5).prop_map(f64::from), 0.01..100.0_f64]
}

fn aggregate() -> impl Strategy<Value = Aggregate> {
    prop_oneof![Just(Aggregate::Mean), Just(Aggregate::Median)]
}

/// A rated field: the field and each rater's rating, in the order of `RATERS`.
#[cfg(feature = "serde")]
fn rated_field() -> impl Strategy<Value = (Field, Vec<f64>)> {
    prop_oneof![
        prop::collection::vec(crate::common::amount(), 3).prop_map(|values| (Field::Reach, values)),
        prop::collection::vec(crate::common::impact(), 3).prop_map(|values| (Field::Impact, values)),
        prop::collection::vec(crate::common::fraction(), 3).prop_map(|values| (Field::Confidence, values)),
        prop::collection::vec(crate::common::effort(), 3).prop_map(|values| (Field::Effort, values)),
    ]
}

/// A rated field: the field, each rater's rating in the order of `RATERS`, and the order the
/// raters are written in.
#[cfg(feature = "serde")]
type RatedField = (Field, Vec<f64>, Vec<usize>);

/// Items of up to four rated fields each (a field at most once), each field with the order its
/// raters are written in.
#[cfg(feature = "serde")]
fn rated_items() -> impl Strategy<Value = Vec<Vec<RatedField>>> {
    let field = (rated_field(), Just(vec![0, 1, 2]).prop_shuffle()).prop_map(|((f, v), order)| (f, v, order));
    let item = prop::collection::vec(field, 0..4).prop_map(|mut fields| {
        let mut seen = Vec::new();
        fields.retain(|(field, _, _)| {
            let first = !seen.contains(field);
            seen.push(*field);
            first
        });
        fields
    });
    prop::collection::vec(item, 0..12)
}

/// The backlog as JSON: each rated field's raters written in `order` when `permuted`, else in the
/// order of `RATERS`.
#[cfg(feature = "serde")]
fn json(items: &[Vec<RatedField>], weights: Option<&[f64]>, aggregate: Aggregate, permuted: bool) -> String {
    let number = |value: f64| serde_json::to_string(&value).expect("finite");
    let raters = weights.map_or_else(String::new, |weights| {
        let raters: Vec<String> = RATERS
            .iter()
            .zip(weights)
            .map(|(id, w)| format!(r#"{{"id": "{id}", "weight": {}}}"#, number(*w)))
            .collect();
        format!(r#""raters": [{}], "#, raters.join(", "))
    });
    let text = format!(r#"{{{raters}"aggregate": "{aggregate}", "items": ["#);
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(index, fields)| {
            let mut parts = vec![format!(r#""id": "{}""#, id(index))];
            parts.extend(
                [r#""reach": 1"#, r#""impact": 1"#, r#""confidence": 1"#, r#""effort": 1"#]
                    .map(str::to_owned),
            );
            for (field, values, order) in fields {
                let order = if permuted { order.clone() } else { vec![0, 1, 2] };
                let ratings: Vec<String> =
                    order.iter().map(|&r| format!(r#""{}": {}"#, RATERS[r], number(values[r]))).collect();
                parts.retain(|part| !part.starts_with(&format!(r#""{field}""#)));
                parts.push(format!(r#""{field}": {{"ratings": {{{}}}}}"#, ratings.join(", ")));
            }
            format!("{{{}}}", parts.join(", "))
        })
        .collect();
    text + &items.join(", ") + "]}"
}

proptest! {
    #![proptest_config(config(128))]

    /// A field rated by one rater has that rating as its value, whatever the rater's weight and
    /// the aggregate, so every engine ranks the backlog bit for bit as with plain values.
    #[test]
    fn one_raters_rating_ranks_as_the_plain_value(
        specs in specs(),
        rated in prop::collection::vec(any::<u8>(), 24),
        who in prop::collection::vec(0_usize..3, 24),
        weights in prop::collection::vec(weight(), 3),
        declared in any::<bool>(),
        aggregate in aggregate(),
        choice in choice(),
    ) {
        let plain = backlog_of(&specs);
        let mut builder = Backlog::builder().aggregate(aggregate);
        if declared {
            builder = builder.raters(raters(&weights));
        }
        let items = specs.iter().enumerate().map(|(i, spec)| rated_item(spec, i, rated[i], RATERS[who[i]]));
        let with_ratings = builder.items(items).build().expect("valid backlog");
        for (a, b) in plain.items().zip(with_ratings.items()) {
            for field in crate::common::NUMBERS {
                prop_assert_eq!(a.value(field).map(f64::to_bits), b.value(field).map(f64::to_bits));
            }
        }
        prop_assert_eq!(ranked(&plain, &Rice::default()), ranked(&with_ratings, &Rice::default()));
        let engine = choice.engine();
        prop_assert_eq!(ranked(&plain, &*engine), ranked(&with_ratings, &*engine));
    }

    /// The order raters are written in within a field's ratings changes nothing: not the values
    /// (to the bit), not the stored ratings, not the ranking.
    #[test]
    #[cfg(feature = "serde")]
    fn permuting_raters_changes_nothing(
        items in rated_items(),
        weights in prop::collection::vec(weight(), 3),
        declared in any::<bool>(),
        aggregate in aggregate(),
    ) {
        let weights = declared.then_some(&weights[..]);
        let text = json(&items, weights, aggregate, false);
        let in_order: Backlog = serde_json::from_str(&text).expect("valid backlog");
        let permuted: Backlog = serde_json::from_str(&json(&items, weights, aggregate, true)).expect("valid backlog");
        prop_assert_eq!(&in_order, &permuted);
        prop_assert_eq!(ranked(&in_order, &Rice::default()), ranked(&permuted, &Rice::default()));
        // Written back, the ratings read the same.
        let again: Backlog = serde_json::from_str(&serde_json::to_string(&permuted).expect("serializable")).expect("valid");
        prop_assert_eq!(again, permuted);
    }

    /// The aggregates against plain references: the mean within rounding of `Σ w·v / Σ w`
    /// and between the smallest and largest rating; the median, on integer weights (exact sums),
    /// equal to the smallest rating whose cumulative weight reaches half; both the same bits in
    /// any order of the pairs.
    #[test]
    fn aggregates_agree_with_references(
        pairs in prop::collection::vec(((-1000_i32..1000).prop_map(|v| f64::from(v) / 8.0), 1_u32..6), 1..9)
            .prop_flat_map(|pairs| (Just(pairs.clone()), Just(pairs).prop_shuffle())),
    ) {
        let (pairs, shuffled) = pairs;
        let weighted: Vec<(f64, f64)> = pairs.iter().map(|&(v, w)| (v, f64::from(w))).collect();
        let shuffled: Vec<(f64, f64)> = shuffled.iter().map(|&(v, w)| (v, f64::from(w))).collect();
        let (low, high) = weighted.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &(v, _)| (l.min(v), h.max(v)));
        let mean = Aggregate::Mean.combine(&weighted).expect("valid");
        let total: f64 = weighted.iter().map(|&(_, w)| w).sum();
        let reference = weighted.iter().map(|&(v, w)| v * w).sum::<f64>() / total;
        prop_assert!((mean - reference).abs() <= 1e-12 * reference.abs().max(1.0), "{} vs {}", mean, reference);
        prop_assert!(low <= mean && mean <= high);
        let mut sorted = weighted.clone();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut cumulative = 0.0;
        let median = sorted.iter().find(|&&(_, w)| { cumulative += w; 2.0 * cumulative >= total }).map(|&(v, _)| v);
        prop_assert_eq!(Aggregate::Median.combine(&weighted), median);
        for aggregate in [Aggregate::Mean, Aggregate::Median] {
            let a = aggregate.combine(&weighted).map(f64::to_bits);
            prop_assert_eq!(a, aggregate.combine(&shuffled).map(f64::to_bits));
        }
    }
}
