//! Consensus across engines: a Borda count.

use super::compare::places;
use crate::engine::Engine;
use crate::error::Result;
use crate::model::Backlog;
use crate::ranking::Ranking;

/// A Borda-count ranking across several engines.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Consensus {
    /// The engines' names, in the order given (the order of each entry's `positions`).
    pub frameworks: Vec<String>,
    /// The items every engine ranks, most points first.
    pub ranking: Vec<ConsensusEntry>,
    /// The items some engine could not score, in input order: they take no part in the count.
    pub excluded: Vec<Excluded>,
}

/// One item of the consensus ranking.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ConsensusEntry {
    /// The position in the consensus, from 1; unique (equal points keep the input order).
    pub position: usize,
    /// The competition rank: equal points share the rank of the first of them (1, 2, 2, 4).
    pub rank: usize,
    /// The item's id.
    pub id: String,
    /// The item's title.
    pub title: String,
    /// The Borda points summed over the engines.
    pub points: f64,
    /// The item's position in each engine's ranking, in the order of the engines.
    pub positions: Vec<usize>,
}

/// An item left out of the consensus.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Excluded {
    /// The item's id.
    pub id: String,
    /// The engines that could not score it.
    pub unscored_by: Vec<String>,
}

/// A Borda count over the rankings of `backlog` by `engines`.
///
/// Points: among the `n` items every engine ranks, the item an engine puts at position `p`
/// (counted among those `n`) gets `n − p` points from it, so the first gets `n − 1` and the last
/// 0. Items the engine ties (equal category and score, the same competition rank) share the
/// average of the points of the positions they span: two items tied for the top of three get
/// `(2 + 1) / 2 = 1.5` each. Points are summed over the engines; the consensus orders by points,
/// higher first, and equal points keep the input order, with competition ranks as in any ranking.
/// An item some engine cannot score is excluded (listed with those engines).
///
/// ```
/// use prioritize::analysis::consensus;
/// use prioritize::{Backlog, BacklogItem, Engine, Rice, Wsjf};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").reach(10).impact(1).confidence(1).effort(1)
///         .business_value(1).time_criticality(0).risk_reduction(0).build()?,
///     BacklogItem::builder("B", "b").reach(5).impact(1).confidence(1).effort(1)
///         .business_value(3).time_criticality(0).risk_reduction(0).build()?,
/// ])?;
/// let (rice, wsjf) = (Rice::default(), Wsjf::default());
/// let engines: [&dyn Engine; 2] = [&rice, &wsjf];
/// let result = consensus(&backlog, &engines)?;
/// // One point each from one engine: a tie on points, broken by input order, ranks 1 and 1.
/// let rows: Vec<(&str, f64, usize)> =
///     result.ranking.iter().map(|e| (e.id.as_str(), e.points, e.rank)).collect();
/// assert_eq!(rows, [("A", 1.0, 1), ("B", 1.0, 1)]);
/// assert_eq!(result.ranking[1].positions, [2, 1]);
/// # Ok::<(), prioritize::Error>(())
/// ```
///
/// # Errors
///
/// As [`Backlog::rank`], for any engine.
pub fn consensus(backlog: &Backlog, engines: &[&dyn Engine]) -> Result<Consensus> {
    let rankings: Vec<Ranking<'_>> =
        engines.iter().map(|engine| backlog.rank(*engine)).collect::<Result<_>>()?;
    let places: Vec<Vec<Option<(usize, usize)>>> = rankings.iter().map(|r| places(backlog, r)).collect();
    let common: Vec<bool> = (0..backlog.len()).map(|i| places.iter().all(|p| p[i].is_some())).collect();
    let n = common.iter().filter(|&&c| c).count();
    let mut points = vec![0.0_f64; backlog.len()];
    for ranking in &rankings {
        // The common items in this ranking's order, grouped by competition rank (ties).
        let order: Vec<(usize, usize)> =
            ranking.iter().filter(|e| common[e.index()]).map(|e| (e.index(), e.rank())).collect();
        let mut start = 0;
        while start < order.len() {
            let end = start + order[start..].iter().take_while(|(_, rank)| *rank == order[start].1).count();
            // Positions start + 1 ..= end among the n common items earn n − p each; ties share
            // the mean, n − (start + 1 + end) / 2.
            let share = n as f64 - (start + 1 + end) as f64 / 2.0;
            for &(index, _) in &order[start..end] {
                points[index] += share;
            }
            start = end;
        }
    }
    let mut indices: Vec<usize> = (0..backlog.len()).filter(|&i| common[i]).collect();
    // Stable: equal points keep the input order.
    indices.sort_by(|&a, &b| points[b].total_cmp(&points[a]));
    let mut ranking: Vec<ConsensusEntry> = Vec::with_capacity(indices.len());
    for (offset, &index) in indices.iter().enumerate() {
        let rank = match ranking.last() {
            Some(previous) if previous.points.total_cmp(&points[index]).is_eq() => previous.rank,
            _ => offset + 1,
        };
        let item = backlog.item(index);
        ranking.push(ConsensusEntry {
            position: offset + 1,
            rank,
            id: item.id().to_string(),
            title: item.title().to_owned(),
            points: points[index],
            positions: places.iter().filter_map(|p| p[index].map(|(position, _)| position)).collect(),
        });
    }
    let excluded = (0..backlog.len())
        .filter(|&i| !common[i])
        .map(|i| Excluded {
            id: backlog.item(i).id().to_owned(),
            unscored_by: rankings
                .iter()
                .zip(&places)
                .filter(|(_, p)| p[i].is_none())
                .map(|(ranking, _)| ranking.engine_name().to_owned())
                .collect(),
        })
        .collect();
    Ok(Consensus {
        frameworks: rankings.iter().map(|r| r.engine_name().to_owned()).collect(),
        ranking,
        excluded,
    })
}
