//! The principal eigenvector of a positive matrix, by power iteration.

/// A square matrix, row by row.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Square {
    pub(super) n: usize,
    pub(super) values: Vec<f64>,
}

impl Square {
    pub(super) fn ones(n: usize) -> Square {
        Square { n, values: vec![1.0; n * n] }
    }

    pub(super) fn get(&self, row: usize, column: usize) -> f64 {
        self.values[row * self.n + column]
    }

    pub(super) fn set(&mut self, row: usize, column: usize, value: f64) {
        self.values[row * self.n + column] = value;
    }

    /// The Perron eigenvalue and its eigenvector normalised to sum 1, by power iteration from
    /// `start` (a positive vector summing to 1; the uniform one by default) until no entry moves
    /// by more than 1e-14 (or 10,000 rounds). For a positive reciprocal matrix the second
    /// eigenvalue is small, so a few dozen rounds suffice, fewer from a close start.
    pub(super) fn principal(&self, start: Option<&[f64]>) -> (f64, Vec<f64>) {
        let n = self.n;
        let mut vector = start.map_or_else(|| vec![1.0 / n as f64; n], <[f64]>::to_vec);
        let mut next = vec![0.0; n];
        let mut lambda = n as f64;
        for _ in 0..10_000 {
            for (row, out) in next.iter_mut().enumerate() {
                *out = self.values[row * n..(row + 1) * n].iter().zip(&vector).map(|(a, v)| a * v).sum();
            }
            // With the vector summing to 1, the sum of A·v is the eigenvalue at convergence.
            lambda = next.iter().sum();
            let mut moved: f64 = 0.0;
            for (value, out) in vector.iter_mut().zip(&next) {
                let normalised = out / lambda;
                moved = moved.max((normalised - *value).abs());
                *value = normalised;
            }
            if moved <= 1e-14 {
                break;
            }
        }
        (lambda, vector)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consistent_matrix_has_eigenvalue_n_and_its_weights() {
        let weights = [0.5, 0.3, 0.2];
        let mut matrix = Square::ones(3);
        for (i, a) in weights.iter().enumerate() {
            for (j, b) in weights.iter().enumerate() {
                matrix.set(i, j, a / b);
            }
        }
        let (lambda, vector) = matrix.principal(None);
        assert!((lambda - 3.0).abs() < 1e-12, "{lambda}");
        for (found, expected) in vector.iter().zip(weights) {
            assert!((found - expected).abs() < 1e-12);
        }
    }
}
