//! The dependency graph of a backlog, by item index.

use crate::error::{Error, Result};
use crate::item::BacklogItem;

/// Dependencies in compressed rows: the prerequisites of item `i` are
/// `targets[offsets[i]..offsets[i + 1]]`, by index into the backlog, in the order the item names them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Graph {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Graph {
    /// Resolves every `depends_on` id with `index_of`, then checks that there is no cycle.
    pub(crate) fn build(items: &[BacklogItem], index_of: impl Fn(&str) -> Option<u32>) -> Result<Graph> {
        let mut offsets = Vec::with_capacity(items.len() + 1);
        let mut targets = Vec::new();
        offsets.push(0);
        for item in items {
            for dependency in item.depends_on() {
                let Some(target) = index_of(dependency.as_str()) else {
                    return Err(Error::UnknownDependency {
                        item: item.id().to_string(),
                        dependency: dependency.to_string(),
                    });
                };
                targets.push(target);
            }
            offsets.push(targets.len() as u32);
        }
        let graph = Graph { offsets, targets };
        if let Some(cycle) = graph.find_cycle() {
            return Err(Error::DependencyCycle {
                cycle: cycle.into_iter().map(|i| items[i as usize].id().to_string()).collect(),
            });
        }
        Ok(graph)
    }

    /// The prerequisites of item `index`.
    pub(crate) fn prerequisites(&self, index: usize) -> &[u32] {
        let start = self.offsets[index] as usize;
        let end = self.offsets[index + 1] as usize;
        &self.targets[start..end]
    }

    /// The number of dependency edges.
    pub(crate) fn edge_count(&self) -> usize {
        self.targets.len()
    }

    /// The first cycle met by a depth-first search from each item in input order, as the indices
    /// along it (each depends on the next; the last on the first).
    fn find_cycle(&self) -> Option<Vec<u32>> {
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let n = self.offsets.len() - 1;
        let mut state = vec![NEW; n];
        // The current path, each node with the position of its next edge to follow.
        let mut path: Vec<(u32, usize)> = Vec::new();
        for root in 0..n {
            if state[root] != NEW {
                continue;
            }
            state[root] = ON_PATH;
            path.push((root as u32, 0));
            while let Some(&mut (node, ref mut next)) = path.last_mut() {
                let edges = self.prerequisites(node as usize);
                if let Some(&target) = edges.get(*next) {
                    *next += 1;
                    match state[target as usize] {
                        NEW => {
                            state[target as usize] = ON_PATH;
                            path.push((target, 0));
                        }
                        ON_PATH => {
                            let start = path.iter().position(|&(n, _)| n == target).unwrap_or(0);
                            return Some(path[start..].iter().map(|&(n, _)| n).collect());
                        }
                        _ => {}
                    }
                } else {
                    state[node as usize] = DONE;
                    path.pop();
                }
            }
        }
        None
    }
}
