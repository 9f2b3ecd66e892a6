//! The dependency graph of a backlog, by item index.

use crate::model::columns::Lists;

/// Dependencies in compressed rows: the prerequisites of item `i`, by index into the backlog, in
/// the order the item names them. Empty when no item depends on another.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Graph {
    edges: Lists<u32>,
    len: usize,
}

impl Graph {
    /// The graph of `edges` over `len` items, or the first cycle in it (the indices along it,
    /// each depending on the next; the last on the first).
    pub(crate) fn new(edges: Lists<u32>, len: usize) -> Result<Graph, Vec<u32>> {
        let graph = Graph { edges, len };
        match graph.find_cycle() {
            Some(cycle) => Err(cycle),
            None => Ok(graph),
        }
    }

    /// The prerequisites of item `index`.
    pub(crate) fn prerequisites(&self, index: usize) -> &[u32] {
        self.edges.get(index)
    }

    /// The number of dependency edges.
    pub(crate) fn edge_count(&self) -> usize {
        self.edges.values().len()
    }

    /// The first cycle met by a depth-first search from each item in input order.
    fn find_cycle(&self) -> Option<Vec<u32>> {
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        if self.edge_count() == 0 {
            return None;
        }
        let mut state = vec![NEW; self.len];
        // The current path, each node with the position of its next edge to follow.
        let mut path: Vec<(u32, usize)> = Vec::new();
        for root in 0..self.len {
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
