//! Weights from pairwise comparisons: Saaty's Analytic Hierarchy Process.

use std::fmt;
use std::str::FromStr;

use super::matrix::Square;
use crate::error::{Error, JudgmentDetail, PlanDetail, Result};

/// What a ratio is, as errors say it.
const RATIO: &str = "a number in 1/9..=9 (such as 3, 0.5 or \"1/3\")";

/// One pairwise comparison: how many times more important `a` is than `b`, on Saaty's scale
/// `1/9..=9` (1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more important;
/// `1/3` moderately less).
///
/// ```
/// use prioritize::judgment::Comparison;
///
/// let comparison = Comparison::parse("growth", "cost", "1/3")?;
/// assert!((comparison.ratio() - 1.0 / 3.0).abs() < 1e-15);
/// assert!(Comparison::new("growth", "cost", 10.0).is_err());
/// assert!(Comparison::new("growth", "growth", 2.0).is_err());
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    a: String,
    b: String,
    ratio: f64,
}

impl Comparison {
    /// `a` is `ratio` times as important as `b`.
    ///
    /// # Errors
    ///
    /// A [`Value`](crate::ErrorKind::Value) error for a ratio outside `1/9..=9`, a
    /// [`Structure`](crate::ErrorKind::Structure) error for `a` equal to `b`.
    pub fn new(a: impl Into<String>, b: impl Into<String>, ratio: f64) -> Result<Comparison> {
        let (a, b) = (a.into(), b.into());
        if a == b {
            return Err(Error::from(JudgmentDetail::SelfComparison { a }));
        }
        // Within rounding of the ends: 1/9 written as 0.1111.. is allowed.
        if !(1.0 / 9.0 - 1e-4..=9.0).contains(&ratio) {
            let value = ratio.to_string();
            return Err(Error::from(JudgmentDetail::Ratio { a, b, value, expected: RATIO }));
        }
        Ok(Comparison { a, b, ratio })
    }

    /// [`Comparison::new`] with the ratio as text: a number (`3`, `0.5`) or a fraction (`1/3`).
    ///
    /// # Errors
    ///
    /// As [`Comparison::new`], and a [`Value`](crate::ErrorKind::Value) error for text that is
    /// neither.
    pub fn parse(a: impl Into<String>, b: impl Into<String>, ratio: &str) -> Result<Comparison> {
        let (a, b) = (a.into(), b.into());
        let text = ratio.trim();
        let value = match text.split_once('/') {
            Some((top, bottom)) => {
                top.trim().parse::<f64>().ok().zip(bottom.trim().parse::<f64>().ok()).map(|(t, b)| t / b)
            }
            None => text.parse::<f64>().ok(),
        };
        match value {
            Some(value) if value.is_finite() => Comparison::new(a, b, value),
            _ => {
                Err(Error::from(JudgmentDetail::Ratio { a, b, value: format!("{ratio:?}"), expected: RATIO }))
            }
        }
    }

    /// The first of the pair.
    #[must_use]
    pub fn a(&self) -> &str {
        &self.a
    }

    /// The second of the pair.
    #[must_use]
    pub fn b(&self) -> &str {
        &self.b
    }

    /// How many times more important [`a`](Comparison::a) is than [`b`](Comparison::b).
    #[must_use]
    pub fn ratio(&self) -> f64 {
        self.ratio
    }
}

/// The random index a consistency ratio divides by: the mean consistency index of random
/// comparison matrices of the same size.
///
/// ```
/// use prioritize::judgment::RandomIndex;
///
/// assert_eq!(RandomIndex::Saaty.of(4), Some(0.90));
/// assert_eq!(RandomIndex::DoneganDodd.of(4), Some(0.8286));
/// assert_eq!("donegan-dodd".parse::<RandomIndex>()?, RandomIndex::DoneganDodd);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RandomIndex {
    /// Saaty's classic table (The Analytic Hierarchy Process, 1980), for 3 to 10 compared: 0.58,
    /// 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49.
    #[default]
    Saaty,
    /// Donegan and Dodd's estimates ("A note on Saaty's random indexes", Mathematical and Computer
    /// Modelling 15(10), 1991), for 3 to 100 compared (interpolated between their sizes).
    DoneganDodd,
}

impl RandomIndex {
    /// The index for `n` compared; 0 for `n <= 2` (two judgments cannot disagree), `None` past
    /// the table.
    #[must_use]
    pub fn of(self, n: usize) -> Option<f64> {
        const SAATY: [f64; 8] = [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
        const DONEGAN_DODD: [(usize, f64); 27] = [
            (3, 0.4914),
            (4, 0.8286),
            (5, 1.0591),
            (6, 1.1797),
            (7, 1.2519),
            (8, 1.3171),
            (9, 1.3733),
            (10, 1.4055),
            (11, 1.4213),
            (12, 1.4497),
            (13, 1.4643),
            (14, 1.4822),
            (15, 1.4969),
            (16, 1.5078),
            (17, 1.5153),
            (18, 1.5262),
            (19, 1.5313),
            (20, 1.5371),
            (25, 1.5619),
            (30, 1.5772),
            (40, 1.5976),
            (50, 1.6102),
            (60, 1.6178),
            (70, 1.6237),
            (80, 1.6277),
            (90, 1.6213),
            (100, 1.6339),
        ];
        if n <= 2 {
            return Some(0.0);
        }
        match self {
            RandomIndex::Saaty => SAATY.get(n - 3).copied(),
            RandomIndex::DoneganDodd => {
                let after = DONEGAN_DODD.iter().position(|&(size, _)| size >= n)?;
                let (size, value) = DONEGAN_DODD[after];
                if size == n {
                    return Some(value);
                }
                let (below, low) = DONEGAN_DODD[after - 1];
                Some(low + (value - low) * (n - below) as f64 / (size - below) as f64)
            }
        }
    }

    /// The name: `saaty` or `donegan-dodd`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RandomIndex::Saaty => "saaty",
            RandomIndex::DoneganDodd => "donegan-dodd",
        }
    }
}

impl fmt::Display for RandomIndex {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl FromStr for RandomIndex {
    type Err = Error;

    fn from_str(name: &str) -> Result<RandomIndex> {
        [RandomIndex::Saaty, RandomIndex::DoneganDodd]
            .into_iter()
            .find(|index| index.as_str().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                Error::from(PlanDetail::InvalidParameter {
                    parameter: "random_index",
                    value: name.to_owned(),
                    allowed: "saaty or donegan-dodd",
                })
            })
    }
}

/// Weights from pairwise comparisons, by Saaty's Analytic Hierarchy Process: the principal
/// eigenvector of the comparison matrix (`a_ij` the ratio of `i` to `j`, `a_ji = 1 / a_ij`),
/// normalised to sum 1, with its eigenvalue `lambda_max`, the consistency index
/// `CI = (lambda_max - n) / (n - 1)` and the consistency ratio `CR = CI / RI(n)`; the judgments
/// are consistent enough when `CR < 0.1`.
///
/// Every pair need not be compared: the comparisons must connect everything they name, and the
/// missing pairs are completed as Bozóki, Fülöp and Rónyai (2010) define it, by the values that
/// make `lambda_max` smallest (found one missing pair at a time, in cycles, on a logarithmic
/// scale, until no value moves by more than 1e-7 of its logarithm).
///
/// ```
/// use prioritize::judgment::{Ahp, Comparison};
///
/// // Bozóki, Fülöp and Rónyai (2010): a is compared with b, c and d, b with c and d.
/// let ahp = Ahp::new(&[
///     Comparison::new("a", "b", 1.0)?,
///     Comparison::new("a", "c", 5.0)?,
///     Comparison::new("a", "d", 2.0)?,
///     Comparison::new("b", "c", 3.0)?,
///     Comparison::new("b", "d", 4.0)?,
///     Comparison::parse("c", "d", "3/4")?,
/// ])?;
/// let weights: Vec<String> = ahp.weights().map(|(id, w)| format!("{id} {w:.4}")).collect();
/// assert_eq!(weights, ["a 0.3742", "b 0.3917", "c 0.0991", "d 0.1349"]);
/// assert_eq!(format!("{:.4}", ahp.lambda_max()), "4.0925");
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Ahp {
    ids: Vec<String>,
    weights: Vec<f64>,
    lambda_max: f64,
    random_index: RandomIndex,
    /// The given comparisons, as (row, column) of the matrix.
    given: Vec<(usize, usize)>,
    /// The pairs completed, with their ratios (row before column, as ids first appear).
    completed: Vec<(usize, usize, f64)>,
    matrix: Square,
}

impl Ahp {
    /// The weights of `comparisons`, with Saaty's random index.
    ///
    /// # Errors
    ///
    /// As [`Ahp::with_random_index`].
    pub fn new(comparisons: &[Comparison]) -> Result<Ahp> {
        Ahp::with_random_index(comparisons, RandomIndex::Saaty)
    }

    /// The weights of `comparisons`, their consistency measured against `random_index`.
    ///
    /// # Errors
    ///
    /// A [`Structure`](crate::ErrorKind::Structure) error naming the pair for a pair compared
    /// twice (in either order), and naming the groups when the comparisons do not connect
    /// everything they name.
    pub fn with_random_index(comparisons: &[Comparison], random_index: RandomIndex) -> Result<Ahp> {
        let mut ids: Vec<String> = Vec::new();
        let mut index = |id: &str| match ids.iter().position(|known| known == id) {
            Some(at) => at,
            None => {
                ids.push(id.to_owned());
                ids.len() - 1
            }
        };
        let pairs: Vec<(usize, usize, f64)> =
            comparisons.iter().map(|c| (index(&c.a), index(&c.b), c.ratio)).collect();
        let n = ids.len();
        let mut matrix = Square::ones(n);
        let mut known = vec![false; n * n];
        let mut given = Vec::with_capacity(pairs.len());
        for &(i, j, ratio) in &pairs {
            if known[i * n + j] {
                return Err(Error::from(JudgmentDetail::RepeatedComparison {
                    a: ids[i].clone(),
                    b: ids[j].clone(),
                }));
            }
            known[i * n + j] = true;
            known[j * n + i] = true;
            matrix.set(i, j, ratio);
            matrix.set(j, i, 1.0 / ratio);
            given.push((i, j));
        }
        connected(&ids, &given)?;
        let missing: Vec<(usize, usize)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .filter(|&(i, j)| !known[i * n + j])
            .collect();
        complete(&mut matrix, &given, &missing);
        let completed = missing.iter().map(|&(i, j)| (i, j, matrix.get(i, j))).collect();
        let (lambda_max, weights) = if n == 0 { (0.0, Vec::new()) } else { matrix.principal(None) };
        Ok(Ahp { ids, weights, lambda_max, random_index, given, completed, matrix })
    }

    /// Each compared id with its weight, in the order the ids first appear; the weights sum to 1.
    pub fn weights(&self) -> impl ExactSizeIterator<Item = (&str, f64)> + '_ {
        self.ids.iter().map(String::as_str).zip(self.weights.iter().copied())
    }

    /// The weight of `id`, if it is compared.
    #[must_use]
    pub fn weight(&self, id: &str) -> Option<f64> {
        self.ids.iter().position(|known| known == id).map(|at| self.weights[at])
    }

    /// The comparison matrix's principal eigenvalue: `n` for perfectly consistent judgments,
    /// more the more they contradict each other.
    #[must_use]
    pub fn lambda_max(&self) -> f64 {
        self.lambda_max
    }

    /// `CI = (lambda_max - n) / (n - 1)`; 0 for `n <= 2`.
    #[must_use]
    pub fn consistency_index(&self) -> f64 {
        let n = self.ids.len();
        if n <= 2 { 0.0 } else { ((self.lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0) }
    }

    /// The random index of this many compared, if the table has one.
    #[must_use]
    pub fn random_index(&self) -> Option<f64> {
        self.random_index.of(self.ids.len())
    }

    /// Which random index the consistency ratio uses.
    #[must_use]
    pub fn random_index_table(&self) -> RandomIndex {
        self.random_index
    }

    /// `CR = CI / RI`; 0 for `n <= 2`, `None` past the random index's table.
    #[must_use]
    pub fn consistency_ratio(&self) -> Option<f64> {
        match self.random_index()? {
            0.0 => Some(0.0),
            random => Some(self.consistency_index() / random),
        }
    }

    /// Whether the consistency ratio is below 0.1, Saaty's threshold (true when it is unknown
    /// only if the judgments are perfectly consistent).
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        self.consistency_ratio().map_or(self.consistency_index() < 1e-9, |ratio| ratio < 0.1)
    }

    /// The given comparison that disagrees most with the weights: the largest `a_ij·w_j/w_i` or
    /// its inverse; `None` when every comparison agrees with them.
    #[must_use]
    pub fn most_inconsistent(&self) -> Option<(&str, &str)> {
        let disagreement = |&(i, j): &(usize, usize)| {
            let ratio = self.matrix.get(i, j) * self.weights[j] / self.weights[i];
            ratio.max(1.0 / ratio)
        };
        let (&(i, j), worst) = self.given.iter().map(|pair| (pair, disagreement(pair))).fold(
            None,
            |best: Option<(&(usize, usize), f64)>, (pair, value)| match best {
                Some((_, top)) if top >= value => best,
                _ => Some((pair, value)),
            },
        )?;
        (worst > 1.0 + 1e-6).then(|| (self.ids[i].as_str(), self.ids[j].as_str()))
    }

    /// The pairs no comparison gave, with the ratios that complete the matrix.
    pub fn completed(&self) -> impl ExactSizeIterator<Item = (&str, &str, f64)> + '_ {
        self.completed.iter().map(|&(i, j, ratio)| (self.ids[i].as_str(), self.ids[j].as_str(), ratio))
    }
}

/// An error naming the groups when the comparisons leave some ids unconnected to the first.
fn connected(ids: &[String], pairs: &[(usize, usize)]) -> Result<()> {
    fn root(group: &mut [usize], mut at: usize) -> usize {
        while group[at] != at {
            group[at] = group[group[at]];
            at = group[at];
        }
        at
    }
    let n = ids.len();
    if n == 0 {
        return Ok(());
    }
    let mut group: Vec<usize> = (0..n).collect();
    for &(i, j) in pairs {
        let (a, b) = (root(&mut group, i), root(&mut group, j));
        group[a.max(b)] = a.min(b);
    }
    let first = root(&mut group, 0);
    let Some(apart) = (0..n).find(|&at| root(&mut group, at) != first) else { return Ok(()) };
    let other = root(&mut group, apart);
    let list = |of: usize, group: &mut Vec<usize>| {
        let members: Vec<&str> =
            (0..n).filter(|&at| root(group, at) == of).map(|at| ids[at].as_str()).collect();
        members.iter().map(|id| format!("{id:?}")).collect::<Vec<_>>().join(", ")
    };
    let apart_list = list(other, &mut group);
    let rest = list(first, &mut group);
    Err(Error::from(JudgmentDetail::Unconnected {
        set: None,
        apart: apart_list,
        rest,
        first: ids[apart].clone(),
    }))
}

/// Fills the `missing` pairs of `matrix` with the values that make its principal eigenvalue
/// smallest (Bozóki, Fülöp and Rónyai 2010): the eigenvalue is a convex function of the
/// logarithms of the missing values, minimised here one value at a time by golden-section
/// search, cycle after cycle, from the logarithmic least-squares estimate (which is the answer
/// when the given judgments agree), until no logarithm moves by more than 1e-7 or a cycle lowers
/// the eigenvalue by less than 1e-13.
fn complete(matrix: &mut Square, given: &[(usize, usize)], missing: &[(usize, usize)]) {
    if missing.is_empty() {
        return;
    }
    let start = log_least_squares(matrix, given);
    let mut logs: Vec<f64> = missing.iter().map(|&(i, j)| start[i] - start[j]).collect();
    for (&(i, j), &log) in missing.iter().zip(&logs) {
        matrix.set(i, j, log.exp());
        matrix.set(j, i, (-log).exp());
    }
    // A ratio along a path of n - 1 comparisons is at most 9^(n - 1) either way.
    let bound = 9_f64.ln() * (matrix.n as f64 - 1.0);
    let (mut lambda_before, mut vector) = matrix.principal(None);
    for _ in 0..200 {
        let mut moved: f64 = 0.0;
        for (&(i, j), log) in missing.iter().zip(&mut logs) {
            let mut lambda = |t: f64| {
                matrix.set(i, j, t.exp());
                matrix.set(j, i, (-t).exp());
                let (lambda, next) = matrix.principal(Some(&vector));
                vector = next;
                lambda
            };
            let best =
                golden_minimum(&mut lambda, (*log - 1.0).max(-bound), (*log + 1.0).min(bound), -bound, bound);
            moved = moved.max((best - *log).abs());
            *log = best;
            matrix.set(i, j, best.exp());
            matrix.set(j, i, (-best).exp());
        }
        // Near its minimum the eigenvalue is flat: a logarithm is known to about the square root
        // of the eigenvalue's precision. Done when the values settle or the eigenvalue stops falling.
        let (lambda, next) = matrix.principal(Some(&vector));
        vector = next;
        let fell = lambda_before - lambda;
        lambda_before = lambda;
        if moved <= 1e-7 || fell <= 1e-13 {
            break;
        }
    }
}

/// The logarithms of the weights that fit the given comparisons best in the least-squares sense
/// (`Σ (x_i - x_j - ln a_ij)²`, `x_0 = 0`): the graph Laplacian's system, solved by Gaussian
/// elimination.
fn log_least_squares(matrix: &Square, given: &[(usize, usize)]) -> Vec<f64> {
    let n = matrix.n;
    let mut system = vec![vec![0.0; n + 1]; n];
    for &(i, j) in given {
        let log = matrix.get(i, j).ln();
        system[i][i] += 1.0;
        system[j][j] += 1.0;
        system[i][j] -= 1.0;
        system[j][i] -= 1.0;
        system[i][n] += log;
        system[j][n] -= log;
    }
    // Pin x_0 = 0: its row becomes x_0 = 0.
    system[0] = vec![0.0; n + 1];
    system[0][0] = 1.0;
    for column in 0..n {
        let pivot = (column..n)
            .max_by(|&a, &b| system[a][column].abs().total_cmp(&system[b][column].abs()))
            .unwrap_or(column);
        system.swap(column, pivot);
        let head = system[column][column];
        if head.abs() < 1e-300 {
            continue;
        }
        let pivot_row = system[column].clone();
        for (row, values) in system.iter_mut().enumerate() {
            let factor = values[column] / head;
            if row != column && factor != 0.0 {
                for (value, pivot) in values[column..].iter_mut().zip(&pivot_row[column..]) {
                    *value -= factor * pivot;
                }
            }
        }
    }
    (0..n)
        .map(|row| if system[row][row].abs() < 1e-300 { 0.0 } else { system[row][n] / system[row][row] })
        .collect()
}

/// The minimum of a convex `f` on `floor..=ceiling`, searched first in `low..=high` (widened
/// while the minimum sits at an end), to within 1e-9.
fn golden_minimum(
    f: &mut impl FnMut(f64) -> f64,
    mut low: f64,
    mut high: f64,
    floor: f64,
    ceiling: f64,
) -> f64 {
    // Widen the bracket until each end is above the middle, or at the limit.
    loop {
        let middle = f64::midpoint(low, high);
        let (at_low, at_middle, at_high) = (f(low), f(middle), f(high));
        let widen_low = at_low <= at_middle && low > floor;
        let widen_high = at_high <= at_middle && high < ceiling;
        if !widen_low && !widen_high {
            break;
        }
        let width = high - low;
        if widen_low {
            low = (low - width).max(floor);
        }
        if widen_high {
            high = (high + width).min(ceiling);
        }
    }
    let ratio = (5_f64.sqrt() - 1.0) / 2.0;
    let mut a = high - ratio * (high - low);
    let mut b = low + ratio * (high - low);
    let (mut fa, mut fb) = (f(a), f(b));
    while high - low > 1e-9 {
        if fa <= fb {
            high = b;
            b = a;
            fb = fa;
            a = high - ratio * (high - low);
            fa = f(a);
        } else {
            low = a;
            a = b;
            fa = fb;
            b = low + ratio * (high - low);
            fb = f(b);
        }
    }
    f64::midpoint(low, high)
}

#[cfg(feature = "serde")]
impl serde::Serialize for Ahp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Weights<'a>(&'a Ahp);
        impl serde::Serialize for Weights<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.0.weights())
            }
        }
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("weights", &Weights(self))?;
        map.serialize_entry("lambda_max", &self.lambda_max)?;
        map.serialize_entry("consistency_index", &self.consistency_index())?;
        map.serialize_entry("random_index", &self.random_index())?;
        map.serialize_entry("consistency_ratio", &self.consistency_ratio())?;
        map.serialize_entry("consistent", &self.is_consistent())?;
        map.serialize_entry("most_inconsistent", &self.most_inconsistent().map(|(a, b)| [a, b]))?;
        map.end()
    }
}
