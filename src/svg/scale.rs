//! Linear scales with round ticks.

/// Maps `0..=max` of the data onto the pixels `start..=end` (`end < start` for an upward axis).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale {
    max: f64,
    start: f64,
    end: f64,
    step: f64,
    steps: u32,
}

impl Scale {
    /// A scale from 0 to at least `max`, rounded up to a whole number of round steps (1, 2, 2.5
    /// or 5 times a power of ten), about `ticks` of them.
    pub(crate) fn new(max: f64, ticks: usize, start: f64, end: f64) -> Scale {
        let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
        let rough = max / ticks.max(1) as f64;
        let power = 10_f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * power)
            .find(|&step| step >= rough)
            .unwrap_or(10.0 * power);
        // At most a few steps: `step` is at least a tenth of `max / ticks`.
        let mut steps = 1_u32;
        while f64::from(steps) * step < max {
            steps += 1;
        }
        Scale { max: f64::from(steps) * step, start, end, step, steps }
    }

    /// The pixel of `value`.
    pub(crate) fn at(&self, value: f64) -> f64 {
        self.start + (self.end - self.start) * value / self.max
    }

    /// The length in pixels of `value` from 0.
    pub(crate) fn length(&self, value: f64) -> f64 {
        (self.at(value) - self.start).abs()
    }

    /// The ticks: 0, step, 2 step, ..., max.
    pub(crate) fn ticks(&self) -> impl Iterator<Item = f64> + '_ {
        (0..=self.steps).map(move |i| f64::from(i) * self.step)
    }
}

#[cfg(test)]
mod tests {
    use super::Scale;

    #[test]
    fn round_steps() {
        let scale = Scale::new(6400.0, 5, 0.0, 100.0);
        assert_eq!(scale.ticks().collect::<Vec<_>>(), [0.0, 2000.0, 4000.0, 6000.0, 8000.0]);
        assert_eq!(scale.at(4000.0), 50.0);
        let small = Scale::new(8.4, 5, 100.0, 0.0);
        assert_eq!(small.ticks().collect::<Vec<_>>(), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!((small.at(5.0), small.length(5.0)), (50.0, 50.0));
        assert_eq!(Scale::new(0.0, 5, 0.0, 1.0).ticks().count(), 6);
    }
}
