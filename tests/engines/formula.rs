//! Formulas: the language (precedence, functions), its error messages, names resolved against the
//! backlog, unscored items and non-finite results.

use prioritize::ranking::UnscoredPolicy;
use prioritize::{
    AlignmentWeight, Backlog, BacklogItem, Category, Criterion, Engine, ErrorKind, Formula, Item, Moscow,
    RankOptions, Result, Rice,
};

/// The score of a formula over a backlog of one item with every field it needs.
#[track_caller]
fn value(text: &str) -> f64 {
    let item = BacklogItem::builder("A", "").reach(4).effort(2).confidence(0.5).build().expect("valid");
    let backlog = Backlog::from_items([item]).expect("valid");
    let ranking = backlog.rank(Formula::parse(text).expect("parses")).expect("ranks");
    ranking.at(1).and_then(|entry| entry.score()).expect("a score")
}

#[track_caller]
fn syntax_error(text: &str) -> String {
    Formula::parse(text).expect_err("a syntax error").to_string()
}

#[test]
fn precedence_follows_the_documented_rules() {
    assert_eq!(value("-2^2"), -4.0);
    assert_eq!(value("2^3^2"), 512.0);
    assert_eq!(value("-reach^2"), -16.0);
    assert_eq!(value("(-2)^2"), 4.0);
    assert_eq!(value("2^-effort"), 0.25);
    assert_eq!(value("reach - effort - 1"), 1.0);
    assert_eq!(value("reach / effort / 2"), 1.0);
    assert_eq!(value("reach + effort * 3"), 10.0);
    assert_eq!(value("reach * -effort"), -8.0);
    assert_eq!(value("-(reach + effort)"), -6.0);
    assert_eq!(value("reach^confidence * 2"), 4.0);
}

#[test]
fn functions_take_their_arguments() {
    assert_eq!(value("min(reach, effort, 3)"), 2.0);
    assert_eq!(value("max(reach)"), 4.0);
    assert_eq!(value("max(reach - 10, effort * 0.5, -1)"), 1.0);
    assert_eq!(value("sqrt(reach) + abs(-effort) + ln(1) + log10(100)"), 6.0);
    assert_eq!(value("max(1, 2) ^ 2"), 4.0);
    // A name is a function only before "(": spaces between them are allowed.
    assert_eq!(value("sqrt (reach)"), 2.0);
}

#[test]
fn syntax_errors_name_the_character_and_what_was_expected() {
    assert_eq!(
        syntax_error("reach * "),
        r#"formula "reach * ": at character 9: expected a number, a name or "(""#
    );
    assert_eq!(syntax_error(""), r#"formula "": at character 1: expected a number, a name or "(""#);
    assert_eq!(
        syntax_error("reach effort"),
        r#"formula "reach effort": at character 7: expected an operator (+ - * / ^) or the end"#
    );
    assert_eq!(
        syntax_error("(reach + 1"),
        r#"formula "(reach + 1": at character 11: expected an operator (+ - * / ^) or ")""#
    );
    assert_eq!(
        syntax_error("reach + 1)"),
        r#"formula "reach + 1)": at character 10: expected an operator (+ - * / ^) or the end"#
    );
    assert_eq!(
        syntax_error("max(reach; 1)"),
        r#"formula "max(reach; 1)": at character 10: expected an operator (+ - * / ^), "," or ")""#
    );
    assert_eq!(syntax_error("min()"), r#"formula "min()": at character 5: expected a number, a name or "(""#);
    assert_eq!(
        syntax_error("max(1,)"),
        r#"formula "max(1,)": at character 7: expected a number, a name or "(""#
    );
    assert_eq!(
        syntax_error("sqrt(reach, 2)"),
        r#"formula "sqrt(reach, 2)": at character 11: expected an operator (+ - * / ^) or ")" (sqrt takes one argument)"#
    );
    assert_eq!(
        syntax_error("exp(reach)"),
        r#"formula "exp(reach)": at character 1: unknown function "exp" (expected min, max, sqrt, ln, log10 or abs)"#
    );
    assert_eq!(
        syntax_error("2 ** 3"),
        r#"formula "2 ** 3": at character 4: expected a number, a name or "(""#
    );
    assert_eq!(
        syntax_error("+reach"),
        r#"formula "+reach": at character 1: expected a number, a name or "(""#
    );
    assert_eq!(
        syntax_error("1e400 * reach"),
        r#"formula "1e400 * reach": at character 1: number 1e400 is too large for f64"#
    );
    // Positions count characters, not bytes.
    assert_eq!(syntax_error("é + é"), r#"formula "é + é": at character 1: expected a number, a name or "(""#);
    assert_eq!(
        syntax_error("reach × 2"),
        r#"formula "reach × 2": at character 7: expected an operator (+ - * / ^) or the end"#
    );
}

#[test]
fn nesting_is_bounded_and_never_overflows_the_stack() {
    let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let error = Formula::parse(&deep).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Syntax);
    assert!(error.to_string().contains(": at character 101: "), "{error}");
    assert!(error.to_string().ends_with("the formula nests deeper than 100 levels"));
    assert!(Formula::parse(&"-".repeat(100_000)).is_err());
    assert!(Formula::parse(&"2^".repeat(100_000)).is_err());
    let fine = format!("{}1{}", "(".repeat(90), ")".repeat(90));
    assert_eq!(value(&fine), 1.0);
    // Long is not deep: 1,000 terms side by side, each negated, nest one level.
    let long = vec!["-reach"; 1000].join(" + ");
    assert_eq!(value(&long), -4000.0);
}

#[test]
fn unknown_names_are_errors_that_list_the_known_ones() -> Result<()> {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue")?)
        .item(BacklogItem::builder("A", "").reach(1).build()?)
        .build()?;
    let error = backlog.rank(Formula::parse("reach * revenu")?).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"formula "reach * revenu": unknown name "revenu" (known: reach, impact, confidence, effort, business_value, time_criticality, risk_reduction, ease, cost_of_delay, duration, importance, satisfaction, alignment, revenue)"#
    );
    // Fields that are not numbers are not names a formula can use.
    for text in ["moscow", "id", "Reach"] {
        let error = backlog.rank(Formula::parse(text)?).unwrap_err();
        assert_eq!((error.kind(), error.field()), (ErrorKind::Structure, Some(text)), "{error}");
    }
    // Names are checked against the backlog before any item is scored, alone or within MoSCoW's
    // categories, so an empty backlog reports them too.
    let empty = Backlog::builder().criterion(Criterion::new("revenue")?).build()?;
    for engine in [
        Box::new(Formula::parse("revenu")?) as Box<dyn Engine>,
        Box::new(Moscow::default().then(Formula::parse("revenu")?)),
    ] {
        let error = empty.rank(engine).map(|ranking| ranking.len()).unwrap_err();
        assert_eq!((error.kind(), error.field()), (ErrorKind::Structure, Some("revenu")), "{error}");
    }
    Ok(())
}

#[test]
fn criteria_and_alignment_are_names_too() -> Result<()> {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue")?)
        .criterion(Criterion::new("max")?)
        .item(
            BacklogItem::builder("A", "")
                .value("revenue", 10)
                .value("max", 3)
                .effort(2)
                .alignment(0.5)
                .build()?,
        )
        .item(
            BacklogItem::builder("B", "")
                .value("revenue", 4)
                .value("max", 1)
                .effort(1)
                .alignment(1)
                .build()?,
        )
        .build()?;
    let formula = Formula::parse("revenue / effort * alignment + max(max, 0)")?;
    let ranking = backlog.rank(&formula)?;
    let scores: Vec<(&str, Option<f64>)> = ranking.iter().map(|e| (e.item().id(), e.score())).collect();
    assert_eq!(scores, [("A", Some(5.5)), ("B", Some(5.0))]);
    let breakdown = ranking.at(1).expect("A").breakdown();
    assert_eq!(
        breakdown.iter().collect::<Vec<_>>(),
        [("revenue", 10.0), ("effort", 2.0), ("alignment", 0.5), ("max", 3.0), ("formula", 5.5)]
    );
    assert_eq!(formula.names().collect::<Vec<_>>(), ["revenue", "effort", "alignment", "max"]);
    let inputs = backlog.field_names(formula.inputs(&backlog));
    assert_eq!(inputs, ["effort", "alignment", "revenue", "max"]);
    Ok(())
}

#[test]
fn an_item_that_lacks_a_name_is_unscored_even_where_the_formula_would_not_need_it() -> Result<()> {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue")?)
        .item(BacklogItem::builder("FULL", "").reach(2).value("revenue", 1).alignment(0.5).build()?)
        .item(BacklogItem::builder("NO-REACH", "").value("revenue", 1).alignment(0.5).build()?)
        .item(BacklogItem::builder("BARE", "").build()?)
        .build()?;
    let formula = Formula::parse("max(reach, 0) ^ 0 * revenue + alignment")?;
    let ranking = backlog.rank(&formula)?;
    assert_eq!(ranking.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["FULL"]);
    let unscored: Vec<(&str, Vec<&str>)> =
        ranking.unscored().map(|u| (u.item().id(), backlog.field_names(u.missing()))).collect();
    assert_eq!(unscored, [("NO-REACH", vec!["reach"]), ("BARE", vec!["reach", "alignment", "revenue"])]);
    let strict = RankOptions::default().unscored(UnscoredPolicy::Reject);
    assert_eq!(
        backlog.rank_with(&formula, &strict).unwrap_err().to_string(),
        r#"item "NO-REACH": formula needs reach, which the item lacks (strict mode)"#
    );
    Ok(())
}

#[test]
fn a_non_finite_result_is_an_error_naming_the_item() -> Result<()> {
    let backlog = Backlog::from_items([
        BacklogItem::builder("OK", "").reach(4).effort(1).build()?,
        BacklogItem::builder("ZERO", "").reach(0).effort(1).build()?,
        BacklogItem::builder("LATER", "").reach(0).effort(2).build()?,
    ])?;
    let message = |text: &str| backlog.rank(Formula::parse(text).expect("parses")).unwrap_err().to_string();
    assert_eq!(
        message("effort / reach"),
        r#"item "ZERO": formula "effort / reach" gives inf, which is not a finite score"#
    );
    assert_eq!(
        message("sqrt(0 - effort)"),
        r#"item "OK": formula "sqrt(0 - effort)" gives NaN, which is not a finite score"#
    );
    assert_eq!(
        message("ln(reach)"),
        r#"item "ZERO": formula "ln(reach)" gives -inf, which is not a finite score"#
    );
    assert_eq!(
        message("reach * 1e308 * 10"),
        r#"item "OK": formula "reach * 1e308 * 10" gives inf, which is not a finite score"#
    );
    // Item by item, the same error.
    let formula = Formula::parse("effort / reach")?;
    let item = backlog.get("ZERO").expect("ZERO");
    let error = formula.evaluate(&item).unwrap_err();
    assert_eq!((error.kind(), error.item()), (ErrorKind::Value, Some("ZERO")));
    Ok(())
}

#[test]
fn a_formula_works_wherever_an_engine_does() -> Result<()> {
    let item = |id: &str, category: Category, reach: f64| {
        BacklogItem::builder(id, "")
            .moscow(category)
            .reach(reach)
            .impact(1)
            .confidence(1)
            .effort(1)
            .alignment(0.5)
            .build()
    };
    let backlog = Backlog::from_items([
        item("S1", Category::Should, 900.0)?,
        item("M1", Category::Must, 100.0)?,
        item("M2", Category::Must, 500.0)?,
    ])?;
    let formula = Formula::parse("reach * impact * confidence / effort")?;
    let ranking = backlog.rank(Moscow::default().then(formula.clone()))?;
    assert_eq!(ranking.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["M2", "M1", "S1"]);
    assert_eq!(ranking.at(1).expect("M2").breakdown().get("formula"), Some(500.0));
    let top = backlog.rank_with(&formula, &RankOptions::default().top(1))?;
    assert_eq!(top.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["S1"]);
    let half = AlignmentWeight::new(0.5)?;
    let aligned = backlog.rank(formula.clone().alignment_weight(half))?;
    let rice = backlog.rank(Rice::default().alignment_weight(half))?;
    assert_eq!(
        aligned.iter().map(|e| e.score()).collect::<Vec<_>>(),
        rice.iter().map(|e| e.score()).collect::<Vec<_>>()
    );
    assert_eq!(aligned.at(1).expect("S1").breakdown().get("alignment_factor"), Some(0.75));
    // An owned item scores with the built-in fields.
    let owned = BacklogItem::builder("X", "").reach(3).impact(2).confidence(0.5).effort(1).build()?;
    assert_eq!(formula.evaluate(&Item::of(&owned, 0.0))?.score(), Some(3.0));
    assert_eq!(formula.to_string(), "reach * impact * confidence / effort");
    assert_eq!("2 * reach".parse::<Formula>()?.text(), "2 * reach");
    Ok(())
}

#[test]
fn an_unbound_formula_scores_and_explains_as_its_ranking_does() -> Result<()> {
    // A ranking binds the formula to the backlog once; called directly, the formula binds itself
    // on every call, with the same results.
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue")?)
        .item(BacklogItem::builder("A", "").value("revenue", 8).effort(4).build()?)
        .item(BacklogItem::builder("B", "").value("revenue", 3).build()?)
        .item(BacklogItem::builder("C", "").value("revenue", 6).effort(2).build()?)
        .build()?;
    let formula = Formula::parse("revenue / effort")?;
    let mut batch = Vec::new();
    formula.hooks().expect("a built-in engine").evaluate_all(&backlog, 0..3, &mut batch)?;
    let scores: Vec<Option<f64>> = batch.iter().map(prioritize::Evaluation::score).collect();
    assert_eq!(scores, [Some(2.0), None, Some(3.0)]);
    let one_by_one: Vec<Option<f64>> = (0..3)
        .map(|index| formula.evaluate(&backlog.item(index)).map(|e| e.score()))
        .collect::<Result<_>>()?;
    assert_eq!(one_by_one, scores);
    let breakdown = formula.breakdown(&backlog.item(2));
    assert_eq!(breakdown.iter().collect::<Vec<_>>(), [("revenue", 6.0), ("effort", 2.0), ("formula", 3.0)]);
    let ranking = backlog.rank(&formula)?;
    assert_eq!(ranking.at(1).map(|entry| entry.breakdown()), Some(breakdown));
    Ok(())
}

#[test]
fn names_may_hold_digits_after_the_first_letter() -> Result<()> {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("q1")?)
        .criterion(Criterion::new("x_2")?)
        .item(BacklogItem::builder("A", "").value("q1", 3).value("x_2", 4).build()?)
        .build()?;
    let ranking = backlog.rank(Formula::parse("q1*x_2 + q1")?)?;
    assert_eq!(ranking.at(1).and_then(|entry| entry.score()), Some(15.0));
    Ok(())
}
