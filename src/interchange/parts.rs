//! A large JSON backlog read on every core: its `items` array cut into parts at item boundaries,
//! each part read into a draft of its own, the drafts joined in input order, and the rest of the
//! text (the sections, `[]` in place of the items) read as the whole would be.
//!
//! Nothing here decides an outcome: a cut that is not where it should be, a text of another
//! shape, or any error at all, and the caller reads the whole text on one core instead, which
//! reports the first error exactly where it is. So a backlog read here is the one the whole text
//! reads as, bit for bit, as the tests check.
//!
//! A cut is sound when the parts read: the text before a cut is read from the start of an item
//! to its end, and JSON is read left to right, so a part that reads as whole items ends where
//! the array's items end; one cut inside a string leaves that string open, and the part fails.

use serde::de::DeserializeSeed;

use super::{BacklogSeed, Config, ItemsApart, ItemsSeed};
use crate::model::Backlog;
use crate::model::build::draft::{Draft, JoinedDrafts};

/// Below this many bytes, a text is read on one core: starting threads would cost more than
/// they save.
const SMALL: usize = 1 << 18;

/// About how many bytes of items a part holds at most: a large text's parts are read a few at a
/// time on each core, each copied into a buffer the core keeps, and joined while the later ones
/// are read. At 2 MiB a part's draft is joined from the cache (a million items: 4 % quicker than
/// at 8 MiB; 1 MiB was slower again).
const PART: usize = 1 << 21;

/// The items of a text, cut into parts: each part is items and the commas between them.
struct Parts<'t> {
    parts: Vec<&'t str>,
}

impl ItemsApart for Parts<'_> {
    /// Reads every part into a draft like `template` (the same criteria), on every core, and
    /// joins the drafts in order; `None` when a part does not read.
    fn read(&self, template: &Draft) -> Option<Draft> {
        let drafts = JoinedDrafts::new();
        let read: Result<(), ()> = crate::parallel::batches_in_order(
            self.parts.len(),
            1,
            |parts| {
                let part = self.parts[parts.start];
                // A part between brackets is an array of items, in a buffer each thread keeps.
                BUFFER.with_borrow_mut(|text| {
                    text.clear();
                    text.push('[');
                    text.push_str(part);
                    text.push(']');
                    let mut draft = drafts.draft(|| template.empty());
                    let mut json = serde_json::Deserializer::from_str(text);
                    ItemsSeed { draft: &mut draft, parts: None }.deserialize(&mut json).ok()?;
                    json.end().ok()?;
                    Some(draft)
                })
            },
            // Joined as they come, while the later parts are read.
            |draft| {
                drafts.join(draft.ok_or(())?);
                Ok(())
            },
        );
        // Where no thread could start, parts were read here: the buffer is not kept.
        BUFFER.with_borrow_mut(|text| *text = String::new());
        read.ok().and(drafts.into_draft())
    }
}

thread_local! {
    /// A part of the text between brackets.
    static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Reads `text` (without a byte order mark) as a backlog with `config`'s sections, its items
/// on every core; `None` when the text is small, of a shape this does not cut, or does not read
/// (read it whole then).
pub(super) fn read(text: &str, config: &Config) -> Option<Backlog> {
    let threads = crate::parallel::threads();
    if threads < 2 {
        return None;
    }
    // As many parts on each core, so that the cores finish together.
    read_in(text, config, threads * (text.len() / (PART * threads)).max(1), SMALL)
}

/// [`read`] in `parts` parts at most, for texts of at least `small` bytes.
fn read_in(text: &str, config: &Config, parts: usize, small: usize) -> Option<Backlog> {
    if parts < 2 || text.len() < small {
        return None;
    }
    let (open, close) = items(text.as_bytes())?;
    let parts = Parts { parts: cut(text, open + 1..close, parts)? };
    // The text with `[]` where the items were: the sections are read as the whole's are.
    let rest = [&text[..open], "[]", &text[close + 1..]].concat();
    let mut json = serde_json::Deserializer::from_str(&rest);
    let backlog = BacklogSeed { config, parts: Some(&parts) }.deserialize(&mut json).ok()?;
    json.end().ok()?;
    Some(backlog)
}

/// Where the items array opens and closes: the whole text (an array of items), or the value of
/// the key `items` of a backlog object, taken to be its last key (as this crate writes it; when
/// it is not, the last part holds what follows the items and does not read).
fn items(bytes: &[u8]) -> Option<(usize, usize)> {
    let start = skip_white(bytes, 0);
    let end = bytes.iter().rposition(|byte| !byte.is_ascii_whitespace())?;
    match bytes[start] {
        b'[' if bytes[end] == b']' => Some((start, end)),
        b'{' if bytes[end] == b'}' => {
            let close = bytes[..end].iter().rposition(|byte| !byte.is_ascii_whitespace())?;
            let open = items_key(bytes, start + 1)?;
            (bytes[open] == b'[' && bytes[close] == b']' && open < close).then_some((open, close))
        }
        _ => None,
    }
}

/// Where the value of the key `items` begins, reading an object's keys from `at` and skipping
/// the other values; a key written with an escape is not read here.
fn items_key(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        at = skip_white(bytes, at);
        if *bytes.get(at)? != b'"' {
            return None;
        }
        let length = bytes[at + 1..].iter().position(|&byte| byte == b'"' || byte == b'\\')?;
        if bytes[at + 1 + length] == b'\\' {
            return None;
        }
        let key = &bytes[at + 1..at + 1 + length];
        at = skip_white(bytes, at + length + 2);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_white(bytes, at + 1);
        if key == b"items" {
            return Some(at);
        }
        at = skip_white(bytes, skip_value(bytes, at)?);
        if *bytes.get(at)? != b',' {
            return None;
        }
        at += 1;
    }
}

/// Where the JSON value at `at` ends, following strings and nesting (not checking the value).
fn skip_value(bytes: &[u8], mut at: usize) -> Option<usize> {
    let mut depth = 0_usize;
    loop {
        match *bytes.get(at)? {
            b'"' => {
                at += 1;
                loop {
                    match *bytes.get(at)? {
                        b'"' => break,
                        b'\\' => at += 2,
                        _ => at += 1,
                    }
                }
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.checked_sub(1)?,
            b',' if depth == 0 => return Some(at),
            _ => {}
        }
        at += 1;
        if depth == 0 && matches!(bytes.get(at), None | Some(b',' | b'}' | b']')) {
            return Some(at);
        }
    }
}

fn skip_white(bytes: &[u8], at: usize) -> usize {
    at + bytes.get(at..).map_or(0, |rest| rest.iter().take_while(|byte| byte.is_ascii_whitespace()).count())
}

/// The items text `range` of `text` cut into at most `parts` parts of about equal size, each
/// from the `{` of an item to the `}` of one: each cut is at the first `}`, `,`, `{` (white
/// space between) after an equal share. `None` for fewer than two parts.
fn cut(text: &str, range: std::ops::Range<usize>, parts: usize) -> Option<Vec<&str>> {
    let bytes = text.as_bytes();
    let share = range.len() / parts;
    let mut cuts = Vec::with_capacity(parts);
    let mut start = range.start;
    for part in 1..parts {
        let from = (range.start + part * share).max(start);
        let Some(end) = boundary(&bytes[..range.end], from) else { break };
        cuts.push(text.get(start..end)?);
        start = skip_white(bytes, end + 1);
    }
    cuts.push(text.get(start..range.end)?);
    (cuts.len() > 1).then_some(cuts)
}

/// The first `}` at or after `from` followed by `,` and `{` (white space between), and where
/// the `,` is.
fn boundary(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        at += bytes.get(at..)?.iter().position(|&byte| byte == b'}')? + 1;
        let comma = skip_white(bytes, at);
        if bytes.get(comma) == Some(&b',') && bytes.get(skip_white(bytes, comma + 1)) == Some(&b'{') {
            return Some(comma);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The text read whole, on one core.
    fn whole(text: &str) -> Option<Backlog> {
        serde_json::from_str::<Backlog>(text).ok()
    }

    #[test]
    fn the_items_are_found_as_an_array_or_the_last_key() {
        assert_eq!(items(b" [1, 2] "), Some((1, 6)));
        assert_eq!(items(br#"{"a": {"items": [1]}, "items": [2]}"#), Some((31, 33)));
        assert_eq!(items(br#"{"a": "x\"items", "items": []}"#), Some((27, 28)));
        // A key with an escape, no items: read whole.
        assert_eq!(items(br#"{"it\u0065ms": []}"#), None);
        assert_eq!(items(br#"{"a": []}"#), None);
        assert_eq!(items(b"{"), None);
    }

    #[test]
    fn cuts_fall_between_items() {
        let text = r#"[{"id": "A"}, {"id": "B"} , {"id": "C"},{"id": "D"}]"#;
        assert_eq!(
            cut(text, 1..text.len() - 1, 2),
            Some(vec![r#"{"id": "A"}, {"id": "B"} , {"id": "C"}"#, r#"{"id": "D"}"#])
        );
        assert_eq!(
            cut(text, 1..text.len() - 1, 4),
            Some(vec![r#"{"id": "A"}, {"id": "B"} "#, r#"{"id": "C"}"#, r#"{"id": "D"}"#])
        );
        assert_eq!(cut(r#"[{"id": "A"}]"#, 1..12, 2), None);
    }

    /// A backlog of `len` items whose titles may hold what looks like a cut (`}, {`), as text:
    /// an array, or an object with sections before the items.
    fn backlog(len: usize, tricky: &[bool], object: bool, criteria: bool) -> String {
        let items: Vec<String> = (0..len)
            .map(|at| {
                let title = if tricky[at % tricky.len()] { r#"a}, {\"id\": \"X\"} \\"# } else { "plain" };
                let score = if object && criteria { r#", "score": 3"# } else { "" };
                format!(
                    r#"{{"id": "I{at}", "title": "{title}", "reach": {}, "impact": "high", "effort": {}{score}, "tags": ["t{}"]}}"#,
                    at * 7 % 50,
                    at % 5 + 1,
                    at % 3
                )
            })
            .collect();
        let items = format!("[\n  {}\n]", items.join(",\n  "));
        match (object, criteria) {
            (false, _) => items,
            (true, false) => format!(r#"{{"objectives": [{{"id": "g", "weight": 1}}], "items": {items}}}"#),
            (true, true) => format!(r#"{{"criteria": [{{"id": "score"}}], "items": {items} }}"#),
        }
    }

    #[test]
    fn items_that_are_not_the_last_key_are_read_whole() {
        let items = backlog(20, &[false], false, false);
        let text = format!(r#"{{"items": {items}, "objectives": [{{"id": "g", "weight": 1}}]}}"#);
        assert!(whole(&text).is_some());
        assert!(read_in(&text, &Config::default(), 2, 0).is_none());
    }

    proptest! {
        #[test]
        fn a_backlog_read_in_parts_is_the_backlog_read_whole(
            len in 1_usize..60,
            tricky in proptest::collection::vec(any::<bool>(), 1..4),
            object in any::<bool>(),
            criteria in any::<bool>(),
            parts in 2_usize..5,
        ) {
            let text = backlog(len, &tricky, object, criteria);
            let whole = whole(&text);
            prop_assert!(whole.is_some(), "{}", text);
            let read = read_in(&text, &Config::default(), parts, 0);
            // With two items a part or more, every share ends before an item does.
            if tricky.iter().all(|tricky| !tricky) && len >= 2 * parts {
                prop_assert!(read.is_some(), "{}", text);
            }
            if let Some(read) = read {
                prop_assert!(Some(read) == whole, "{}", text);
            }
        }

        #[test]
        fn a_text_that_does_not_read_whole_does_not_read_in_parts(
            len in 2_usize..30,
            at in any::<prop::sample::Index>(),
            with in prop::sample::select(vec!["", "}", "{", ",", "\"", "0", "[]", "\\", "\"effort\": 0,"]),
            parts in 2_usize..5,
        ) {
            let text = backlog(len, &[false], true, false);
            let mut at = at.index(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let broken = format!("{}{with}{}", &text[..at], &text[at + 1..]);
            let read = read_in(&broken, &Config::default(), parts, 0);
            match whole(&broken) {
                None => prop_assert!(read.is_none(), "{}", broken),
                Some(whole) => prop_assert!(read.is_none_or(|read| read == whole), "{}", broken),
            }
        }
    }
}
