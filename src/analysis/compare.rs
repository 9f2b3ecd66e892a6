//! Framework comparison: rank correlations, top-k overlap and the largest position differences.

use super::correlation::{kendall_tau_b, spearman_rho};
use super::{MissingInputs, gain};
use crate::engine::Engine;
use crate::error::Result;
use crate::model::Backlog;
use crate::ranking::Ranking;

/// One backlog ranked by several engines, compared pair by pair.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Comparison {
    /// The engines' names, in the order given.
    pub frameworks: Vec<String>,
    /// The `k` of the top-k overlaps.
    pub k: usize,
    /// Every item, in input order, with its position under each engine.
    pub items: Vec<ItemPositions>,
    /// Every pair of engines, in the order (0, 1), (0, 2), ..., (1, 2), ...
    pub pairs: Vec<EnginePair>,
    /// Per engine, the items it could not score.
    pub unscored: Vec<Vec<MissingInputs>>,
}

/// An item's position under each engine.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ItemPositions {
    /// The item's id.
    pub id: String,
    /// The item's title.
    pub title: String,
    /// Its position under each engine, in the order of the engines; `None` where unscored.
    pub positions: Vec<Option<usize>>,
}

/// How two engines' rankings of one backlog agree.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct EnginePair {
    /// The first engine's name.
    pub first: String,
    /// The second engine's name.
    pub second: String,
    /// The number of items both rank (the correlations are over these).
    pub common: usize,
    /// Kendall's tau-b of the two rankings' ranks (ties share a rank); `None` with fewer than two
    /// common items or when either ranking ties them all.
    pub kendall_tau_b: Option<f64>,
    /// Spearman's rho with average ranks for ties; `None` as for tau-b.
    pub spearman_rho: Option<f64>,
    /// The overlap of the two top-k sets.
    pub top: TopOverlap,
    /// The common items whose positions differ, largest difference first (equal differences in
    /// the first engine's order).
    pub differences: Vec<PositionDifference>,
}

/// The overlap of two top-k sets (the first `k` positions of each ranking).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TopOverlap {
    /// The items in both, in the first engine's order.
    pub shared: Vec<String>,
    /// The items only in the first engine's top k, in its order.
    pub only_first: Vec<String>,
    /// The items only in the second engine's top k, in its order.
    pub only_second: Vec<String>,
}

/// An item's positions under two engines.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PositionDifference {
    /// The item's id.
    pub id: String,
    /// Its position under the first engine.
    pub first: usize,
    /// Its position under the second engine.
    pub second: usize,
    /// `second − first`: positive when the second engine puts it lower.
    pub difference: i64,
}

/// Ranks `backlog` with every engine and compares each pair: Kendall's tau-b and Spearman's rho
/// over the items both rank, the overlap of their top `k`, and the positions that differ.
///
/// The correlations use each ranking's competition ranks, so items an engine cannot tell apart
/// (equal category and score) are ties, not ordered by the input order that breaks them for
/// display. Positions are those of the full rankings.
///
/// # Errors
///
/// As [`Backlog::rank`], for any engine.
pub fn compare(backlog: &Backlog, engines: &[&dyn Engine], k: usize) -> Result<Comparison> {
    let rankings: Vec<Ranking<'_>> =
        engines.iter().map(|engine| backlog.rank(*engine)).collect::<Result<_>>()?;
    let places: Vec<Vec<Option<Place>>> = rankings.iter().map(|ranking| places(backlog, ranking)).collect();
    let items = backlog
        .items()
        .enumerate()
        .map(|(index, item)| ItemPositions {
            id: item.id().to_string(),
            title: item.title().to_owned(),
            positions: places.iter().map(|p| p[index].map(|(position, _)| position)).collect(),
        })
        .collect();
    let mut pairs = Vec::new();
    for (a, first) in rankings.iter().enumerate() {
        for second in &rankings[a + 1..] {
            pairs.push(pair(backlog, first, second, k));
        }
    }
    Ok(Comparison {
        frameworks: rankings.iter().map(|ranking| ranking.engine_name().to_owned()).collect(),
        k,
        items,
        pairs,
        unscored: rankings.iter().map(MissingInputs::of).collect(),
    })
}

/// An item's position and competition rank in a ranking.
pub(crate) type Place = (usize, usize);

/// Per item index, its place in `ranking`, if ranked.
pub(crate) fn places(backlog: &Backlog, ranking: &Ranking<'_>) -> Vec<Option<Place>> {
    let mut places = vec![None; backlog.len()];
    for entry in ranking.iter() {
        places[entry.index()] = Some((entry.position(), entry.rank()));
    }
    places
}

fn pair(backlog: &Backlog, first: &Ranking<'_>, second: &Ranking<'_>, k: usize) -> EnginePair {
    let (in_first, in_second) = (places(backlog, first), places(backlog, second));
    // The common items, in the first ranking's order: (index, (position, rank) in each).
    let common: Vec<(usize, Place, Place)> = first
        .iter()
        .filter_map(|entry| Some((entry.index(), in_first[entry.index()]?, in_second[entry.index()]?)))
        .collect();
    let first_ranks: Vec<f64> = common.iter().map(|&(_, (_, rank), _)| rank as f64).collect();
    let second_ranks: Vec<f64> = common.iter().map(|&(_, _, (_, rank))| rank as f64).collect();
    let id = |index: usize| backlog.item(index).id().to_owned();
    let top_of =
        |ranking: &Ranking<'_>| -> Vec<usize> { ranking.iter().take(k).map(|e| e.index()).collect() };
    let (top_a, top_b) = (top_of(first), top_of(second));
    let mut differences: Vec<PositionDifference> = common
        .iter()
        .filter(|&&(_, (p, _), (q, _))| p != q)
        .map(|&(index, (p, _), (q, _))| PositionDifference {
            id: id(index),
            first: p,
            second: q,
            difference: gain(q, p),
        })
        .collect();
    // Stable: equal differences keep the first ranking's order.
    differences.sort_by_key(|difference| std::cmp::Reverse(difference.difference.unsigned_abs()));
    EnginePair {
        first: first.engine_name().to_owned(),
        second: second.engine_name().to_owned(),
        common: common.len(),
        kendall_tau_b: kendall_tau_b(&first_ranks, &second_ranks),
        spearman_rho: spearman_rho(&first_ranks, &second_ranks),
        top: TopOverlap {
            shared: top_a.iter().filter(|i| top_b.contains(i)).map(|&i| id(i)).collect(),
            only_first: top_a.iter().filter(|i| !top_b.contains(i)).map(|&i| id(i)).collect(),
            only_second: top_b.iter().filter(|i| !top_a.contains(i)).map(|&i| id(i)).collect(),
        },
        differences,
    }
}
