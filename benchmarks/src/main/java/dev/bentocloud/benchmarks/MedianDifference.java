package dev.bentocloud.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The difference of two medians ({@code with} minus {@code without}) with a 95% bootstrap
 * interval: on a shared machine two medians of 20 JVMs each can differ by more than the
 * effect measured, and the interval says whether a goal is decided by the run at all.
 * Launches are resampled in pairs ({@code with[i]} was launched just after
 * {@code without[i]}), so that a load that changes during the run weighs on both sides
 * alike.
 *
 * @param median the difference of the medians
 * @param low the lower end of the 95% interval
 * @param high the upper end of the 95% interval
 * @param pairs how many pairs it is taken over
 */
record MedianDifference(double median, double low, double high, int pairs) {

	private static final int RESAMPLES = 4000;

	/** Fewer pairs give no interval worth the name (a smoke test runs one). */
	private static final int MIN_PAIRS = 5;

	static MedianDifference of(double[] without, double[] with) {
		if (without.length != with.length || without.length == 0) {
			throw new IllegalArgumentException("Expected pairs, got " + without.length + " and " + with.length);
		}
		int n = with.length;
		// Fixed seed: the same runs give the same interval.
		SplittableRandom random = new SplittableRandom(23);
		double[] differences = new double[RESAMPLES];
		double[] withSample = new double[n];
		double[] withoutSample = new double[n];
		for (int r = 0; r < RESAMPLES; r++) {
			for (int i = 0; i < n; i++) {
				int pair = random.nextInt(n);
				withSample[i] = with[pair];
				withoutSample[i] = without[pair];
			}
			differences[r] = PagingBenchmark.median(withSample) - PagingBenchmark.median(withoutSample);
		}
		Arrays.sort(differences);
		return new MedianDifference(PagingBenchmark.median(with) - PagingBenchmark.median(without),
				differences[(int) (RESAMPLES * 0.025)], differences[(int) (RESAMPLES * 0.975) - 1], n);
	}

	/**
	 * Whether the goal is met, missed, or not decided by this run.
	 * @param goal the largest difference allowed
	 * @return {@code met}, {@code missed} or {@code not decided}
	 */
	String verdict(double goal) {
		if (this.pairs < MIN_PAIRS) {
			return "not decided";
		}
		if (this.high <= goal) {
			return "met";
		}
		return (this.low > goal) ? "missed" : "not decided";
	}

	String describe() {
		return signed(this.median) + " ms, 95% interval " + signed(this.low) + " to " + signed(this.high) + " ms";
	}

	private static String signed(double value) {
		return ((value >= 0) ? "+" : "") + Table.fixed(value, 0);
	}

}
