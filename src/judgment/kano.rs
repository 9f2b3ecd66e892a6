//! Kano questionnaires: what customers' answers say a feature is.

use std::fmt;

use crate::error::{Error, JudgmentDetail, Result};

/// An answer to one of Kano's two questions about a feature: how would you feel if it were there
/// (functional), and if it were not (dysfunctional)?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// I like it that way.
    Like,
    /// It must be that way.
    MustBe,
    /// I am neutral.
    Neutral,
    /// I can live with it that way.
    LiveWith,
    /// I dislike it that way.
    Dislike,
}

impl Answer {
    /// The label the interchange format writes: `like`, `must-be`, `neutral`, `live-with` or
    /// `dislike`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Answer::Like => "like",
            Answer::MustBe => "must-be",
            Answer::Neutral => "neutral",
            Answer::LiveWith => "live-with",
            Answer::Dislike => "dislike",
        }
    }

    /// The answer written `like`, `must-be`, `neutral`, `live-with` or `dislike` (any case,
    /// `_` or a space for `-`).
    #[must_use]
    pub fn from_label(label: &str) -> Option<Answer> {
        let label = label.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Some(match label.as_str() {
            "like" => Answer::Like,
            "must-be" => Answer::MustBe,
            "neutral" => Answer::Neutral,
            "live-with" => Answer::LiveWith,
            "dislike" => Answer::Dislike,
            _ => return None,
        })
    }
}

/// What a feature is to a customer, by Kano's evaluation table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KanoCategory {
    /// Expected: its absence dissatisfies, its presence goes unnoticed (M).
    MustBe,
    /// The more the better (O).
    OneDimensional,
    /// Delights when there, not missed when not (A).
    Attractive,
    /// Makes no difference (I).
    Indifferent,
    /// Its presence dissatisfies (R).
    Reverse,
    /// The answers contradict each other (Q).
    Questionable,
}

impl KanoCategory {
    /// The category of a (functional, dysfunctional) pair of answers, by Kano's (1984) table.
    ///
    /// ```
    /// use prioritize::judgment::{Answer, KanoCategory};
    ///
    /// assert_eq!(KanoCategory::of(Answer::Like, Answer::Dislike), KanoCategory::OneDimensional);
    /// assert_eq!(KanoCategory::of(Answer::Like, Answer::Neutral), KanoCategory::Attractive);
    /// assert_eq!(KanoCategory::of(Answer::Neutral, Answer::Dislike), KanoCategory::MustBe);
    /// assert_eq!(KanoCategory::of(Answer::Like, Answer::Like), KanoCategory::Questionable);
    /// assert_eq!(KanoCategory::of(Answer::Dislike, Answer::Like), KanoCategory::Reverse);
    /// assert_eq!(KanoCategory::of(Answer::Neutral, Answer::Neutral), KanoCategory::Indifferent);
    /// ```
    #[must_use]
    pub fn of(functional: Answer, dysfunctional: Answer) -> KanoCategory {
        use Answer::{Dislike, Like, LiveWith, MustBe, Neutral};
        let middle = |answer: Answer| matches!(answer, MustBe | Neutral | LiveWith);
        match (functional, dysfunctional) {
            (Like, Dislike) => KanoCategory::OneDimensional,
            (Like, Like) | (Dislike, Dislike) => KanoCategory::Questionable,
            (Like, other) if middle(other) => KanoCategory::Attractive,
            (other, Dislike) if middle(other) => KanoCategory::MustBe,
            (_, Like) | (Dislike, _) => KanoCategory::Reverse,
            _ => KanoCategory::Indifferent,
        }
    }

    /// The name: `must_be`, `one_dimensional`, `attractive`, `indifferent`, `reverse`,
    /// `questionable`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            KanoCategory::MustBe => "must_be",
            KanoCategory::OneDimensional => "one_dimensional",
            KanoCategory::Attractive => "attractive",
            KanoCategory::Indifferent => "indifferent",
            KanoCategory::Reverse => "reverse",
            KanoCategory::Questionable => "questionable",
        }
    }

    /// Every category, in the order that breaks ties between equal counts (M, O, A, I, then R, Q).
    pub const ALL: [KanoCategory; 6] = [
        KanoCategory::MustBe,
        KanoCategory::OneDimensional,
        KanoCategory::Attractive,
        KanoCategory::Indifferent,
        KanoCategory::Reverse,
        KanoCategory::Questionable,
    ];
}

impl fmt::Display for KanoCategory {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// How many answer pairs fell in each category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct KanoCounts {
    /// A.
    pub attractive: usize,
    /// O.
    pub one_dimensional: usize,
    /// M.
    pub must_be: usize,
    /// I.
    pub indifferent: usize,
    /// R.
    pub reverse: usize,
    /// Q.
    pub questionable: usize,
}

impl KanoCounts {
    /// The count of `category`.
    #[must_use]
    pub fn of(&self, category: KanoCategory) -> usize {
        match category {
            KanoCategory::MustBe => self.must_be,
            KanoCategory::OneDimensional => self.one_dimensional,
            KanoCategory::Attractive => self.attractive,
            KanoCategory::Indifferent => self.indifferent,
            KanoCategory::Reverse => self.reverse,
            KanoCategory::Questionable => self.questionable,
        }
    }

    fn add(&mut self, category: KanoCategory) {
        let count = match category {
            KanoCategory::MustBe => &mut self.must_be,
            KanoCategory::OneDimensional => &mut self.one_dimensional,
            KanoCategory::Attractive => &mut self.attractive,
            KanoCategory::Indifferent => &mut self.indifferent,
            KanoCategory::Reverse => &mut self.reverse,
            KanoCategory::Questionable => &mut self.questionable,
        };
        *count += 1;
    }

    /// Every answer pair counted.
    #[must_use]
    pub fn total(&self) -> usize {
        KanoCategory::ALL.iter().map(|&category| self.of(category)).sum()
    }
}

/// One feature's Kano answers, classified: the counts, the category, Berger et al.'s (1993)
/// satisfaction coefficients and Fong's (1996) test of whether the top category stands out.
///
/// ```
/// use prioritize::judgment::{KanoCategory, KanoCounts, KanoFeature};
///
/// let counts = KanoCounts { must_be: 95, one_dimensional: 123, attractive: 45, indifferent: 33, ..KanoCounts::default() };
/// let feature = KanoFeature::from_counts("one-click checkout", counts);
/// assert_eq!(feature.category(), KanoCategory::OneDimensional);
/// assert_eq!(format!("{:.3} {:.3}", feature.better().unwrap_or(0.0), feature.worse().unwrap_or(0.0)), "0.568 -0.736");
/// assert!(feature.is_significant());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct KanoFeature {
    id: String,
    counts: KanoCounts,
    /// The answer pairs it was classified from (none when made from counts).
    answers: Vec<(Answer, Answer)>,
}

impl KanoFeature {
    /// A feature classified from its (functional, dysfunctional) answer pairs.
    pub fn new(id: impl Into<String>, answers: impl IntoIterator<Item = (Answer, Answer)>) -> KanoFeature {
        let answers: Vec<(Answer, Answer)> = answers.into_iter().collect();
        let mut counts = KanoCounts::default();
        for &(functional, dysfunctional) in &answers {
            counts.add(KanoCategory::of(functional, dysfunctional));
        }
        KanoFeature { id: id.into(), counts, answers }
    }

    /// A feature classified from answer pairs written as labels ([`Answer::from_label`]).
    ///
    /// # Errors
    ///
    /// A [`Value`](crate::ErrorKind::Value) error naming the feature and the answer for a label
    /// that is none of the five.
    pub fn from_labels<'a>(
        id: impl Into<String>,
        answers: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<KanoFeature> {
        let id = id.into();
        let parse = |label: &str| {
            Answer::from_label(label).ok_or_else(|| {
                Error::from(JudgmentDetail::KanoAnswer { feature: id.clone(), answer: label.to_owned() })
            })
        };
        let pairs: Vec<(Answer, Answer)> =
            answers.into_iter().map(|(f, d)| Ok((parse(f)?, parse(d)?))).collect::<Result<_>>()?;
        Ok(KanoFeature::new(id, pairs))
    }

    /// A feature of these counts.
    pub fn from_counts(id: impl Into<String>, counts: KanoCounts) -> KanoFeature {
        KanoFeature { id: id.into(), counts, answers: Vec::new() }
    }

    /// The feature's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The (functional, dysfunctional) answer pairs, in order; none for a feature made
    /// [`from_counts`](KanoFeature::from_counts).
    #[must_use]
    pub fn answers(&self) -> &[(Answer, Answer)] {
        &self.answers
    }

    /// The answer pairs in each category.
    #[must_use]
    pub fn counts(&self) -> KanoCounts {
        self.counts
    }

    /// The most frequent category; ties go to M, then O, A, I, R, Q.
    #[must_use]
    pub fn category(&self) -> KanoCategory {
        self.ranked()[0].0
    }

    /// The categories by count, highest first, ties in [`KanoCategory::ALL`]'s order.
    fn ranked(&self) -> [(KanoCategory, usize); 6] {
        let mut ranked = KanoCategory::ALL.map(|category| (category, self.counts.of(category)));
        // A stable sort keeps the tie order.
        ranked.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
        ranked
    }

    /// Berger's satisfaction coefficient `(A + O) / (A + O + M + I)`: how much the feature
    /// pleases when it is there; `None` without an answer in those four.
    #[must_use]
    pub fn better(&self) -> Option<f64> {
        let c = &self.counts;
        let base = c.attractive + c.one_dimensional + c.must_be + c.indifferent;
        (base > 0).then(|| (c.attractive + c.one_dimensional) as f64 / base as f64)
    }

    /// Berger's dissatisfaction coefficient `-(O + M) / (A + O + M + I)`: how much its absence
    /// displeases; `None` without an answer in those four.
    #[must_use]
    pub fn worse(&self) -> Option<f64> {
        let c = &self.counts;
        let base = c.attractive + c.one_dimensional + c.must_be + c.indifferent;
        // `+ 0.0`: without one-dimensional or must-be answers, worse is 0, not -0.
        (base > 0).then(|| -((c.one_dimensional + c.must_be) as f64) / base as f64 + 0.0)
    }

    /// Fong's test: whether the top two categories' counts `m1`, `m2` of `n` answers differ
    /// significantly (at about 90 %), `|m1 - m2| >= 1.65 · sqrt((m1 + m2)(2n - m1 - m2) / (2n))`.
    #[must_use]
    pub fn is_significant(&self) -> bool {
        let n = self.counts.total() as f64;
        if n == 0.0 {
            return false;
        }
        let ranked = self.ranked();
        let (m1, m2) = (ranked[0].1 as f64, ranked[1].1 as f64);
        (m1 - m2).abs() >= 1.65 * ((m1 + m2) * (2.0 * n - m1 - m2) / (2.0 * n)).sqrt()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for KanoFeature {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("counts", &self.counts)?;
        map.serialize_entry("category", self.category().as_str())?;
        map.serialize_entry("better", &self.better())?;
        map.serialize_entry("worse", &self.worse())?;
        map.serialize_entry("significant", &self.is_significant())?;
        map.end()
    }
}
