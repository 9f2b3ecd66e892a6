//! Judgments inside a backlog: comparisons that weight its objectives and scorecards, votes the
//! pairwise engine ranks by, Kano answers; read, written back, carried by builders and edits.

use prioritize::engine::Framework;
use prioritize::judgment::{Comparison, Strengths, Vote};
use prioritize::{
    Backlog, BacklogItem, Criterion, Engine, ErrorKind, FieldSet, Objective, Pairwise, Scorecard,
};
use proptest::prelude::*;

fn item(id: &str) -> BacklogItem {
    BacklogItem::builder(id, "").build().expect("an item")
}

/// Bozóki, Fülöp and Rónyai (2010), as in AHPy's tests: a/b 1, a/c 5, a/d 2, b/c 3, b/d 4, c/d 3/4.
fn bozoki() -> Vec<Comparison> {
    [("a", "b", 1.0), ("a", "c", 5.0), ("a", "d", 2.0), ("b", "c", 3.0), ("b", "d", 4.0), ("c", "d", 0.75)]
        .into_iter()
        .map(|(a, b, ratio)| Comparison::new(a, b, ratio).expect("on the scale"))
        .collect()
}

fn compared_objectives() -> Vec<Objective> {
    ["a", "b", "c", "d"].map(|id| Objective::compared(id).expect("an id")).to_vec()
}

fn rounded(values: impl IntoIterator<Item = f64>) -> Vec<String> {
    values.into_iter().map(|value| format!("{value:.4}")).collect()
}

#[test]
fn compared_objectives_take_the_published_weights() {
    let backlog = Backlog::builder()
        .objectives(compared_objectives())
        .comparisons("objectives", bozoki())
        .item(BacklogItem::builder("X", "").contribution("a", 1.0).build().expect("an item"))
        .item(
            BacklogItem::builder("Y", "")
                .contribution("c", 1.0)
                .contribution("d", 1.0)
                .build()
                .expect("an item"),
        )
        .build()
        .expect("valid");
    let weights: Vec<f64> = backlog.objectives().iter().map(Objective::weight).collect();
    assert_eq!(rounded(weights.iter().copied()), ["0.3742", "0.3917", "0.0991", "0.1349"]);
    assert!((weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(backlog.objectives().iter().all(Objective::is_compared));
    // Alignment is the weighted mean over the objectives: the weights sum to 1.
    assert_eq!(backlog.alignment(0).to_bits(), weights[0].to_bits());
    assert!((backlog.alignment(1) - (weights[2] + weights[3])).abs() < 1e-15);
    let ahp = backlog.weights_from("objectives").expect("compared");
    assert_eq!(format!("{:.4}", ahp.lambda_max()), "4.0925");
}

#[test]
fn weighted_and_compared_objectives_mix() {
    let backlog = Backlog::builder()
        .objective(Objective::new("legal", 2.0).expect("valid"))
        .objectives(compared_objectives())
        .comparisons("objectives", bozoki())
        .build()
        .expect("valid");
    let weights: Vec<(&str, f64)> = backlog.objectives().iter().map(|o| (o.id(), o.weight())).collect();
    assert_eq!(weights[0], ("legal", 2.0));
    assert_eq!(format!("{:.4}", weights[1].1), "0.3742");
}

#[test]
fn mistakes_in_comparisons_are_named() {
    let build = |objectives: Vec<Objective>, comparisons: Vec<Comparison>| {
        Backlog::builder().objectives(objectives).comparisons("objectives", comparisons).build().unwrap_err()
    };
    let mut weighted = compared_objectives();
    weighted[2] = Objective::new("c", 1.0).expect("valid");
    let both = build(weighted, bozoki());
    assert_eq!(
        both.to_string(),
        r#"objective "c" has both a weight and comparisons in "objectives" (give one or the other)"#
    );
    assert_eq!(
        (both.kind(), both.item(), both.field()),
        (ErrorKind::Structure, Some("c"), Some("comparisons"))
    );

    let unknown = build(compared_objectives()[..3].to_vec(), bozoki());
    assert_eq!(unknown.to_string(), r#"comparisons "objectives": "d" is no objective (known: a, b, c)"#);
    assert_eq!(unknown.item(), Some("d"));

    let mut more = compared_objectives();
    more.push(Objective::compared("e").expect("an id"));
    let unweighted = build(more, bozoki());
    assert_eq!(
        unweighted.to_string(),
        r#"objective "e" has no weight: give it one, or compare it in comparisons "objectives""#
    );
    let none = Backlog::builder().objective(Objective::compared("e").expect("an id")).build().unwrap_err();
    assert_eq!(none, unweighted);

    let apart = build(
        compared_objectives(),
        vec![Comparison::new("a", "b", 2.0).expect("valid"), Comparison::new("c", "d", 2.0).expect("valid")],
    );
    assert_eq!(apart.kind(), ErrorKind::Structure);
    assert_eq!(
        apart.to_string(),
        r#"comparisons "objectives": the comparisons leave "c", "d" apart from "a", "b": compare one of them with one of the others"#
    );

    let twice = Backlog::builder()
        .objectives(compared_objectives())
        .comparisons("objectives", bozoki())
        .comparisons("objectives", bozoki())
        .build()
        .unwrap_err();
    assert_eq!(twice.to_string(), r#"comparisons "objectives" are given twice (give each set once)"#);
    let odd = Backlog::builder().comparisons("criteria", bozoki()).build().unwrap_err();
    assert_eq!(
        odd.to_string(),
        r#"comparisons "criteria": a backlog's sets are "objectives" and "scorecard:NAME""#
    );
    let nameless = Backlog::builder().comparisons("scorecard:value", bozoki()).build().unwrap_err();
    assert_eq!(
        nameless.to_string(),
        r#"comparisons "scorecard:value" name no scorecard of the backlog (scorecards: none)"#
    );
}

#[test]
fn a_compared_scorecard_weighs_its_fields_by_the_comparisons() {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue").expect("valid"))
        .scorecard(Scorecard::compared("value", ["revenue", "reach", "ease"]).expect("valid"))
        .comparisons(
            "scorecard:value",
            [
                Comparison::new("revenue", "reach", 2.0).expect("valid"),
                Comparison::new("revenue", "ease", 4.0).expect("valid"),
                Comparison::new("reach", "ease", 2.0).expect("valid"),
            ],
        )
        .item(BacklogItem::builder("A", "").value("revenue", 7).reach(7).ease(7).build().expect("an item"))
        .build()
        .expect("valid");
    let value = backlog.scorecard("value").expect("declared");
    // A consistent set: the weights are 4 : 2 : 1.
    let weights: Vec<f64> = value.weights().map(|(_, weight)| weight).collect();
    for (found, expected) in weights.iter().zip([4.0 / 7.0, 2.0 / 7.0, 1.0 / 7.0]) {
        assert!((found - expected).abs() < 1e-12, "{weights:?}");
    }
    let score = backlog.rank(&value).expect("ranks").at(1).and_then(|entry| entry.score()).expect("scored");
    assert!((score - 7.0).abs() < 1e-12, "{score}");
    assert_eq!(
        backlog.weights_from("scorecard:value").map(prioritize::judgment::Ahp::consistency_ratio),
        Some(Some(0.0))
    );

    let weighted = Backlog::builder()
        .scorecard(Scorecard::new("value", [("reach", 1.0), ("ease", 1.0)]).expect("valid"))
        .comparisons("scorecard:value", [Comparison::new("reach", "ease", 2.0).expect("valid")])
        .build()
        .unwrap_err();
    assert_eq!(
        weighted.to_string(),
        r#"scorecard "value": field "reach" has both a weight and comparisons in "scorecard:value" (give one or the other)"#
    );
    let stranger = Backlog::builder()
        .scorecard(Scorecard::compared("value", ["reach", "ease"]).expect("valid"))
        .comparisons("scorecard:value", [Comparison::new("reach", "effort", 2.0).expect("valid")])
        .build()
        .unwrap_err();
    assert_eq!(
        stranger.to_string(),
        r#"comparisons "scorecard:value": "effort" is no field of the scorecard (known: reach, ease)"#
    );
}

#[cfg(feature = "json")]
/// A backlog with every judgment section.
fn judged() -> Backlog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/judgments.json"))
        .expect("the example");
    Backlog::from_json(&text).expect("valid")
}

#[cfg(feature = "json")]
#[test]
fn every_judgment_is_written_back_as_given() {
    let backlog = judged();
    let text = serde_json::to_string(&backlog).expect("serializes");
    assert!(
        text.contains(r#""objectives":[{"id":"growth"},{"id":"retention"},{"id":"compliance"}]"#),
        "{text}"
    );
    assert!(
        text.contains(
            r#""scorecards":{"value":{"criteria":["reach","impact","confidence"],"normalize":"relative"}}"#
        ),
        "{text}"
    );
    assert!(text.contains(r#""comparisons":{"objectives":[["growth","retention",2.0],"#), "{text}");
    assert!(
        text.contains(r#""votes":[["CHK-1","AUTH-2"],"#) && text.contains(r#""votes_prior":1.0"#),
        "{text}"
    );
    assert!(text.contains(r#""kano":{"CHK-1":[["like","dislike"],"#), "{text}");
    let again = Backlog::from_json(&text).expect("reads back");
    assert_eq!(again, backlog);
    assert_eq!(backlog.to_builder().build().expect("rebuilds"), backlog);
    // The weights are the comparisons', computed again, to the bit.
    let bits = |b: &Backlog| b.objectives().iter().map(|o| o.weight().to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&again), bits(&backlog));
}

#[cfg(feature = "json")]
#[test]
fn edits_keep_the_judgments() {
    let mut backlog = judged();
    let before = backlog.clone();
    backlog.set("DUN-1", "reach", 10.0).expect("a field");
    backlog.insert(item("NEW")).expect("a new id");
    assert_eq!(backlog.votes(), before.votes());
    assert_eq!(backlog.comparisons(), before.comparisons());
    assert_eq!(backlog.objectives(), before.objectives());
    assert_eq!(backlog.kano(), before.kano());
    backlog.remove("NEW").expect("no vote names it");
    let voted = backlog.remove("CHK-1").unwrap_err();
    assert_eq!(voted.kind(), ErrorKind::Structure);
    assert_eq!((voted.item(), voted.field()), (Some("CHK-1"), Some("votes")));
    assert!(
        voted.to_string().starts_with(r#"item "CHK-1" is named by 8 vote(s), the first vote 0"#),
        "{voted}"
    );
    assert_eq!(backlog.len(), before.len());
}

#[test]
fn votes_name_items_of_the_backlog() {
    let unknown = Backlog::builder().item(item("A")).votes([Vote::new("A", "Z")]).build().unwrap_err();
    assert_eq!(unknown.to_string(), r#"vote 0: "Z" is no item of the backlog"#);
    assert_eq!(
        (unknown.kind(), unknown.item(), unknown.field()),
        (ErrorKind::Structure, Some("Z"), Some("votes"))
    );
    let prior = Backlog::builder().votes_prior(0.0).build().unwrap_err();
    assert_eq!(
        (prior.kind(), prior.to_string().as_str()),
        (ErrorKind::Value, "votes_prior 0 is not a finite number > 0")
    );
    #[cfg(feature = "json")]
    votes_as_written();
}

/// A vote's own mistakes, as a file writes it.
#[cfg(feature = "json")]
fn votes_as_written() {
    let text = r#"{"votes": [["A", "B"], ["B", "B"]], "items": [{"id": "A"}, {"id": "B"}]}"#;
    let itself = Backlog::from_json(text).unwrap_err();
    assert!(itself.to_string().starts_with(r#"vote 1: "B" cannot win against itself"#), "{itself}");
    let weight = r#"{"votes": [["A", "B", -1]], "items": [{"id": "A"}, {"id": "B"}]}"#;
    assert!(
        Backlog::from_json(weight)
            .unwrap_err()
            .to_string()
            .starts_with("vote 0: weight -1 is not a finite number > 0")
    );
}

/// Hunter's (2004) wins matrix, as votes between the items of a backlog (`i0` to `i3`), and an
/// item in no vote.
fn hunter() -> Backlog {
    let wins = vec![vec![0, 2, 0, 1], vec![3, 0, 5, 0], vec![0, 3, 0, 1], vec![4, 0, 3, 0]];
    let votes = super::votes::from_wins(&wins);
    Backlog::builder().items(["i0", "i1", "i2", "i3", "none"].map(item)).votes(votes).build().expect("valid")
}

#[test]
fn pairwise_scores_are_the_published_strengths() {
    let backlog = hunter();
    let ranking = backlog.rank(Pairwise::default()).expect("a maximum exists");
    let scores: Vec<(&str, String)> =
        ranking.iter().map(|e| (e.item().id(), format!("{:.4}", e.score().unwrap_or(0.0)))).collect();
    assert_eq!(
        scores,
        [("i3", "0.4921".into()), ("i1", "0.2262".into()), ("i2", "0.1430".into()), ("i0", "0.1387".into())]
    );
    let unscored: Vec<(&str, Vec<&str>)> =
        ranking.unscored().map(|u| (u.item().id(), u.missing_names())).collect();
    assert_eq!(unscored, [("none", vec!["votes"])]);
    // The breakdown names the weighted votes.
    let top = ranking.at(1).expect("ranked");
    let breakdown = top.breakdown();
    let parts: Vec<(&str, f64)> = breakdown.iter().collect();
    assert_eq!(&parts[..2], [("wins", 7.0), ("losses", 2.0)]);
    // By name, and kept past the backlog.
    let chosen: Framework = "pairwise".parse().expect("a framework");
    assert_eq!(chosen, Framework::Pairwise);
    let kept = hunter().rank(chosen).expect("ranks").into_owned();
    assert_eq!(kept.at(1).map(|entry| entry.item().id().to_owned()), Some("i3".to_owned()));
    assert_eq!(Pairwise::default().inputs(&hunter()), FieldSet::VOTES);
}

#[test]
fn without_a_maximum_a_prior_is_needed() {
    let backlog = Backlog::builder()
        .items(["A", "B", "C"].map(item))
        .votes([Vote::new("A", "B"), Vote::new("B", "C"), Vote::new("C", "B")])
        .build()
        .expect("valid");
    let error = backlog.rank(Pairwise::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"the votes give no strengths: "A" never lost (give a prior, such as 1, to rank them anyway)"#
    );
    assert_eq!((error.kind(), error.item()), (ErrorKind::Structure, Some("A")));
    let with_prior = backlog.rank(Pairwise::default().prior(1.0).expect("valid")).expect("ranks");
    let reference = Strengths::from_votes(backlog.votes(), Some(1.0)).expect("a prior always has an answer");
    for entry in with_prior.iter() {
        assert_eq!(entry.score().map(f64::to_bits), reference.get(entry.item().id()).map(f64::to_bits));
    }
    // The backlog's own prior serves when the engine has none.
    let own = backlog.to_builder().votes_prior(1.0).build().expect("valid");
    let scores = |b: &Backlog, engine: Pairwise| {
        b.rank(engine).expect("ranks").iter().map(|e| e.score().map(f64::to_bits)).collect::<Vec<_>>()
    };
    assert_eq!(
        scores(&own, Pairwise::default()),
        scores(&backlog, Pairwise::default().prior(1.0).expect("valid"))
    );
    for prior in [-1.0, 0.0, f64::NAN, f64::INFINITY] {
        let error = Pairwise::default().prior(prior).unwrap_err();
        assert_eq!((error.kind(), error.field()), (ErrorKind::Parameter, Some("prior")), "{prior}");
    }
}

#[test]
fn pairwise_weighs_alignment_and_explains_itself_unbound() {
    use prioritize::AlignmentWeight;
    let backlog = Backlog::builder()
        .item(BacklogItem::builder("A", "").alignment(0.5).build().expect("an item"))
        .item(item("B"))
        .votes([Vote::new("A", "B"), Vote::new("A", "B"), Vote::new("B", "A")])
        .build()
        .expect("valid");
    // Strengths 2/3 and 1/3 (two wins to one); λ = 0.5 weighs A by 1 − 0.5 + 0.5 · 0.5 and B by 0.5.
    let weighted = Pairwise::default().alignment_weight(AlignmentWeight::new(0.5).expect("valid"));
    let ranking = backlog.rank(weighted).expect("ranks");
    let scores: Vec<f64> = ranking.iter().filter_map(|entry| entry.score()).collect();
    assert!(
        (scores[0] - 2.0 / 3.0 * 0.75).abs() < 1e-9 && (scores[1] - 1.0 / 3.0 * 0.5).abs() < 1e-9,
        "{scores:?}"
    );
    assert_eq!(ranking.engine().inputs(&backlog), FieldSet::VOTES);
    // Called on its own, the engine binds itself to the item's backlog.
    let engine = Pairwise::default();
    let breakdown = engine.breakdown(&backlog.item(0));
    let parts: Vec<(&str, f64)> = breakdown.iter().collect();
    assert_eq!(&parts[..2], [("wins", 2.0), ("losses", 1.0)]);
    let alone = engine.evaluate(&backlog.item(1)).expect("scored").score().expect("a score");
    assert!((alone - 1.0 / 3.0).abs() < 1e-9, "{alone}");
}

#[test]
fn comparison_sets_by_name() {
    let one = |a: &str, b: &str| Comparison::new(a, b, 2.0).expect("valid");
    let sets = prioritize::judgment::ComparisonSets::new();
    assert!(sets.is_empty());
    let sets = sets
        .with("objectives", [one("a", "b")])
        .expect("new")
        .with("scorecard:v", [one("x", "y"), one("y", "z")])
        .expect("new");
    assert!(!sets.is_empty());
    assert_eq!(sets.get("objectives"), Some(&[one("a", "b")][..]));
    assert_eq!(sets.get("scorecard:v").map(<[_]>::len), Some(2));
    assert_eq!(sets.get("scorecard:w"), None);
    assert_eq!(sets.iter().map(|(name, _)| name).collect::<Vec<_>>(), ["objectives", "scorecard:v"]);
    let twice = sets.with("objectives", []).unwrap_err();
    assert_eq!(twice.to_string(), r#"comparisons "objectives" are given twice (give each set once)"#);
}

#[cfg(feature = "json")]
#[test]
fn kano_answers_are_kept_with_their_features() {
    use prioritize::judgment::Answer::{Dislike, Like, Neutral};
    let backlog = Backlog::builder()
        .item(item("A"))
        .kano("A", [(Like, Dislike), (Like, Neutral)])
        .build()
        .expect("valid");
    let feature = &backlog.kano()[0];
    assert_eq!((feature.id(), feature.answers().len()), ("A", 2));
    assert_eq!(feature.counts().one_dimensional, 1);
    let text = serde_json::to_string(&backlog).expect("serializes");
    assert!(text.contains(r#""kano":{"A":[["like","dislike"],["like","neutral"]]}"#), "{text}");
    // Sections it does not have are left out.
    for absent in ["comparisons", "votes", "votes_prior", "scorecards", "raters"] {
        assert!(!text.contains(&format!("\"{absent}\"")), "{text}");
    }
    assert_eq!(Backlog::from_json(&text).expect("reads back"), backlog);
}

proptest! {
    /// The pairwise ranking orders the items by their Bradley-Terry strengths, highest first,
    /// ties in input order, with the items in no vote unscored.
    #[test]
    fn pairwise_orders_by_the_strengths(
        votes in prop::collection::vec((0usize..6, 0usize..6, 1u32..4), 0..30),
    ) {
        let ids = ["A", "B", "C", "D", "E", "F"];
        let votes: Vec<Vote> = votes
            .into_iter()
            .filter(|(a, b, _)| a != b)
            .map(|(a, b, w)| Vote::new(ids[a], ids[b]).weight(f64::from(w)).expect("a weight"))
            .collect();
        let backlog = Backlog::builder().items(ids.map(item)).votes(votes.clone()).build().expect("valid");
        let ranking = backlog.rank(Pairwise::default().prior(0.5).expect("valid")).expect("a prior has an answer");
        let strengths = Strengths::from_votes(&votes, Some(0.5)).expect("a prior has an answer");
        let mut expected: Vec<(usize, f64)> =
            ids.iter().enumerate().filter_map(|(at, id)| strengths.get(id).map(|s| (at, s))).collect();
        expected.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let found: Vec<&str> = ranking.iter().map(|e| e.item().id()).collect();
        let expected_ids: Vec<&str> = expected.iter().map(|(at, _)| ids[*at]).collect();
        prop_assert_eq!(found, expected_ids);
        prop_assert_eq!(ranking.unscored().count(), ids.len() - expected.len());
    }
}
