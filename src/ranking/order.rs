//! The sort key: category, then score (higher first), then input order.

use std::collections::BinaryHeap;

/// One ranked item: 16 bytes, no heap allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    /// The score as a key that sorts ascending for scores descending; [`NO_SCORE`] for none.
    pub(crate) key: u64,
    /// The item's index in the backlog, which breaks ties.
    pub(crate) index: u32,
    /// The bucket (category priority, 4 for none) while sorting; the competition rank after.
    pub(crate) rank: u32,
}

/// The key of an item without a score: after every score, since no finite score maps to it.
pub(crate) const NO_SCORE: u64 = u64::MAX;

/// The bucket of items without a category.
pub(crate) const NO_CATEGORY: u32 = 4;

const SIGN: u64 = 1 << 63;

/// Maps a finite score to a key that sorts like `f64::total_cmp`, reversed (higher scores first).
pub(crate) fn score_key(score: f64) -> u64 {
    // `+ 0.0` folds -0.0 into 0.0: equal scores get equal keys.
    let bits = (score + 0.0).to_bits();
    let ascending = if bits & SIGN == 0 { bits | SIGN } else { !bits };
    !ascending
}

/// The score a key was made from, or `None` for [`NO_SCORE`].
pub(crate) fn key_score(key: u64) -> Option<f64> {
    if key == NO_SCORE {
        return None;
    }
    let ascending = !key;
    let bits = if ascending & SIGN == 0 { !ascending } else { ascending & !SIGN };
    Some(f64::from_bits(bits))
}

/// The full sort key of a slot whose `rank` still holds its bucket: bucket, score key, index.
fn order(slot: &Slot) -> u128 {
    (u128::from(slot.rank) << 96) | (u128::from(slot.key) << 32) | u128::from(slot.index)
}

fn from_order(order: u128) -> Slot {
    Slot { key: (order >> 32) as u64, index: order as u32, rank: (order >> 96) as u32 }
}

/// Sorts slots by bucket, score and index; the order is total, so the result is unique.
pub(crate) fn sort(slots: &mut [Slot]) {
    slots.sort_unstable_by_key(order);
}

/// The first `k` slots of the order, in order, in one pass over `slots` and `O(k)` memory.
///
/// Every slot is drawn from `slots`, even when `k` is 0: drawing them is what evaluates the items,
/// so errors and unscored items are found whatever `k` is.
pub(crate) fn top_k(slots: impl Iterator<Item = Slot>, k: usize) -> Vec<Slot> {
    // A max-heap of the best `k` seen so far: its top is the worst of them, the one to evict.
    // `k` may exceed the number of items by far (`usize::MAX`), so it does not size the heap.
    let capacity = slots.size_hint().1.unwrap_or(0).min(k).saturating_add(1);
    let mut best: BinaryHeap<u128> = BinaryHeap::with_capacity(capacity);
    for slot in slots {
        let key = order(&slot);
        if best.len() < k {
            best.push(key);
        } else if best.peek().is_some_and(|&worst| key < worst) {
            best.pop();
            best.push(key);
        }
    }
    best.into_sorted_vec().into_iter().map(from_order).collect()
}

/// Replaces each sorted slot's bucket by its competition rank (equal bucket and key share the
/// rank of the first of them) and returns where each bucket ends.
pub(crate) fn assign_ranks(slots: &mut [Slot]) -> [u32; 5] {
    let mut ends = [0_u32; 5];
    let mut previous: Option<(u32, u64, u32)> = None;
    for (position, slot) in slots.iter_mut().enumerate() {
        let bucket = slot.rank;
        let rank = match previous {
            Some((b, key, rank)) if b == bucket && key == slot.key => rank,
            _ => position as u32 + 1,
        };
        previous = Some((bucket, slot.key, rank));
        slot.rank = rank;
        ends[bucket as usize] = position as u32 + 1;
    }
    // Empty buckets end where the bucket before them ends.
    for bucket in 1..ends.len() {
        ends[bucket] = ends[bucket].max(ends[bucket - 1]);
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_scores_descending_and_invert() {
        let scores = [f64::MAX, 1e10, 2.5, 1.0, f64::MIN_POSITIVE, 0.0, -1.0, f64::MIN];
        let keys: Vec<u64> = scores.iter().map(|&s| score_key(s)).collect();
        assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:x?}");
        for &score in &scores {
            assert_eq!(key_score(score_key(score)), Some(score));
        }
        assert_eq!(score_key(-0.0), score_key(0.0));
        assert!(keys.iter().all(|&key| key != NO_SCORE));
        assert_eq!(key_score(NO_SCORE), None);
    }

    #[test]
    fn ranks_are_competition_ranks_within_buckets() {
        let mut slots: Vec<Slot> = [(0, 5), (0, 5), (0, 7), (2, 7), (2, 7)]
            .iter()
            .enumerate()
            .map(|(index, &(bucket, key))| Slot { key, index: index as u32, rank: bucket })
            .collect();
        let ends = assign_ranks(&mut slots);
        assert_eq!(slots.iter().map(|s| s.rank).collect::<Vec<_>>(), [1, 1, 3, 4, 4]);
        assert_eq!(ends, [3, 3, 5, 5, 5]);
    }

    #[test]
    fn top_k_equals_prefix_of_sort() {
        let slots: Vec<Slot> =
            (0..50_u32).map(|i| Slot { key: u64::from(i * 7 % 11), index: i, rank: i % 3 }).collect();
        let mut sorted = slots.clone();
        sort(&mut sorted);
        for k in [0, 1, 5, 49, 50, 80] {
            assert_eq!(top_k(slots.iter().copied(), k), sorted[..k.min(50)]);
        }
    }
}
