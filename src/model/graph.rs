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
    /// The first cycle, as [`Graph::new`] reports it.
    pub(crate) fn cycle(&self) -> Option<Vec<u32>> {
        self.find_cycle()
    }

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

    /// Sets the prerequisites of item `index` in a graph of `len` items (`len` appends one).
    pub(crate) fn set_prerequisites(&mut self, index: usize, row: &[u32]) {
        self.edges.replace_row(index, self.len, row);
        self.len = self.len.max(index + 1);
    }

    /// Removes item `index`, which nothing depends on; later items move up by one.
    pub(crate) fn remove(&mut self, index: usize) {
        self.edges.remove_row(index);
        for target in self.edges.values_mut() {
            if *target as usize > index {
                *target -= 1;
            }
        }
        self.len -= 1;
    }

    /// The items that depend on item `index`, in input order.
    pub(crate) fn dependents(&self, index: usize) -> Vec<usize> {
        (0..self.len).filter(|&item| self.prerequisites(item).contains(&(index as u32))).collect()
    }

    /// Whether item `target` is reached from any of `from` by following prerequisites.
    pub(crate) fn reaches(&self, from: &[u32], target: usize) -> bool {
        let mut seen = vec![false; self.len];
        let mut stack: Vec<u32> = from.to_vec();
        while let Some(node) = stack.pop() {
            if node as usize == target {
                return true;
            }
            if !std::mem::replace(&mut seen[node as usize], true) {
                stack.extend_from_slice(self.prerequisites(node as usize));
            }
        }
        false
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
