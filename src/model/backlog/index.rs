//! The index of a backlog's items by id.

use crate::error::{Error, ItemDetail, Result};
use crate::model::columns::Texts;

/// The index of the item with `id`, by binary search over the indices sorted by id.
pub(super) fn lookup(by_id: &[u32], ids: &Texts, id: &str) -> Option<usize> {
    by_id.binary_search_by(|&i| ids.get(i as usize).cmp(id)).ok().map(|at| by_id[at] as usize)
}

/// Every item's index, sorted by id, after checking that ids are unique.
///
/// Each key carries the id's first 16 bytes, so sorting most ids compares integers without
/// following a pointer to the text: with a million items, going through the text cost a cache
/// miss on every compare. (prefix, id) orders exactly as the id does, since the zero padding of a
/// shorter id sorts first.
pub(super) fn sorted_ids(ids: &Texts) -> Result<Vec<(u128, &str, u32)>> {
    let mut keys: Vec<(u128, &str, u32)> = crate::parallel::collect(ids.len(), |index| {
        let id = ids.get(index);
        (id_prefix(id), id, index as u32)
    });
    crate::parallel::sort_unstable(&mut keys);
    let duplicate = keys
        .windows(2)
        .filter(|pair| pair[0].1 == pair[1].1)
        .map(|pair| (pair[0].2, pair[1].2))
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

/// The index of the item each of `ids` names (`u32::MAX` for none), by `keys` (from
/// [`sorted_ids`]): the ids sorted the same way and matched in one pass over both, where a binary
/// search for each would cost a cache miss a step in a large backlog.
pub(super) fn resolve(keys: &[(u128, &str, u32)], ids: &Texts) -> Vec<u32> {
    let mut wanted: Vec<(u128, &str, u32)> =
        ids.iter().enumerate().map(|(at, id)| (id_prefix(id), id, at as u32)).collect();
    crate::parallel::sort_unstable(&mut wanted);
    let mut resolved = vec![u32::MAX; ids.len()];
    let mut keys = keys.iter().peekable();
    for (prefix, id, at) in wanted {
        while keys.next_if(|&&(other_prefix, other, _)| (other_prefix, other) < (prefix, id)).is_some() {}
        if let Some(&&(other_prefix, other, index)) = keys.peek()
            && (other_prefix, other) == (prefix, id)
        {
            resolved[at as usize] = index;
        }
    }
    resolved
}

/// The first 16 bytes of `id`, big-endian and zero-padded, so prefixes compare as the bytes do.
pub(super) fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0_u8; 16];
    let len = id.len().min(16);
    bytes[..len].copy_from_slice(&id.as_bytes()[..len]);
    u128::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let by_id: Vec<u32> = keys.iter().map(|&(_, _, index)| index).collect();
        let wanted =
            texts(&["C", "Z", "A", "C", "a-very-long-identifier-2", "a-very-long-identifier", "", "Ä", "B"]);
        let expected: Vec<u32> =
            wanted.iter().map(|id| lookup(&by_id, &ids, id).map_or(u32::MAX, |index| index as u32)).collect();
        assert_eq!(resolve(&keys, &wanted), expected);
        assert_eq!(expected, [6, u32::MAX, 2, 6, 3, u32::MAX, 4, 5, 0]);
    }
}
