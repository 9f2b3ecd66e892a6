//! The judgments behind the numbers at the sizes teams reach: AHP weights of 15 objectives or
//! criteria (every pair compared, and half the pairs, which the completion fills), and
//! Bradley-Terry strengths of 10,000 items from 1,000,000 votes.
//!
//! `cargo bench --bench judgment`. The inputs come from a fixed-seed generator: ratios on Saaty's
//! scale around weights drawn once, votes between random pairs decided by the Bradley-Terry model
//! itself, so that the strengths exist.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode};
use prioritize::judgment::{Ahp, Comparison, Strengths, Vote};

/// A small deterministic generator (SplitMix64).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..1`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1_u64 << 53) as f64
    }
}

/// Comparisons of `n` things: every pair, or every `keep`-th pair and a chain that connects them.
fn comparisons(n: usize, keep: usize) -> Vec<Comparison> {
    let mut random = Random(15);
    let weights: Vec<f64> = (0..n).map(|_| 1.0 + 8.0 * random.unit()).collect();
    let mut comparisons = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if j == i + 1 || (i * n + j).is_multiple_of(keep) {
                // The judgment rounded to Saaty's scale, as people give it.
                let ratio = (weights[i] / weights[j]).clamp(1.0 / 9.0, 9.0);
                let ratio = if ratio >= 1.0 { ratio.round() } else { 1.0 / (1.0 / ratio).round() };
                comparisons
                    .push(Comparison::new(format!("c{i}"), format!("c{j}"), ratio).expect("on the scale"));
            }
        }
    }
    comparisons
}

/// `votes` votes between random pairs of `items` items, decided by their strengths.
fn votes(items: usize, votes: usize) -> Vec<Vote> {
    let mut random = Random(10_000);
    let strengths: Vec<f64> = (0..items).map(|_| 0.1 + random.unit()).collect();
    let ids: Vec<String> = (0..items).map(|i| format!("ITEM-{i}")).collect();
    (0..votes)
        .map(|_| {
            let a = (random.next() % items as u64) as usize;
            let b = (a + 1 + (random.next() % (items as u64 - 1)) as usize) % items;
            let a_wins = random.unit() < strengths[a] / (strengths[a] + strengths[b]);
            let (winner, loser) = if a_wins { (a, b) } else { (b, a) };
            Vote::new(ids[winner].clone(), ids[loser].clone())
        })
        .collect()
}

fn judgment(c: &mut Criterion) {
    let mut group = c.benchmark_group("judgment");
    group.sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_secs(1));
    let complete = comparisons(15, 1);
    group.bench_function("ahp_15_complete", |b| {
        b.iter(|| black_box(Ahp::new(black_box(&complete)).expect("connected")));
    });
    let half = comparisons(15, 2);
    group.bench_function("ahp_15_half_missing", |b| {
        b.iter(|| black_box(Ahp::new(black_box(&half)).expect("connected")));
    });
    group.sample_size(10);
    let many = votes(10_000, 1_000_000);
    group.bench_function("bradley_terry_10000_items_1000000_votes", |b| {
        b.iter(|| black_box(Strengths::from_votes(black_box(&many), None).expect("every item won and lost")));
    });
    group.finish();
}

// `criterion_group!` defines a function it cannot document.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::judgment);
}
criterion::criterion_main!(group::benches);
