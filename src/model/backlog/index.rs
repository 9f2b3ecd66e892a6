//! The index of a backlog's items by id.

use crate::error::{Error, ItemDetail, Result};
use crate::model::columns::Texts;

/// The index of the item with `id`, by binary search over the indices sorted by id.
pub(super) fn lookup(by_id: &[u32], ids: &Texts, id: &str) -> Option<usize> {
    by_id.binary_search_by(|&i| ids.get(i as usize).cmp(id)).ok().map(|at| by_id[at] as usize)
}

/// An item of the id index: the first 16 bytes of its id (see [`id_prefix`]) as two words, then
/// its index in the low half of the third word, and in the high half its id's length (17 for
/// any longer).
///
/// Sorting most ids compares the prefixes alone, without following a pointer to the text: with a
/// million items, going through the text cost a cache miss on every compare. Two ids of at most
/// 16 bytes with the same prefix differ only in their length (the shorter one is the longer one
/// without its trailing zero bytes, and sorts first), so only longer ids are compared whole, as
/// when an id is confirmed found. (prefix, id) orders exactly as the id does, since the zero
/// padding of a shorter id sorts first. Three plain words, not a struct: a column of them comes
/// from the system zeroed, so the cores fill its fresh pages side by side, where a struct's column
/// was first cleared on one core.
pub(super) type Key = [u64; 3];

/// The length past which an id is not whole in its key's prefix.
const WHOLE: u64 = 16;

/// The key of item `index` of `ids`.
fn key(ids: &Texts, index: usize) -> Key {
    let id = ids.get(index);
    let [high, low] = id_prefix(id);
    [high, low, ((id.len() as u64).min(WHOLE + 1) << 32) | index as u64]
}

/// The index of the item `key` is of.
pub(super) fn index_of(key: &Key) -> u32 {
    key[2] as u32
}

/// How `key`'s id (in `ids`) orders against `other`'s (in `others`).
fn cmp_id(key: Key, ids: &Texts, other: Key, others: &Texts) -> std::cmp::Ordering {
    (key[0], key[1]).cmp(&(other[0], other[1])).then_with(|| {
        let (len, other_len) = (key[2] >> 32, other[2] >> 32);
        if len <= WHOLE && other_len <= WHOLE {
            len.cmp(&other_len)
        } else {
            ids.get(index_of(&key) as usize).cmp(others.get(index_of(&other) as usize))
        }
    })
}

/// Every item's key, sorted by id, after checking that ids are unique.
pub(super) fn sorted_ids(ids: &Texts) -> Result<Vec<Key>> {
    let mut keys = crate::parallel::collect(ids.len(), |index| key(ids, index));
    crate::parallel::sort_unstable_by(&mut keys, &|a: &Key, b: &Key| {
        cmp_id(*a, ids, *b, ids).then(index_of(a).cmp(&index_of(b)))
    });
    let duplicate = keys
        .windows(2)
        .filter(|pair| cmp_id(pair[0], ids, pair[1], ids).is_eq())
        .map(|pair| (index_of(&pair[0]), index_of(&pair[1])))
        .min_by_key(|&(_, second)| second);
    match duplicate {
        Some((first, second)) => Err(Error::from(ItemDetail::DuplicateId {
            item: ids.get(first as usize).to_owned(),
            first: first as usize,
            second: second as usize,
        })),
        None => Ok(keys),
    }
}

/// The index of the item each of `wanted` names (`u32::MAX` for none), by the `keys` of `ids`
/// (from [`sorted_ids`]): the wanted ids sorted the same way and matched in one pass over both,
/// where a binary search for each would cost a cache miss a step in a large backlog.
pub(super) fn resolve(keys: &[Key], ids: &Texts, wanted: &Texts) -> Vec<u32> {
    let mut sought = crate::parallel::collect(wanted.len(), |at| key(wanted, at));
    crate::parallel::sort_unstable_by(&mut sought, &|a: &Key, b: &Key| {
        cmp_id(*a, wanted, *b, wanted).then(index_of(a).cmp(&index_of(b)))
    });
    let mut resolved = vec![u32::MAX; wanted.len()];
    let mut keys = keys.iter().peekable();
    for key in sought {
        while keys.next_if(|&&other| cmp_id(other, ids, key, wanted).is_lt()).is_some() {}
        if let Some(&&other) = keys.peek()
            && cmp_id(other, ids, key, wanted).is_eq()
        {
            resolved[index_of(&key) as usize] = index_of(&other);
        }
    }
    resolved
}

/// The first 16 bytes of `id`, zero-padded, as two big-endian integers, so prefixes compare as
/// the bytes do.
fn id_prefix(id: &str) -> [u64; 2] {
    let mut bytes = [0_u8; 16];
    let len = id.len().min(16);
    bytes[..len].copy_from_slice(&id.as_bytes()[..len]);
    let prefix = u128::from_be_bytes(bytes);
    [(prefix >> 64) as u64, prefix as u64]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(items: &[&str]) -> Texts {
        let mut texts = Texts::default();
        for item in items {
            texts.push(item);
        }
        texts
    }

    #[test]
    fn resolving_in_one_pass_finds_what_a_search_for_each_finds() {
        let ids = texts(&["B", "a-very-long-identifier-1", "A", "a-very-long-identifier-2", "", "Ä", "C"]);
        let keys = sorted_ids(&ids).expect("unique");
        let by_id: Vec<u32> = keys.iter().map(index_of).collect();
        let wanted =
            texts(&["C", "Z", "A", "C", "a-very-long-identifier-2", "a-very-long-identifier", "", "Ä", "B"]);
        let expected: Vec<u32> =
            wanted.iter().map(|id| lookup(&by_id, &ids, id).map_or(u32::MAX, |index| index as u32)).collect();
        assert_eq!(resolve(&keys, &ids, &wanted), expected);
        assert_eq!(expected, [6, u32::MAX, 2, 6, 3, u32::MAX, 4, 5, 0]);
    }

    proptest! {
        /// Against a sort of the ids themselves: the same order, and for repeated ids the first
        /// repetition in input order, with the first item of its id.
        #[test]
        fn the_index_is_the_ids_sorted(
            ids in proptest::collection::vec(
                (proptest::sample::select(vec!["", "ITEM-00000000000", "ITEM-000000000000"]), "[a-c\\x00]{0,3}")
                    .prop_map(|(head, tail)| format!("{head}{tail}")),
                0..40,
            ),
        ) {
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            let texts = texts(&refs);
            let repeated = (0..ids.len())
                .find_map(|second| (0..second).find(|&first| ids[first] == ids[second]).map(|first| (first, second)));
            match (sorted_ids(&texts), repeated) {
                (Ok(keys), None) => {
                    let mut expected: Vec<(&str, usize)> = refs.iter().copied().zip(0..).collect();
                    expected.sort_unstable();
                    let sorted: Vec<(&str, usize)> =
                        keys.iter().map(|key| (texts.get(index_of(key) as usize), index_of(key) as usize)).collect();
                    prop_assert_eq!(sorted, expected);
                }
                (Err(error), Some((first, second))) => {
                    let expected = ItemDetail::DuplicateId { item: ids[first].clone(), first, second };
                    prop_assert_eq!(error.to_string(), Error::from(expected).to_string());
                }
                (result, repeated) => prop_assert!(false, "{:?} for {:?}", result.map(|_| ()), repeated),
            }
        }
    }
}
