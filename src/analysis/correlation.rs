//! Rank correlations with ties: Kendall's tau-b and Spearman's rho.

/// Kendall's tau-b of two paired samples, with ties:
/// `(n_c − n_d) / sqrt((n_0 − n_1)(n_0 − n_2))`, where `n_c` and `n_d` count the concordant and
/// discordant pairs, `n_0 = n(n − 1)/2`, and `n_1`, `n_2` count the pairs tied in `x`, in `y`.
/// A pair tied in both counts in neither `n_c` nor `n_d`.
///
/// `None` when the lengths differ, with fewer than two values, or when `x` or `y` is all ties
/// (the denominator is 0). `O(n log n)` (Knight's algorithm).
///
/// ```
/// use prioritize::analysis::kendall_tau_b;
///
/// // Pairs: 3 concordant, 1 discordant, 1 tied in x only, 1 tied in y only;
/// // tau-b = (3 − 1) / sqrt((6 − 1)(6 − 1)) = 0.4.
/// let tau = kendall_tau_b(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 2.0]).expect("defined");
/// assert!((tau - 0.4).abs() < 1e-15);
/// assert_eq!(kendall_tau_b(&[1.0, 2.0], &[2.0, 1.0]), Some(-1.0));
/// ```
#[must_use]
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    // Knight's algorithm: sort by (x, y), count the pairs tied in x and tied in both, then count
    // the discordant pairs as the inversions of y in that order while merge-sorting it.
    let mut pairs: Vec<(f64, f64)> = x.iter().copied().zip(y.iter().copied()).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let tied_x = tied_pairs(&pairs, |a, b| a.0.total_cmp(&b.0).is_eq());
    let tied_both = tied_pairs(&pairs, |a, b| a.0.total_cmp(&b.0).is_eq() && a.1.total_cmp(&b.1).is_eq());
    let mut ys: Vec<f64> = pairs.iter().map(|&(_, y)| y).collect();
    let discordant = sort_counting_inversions(&mut ys);
    let tied_y = tied_pairs(&ys, |a, b| a.total_cmp(b).is_eq());
    let n = x.len() as u64;
    let all = n * (n - 1) / 2;
    // n_c − n_d = (all − n_1 − n_2 + n_3 − n_d) − n_d.
    let difference = (all + tied_both) as f64 - (tied_x + tied_y + 2 * discordant) as f64;
    let denominator = ((all - tied_x) as f64 * (all - tied_y) as f64).sqrt();
    (denominator > 0.0).then(|| difference / denominator)
}

/// The number of pairs within runs of equal neighbours of a sorted slice: `Σ t(t − 1)/2`.
fn tied_pairs<T>(sorted: &[T], equal: impl Fn(&T, &T) -> bool) -> u64 {
    let (mut pairs, mut run) = (0_u64, 0_u64);
    for (i, value) in sorted.iter().enumerate() {
        run = if i > 0 && equal(&sorted[i - 1], value) { run + 1 } else { 0 };
        pairs += run;
    }
    pairs
}

/// Sorts `values` (a stable merge sort) and returns the number of pairs `i < j` with
/// `values[i] > values[j]` before sorting.
fn sort_counting_inversions(values: &mut [f64]) -> u64 {
    if values.len() < 2 {
        return 0;
    }
    let middle = values.len() / 2;
    let mut inversions =
        sort_counting_inversions(&mut values[..middle]) + sort_counting_inversions(&mut values[middle..]);
    let mut merged = Vec::with_capacity(values.len());
    let (mut left, mut right) = (0, middle);
    while left < middle && right < values.len() {
        // Equal values are not inversions: take the left one first.
        if values[right].total_cmp(&values[left]).is_lt() {
            merged.push(values[right]);
            right += 1;
            inversions += (middle - left) as u64;
        } else {
            merged.push(values[left]);
            left += 1;
        }
    }
    merged.extend_from_slice(&values[left..middle]);
    merged.extend_from_slice(&values[right..]);
    values.copy_from_slice(&merged);
    inversions
}

/// Spearman's rho of two paired samples: the Pearson correlation of their ranks, where tied
/// values share the average of the ranks they span (the textbook treatment of ties; without
/// ties it equals `1 − 6 Σd² / (n(n² − 1))`).
///
/// `None` when the lengths differ, with fewer than two values, or when `x` or `y` is all ties.
///
/// ```
/// use prioritize::analysis::spearman_rho;
///
/// // Ranks of x: 1, 2.5, 2.5, 4; of y: 1, 4, 2.5, 2.5; about the mean 2.5:
/// // Σ dx·dy = 2.25, Σ dx² = Σ dy² = 4.5, so rho = 2.25 / 4.5 = 0.5.
/// assert_eq!(spearman_rho(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 2.0]), Some(0.5));
/// ```
#[must_use]
pub fn spearman_rho(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let (rx, ry) = (average_ranks(x), average_ranks(y));
    let mean = f64::midpoint(x.len() as f64, 1.0);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        let (dx, dy) = (a - mean, b - mean);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Ranks from 1 (smallest value first); tied values share the average of the ranks they span.
fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let end = start
            + order[start..]
                .iter()
                .take_while(|&&i| values[i].total_cmp(&values[order[start]]).is_eq())
                .count();
        // Positions start + 1 ..= end share their mean.
        let average = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = average;
        }
        start = end;
    }
    ranks
}
