//! The generator's only source of chance: SplitMix64 and a Zipf sampler, both in integer
//! arithmetic, so an edition is byte-identical for the same parameters on every platform.
//!
//! Every document draws from its own stream ([`Rng::stream`]), derived from the seed, a stage
//! and the document's number. Documents can then be written in parallel, in any order, and a
//! change to one stage does not shift the random numbers of another.

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// one `u64` of state, good enough statistics for synthetic text, and trivially portable.
#[derive(Clone)]
pub(crate) struct Rng(u64);

/// The stages that draw random numbers, each from streams of its own.
#[derive(Clone, Copy)]
pub(crate) enum Stage {
    /// People, places, events and other registries.
    Registries,
    /// A document's metadata and the shape of its body.
    Plan,
    /// A document's text.
    Text,
    /// The introductions of collections.
    Collections,
}

impl Rng {
    /// The stream of `stage` for item `index` of an edition generated from `seed`.
    pub(crate) fn stream(seed: u64, stage: Stage, index: u64) -> Rng {
        let mut mixer = Rng(seed ^ (stage as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F));
        let base = mixer.next_u64();
        let mut rng = Rng(base ^ index.wrapping_mul(0xE703_7ED1_A0B4_28DB));
        // One draw decorrelates neighbouring indexes, whose states differ in few bits.
        rng.next_u64();
        rng
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (Lemire's multiply-shift; the bias is below 2^-40 for our `n`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "below(0) has no value to return");
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    pub(crate) fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// True with probability `percent`/100.
    pub(crate) fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of `items`, uniformly.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Ranks `0..n` drawn with probability proportional to `1 / (rank + 1)`: Zipf's law with
/// exponent 1, so the first few ranks turn up in a large share of all draws.
pub(crate) struct Zipf {
    /// Running totals of the integer weights `2^40 / (rank + 1)`; strictly increasing.
    cumulative: Vec<u64>,
}

impl Zipf {
    /// A sampler over `n` ranks (`n > 0`).
    pub(crate) fn new(n: usize) -> Zipf {
        let mut total = 0u64;
        let cumulative = (1..=n as u64)
            .map(|rank| {
                total += (1u64 << 40) / rank;
                total
            })
            .collect();
        Zipf { cumulative }
    }

    /// One rank.
    pub(crate) fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self
            .cumulative
            .last()
            .expect("a Zipf sampler has at least one rank");
        let point = ((u128::from(rng.next_u64()) * u128::from(total)) >> 64) as u64;
        self.cumulative.partition_point(|&sum| sum <= point)
    }

    /// `count` different ranks (or all of them, if there are fewer), in the order drawn.
    pub(crate) fn distinct(&self, rng: &mut Rng, count: usize) -> Vec<usize> {
        let count = count.min(self.cumulative.len());
        let mut ranks = Vec::with_capacity(count);
        while ranks.len() < count {
            let rank = self.sample(rng);
            if !ranks.contains(&rank) {
                ranks.push(rank);
            }
        }
        ranks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streams are fixed by their definition: these values may never change, or editions
    /// generated before the change would silently differ from editions generated after it.
    #[test]
    fn streams_are_stable() {
        let mut rng = Rng::stream(1, Stage::Text, 7);
        let drawn: Vec<usize> = (0..4).map(|_| rng.below(1000)).collect();
        assert_eq!(drawn, [830, 694, 987, 391]);
    }

    /// Rank 1 of 100 is drawn about 1/H(100) = 19% of the time, rank 100 about 0.2%.
    #[test]
    fn zipf_favours_the_first_ranks() {
        let zipf = Zipf::new(100);
        let mut rng = Rng::stream(3, Stage::Plan, 0);
        let mut counts = [0usize; 100];
        for _ in 0..100_000 {
            counts[zipf.sample(&mut rng)] += 1;
        }
        assert!((18_000..21_000).contains(&counts[0]), "{}", counts[0]);
        assert!(counts[99] < 400, "{}", counts[99]);
    }
}
