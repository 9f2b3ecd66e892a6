//! The model is the crate's ground floor: its files import nothing from the modules above it
//! (engines, rankings, plans, analyses, readers), and no two of its files import each other,
//! directly or around a circle. Read from the source, so a change that breaks either fails here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its module path below `crate::model` (`backlog::view`).
fn files(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("an entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a UTF-8 name").to_owned();
        if path.is_dir() {
            files(&path, &[prefix, &[name]].concat(), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = if name == "mod" { prefix.to_vec() } else { [prefix, &[name]].concat() };
            out.insert(module, path);
        }
    }
}

/// The model modules a file imports: `use crate::model::a::b` and `use super::x` paths, resolved
/// to the longest module path that is a file; test modules are left out.
fn imports(
    module: &[String],
    text: &str,
    known: &BTreeMap<Vec<String>, PathBuf>,
    is_mod: bool,
) -> Vec<Vec<String>> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut found = Vec::new();
    for line in code.lines().map(str::trim) {
        let Some(path) = line.strip_prefix("use ").or_else(|| line.strip_prefix("pub(crate) use ")) else {
            continue;
        };
        let segments: Vec<String> = path
            .trim_end_matches(';')
            .split("::")
            .map(|segment| segment.trim_matches(|c| c == '{' || c == '}').to_owned())
            .collect();
        let absolute: Vec<String> = match segments.first().map(String::as_str) {
            Some("crate") if segments.get(1).is_some_and(|s| s == "model") => segments[2..].to_vec(),
            Some("super") => {
                // `super` of a `mod.rs` is its parent's parent directory module.
                let parent = if is_mod {
                    &module[..module.len().saturating_sub(1)]
                } else {
                    &module[..module.len() - 1]
                };
                [parent, &segments[1..]].concat()
            }
            _ => continue,
        };
        let target =
            (1..=absolute.len()).rev().map(|n| absolute[..n].to_vec()).find(|m| known.contains_key(m));
        if let Some(target) = target
            && target != module
        {
            found.push(target);
        }
    }
    found
}

#[test]
fn the_model_imports_nothing_from_above_it() {
    let mut known = BTreeMap::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model"), &[], &mut known);
    for path in known.values() {
        let text = std::fs::read_to_string(path).expect("readable");
        for above in ["engine", "ranking", "plan", "analysis", "interchange", "csv", "svg", "guide"] {
            let code = text.lines().filter(|line| !line.trim_start().starts_with("//"));
            let hit = code.filter(|line| line.contains(&format!("crate::{above}::"))).collect::<Vec<_>>();
            assert!(hit.is_empty(), "{}: {hit:?}", path.display());
        }
    }
}

#[test]
fn no_two_model_files_import_each_other() {
    let mut known = BTreeMap::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model"), &[], &mut known);
    let graph: BTreeMap<Vec<String>, Vec<Vec<String>>> = known
        .iter()
        .map(|(module, path)| {
            let text = std::fs::read_to_string(path).expect("readable");
            let is_mod = path.file_stem().is_some_and(|s| s == "mod");
            (module.clone(), imports(module, &text, &known, is_mod))
        })
        .collect();
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        let cycle = visit(node, &graph, &mut state, &mut Vec::new());
        assert_eq!(cycle, None, "model files that import each other in a circle");
    }
    // The check sees imports at all: the item view reads the backlog it views.
    assert!(graph[&vec!["backlog".to_owned(), "view".to_owned()]].contains(&vec!["backlog".to_owned()]));
}

/// Depth-first search for a cycle through `node`, reporting the first found.
fn visit<'g>(
    node: &'g Vec<String>,
    graph: &'g BTreeMap<Vec<String>, Vec<Vec<String>>>,
    state: &mut BTreeMap<&'g Vec<String>, u8>,
    path: &mut Vec<&'g Vec<String>>,
) -> Option<Vec<String>> {
    match state.get(node) {
        Some(2) => return None,
        Some(1) => {
            let start = path.iter().position(|n| *n == node).unwrap_or(0);
            return Some(path[start..].iter().map(|n| n.join("::")).collect());
        }
        _ => {}
    }
    state.insert(node, 1);
    path.push(node);
    for next in graph.get(node).into_iter().flatten() {
        if let Some(cycle) = visit(next, graph, state, path) {
            return Some(cycle);
        }
    }
    path.pop();
    state.insert(node, 2);
    None
}
