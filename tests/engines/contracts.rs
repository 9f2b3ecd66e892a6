//! What every engine promises: a boxed engine forwards every method, breakdowns hold exactly the
//! named values, engines declare exactly the fields they read, and the strict WSJF scale. Values
//! are exact and computed by hand.

// Exact scores are the point of these tests.
#![allow(clippy::float_cmp)]

use prioritize::{
    Backlog, BacklogItem, Breakdown, Engine, Evaluation, Field, FieldSet, Item, Moscow, Rice, Score, Wsjf,
};

fn scored(score: f64) -> Evaluation {
    Evaluation::of(Score::new(score).expect("finite"))
}

fn wsjf_item(id: &str, parts: [f64; 4]) -> BacklogItem {
    let [bv, tc, rr, size] = parts;
    BacklogItem::builder(id, id)
        .business_value(bv)
        .time_criticality(tc)
        .risk_reduction(rr)
        .effort(size)
        .moscow(prioritize::Category::Must)
        .build()
        .expect("valid")
}

#[test]
fn a_boxed_engine_forwards_every_method() {
    let boxed: Box<Wsjf> = Box::default();
    let item = wsjf_item("A", [1.0, 3.0, 5.0, 3.0]);
    let backlog = Backlog::from_items([item.clone()]).expect("valid");
    let item = Item::of(&item, 0.0);
    assert_eq!(<Box<Wsjf> as Engine>::name(&boxed), "wsjf");
    assert_eq!(<Box<Wsjf> as Engine>::inputs(&boxed, &backlog), Wsjf::INPUTS);
    let breakdown = <Box<Wsjf> as Engine>::breakdown(&boxed, &item);
    assert_eq!(breakdown.get("cost_of_delay"), Some(9.0));
    assert_eq!(<Box<Wsjf> as Engine>::evaluate(&boxed, &item).ok(), Some(scored(3.0)));
    let mut all = Vec::new();
    boxed.hooks().expect("a built-in engine").evaluate_all(&backlog, 0..1, &mut all).expect("scores");
    assert_eq!(all, [scored(3.0)]);
    // As MoSCoW's secondary engine, through the box: same fields needed, same breakdown.
    let through_box = Moscow::default().then(Box::new(Wsjf::default()) as Box<dyn Engine>);
    assert_eq!(through_box.inputs(&backlog), Wsjf::INPUTS.with(Field::Moscow));
    assert_eq!(through_box.breakdown(&item), Wsjf::default().breakdown(&item));
}

#[test]
fn breakdowns_have_exactly_the_named_values() {
    // Intercom's first project: 450 · 3 · 1 / 2 = 675; with λ = 0.5 and alignment 0.5 the factor
    // is 1 − 0.5 + 0.25 = 0.75.
    let item =
        BacklogItem::builder("P1", "p").reach(450).impact(3).confidence(1).effort(2).build().expect("valid");
    let plain = Rice::default().breakdown(&Item::of(&item, 0.5));
    assert_eq!(plain.len(), 5);
    assert!(!plain.is_empty());
    assert_eq!(
        plain.iter().collect::<Vec<_>>(),
        [("reach", 450.0), ("impact", 3.0), ("confidence", 1.0), ("effort", 2.0), ("rice", 675.0)]
    );
    assert_eq!(plain.names().collect::<Vec<_>>(), ["reach", "impact", "confidence", "effort", "rice"]);
    let half = prioritize::AlignmentWeight::new(0.5).expect("valid");
    let aligned = Rice::default().alignment_weight(half).breakdown(&Item::of(&item, 0.5));
    assert_eq!(aligned.len(), 7);
    assert_eq!(aligned.get("alignment"), Some(0.5));
    assert_eq!(aligned.get("alignment_factor"), Some(0.75));
    assert!(Breakdown::new().is_empty());
    assert_eq!(Breakdown::new().len(), 0);
    let joined = Breakdown::new().with("a", 1.0).extend(Breakdown::new().with("b", 2.0).with("c", 3.0));
    assert_eq!(joined.iter().collect::<Vec<_>>(), [("a", 1.0), ("b", 2.0), ("c", 3.0)]);
}

#[test]
fn engines_declare_exactly_the_fields_they_read() {
    use Field::{BusinessValue, Confidence, Effort, Impact, Moscow, Reach, RiskReduction, TimeCriticality};
    let set = |fields: &[Field]| fields.iter().copied().collect::<FieldSet>();
    let backlog = Backlog::default();
    assert_eq!(Rice::default().inputs(&backlog), set(&[Reach, Impact, Confidence, Effort]));
    assert_eq!(
        Wsjf::default().inputs(&backlog),
        set(&[BusinessValue, TimeCriticality, RiskReduction, Effort])
    );
    assert_eq!(prioritize::Moscow::default().inputs(&backlog), set(&[Moscow]));
    assert_eq!(
        prioritize::Moscow::default().then(Rice::default()).inputs(&backlog),
        set(&[Reach, Impact, Confidence, Effort, Moscow])
    );
    assert!(prioritize::Moscow::default().secondary().is_none());
    let then = prioritize::Moscow::default().then(Wsjf::default());
    assert_eq!(then.secondary().map(Engine::name), Some("wsjf"));
    let ice = prioritize::Ice::default();
    assert_eq!(ice.inputs(&backlog), set(&[Impact, Confidence, Field::Ease]));
    let opportunity = prioritize::Opportunity::default();
    assert_eq!(opportunity.inputs(&backlog), set(&[Field::Importance, Field::Satisfaction]));
    assert_eq!(opportunity.name(), "opportunity");
    let (rice, wsjf, moscow) = (Rice::default(), Wsjf::default(), prioritize::Moscow::default());
    let names = [rice.name(), wsjf.name(), moscow.name(), then.name(), ice.name()];
    assert_eq!(names, ["rice", "wsjf", "moscow", "moscow", "ice"]);
}

#[test]
fn strict_wsjf_rejects_values_off_the_fibonacci_scale() {
    use prioritize::engine::Scale;
    assert!(Scale::Fibonacci.allows(13.0));
    assert!(!Scale::Fibonacci.allows(4.0));
    assert!(Scale::Any.allows(4.0));
    let off = Backlog::from_items([wsjf_item("F1", [1.0, 4.0, 5.0, 3.0])]).expect("valid");
    let strict = Wsjf::default().scale(Scale::Fibonacci);
    let error = off.rank(strict).map(|ranking| ranking.len()).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"item "F1": time_criticality 4 is not on the wsjf scale 1, 2, 3, 5, 8, 13, 20 (strict mode)"#
    );
    // The default scale takes any non-negative number: (1 + 4 + 5) / 3.
    let any = Wsjf::default();
    let ranking = off.rank(any).expect("valid");
    assert_eq!(ranking.at(1).and_then(|entry| entry.score()), Some(10.0 / 3.0));
}

/// A framework named in data ranks exactly as its engine with default options, reads any case,
/// writes its name, and refuses other names.
#[test]
fn a_framework_by_name_is_its_engine() {
    use prioritize::engine::Framework;
    use prioritize::judgment::Vote;
    use prioritize::{Cd3, Ice, Opportunity, Pairwise};
    let items = (1..=6).map(|i: u32| {
        BacklogItem::builder(format!("I{i}"), "")
            .reach(i * 100)
            .impact(f64::from(i % 3 + 1))
            .confidence(1.0 / f64::from(i))
            .effort(f64::from(7 - i))
            .business_value(i)
            .time_criticality(2)
            .risk_reduction(1)
            .ease(i % 4)
            .cost_of_delay(i * 10)
            .duration(i)
            .importance(i)
            .satisfaction(3)
            .moscow([prioritize::Category::Must, prioritize::Category::Could][i as usize % 2])
            .build()
            .expect("valid")
    });
    // Votes in a cycle, I1 over I2 over ... over I5 over I1, and I6 in none.
    let votes = (1..=5).map(|i| Vote::new(format!("I{i}"), format!("I{}", i % 5 + 1)));
    let backlog = Backlog::builder().items(items).votes(votes).build().expect("valid");
    let engines: [(Framework, Box<dyn Engine>); 7] = [
        (Framework::Rice, Box::new(Rice::default())),
        (Framework::Wsjf, Box::new(Wsjf::default())),
        (Framework::Moscow, Box::new(Moscow::default())),
        (Framework::Ice, Box::new(Ice::default())),
        (Framework::Cd3, Box::new(Cd3::default())),
        (Framework::Opportunity, Box::new(Opportunity::default())),
        (Framework::Pairwise, Box::new(Pairwise::default())),
    ];
    let rows = |ranking: &prioritize::Ranking<'_>| {
        ranking
            .iter()
            .map(|e| (e.item().id().to_owned(), e.score(), e.category(), e.breakdown()))
            .collect::<Vec<_>>()
    };
    for (framework, engine) in &engines {
        let by_name = backlog.rank(*framework).expect("ranks");
        assert_eq!(rows(&by_name), rows(&backlog.rank(engine).expect("ranks")), "{framework}");
        assert_eq!(by_name.engine_name(), framework.as_str());
        assert_eq!(rows(&by_name.clone().into_owned()), rows(&by_name));
        assert_eq!(framework.as_str().to_uppercase().parse::<Framework>().expect("any case"), *framework);
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(framework).expect("serializes");
            assert_eq!(json, format!("\"{framework}\""));
            assert_eq!(serde_json::from_str::<Framework>(&json).expect("reads back"), *framework);
        }
    }
    assert_eq!(Framework::ALL.len(), engines.len());
    let error = "dsdm".parse::<Framework>().unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"framework "dsdm" is not one of rice, wsjf, moscow, ice, cd3, opportunity, pairwise"#
    );
    #[cfg(feature = "serde")]
    assert_eq!(serde_json::from_str::<Framework>("\"dsdm\"").unwrap_err().to_string(), error.to_string());
}

#[test]
fn an_evaluation_says_what_it_is() {
    let backlog =
        Backlog::from_items([BacklogItem::builder("A", "a").build().expect("valid")]).expect("valid");
    let item = backlog.item(0);
    let unscored = Evaluation::missing(&item, FieldSet::EMPTY.with(Field::Reach));
    assert!(!unscored.is_scored());
    assert_eq!((unscored.score(), unscored.category(), unscored.checked_score()), (None, None, None));
    let scored = Evaluation::scored(&item, "mine", 1.5).expect("finite");
    assert!(scored.is_scored());
    assert_eq!(scored.missing_fields(), None);
    let grouped = Evaluation::categorized(prioritize::Category::Could, None);
    assert!(grouped.is_scored());
    assert_eq!((grouped.score(), grouped.category()), (None, Some(prioritize::Category::Could)));
}
