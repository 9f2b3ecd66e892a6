//! Property tests of the planners against simple, obviously right references: brute force over
//! every subset for the capacity plan, a quadratic walk for the dependency-aware order.

// Scores and efforts are whole numbers, so their sums are exact and compared exactly.
#![allow(clippy::float_cmp)]

use crate::support::{Spec, Value, backlog};
use prioritize::model::{Effort, NonNegative};
use prioritize::plan::{CapacityPlan, Method, Mode, Period, Pin, Roadmap};
use prioritize::{Backlog, Category, ErrorKind, Item};
use proptest::prelude::*;

/// One generated item: value (`None`: unscored), effort, category, prerequisites among the
/// items generated before it.
type Gen = (Option<u32>, Option<u32>, Option<Category>, Vec<bool>);

fn item() -> impl Strategy<Value = Gen> {
    let category = prop_oneof![
        5 => Just(None),
        1 => Just(Some(Category::Must)),
        2 => Just(Some(Category::Should)),
        1 => Just(Some(Category::Could)),
        1 => Just(Some(Category::Wont)),
    ];
    let value = prop_oneof![1 => Just(None), 9 => (0..=20_u32).prop_map(Some)];
    let effort = prop_oneof![1 => Just(None), 9 => (1..=6_u32).prop_map(Some)];
    (value, effort, category, prop::collection::vec(prop::bool::weighted(0.3), 12))
}

/// A backlog of the generated items, in an order shuffled by `seed` (so dependencies point
/// both ways in input order).
fn build(gens: &[Gen], seed: u64) -> Backlog {
    let ids: Vec<String> = (0..gens.len()).map(|i| format!("I{i}")).collect();
    let deps: Vec<Vec<&str>> = gens
        .iter()
        .enumerate()
        .map(|(i, spec)| (0..i).filter(|&j| spec.3[j]).map(|j| ids[j].as_str()).collect())
        .collect();
    let mut order: Vec<usize> = (0..gens.len()).collect();
    let mut state = seed | 1;
    for i in (1..order.len()).rev() {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, (state >> 33) as usize % (i + 1));
    }
    let specs: Vec<Spec<'_>> = order
        .iter()
        .map(|&i| Spec {
            id: &ids[i],
            value: gens[i].0,
            effort: gens[i].1,
            moscow: gens[i].2,
            depends_on: &deps[i],
        })
        .collect();
    backlog(&specs)
}

/// Whether `chosen` (by index) is a valid plan: closed under prerequisites, every Must, no
/// Won't, every item with an effort, within `capacity`.
fn feasible(backlog: &Backlog, chosen: &[bool], capacity: f64) -> bool {
    let items: Vec<Item<'_>> = backlog.items().collect();
    let mut effort = 0.0;
    for (index, item) in items.iter().enumerate() {
        let must = item.moscow() == Some(Category::Must);
        if must && !chosen[index] {
            return false;
        }
        if !chosen[index] {
            continue;
        }
        if item.moscow() == Some(Category::Wont) || backlog.prerequisites(index).any(|p| !chosen[p]) {
            return false;
        }
        match item.effort() {
            Some(e) => effort += e.get(),
            None => return false,
        }
    }
    effort <= capacity
}

fn value(backlog: &Backlog, chosen: &[bool]) -> f64 {
    let items: Vec<Item<'_>> = backlog.items().collect();
    (0..items.len())
        .filter(|&i| chosen[i])
        .map(|i| items[i].business_value().map_or(0.0, NonNegative::get))
        .sum()
}

/// The best total over every subset, or `None` when no subset is a valid plan.
fn brute_force(backlog: &Backlog, capacity: f64) -> Option<f64> {
    let n = backlog.len();
    (0_u32..1 << n)
        .map(|mask| (0..n).map(|i| mask >> i & 1 == 1).collect::<Vec<bool>>())
        .filter(|chosen| feasible(backlog, chosen, capacity))
        .map(|chosen| value(backlog, &chosen))
        .max_by(f64::total_cmp)
}

fn chosen_of(backlog: &Backlog, plan: &CapacityPlan<'_>) -> Vec<bool> {
    let mut chosen = vec![false; backlog.len()];
    for entry in plan.iter() {
        chosen[entry.index()] = true;
    }
    chosen
}

/// The dependency-aware order by its definition, in quadratic time: `(index, promoted_by)`.
fn reference_order(backlog: &Backlog, key: &[Option<usize>]) -> Vec<(usize, Option<usize>)> {
    let n = backlog.len();
    // Effective key: the best key among the item and everything that depends on it.
    let mut effective: Vec<Option<(usize, usize)>> =
        key.iter().enumerate().map(|(i, k)| k.map(|k| (k, i))).collect();
    for _ in 0..n {
        for dependent in 0..n {
            for prerequisite in backlog.prerequisites(dependent) {
                if let Some(best) = effective[dependent]
                    && effective[prerequisite].is_none_or(|own| best < own)
                {
                    effective[prerequisite] = Some(best);
                }
            }
        }
    }
    let mut done = vec![false; n];
    let mut order = Vec::new();
    while let Some(next) = (0..n)
        .filter(|&i| !done[i] && effective[i].is_some() && backlog.prerequisites(i).all(|p| done[p]))
        .min_by_key(|&i| (effective[i].map(|e| e.0), i))
    {
        done[next] = true;
        let source = effective[next].map(|e| e.1).filter(|&s| s != next);
        order.push((next, source));
    }
    order
}

/// Greedy by its definition, in cubic time: the Must Haves' closure, then repeatedly the
/// candidate (ranking order) whose not-chosen closure has the best value per effort and fits.
fn reference_greedy(backlog: &Backlog, ranking: &prioritize::Ranking<'_>, capacity: f64) -> Vec<bool> {
    let items: Vec<Item<'_>> = backlog.items().collect();
    let n = items.len();
    let closure = |roots: &[usize], chosen: &[bool]| {
        let mut members: Vec<usize> = Vec::new();
        let mut stack = roots.to_vec();
        while let Some(i) = stack.pop() {
            if !chosen[i] && !members.contains(&i) {
                members.push(i);
                stack.extend(backlog.prerequisites(i));
            }
        }
        members
    };
    let plannable = |i: usize| {
        closure(&[i], &vec![false; n])
            .iter()
            .all(|&m| items[m].moscow() != Some(Category::Wont) && items[m].effort().is_some())
    };
    let effort =
        |members: &[usize]| members.iter().map(|&m| items[m].effort().map_or(0.0, Effort::get)).sum::<f64>();
    let value = |members: &[usize]| {
        members.iter().map(|&m| items[m].business_value().map_or(0.0, NonNegative::get)).sum::<f64>()
    };
    let mut chosen = vec![false; n];
    let musts: Vec<usize> = (0..n).filter(|&i| items[i].moscow() == Some(Category::Must)).collect();
    let must_closure = closure(&musts, &chosen);
    let mut remaining = capacity - effort(&must_closure);
    for m in must_closure {
        chosen[m] = true;
    }
    let mut candidates: Vec<usize> = ranking.iter().map(|e| e.index()).collect();
    candidates.retain(|&i| plannable(i) && items[i].business_value().is_some_and(|v| v.get() > 0.0));
    loop {
        let mut best: Option<(f64, Vec<usize>)> = None;
        for &i in candidates.iter().filter(|&&i| !chosen[i]) {
            let members = closure(&[i], &chosen);
            let (e, v) = (effort(&members), value(&members));
            if v > 0.0 && e <= remaining && best.as_ref().is_none_or(|(ratio, _)| v / e > *ratio) {
                best = Some((v / e, members));
            }
        }
        let Some((_, members)) = best else { break };
        remaining -= effort(&members);
        for m in members {
            chosen[m] = true;
        }
    }
    chosen
}

proptest! {
    #![proptest_config(crate::common::config(400))]

    #[test]
    fn exact_plans_match_brute_force(gens in prop::collection::vec(item(), 0..=10), seed: u64, capacity in 0..=25_u32) {
        let backlog = build(&gens, seed);
        let ranking = backlog.rank(&Value).unwrap();
        let capacity = f64::from(capacity);
        let best = brute_force(&backlog, capacity);
        for mode in [Mode::Auto, Mode::Exact { resolution: Effort::new(1.0).unwrap() }] {
            let plan = CapacityPlan::new(&ranking, NonNegative::new(capacity).unwrap(), mode);
            match (best, plan) {
                (None, Err(error)) => prop_assert!(
                    error.kind() == ErrorKind::Parameter && error.to_string().contains("must have"),
                    "{error}"
                ),
                (Some(best), Ok(plan)) => {
                    prop_assert!(matches!(plan.method(), Method::Exact { .. }), "{:?}", plan.method());
                    let chosen = chosen_of(&backlog, &plan);
                    prop_assert!(feasible(&backlog, &chosen, capacity));
                    prop_assert_eq!(plan.total_score(), best);
                    prop_assert_eq!(value(&backlog, &chosen), best);
                    prop_assert!(plan.upper_bound() >= best);
                }
                (best, plan) => prop_assert!(false, "brute force {best:?}, plan {plan:?}"),
            }
        }
    }

    #[test]
    fn greedy_plans_are_valid_and_within_their_bound(gens in prop::collection::vec(item(), 0..=10), seed: u64, capacity in 0..=25_u32) {
        let backlog = build(&gens, seed);
        let ranking = backlog.rank(&Value).unwrap();
        let capacity = f64::from(capacity);
        let plan = CapacityPlan::new(&ranking, NonNegative::new(capacity).unwrap(), Mode::Greedy);
        match (brute_force(&backlog, capacity), plan) {
            (None, Err(_)) => {}
            (Some(best), Ok(plan)) => {
                let chosen = chosen_of(&backlog, &plan);
                prop_assert!(feasible(&backlog, &chosen, capacity));
                prop_assert_eq!(&chosen, &reference_greedy(&backlog, &ranking, capacity));
                prop_assert!(plan.total_score() <= best);
                prop_assert!(best <= plan.upper_bound());
                prop_assert_eq!(plan.gap(), plan.upper_bound() - plan.total_score());
                // Listed in an order that respects dependencies.
                let position: Vec<usize> = {
                    let mut position = vec![usize::MAX; backlog.len()];
                    for entry in plan.iter() { position[entry.index()] = entry.position(); }
                    position
                };
                for entry in plan.iter() {
                    prop_assert!(backlog.prerequisites(entry.index()).all(|p| position[p] < entry.position()));
                }
            }
            (best, plan) => prop_assert!(false, "brute force {best:?}, plan {plan:?}"),
        }
    }

    #[test]
    fn the_dependency_order_matches_its_definition(gens in prop::collection::vec(item(), 0..=12), seed: u64) {
        let backlog = build(&gens, seed);
        let ranking = backlog.rank(&Value).unwrap();
        let mut key = vec![None; backlog.len()];
        for entry in ranking.iter() {
            key[entry.index()] = Some(entry.position());
        }
        let order = ranking.respecting_dependencies().unwrap();
        let got: Vec<(usize, Option<usize>)> = order
            .iter()
            .map(|e| (e.index(), e.promoted_by().and_then(|item| backlog.index_of(item.id()))))
            .collect();
        prop_assert_eq!(got, reference_order(&backlog, &key));
        for entry in order.iter() {
            prop_assert_eq!(entry.is_unscored(), key[entry.index()].is_none());
        }
        prop_assert_eq!(order.len() + order.unscored().len(), backlog.len());
    }

    #[test]
    fn position_pins_land_exactly_and_keep_the_rest_in_order(
        gens in prop::collection::vec(item(), 1..=12),
        seed: u64,
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..4),
    ) {
        let backlog = build(&gens, seed);
        let ranking = backlog.rank(&Value).unwrap();
        let order = ranking.respecting_dependencies().unwrap();
        let len = order.len();
        prop_assume!(len > 0);
        let mut pins: Vec<Pin> = Vec::new();
        for (item, position) in &picks {
            let id = order.at(item.index(len) + 1).unwrap().item().id().to_string();
            let position = position.index(len) + 1;
            if pins.iter().all(|pin| pin.id() != id && !matches!(pin, Pin::At { position: p, .. } if *p == position)) {
                pins.push(Pin::At { id, position });
            }
        }
        let before: Vec<String> = order.iter().map(|e| e.item().id().to_string()).collect();
        match order.clone().pin(&pins) {
            Ok(pinned) => {
                for pin in &pins {
                    let Pin::At { id, position } = pin else { unreachable!() };
                    let entry = pinned.at(*position).unwrap();
                    prop_assert_eq!(entry.item().id(), id.as_str());
                    prop_assert!(entry.is_pinned());
                }
                let is_pinned = |id: &String| pins.iter().any(|pin| pin.id() == id);
                let rest: Vec<String> = pinned.iter().map(|e| e.item().id().to_string()).filter(|id| !is_pinned(id)).collect();
                let expected: Vec<String> = before.into_iter().filter(|id| !is_pinned(id)).collect();
                prop_assert_eq!(rest, expected);
                for entry in pinned.iter() {
                    for p in backlog.prerequisites(entry.index()) {
                        let at = pinned.get(backlog.item(p).id()).unwrap().position();
                        prop_assert!(at < entry.position());
                    }
                }
            }
            Err(error) => prop_assert!(error.kind() == ErrorKind::Parameter && error.field() == Some("pin"), "{error}"),
        }
    }

    #[test]
    fn roadmaps_respect_capacities_and_prerequisites(
        gens in prop::collection::vec(item(), 0..=12),
        seed: u64,
        capacities in prop::collection::vec(0..=12_u32, 0..4),
    ) {
        let backlog = build(&gens, seed);
        let ranking = backlog.rank(&Value).unwrap();
        let order = ranking.respecting_dependencies().unwrap();
        let periods = capacities.iter().enumerate().map(|(k, &c)| Period::new(format!("p{k}"), NonNegative::new(f64::from(c)).unwrap()));
        let roadmap = Roadmap::new(&order, periods);
        let mut period_of = vec![None; backlog.len()];
        let mut placed = 0;
        for (k, bucket) in roadmap.buckets().iter().enumerate() {
            let used: f64 = bucket.items().map(|e| e.item().effort().unwrap().get()).sum();
            prop_assert_eq!(used, bucket.used());
            prop_assert!(used <= bucket.period().capacity().unwrap());
            for entry in bucket.items() {
                period_of[entry.index()] = Some(k);
                placed += 1;
            }
        }
        for bucket in roadmap.buckets() {
            for entry in bucket.items() {
                for p in backlog.prerequisites(entry.index()) {
                    prop_assert!(period_of[p].is_some_and(|k| Some(k) <= period_of[entry.index()]));
                }
            }
        }
        prop_assert_eq!(placed + roadmap.unplaced().len(), order.len());
    }
}
