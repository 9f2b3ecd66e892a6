//! Work shared among the machine's cores, its results taken in order.
//!
//! With the `parallel` feature (on by default) large inputs are read and large rankings written
//! on every core, with the standard library's scoped threads (no dependency). The results are
//! the serial path's, bit for bit: each part is done by the same code, and the parts are joined
//! in input order. Without the feature, or where threads cannot be started, everything runs on
//! the calling thread.

use std::cmp::Ordering;
use std::ops::Range;

/// How many threads to use: the cores the process may use, or 1 without the `parallel` feature.
pub(crate) fn threads() -> usize {
    // Asked once: the answer reads the process's cgroup files, a few system calls every time.
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        if cfg!(feature = "parallel") {
            std::thread::available_parallelism().map_or(1, usize::from)
        } else {
            1
        }
    })
}

/// Makes `make(range)` for the batches of `0..len` (`batch` items each) and hands the results to
/// `sink` in order; the batches are made on every core while `sink` takes the earlier ones, with
/// at most two batches a thread waiting. Stops at the first error of `sink`.
pub(crate) fn batches_in_order<T: Send, E>(
    len: usize,
    batch: usize,
    make: impl Fn(Range<usize>) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let batch = batch.max(1);
    let count = len.div_ceil(batch);
    let range = |at: usize| at * batch..((at + 1) * batch).min(len);
    let workers = threads().min(count);
    if workers <= 1 {
        return (0..count).try_for_each(|at| sink(make(range(at))));
    }
    std::thread::scope(|scope| {
        let make = &make;
        // Worker `w` makes the batches w, w + workers, ...: taking from the workers in turn
        // takes the batches in order.
        let receivers: Vec<_> = (0..workers)
            .map(|worker| {
                let (sender, receiver) = std::sync::mpsc::sync_channel(1);
                let started = std::thread::Builder::new().spawn_scoped(scope, move || {
                    for at in (worker..count).step_by(workers) {
                        if sender.send(make(range(at))).is_err() {
                            // The sink stopped.
                            return;
                        }
                    }
                });
                started.ok().map(|_| receiver)
            })
            .collect();
        for at in 0..count {
            let batch = match &receivers[at % workers] {
                Some(receiver) => match receiver.recv() {
                    Ok(batch) => batch,
                    // The worker panicked: the scope passes its panic on.
                    Err(_) => break,
                },
                // A thread that could not start: its batches are made here.
                None => make(range(at)),
            };
            sink(batch)?;
        }
        Ok(())
    })
}

/// `make(part)` for each of `parts` on every core (the calling thread among them), each result
/// handed to `sink` in the order of `parts`. A thread that finishes a part hands over every result
/// ready in order, unless another thread is at it: handing over runs beside the making of later
/// parts instead of leaving the cores idle while the caller takes the results.
/// Stops at the first error of `sink`: parts not yet begun are not made.
///
/// `beside()` runs on the calling thread once the other threads have begun, before it takes
/// parts itself (work that must stay on this thread, such as reading the input on); its result
/// comes back with the sink's.
#[cfg_attr(not(feature = "csv"), allow(dead_code))] // the CSV reader's
pub(crate) fn sink_in_order<P: Sync, T: Send, E: Send, B>(
    parts: &[P],
    make: impl Fn(&P) -> T + Sync,
    sink: impl FnMut(T) -> Result<(), E> + Send,
    beside: impl FnOnce() -> B,
) -> (Result<(), E>, B) {
    use std::sync::atomic::{AtomicUsize, Ordering as Atomic};
    use std::sync::{Mutex, PoisonError};

    let queue = Mutex::new(Queue {
        results: std::iter::repeat_with(|| None).take(parts.len()).collect(),
        next: 0,
        stopped: false,
    });
    let sink = Mutex::new((sink, Ok(())));
    let taken = AtomicUsize::new(0);
    // Hands over the results ready in order, unless another thread is at it. Checks again after
    // letting go: a result made meanwhile by a thread that found the sink busy is not left behind.
    let hand_over = || {
        while let Ok(mut held) = sink.try_lock() {
            let (sink, outcome) = &mut *held;
            loop {
                // Taken in a statement of its own: the queue is let go while the sink works.
                let next = lock(&queue).take_next();
                let Some(result) = next else { break };
                if let Err(error) = sink(result) {
                    *outcome = Err(error);
                    lock(&queue).stopped = true;
                }
            }
            drop(held);
            if !lock(&queue).next_is_ready() {
                return;
            }
        }
    };
    let work = || {
        loop {
            let at = taken.fetch_add(1, Atomic::Relaxed);
            if at >= parts.len() || lock(&queue).stopped {
                return;
            }
            let result = make(&parts[at]);
            lock(&queue).results[at] = Some(result);
            hand_over();
        }
    };
    let besides = std::thread::scope(|scope| {
        for _ in 1..threads().min(parts.len()) {
            // A thread that cannot start leaves its parts to the others.
            let _ = std::thread::Builder::new().spawn_scoped(scope, work);
        }
        let besides = beside();
        work();
        besides
    });
    // Every part is made and every thread gone: what is left is handed over here.
    hand_over();
    let (_, outcome) = sink.into_inner().unwrap_or_else(PoisonError::into_inner);
    (outcome, besides)
}

/// The results of [`sink_in_order`] made and not yet handed over, by part.
struct Queue<T> {
    results: Vec<Option<T>>,
    /// The part whose result is handed over next.
    next: usize,
    /// Whether the sink stopped at an error.
    stopped: bool,
}

impl<T> Queue<T> {
    /// The next result, when it is made and the sink has not stopped.
    fn take_next(&mut self) -> Option<T> {
        if self.stopped {
            return None;
        }
        let result = self.results.get_mut(self.next).and_then(Option::take)?;
        self.next += 1;
        Some(result)
    }

    fn next_is_ready(&self) -> bool {
        !self.stopped && self.results.get(self.next).is_some_and(Option::is_some)
    }
}

/// The value `mutex` guards, even when a thread panicked holding it: the callers' values stay
/// whole between their steps, and a panic reaches the caller anyway.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `first()` on a thread of its own while `second()` runs on the calling thread; both results.
/// Where no thread can start, one after the other.
pub(crate) fn join<A: Send, B>(first: impl FnOnce() -> A + Send, second: impl FnOnce() -> B) -> (A, B) {
    // Lent to the thread, or run here when none can start.
    let first = std::sync::Mutex::new(Some(first));
    let run = || first.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take().map(|first| first());
    std::thread::scope(|scope| {
        let started = std::thread::Builder::new().spawn_scoped(scope, run);
        let second = second();
        let done = match started {
            Ok(thread) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => None,
        };
        match done.or_else(run) {
            Some(first) => (first, second),
            None => unreachable!("the first work runs once, on the thread or here"),
        }
    })
}

/// Below this many items, work on them is not split: starting a thread would cost more than it
/// saves.
pub(crate) const SPLIT: usize = 1 << 15;

/// Sorts `items` by `compare` as `sort_unstable_by` does, on every core: split around a pivot near
/// the median (the items below it on one side, the rest on the other, see [`split`]), then each
/// side sorted on a core of its own. Items that are all distinct under `compare` (as here, where
/// each carries its index) come out in the one sorted order.
pub(crate) fn sort_unstable_by<T: Copy + Send + Sync>(
    items: &mut [T],
    compare: &(impl Fn(&T, &T) -> Ordering + Sync),
) {
    sort_on(items, compare, threads());
}

fn sort_on<T: Copy + Send + Sync>(
    items: &mut [T],
    compare: &(impl Fn(&T, &T) -> Ordering + Sync),
    threads: usize,
) {
    if threads <= 1 || items.len() < SPLIT {
        items.sort_unstable_by(compare);
        return;
    }
    let middle = split(items, compare);
    let (below, above) = items.split_at_mut(middle);
    join(|| sort_on(below, compare, threads / 2), || sort_on(above, compare, threads - threads / 2));
}

/// Moves the items below a pivot before the others and returns how many they are; the pivot is
/// the median of a sample spread over the items, so the sides are about even. Each half of the
/// items is partitioned on a core of its own, then the high items of the first half and the low
/// items of the second that lie on the wrong side swap places: a pass on each core and a swap of
/// about a quarter of the items, where finding the exact median took a pass of its own on one.
fn split<T: Copy + Send + Sync>(items: &mut [T], compare: &(impl Fn(&T, &T) -> Ordering + Sync)) -> usize {
    const SAMPLE: usize = 2047;
    let mut sample: Vec<T> = (0..SAMPLE).map(|at| items[at * items.len() / SAMPLE]).collect();
    sample.sort_unstable_by(compare);
    let pivot = sample[SAMPLE / 2];
    let is_low = |item: &T| compare(item, &pivot).is_lt();
    let half = items.len() / 2;
    let (first, second) = items.split_at_mut(half);
    let (low_first, low_second) = join(|| partition(first, &is_low), || partition(second, &is_low));
    let low = low_first + low_second;
    // The first half's high items below `low` go where the second half's low items at or past it
    // are: as many of each.
    let (first, second) = items.split_at_mut(half.max(low));
    if low <= half {
        first[low_first..low].swap_with_slice(&mut second[..low_second]);
    } else {
        first[low_first..half].swap_with_slice(&mut second[..half - low_first]);
    }
    low
}

/// Moves the items for which `is_low` holds to the front, in one pass without a branch on the
/// answer, and returns how many they are.
fn partition<T>(items: &mut [T], is_low: &impl Fn(&T) -> bool) -> usize {
    let mut low = 0;
    for at in 0..items.len() {
        let is = is_low(&items[at]);
        items.swap(low, at);
        low += usize::from(is);
    }
    low
}

/// `make(0), make(1), ...` for the `len` items, made on every core.
pub(crate) fn collect<T: Send + Default + Clone>(len: usize, make: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let mut items = vec![T::default(); len];
    fill(&mut items, 0, &make, threads());
    items
}

fn fill<T: Send>(items: &mut [T], offset: usize, make: &(impl Fn(usize) -> T + Sync), threads: usize) {
    if threads <= 1 || items.len() < SPLIT {
        for (at, item) in items.iter_mut().enumerate() {
            *item = make(offset + at);
        }
        return;
    }
    let middle = items.len() / 2;
    let (first, second) = items.split_at_mut(middle);
    join(
        || fill(first, offset, make, threads / 2),
        || fill(second, offset + middle, make, threads - threads / 2),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_arrive_in_order_and_cover_every_item() {
        for (len, batch) in [(0, 4), (1, 4), (10, 3), (100, 7), (64, 64), (65, 64)] {
            let mut seen = Vec::new();
            let done: Result<(), ()> = batches_in_order(len, batch, Iterator::collect::<Vec<_>>, |part| {
                seen.extend(part);
                Ok(())
            });
            assert_eq!(done, Ok(()));
            assert_eq!(seen, (0..len).collect::<Vec<_>>(), "{len} items by {batch}");
        }
    }

    #[test]
    fn the_first_error_of_the_sink_stops_the_batches() {
        let mut taken = Vec::new();
        let done = batches_in_order(
            100,
            10,
            |range| range.start,
            |start| {
                taken.push(start);
                if start == 30 { Err(start) } else { Ok(()) }
            },
        );
        assert_eq!(done, Err(30));
        assert_eq!(taken, [0, 10, 20, 30]);
    }

    #[test]
    fn items_made_on_every_core_are_made_in_order() {
        for len in [0, 1, SPLIT - 1, SPLIT * 2 + 3] {
            for threads in [1, 2, 3] {
                let mut items = vec![0; len];
                fill(&mut items, 0, &|at| at * 3, threads);
                assert!(items.iter().enumerate().all(|(at, &item)| item == at * 3), "{len} on {threads}");
            }
        }
        assert_eq!(collect(5, |at| at + 1), [1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_sort_on_every_core_is_the_sort() {
        for (len, threads) in [(0, 2), (1, 2), (SPLIT + 1, 2), (SPLIT * 3, 3), (SPLIT * 2 + 5, 4)] {
            let items: Vec<(u32, u32)> =
                (0..len as u32).map(|at| (at.wrapping_mul(2_654_435_761) % 1000, at)).collect();
            let mut sorted = items.clone();
            sorted.sort_unstable();
            let mut split = items;
            sort_on(&mut split, &Ord::cmp, threads);
            assert!(split == sorted, "{len} items on {threads} threads");
        }
    }

    proptest::proptest! {
        /// Whatever the items (many equal, sorted, reversed), the split keeps them all and puts
        /// every item of the first side below every item of the second.
        #[test]
        fn a_split_puts_the_low_items_first(
            items in proptest::collection::vec(0_u32..50, 0..2_000),
            order in 0_u8..3,
        ) {
            let mut items = items;
            match order {
                1 => items.sort_unstable(),
                2 => items.sort_unstable_by(|a, b| b.cmp(a)),
                _ => {}
            }
            let mut split_items = items.clone();
            if !items.is_empty() {
                let low = split(&mut split_items, &Ord::cmp);
                let (below, above) = split_items.split_at(low);
                proptest::prop_assert!(below.iter().all(|a| above.iter().all(|b| a < b)), "{:?} | {:?}", below, above);
                proptest::prop_assert!(!above.is_empty());
            }
            split_items.sort_unstable();
            items.sort_unstable();
            proptest::prop_assert_eq!(split_items, items);
        }
    }

    #[test]
    fn parts_are_sunk_in_order_until_the_first_error() {
        for len in [0, 1, 2, 3, 37] {
            let parts: Vec<u32> = (0..len).collect();
            let mut sunk = Vec::new();
            let (done, beside): (Result<(), ()>, _) = sink_in_order(
                &parts,
                |part| part * 2,
                |made| {
                    sunk.push(made);
                    Ok(())
                },
                || std::thread::current().id(),
            );
            assert_eq!(done, Ok(()));
            assert_eq!(beside, std::thread::current().id(), "beside runs on the calling thread");
            assert_eq!(sunk, (0..len).map(|part| part * 2).collect::<Vec<_>>(), "{len} parts");
        }
        let parts: Vec<u32> = (0..100).collect();
        let mut sunk = Vec::new();
        let (done, ()) = sink_in_order(
            &parts,
            |part| *part,
            |made| {
                sunk.push(made);
                if made == 30 { Err(made) } else { Ok(()) }
            },
            || (),
        );
        assert_eq!(done, Err(30));
        assert_eq!(sunk, (0..=30).collect::<Vec<_>>());
    }
}
