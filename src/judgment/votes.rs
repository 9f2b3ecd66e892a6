//! Strengths from votes between two items: the Bradley-Terry model.

use crate::error::{Error, JudgmentDetail, PlanDetail, Result};

/// One vote: someone chose `winner` over `loser`, counted `weight` times (1 by default).
///
/// ```
/// use prioritize::judgment::Vote;
///
/// let vote = Vote::new("B", "A").weight(2.0)?;
/// assert_eq!((vote.winner(), vote.loser(), vote.weight_of()), ("B", "A", 2.0));
/// assert!(Vote::new("B", "A").weight(0.0).is_err());
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Vote {
    winner: String,
    loser: String,
    weight: f64,
}

impl Vote {
    /// `winner` chosen over `loser`, once.
    pub fn new(winner: impl Into<String>, loser: impl Into<String>) -> Vote {
        Vote { winner: winner.into(), loser: loser.into(), weight: 1.0 }
    }

    /// The vote counted `weight` times (a finite number `> 0`).
    ///
    /// # Errors
    ///
    /// A [`Parameter`](crate::ErrorKind::Parameter) error for a weight that is not a finite
    /// number `> 0`.
    pub fn weight(mut self, weight: f64) -> Result<Vote> {
        self.weight = positive("weight", weight)?;
        Ok(self)
    }

    /// The item chosen.
    #[must_use]
    pub fn winner(&self) -> &str {
        &self.winner
    }

    /// The item passed over.
    #[must_use]
    pub fn loser(&self) -> &str {
        &self.loser
    }

    /// How many times the vote counts.
    #[must_use]
    pub fn weight_of(&self) -> f64 {
        self.weight
    }
}

/// `value` when it is a finite number `> 0`, else a [`Parameter`](crate::ErrorKind::Parameter)
/// error naming `parameter`: a vote's weight, a prior.
pub(crate) fn positive(parameter: &'static str, value: f64) -> Result<f64> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(Error::from(PlanDetail::InvalidParameter {
            parameter,
            value: value.to_string(),
            allowed: "the finite numbers > 0",
        }))
    }
}

/// The Bradley-Terry strengths of items from votes between two of them: the maximum-likelihood
/// `p` under `P(i chosen over j) = p_i / (p_i + p_j)`, normalised to sum 1 over the items in
/// votes.
///
/// Computed by Newman's (2023) iteration, `p_i ← Σ_j w_ij p_j / (p_i + p_j) / Σ_j w_ji / (p_i + p_j)`
/// (`w_ij` the votes `i` won against `j`), applied one item after another with the strengths
/// already updated, which reaches the same maximum as Hunter's (2004) MM iteration in several
/// times fewer rounds, until no strength moves by more than 1e-9 of itself in a round. The maximum exists only when every item won and lost, and the votes connect every
/// group to every other both ways; otherwise it is an error naming the items, unless a `prior`
/// `p > 0` is given: each item then gets `p` virtual wins and `p` virtual losses against a virtual
/// item of strength the geometric mean of the strengths, which always has one answer.
///
/// ```
/// use prioritize::judgment::{Strengths, Vote};
///
/// // The wins matrix [[0,2,0,1],[3,0,5,0],[0,3,0,1],[4,0,3,0]]: row i beat column j that many times.
/// let wins = [[0, 2, 0, 1], [3, 0, 5, 0], [0, 3, 0, 1], [4, 0, 3, 0]];
/// let mut votes = Vec::new();
/// for (i, row) in wins.iter().enumerate() {
///     for (j, &count) in row.iter().enumerate() {
///         if count > 0 {
///             votes.push(Vote::new(i.to_string(), j.to_string()).weight(f64::from(count))?);
///         }
///     }
/// }
/// let strengths = Strengths::from_votes(&votes, None)?;
/// let rounded: Vec<String> = (0..4).map(|i| format!("{:.4}", strengths.get(&i.to_string()).unwrap_or(0.0))).collect();
/// assert_eq!(rounded, ["0.1387", "0.2262", "0.1430", "0.4921"]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Strengths {
    ids: Vec<String>,
    strengths: Vec<f64>,
}

impl Strengths {
    /// The strengths of the items `votes` name, in the order they first appear.
    ///
    /// # Errors
    ///
    /// A [`Structure`](crate::ErrorKind::Structure) error naming the items when, without a
    /// prior, the votes have no maximum-likelihood strengths; a
    /// [`Parameter`](crate::ErrorKind::Parameter) error for a prior that is not a finite number
    /// `> 0`; a [`Value`](crate::ErrorKind::Value) error naming the vote whose winner is its loser.
    pub fn from_votes<'v>(votes: &'v [Vote], prior: Option<f64>) -> Result<Strengths> {
        let prior = prior.map(|p| positive("prior", p)).transpose()?;
        let mut ids: Vec<String> = Vec::new();
        let mut positions: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        let mut index = |id: &'v str| {
            *positions.entry(id).or_insert_with(|| {
                ids.push(id.to_owned());
                (ids.len() - 1) as u32
            })
        };
        let mut pairs = Vec::with_capacity(votes.len());
        for (at, vote) in votes.iter().enumerate() {
            if vote.winner == vote.loser {
                let reason = format!("{:?} cannot win against itself", vote.winner);
                return Err(Error::from(JudgmentDetail::InvalidVote { index: at, reason }));
            }
            pairs.push((index(&vote.winner), index(&vote.loser), vote.weight));
        }
        let strengths =
            bradley_terry(ids.len(), &pairs, prior).map_err(|lacking| no_maximum(&ids, &lacking))?;
        Ok(Strengths { ids, strengths })
    }

    /// The strength of `id`, if a vote names it.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<f64> {
        self.ids.iter().position(|known| known == id).map(|at| self.strengths[at])
    }

    /// Each item with its strength, in the order the votes first name them.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, f64)> + '_ {
        self.ids.iter().map(String::as_str).zip(self.strengths.iter().copied())
    }
}

/// Why the votes have no maximum: the items of a group that never lost to an item outside it
/// (`never_lost`), or that never won against one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Lacking {
    pub(crate) group: Vec<u32>,
    pub(crate) never_lost: bool,
}

/// The error naming a group of `ids` the votes cannot rank.
pub(crate) fn no_maximum(ids: &[String], lacking: &Lacking) -> Error {
    let names: Vec<String> = lacking.group.iter().map(|&at| format!("{:?}", ids[at as usize])).collect();
    let what = if lacking.never_lost { "lost" } else { "won" };
    let reason = match names.as_slice() {
        [one] => format!("{one} never {what}"),
        many => format!("{} never {what} against an item outside them", many.join(", ")),
    };
    Error::from(JudgmentDetail::NoMaximum { item: ids[lacking.group[0] as usize].clone(), reason })
}

/// The strengths of items `0..n` from `votes` of (winner, loser, weight), normalised to sum 1 over
/// the items in votes (0 for the others), or the group that keeps the maximum from existing.
pub(crate) fn bradley_terry(
    n: usize,
    votes: &[(u32, u32, f64)],
    prior: Option<f64>,
) -> Result<Vec<f64>, Lacking> {
    let mut in_votes = vec![false; n];
    // The votes between each pair, both ways: (a, b, a's wins over b, b's wins over a), a < b,
    // found by sorting (a map of a million pairs costs more).
    let mut directed: Vec<(u32, u32, f64, f64)> = votes
        .iter()
        .map(|&(winner, loser, weight)| {
            in_votes[winner as usize] = true;
            in_votes[loser as usize] = true;
            if winner < loser { (winner, loser, weight, 0.0) } else { (loser, winner, 0.0, weight) }
        })
        .collect();
    directed.sort_unstable_by_key(|&(a, b, _, _)| (a, b));
    let mut pairs: Vec<(u32, u32, f64, f64)> = Vec::with_capacity(directed.len());
    for (a, b, ab, ba) in directed {
        match pairs.last_mut() {
            Some(last) if (last.0, last.1) == (a, b) => {
                last.2 += ab;
                last.3 += ba;
            }
            _ => pairs.push((a, b, ab, ba)),
        }
    }
    // A prior is checked by the callers: a finite number > 0.
    let prior = match prior {
        Some(p) => p,
        None => {
            if let Some(lacking) = unrankable(n, votes, &in_votes) {
                return Err(lacking);
            }
            0.0
        }
    };
    // Each item's opponents: (other, its wins over them, their wins over it).
    let mut opponents: Vec<Vec<(u32, f64, f64)>> = vec![Vec::new(); n];
    for &(a, b, ab, ba) in &pairs {
        opponents[a as usize].push((b, ab, ba));
        opponents[b as usize].push((a, ba, ab));
    }
    let members = in_votes.iter().filter(|&&v| v).count();
    let mut strengths: Vec<f64> =
        in_votes.iter().map(|&v| if v { 1.0 / members as f64 } else { 0.0 }).collect();
    let mut previous = strengths.clone();
    for _ in 0..100_000 {
        previous.copy_from_slice(&strengths);
        // The virtual item of the prior: the geometric mean of the strengths.
        let virtual_strength = if prior > 0.0 {
            let logs: f64 = strengths.iter().filter(|&&s| s > 0.0).map(|s| s.ln()).sum();
            (logs / members as f64).exp()
        } else {
            0.0
        };
        // Newman's (2023) iteration, one item after another with the strengths already updated:
        // p_i = Σ_j w_ij p_j / (p_i + p_j) / Σ_j w_ji / (p_i + p_j).
        for item in (0..n).filter(|&item| in_votes[item]) {
            let own = strengths[item];
            let (mut won, mut lost) = (0.0, 0.0);
            for &(other, wins, losses) in &opponents[item] {
                let theirs = strengths[other as usize];
                let sum = own + theirs;
                won += wins * theirs / sum;
                lost += losses / sum;
            }
            if prior > 0.0 {
                let sum = own + virtual_strength;
                won += prior * virtual_strength / sum;
                lost += prior / sum;
            }
            strengths[item] = won / lost;
        }
        let total: f64 = strengths.iter().sum();
        let mut moved: f64 = 0.0;
        for (strength, before) in strengths.iter_mut().zip(&previous) {
            *strength /= total;
            if *before > 0.0 {
                moved = moved.max(((*strength - before) / before).abs());
            }
        }
        if moved <= 1e-9 {
            break;
        }
    }
    Ok(strengths)
}

/// A group of the voted items that never lost (or never won) against the rest, if the votes have
/// one: the maximum likelihood then does not exist (Zermelo 1929, Ford 1957). The group is a
/// strongly connected component of "lost to" with no way out (or in), found by Kosaraju's method.
fn unrankable(n: usize, votes: &[(u32, u32, f64)], in_votes: &[bool]) -> Option<Lacking> {
    let mut beat: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut lost_to: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(winner, loser, _) in votes {
        lost_to[loser as usize].push(winner);
        beat[winner as usize].push(loser);
    }
    // First pass: finishing order on "lost to".
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    for start in (0..n).filter(|&at| in_votes[at]) {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![(start, 0_usize)];
        while let Some(&mut (at, ref mut next)) = stack.last_mut() {
            if let Some(&to) = lost_to[at].get(*next) {
                *next += 1;
                if !seen[to as usize] {
                    seen[to as usize] = true;
                    stack.push((to as usize, 0));
                }
            } else {
                order.push(at);
                stack.pop();
            }
        }
    }
    // Second pass on the reverse graph ("beat"), in reverse finishing order: the components.
    let mut component = vec![usize::MAX; n];
    let mut count = 0;
    for &start in order.iter().rev() {
        if component[start] != usize::MAX {
            continue;
        }
        component[start] = count;
        let mut stack = vec![start];
        while let Some(at) = stack.pop() {
            for &to in &beat[at] {
                if component[to as usize] == usize::MAX {
                    component[to as usize] = count;
                    stack.push(to as usize);
                }
            }
        }
        count += 1;
    }
    if count <= 1 {
        return None;
    }
    // A component that lost to no item outside it never lost; one that beat none never won.
    let (mut loses_out, mut wins_out) = (vec![false; count], vec![false; count]);
    for &(winner, loser, _) in votes {
        let (w, l) = (component[winner as usize], component[loser as usize]);
        if w != l {
            loses_out[l] = true;
            wins_out[w] = true;
        }
    }
    // The smallest such group is the most telling ("C never won"); then one that never lost,
    // then the one whose first member comes first.
    let group =
        |of: usize| (0..n).filter(|&at| component[at] == of).map(|at| at as u32).collect::<Vec<u32>>();
    (0..count)
        .filter(|&c| !loses_out[c])
        .map(|c| Lacking { group: group(c), never_lost: true })
        .chain((0..count).filter(|&c| !wins_out[c]).map(|c| Lacking { group: group(c), never_lost: false }))
        .min_by_key(|lacking| (lacking.group.len(), !lacking.never_lost, lacking.group[0]))
}
