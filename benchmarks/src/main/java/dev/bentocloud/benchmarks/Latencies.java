package dev.bentocloud.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Call latencies of one measured run, kept raw (no histogram) so that percentiles are
 * exact.
 */
final class Latencies {

	private final long[] nanos;

	private final AtomicInteger size = new AtomicInteger();

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private volatile String firstError;

	Latencies(int capacity) {
		this.nanos = new long[capacity];
	}

	void record(long elapsedNanos) {
		this.calls.incrementAndGet();
		int i = this.size.getAndIncrement();
		if (i < this.nanos.length) {
			this.nanos[i] = elapsedNanos;
		}
	}

	void error(Throwable ex) {
		if (this.errors.getAndIncrement() == 0) {
			this.firstError = ex.toString();
		}
	}

	/** The first failure, so that a run with errors says why. */
	String firstError() {
		return this.firstError;
	}

	long calls() {
		return this.calls.get();
	}

	long errors() {
		return this.errors.get();
	}

	long[] sorted() {
		long[] copy = Arrays.copyOf(this.nanos, Math.min(this.size.get(), this.nanos.length));
		Arrays.sort(copy);
		return copy;
	}

	static double percentileMillis(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
	}

}
