//! Kano's evaluation table, Berger's coefficients and Fong's test.

use prioritize::ErrorKind;
use prioritize::judgment::{Answer, KanoCategory, KanoCounts, KanoFeature};

/// The published evaluation table (Kano et al. 1984; as Berger et al. 1993 print it), row by
/// functional answer, column by dysfunctional answer, in the order like, must-be, neutral,
/// live-with, dislike.
#[test]
fn the_evaluation_table() {
    use KanoCategory::{
        Attractive as A, Indifferent as I, MustBe as M, OneDimensional as O, Questionable as Q, Reverse as R,
    };
    let answers = [Answer::Like, Answer::MustBe, Answer::Neutral, Answer::LiveWith, Answer::Dislike];
    let table = [[Q, A, A, A, O], [R, I, I, I, M], [R, I, I, I, M], [R, I, I, I, M], [R, R, R, R, Q]];
    for (functional, row) in answers.iter().zip(table) {
        for (dysfunctional, expected) in answers.iter().zip(row) {
            assert_eq!(
                KanoCategory::of(*functional, *dysfunctional),
                expected,
                "{functional:?}/{dysfunctional:?}"
            );
        }
    }
}

/// Berger et al. (1993) coefficients and Fong's (1996) test on counts M 95, O 123, A 45, I 33.
#[test]
fn published_counts() {
    let counts = KanoCounts {
        must_be: 95,
        one_dimensional: 123,
        attractive: 45,
        indifferent: 33,
        ..KanoCounts::default()
    };
    let feature = KanoFeature::from_counts("F", counts);
    assert_eq!(feature.category(), KanoCategory::OneDimensional);
    assert!((feature.better().expect("answers") - 168.0 / 296.0).abs() < 1e-15);
    assert!((feature.worse().expect("answers") + 218.0 / 296.0).abs() < 1e-15);
    assert_eq!(
        format!("{:.3} {:.3}", feature.better().unwrap_or(0.0), feature.worse().unwrap_or(0.0)),
        "0.568 -0.736"
    );
    // |123 - 95| = 28 >= 1.65 * sqrt(218 * 374 / 592) = 19.36.
    assert!(feature.is_significant());
    // 100 against 95: 5 < 1.65 * sqrt(195 * (2 * 268 - 195) / 536).
    let close = KanoFeature::from_counts("G", KanoCounts { one_dimensional: 100, ..counts });
    assert!(!close.is_significant());
}

#[test]
fn answers_classify_ties_break_and_mistakes_name_the_feature() {
    let feature = KanoFeature::from_labels(
        "dark mode",
        [
            ("like", "neutral"),
            ("Like", "Live with"),
            ("neutral", "neutral"),
            ("must_be", "dislike"),
            ("like", "dislike"),
        ],
    )
    .expect("valid answers");
    let counts = feature.counts();
    assert_eq!((counts.attractive, counts.indifferent, counts.must_be, counts.one_dimensional), (2, 1, 1, 1));
    assert_eq!(feature.category(), KanoCategory::Attractive);
    // Ties go to M, then O, A, I.
    let tie = KanoFeature::from_counts(
        "T",
        KanoCounts { attractive: 3, one_dimensional: 3, must_be: 3, indifferent: 3, ..KanoCounts::default() },
    );
    assert_eq!(tie.category(), KanoCategory::MustBe);
    let tie = KanoFeature::from_counts(
        "T",
        KanoCounts { attractive: 3, one_dimensional: 3, indifferent: 3, ..KanoCounts::default() },
    );
    assert_eq!(tie.category(), KanoCategory::OneDimensional);
    let error = KanoFeature::from_labels("dark mode", [("like", "hate")]).expect_err("not an answer");
    assert_eq!(
        (error.kind(), error.item(), error.field()),
        (ErrorKind::Value, Some("dark mode"), Some("kano"))
    );
    assert_eq!(
        error.to_string(),
        "feature \"dark mode\": answer \"hate\" is not one of like, must-be, neutral, live-with, dislike"
    );
    let empty = KanoFeature::new("E", []);
    assert_eq!((empty.better(), empty.worse(), empty.is_significant()), (None, None, false));
    #[cfg(feature = "serde")]
    assert_eq!(
        serde_json::to_value(&feature).expect("serializes"),
        serde_json::json!({"id": "dark mode", "counts": {"attractive": 2, "one_dimensional": 1, "must_be": 1,
            "indifferent": 1, "reverse": 0, "questionable": 0}, "category": "attractive", "better": 0.6,
            "worse": -0.4, "significant": false})
    );
}
