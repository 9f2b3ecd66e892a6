//! The calls other programs make, kept compiling across the model's redesign, and the limits the
//! model promises.
#![cfg(feature = "csv")]

use prioritize::csv;
use prioritize::{Backlog, BacklogItem, Confidence, Criterion, Impact, RankOptions, Rice};

/// Exactly the calls integrations make: JSON in and out, items built in code, a ranking and its
/// entries by position.
#[test]
#[allow(clippy::needless_borrows_for_generic_args)] // `rank(&rice)` is the call integrations make
fn the_calls_integrations_make_still_compile_and_agree() -> Result<(), Box<dyn std::error::Error>> {
    let item = BacklogItem::builder("P1", "Project 1")
        .reach(450.0)
        .impact(Impact::new(3.0)?)
        .confidence(Confidence::new(1.0)?)
        .effort(2.0)
        .build()?;
    let backlog = Backlog::from_items(vec![item])?;
    assert_eq!(backlog.len(), 1);
    let text = serde_json::to_string(&backlog)?;
    let read = serde_json::from_str::<Backlog>(&text)?;
    assert_eq!(read, backlog);
    let rice = Rice::default();
    let ranking = backlog.rank(&rice)?;
    assert_eq!((ranking.len(), ranking.at(1).map(|entry| entry.rank())), (1, Some(1)));
    let top = backlog.rank_with(&rice, &RankOptions::default().top(100))?;
    assert_eq!(top.at(1).and_then(|entry| entry.score()), Some(675.0));
    Ok(())
}

/// A function can return a ranking that owns its engine.
#[test]
fn a_ranking_owns_an_owned_engine() {
    fn ranked(backlog: &Backlog) -> prioritize::Ranking<'_> {
        backlog.rank(Rice::default()).expect("ranks")
    }
    let backlog =
        csv::read_backlog("id,reach,impact,confidence,effort\nA,1,1,1,1\n".as_bytes()).expect("valid");
    assert_eq!(ranked(&backlog).engine_name(), "rice");
}

/// A backlog holds 64 declared criteria; one more is an error.
#[test]
fn sixty_four_criteria_and_no_more() {
    let criteria = |n: usize| (0..n).map(|i| Criterion::new(format!("c{i}")).expect("an id"));
    let item = (0..64).fold(BacklogItem::builder("A", ""), |item, i| item.value(format!("c{i}").as_str(), i));
    let backlog =
        Backlog::builder().criteria(criteria(64)).item(item.build().expect("valid")).build().expect("64 fit");
    assert_eq!(backlog.item(0).value("c63"), Some(63.0));
    assert_eq!(backlog.criteria().len(), 64);
    let error = Backlog::builder().criteria(criteria(65)).build().unwrap_err();
    assert_eq!(error.kind(), prioritize::ErrorKind::Structure);
    assert_eq!(error.to_string(), "65 criteria are declared, over the limit of 64");
}
