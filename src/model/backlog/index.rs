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
    let mut keys: Vec<(u128, &str, u32)> =
        ids.iter().enumerate().map(|(index, id)| (id_prefix(id), id, index as u32)).collect();
    keys.sort_unstable();
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

/// The first 16 bytes of `id`, big-endian and zero-padded, so prefixes compare as the bytes do.
pub(super) fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0_u8; 16];
    let len = id.len().min(16);
    bytes[..len].copy_from_slice(&id.as_bytes()[..len]);
    u128::from_be_bytes(bytes)
}
