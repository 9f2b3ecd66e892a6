//! Properties of MoSCoW: categories first, the input order or a secondary engine within each,
//! and DSDM's 60 % allocation check.

use crate::common::{Choice, backlog_of, specs};
use prioritize::model::Effort;
use prioritize::ranking::{MUST_SHARE_LIMIT, ShareBasis, Warning};
use prioritize::{Category, RankOptions};
use proptest::prelude::*;

proptest! {
    #![proptest_config(crate::common::config(256))]

    /// Every Must comes before every Should, before every Could, before every Won't; each entry
    /// carries its item's category.
    #[test]
    fn categories_come_in_priority_order(
        specs in specs(),
        choice in prop::sample::select(vec![Choice::Moscow, Choice::MoSCoWThenRice(0.0), Choice::MoSCoWThenWsjf(0.5)]),
    ) {
        let backlog = backlog_of(&specs);
        let engine = choice.engine();
        let ranking = backlog.rank(&*engine)?;
        prop_assert_eq!(ranking.is_categorized(), !ranking.is_empty());
        let categories: Vec<Category> = ranking.iter().map(|e| e.category().expect("a category")).collect();
        prop_assert!(categories.windows(2).all(|pair| pair[0] <= pair[1]), "{:?}", categories);
        for entry in ranking.iter() {
            prop_assert_eq!(entry.category(), specs[entry.index()].moscow);
        }
    }

    /// Without a secondary engine there is no score, each category keeps the input order, and all
    /// items of a category share the rank of its first.
    #[test]
    fn plain_moscow_keeps_input_order_and_one_rank_per_category(specs in specs()) {
        let backlog = backlog_of(&specs);
        let engine = Choice::Moscow.engine();
        let ranking = backlog.rank(&*engine)?;
        let mut expected: Vec<usize> = (0..specs.len()).filter(|&i| specs[i].moscow.is_some()).collect();
        expected.sort_by_key(|&i| specs[i].moscow);
        prop_assert_eq!(crate::common::order(&ranking), expected);
        for entry in ranking.iter() {
            prop_assert_eq!(entry.score(), None);
            prop_assert!(entry.breakdown().is_empty());
            let first = ranking.iter().find(|e| e.category() == entry.category()).map(|e| e.position());
            prop_assert_eq!(Some(entry.rank()), first);
        }
    }

    /// With a secondary engine, each category is ordered by that engine's own score (higher
    /// first, ties in input order), and each entry's score and breakdown are the secondary's.
    #[test]
    fn a_secondary_engine_orders_each_category(
        specs in specs(), secondary in prop::sample::select(vec![Choice::Rice(0.0), Choice::Wsjf(0.0)]),
    ) {
        let backlog = backlog_of(&specs);
        let choice = match secondary {
            Choice::Rice(_) => Choice::MoSCoWThenRice(0.0),
            _ => Choice::MoSCoWThenWsjf(0.0),
        };
        let (moscow, alone) = (choice.engine(), secondary.engine());
        let ranking = backlog.rank(&*moscow)?;
        let by_secondary = backlog.rank(&*alone)?;
        let entries: Vec<_> = ranking.iter().collect();
        for pair in entries.windows(2) {
            if pair[0].category() == pair[1].category() {
                let (a, b) = (pair[0].score(), pair[1].score());
                prop_assert!(a > b || (a == b && pair[0].index() < pair[1].index()));
            }
        }
        for entry in &entries {
            let own = by_secondary.get(entry.item().id()).expect("scored by the secondary engine");
            prop_assert_eq!(entry.score().map(f64::to_bits), own.score().map(f64::to_bits));
            prop_assert_eq!(entry.breakdown(), own.breakdown());
        }
    }

    /// DSDM's check: a warning exactly when the Must Haves' effort exceeds 60 % of the capacity
    /// (or, without one, of the Must + Should + Could effort), and a second one exactly when some
    /// Must, Should or Could Have lacks an effort.
    #[test]
    fn the_must_share_warning_follows_the_sixty_percent_rule(
        specs in specs(), capacity in prop::option::of(crate::common::effort()),
    ) {
        let backlog = backlog_of(&specs);
        let engine = Choice::Moscow.engine();
        let mut options = RankOptions::default();
        if let Some(capacity) = capacity {
            options = options.capacity(Effort::new(capacity)?);
        }
        let ranking = backlog.rank_with(&*engine, &options)?;
        prop_assume!(!ranking.is_empty());
        let planned = |category: Category| category != Category::Wont;
        let (mut must, mut total, mut lacking) = (0.0, 0.0, 0);
        for spec in specs.iter().filter(|s| s.moscow.is_some_and(planned)) {
            match spec.effort {
                Some(effort) => {
                    total += effort;
                    if spec.moscow == Some(Category::Must) {
                        must += effort;
                    }
                }
                None => lacking += 1,
            }
        }
        let (basis, basis_effort) = capacity.map_or((ShareBasis::Planned, total), |c| (ShareBasis::Capacity, c));
        let mut expected = Vec::new();
        if basis_effort > 0.0 && must > MUST_SHARE_LIMIT * basis_effort {
            expected.push(Warning::MustOverShare { must_effort: must, basis_effort, basis });
        }
        if lacking > 0 {
            expected.push(Warning::EffortMissing { count: lacking });
        }
        prop_assert_eq!(ranking.warnings(), &expected[..]);
    }

    /// Engines without categories give no allocation warning.
    #[test]
    fn uncategorized_rankings_have_no_warnings(specs in specs(), choice in prop::sample::select(vec![Choice::Rice(0.0), Choice::Wsjf(0.5)])) {
        let backlog = backlog_of(&specs);
        let engine = choice.engine();
        let ranking = backlog.rank(&*engine)?;
        prop_assert!(!ranking.is_categorized());
        prop_assert!(ranking.warnings().is_empty());
        prop_assert!(ranking.iter().all(|e| e.category().is_none()));
    }
}
