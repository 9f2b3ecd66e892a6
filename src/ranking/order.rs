//! The sort key: category, then score (higher first), then input order.

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
pub(crate) const NO_BUCKET: u32 = 4;

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

impl super::list::Indexed for Slot {
    fn index(&self) -> u32 {
        self.index
    }
}

/// Sorts slots by bucket, score and index; the order is total, so the result is unique.
pub(crate) fn sort(slots: &mut [Slot]) {
    // Buckets first, in one linear pass; then each bucket by the two fields that still differ,
    // which compares faster than the whole 128-bit key.
    let mut start = 0;
    for end in partition_by_bucket(slots) {
        crate::parallel::sort_unstable_by(&mut slots[start..end], &|a: &Slot, b: &Slot| {
            (a.key, a.index).cmp(&(b.key, b.index))
        });
        start = end;
    }
}

/// Moves the slots into bucket order in place (a counting sort of the buckets, whose order within
/// a bucket is arbitrary) and returns where each bucket ends.
fn partition_by_bucket(slots: &mut [Slot]) -> [usize; 5] {
    let mut ends = [0_usize; 5];
    for slot in slots.iter() {
        ends[slot.rank as usize] += 1;
    }
    // One bucket holding every slot (as when no item has a category): nothing to move.
    let in_one = ends.contains(&slots.len());
    for bucket in 1..ends.len() {
        ends[bucket] += ends[bucket - 1];
    }
    if in_one {
        return ends;
    }
    // The next place to fill in each bucket: the slots before it already belong there.
    let mut next = [0, ends[0], ends[1], ends[2], ends[3]];
    for bucket in 0..ends.len() {
        while next[bucket] < ends[bucket] {
            let home = slots[next[bucket]].rank as usize;
            if home == bucket {
                next[bucket] += 1;
            } else {
                slots.swap(next[bucket], next[home]);
                next[home] += 1;
            }
        }
    }
    ends
}

/// The first `k` slots of the order, kept in one pass over the slots and `O(k)` memory.
///
/// Candidates gather in a buffer of `2k`; when it is full, a linear-time selection keeps the best
/// `k` and the worst of them becomes the bar that every later slot must beat, so most slots cost
/// one comparison. Amortized `O(1)` a slot, where a binary heap costs `O(log k)` a replacement.
pub(crate) struct TopK {
    k: usize,
    capacity: usize,
    keys: Vec<u128>,
    /// Slots whose order key is not below it cannot be among the first `k`.
    bar: u128,
}

impl TopK {
    /// Room for the first `k` of at most `n` slots (no more than `2 * min(k, n)` keys).
    pub(crate) fn new(k: usize, n: usize) -> TopK {
        let k = k.min(n);
        let capacity = k.saturating_mul(2).min(n);
        // With k = 0 every slot is out; no order key reaches u128::MAX (buckets are at most 4).
        let bar = if k == 0 { 0 } else { u128::MAX };
        TopK { k, capacity, keys: Vec::with_capacity(capacity), bar }
    }

    /// Offers a slot.
    pub(crate) fn push(&mut self, slot: Slot) {
        let key = order(&slot);
        if key >= self.bar {
            return;
        }
        self.keys.push(key);
        if self.keys.len() >= self.capacity && self.capacity > self.k {
            let (_, &mut kth, _) = self.keys.select_nth_unstable(self.k - 1);
            self.bar = kth;
            self.keys.truncate(self.k);
        }
    }

    /// The kept slots, in order.
    pub(crate) fn into_sorted(mut self) -> Vec<Slot> {
        self.keys.sort_unstable();
        self.keys.truncate(self.k);
        self.keys.into_iter().map(from_order).collect()
    }
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
    fn sort_orders_by_bucket_then_key_then_index() {
        // (bucket, key) by index; one bucket and several take the two paths of `sort`.
        for buckets in [[4, 4, 4, 4, 4, 4], [2, 0, 2, 0, 3, 0]] {
            let keys = [7, 3, 7, 3, 1, 9];
            let mut slots: Vec<Slot> = (0..6_u32)
                .map(|i| Slot { key: keys[i as usize], index: i, rank: buckets[i as usize] })
                .collect();
            sort(&mut slots);
            let order: Vec<u32> = slots.iter().map(|slot| slot.index).collect();
            let expected: &[u32] = if buckets[0] == 4 { &[4, 1, 3, 0, 2, 5] } else { &[1, 3, 5, 0, 2, 4] };
            assert_eq!(order, expected, "buckets {buckets:?}");
        }
    }

    #[test]
    fn top_k_equals_prefix_of_sort() {
        // 1,000 slots in a scrambled order with repeated keys, in all five buckets.
        let slots: Vec<Slot> = (0..1_000_u32)
            .map(|i| {
                let scrambled = i.wrapping_mul(2_654_435_761) >> 7;
                Slot { key: u64::from(scrambled % 37), index: i, rank: scrambled % 5 }
            })
            .collect();
        let mut sorted = slots.clone();
        sort(&mut sorted);
        // The 128-bit order key is the definition of the order.
        assert!(sorted.windows(2).all(|pair| order(&pair[0]) < order(&pair[1])));
        for k in [0, 1, 5, 99, 100, 999, 1_000, 1_001, usize::MAX] {
            let mut top = TopK::new(k, slots.len());
            for &slot in &slots {
                top.push(slot);
            }
            assert_eq!(top.into_sorted(), sorted[..k.min(1_000)], "k = {k}");
        }
    }
}
