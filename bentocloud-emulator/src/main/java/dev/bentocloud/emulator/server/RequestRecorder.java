package dev.bentocloud.emulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.bentocloud.emulator.RecordedRequest;

/**
 * Counts every request per method and path (exact, always on) and keeps the most recent
 * ones in full, up to a cap, so that a long soak cannot exhaust memory. Recording can be
 * switched off.
 */
final class RequestRecorder {

	private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private volatile int capacity;

	private volatile boolean enabled = true;

	RequestRecorder(int capacity) {
		this.capacity = capacity;
	}

	void count(String method, String path) {
		this.counts.computeIfAbsent(key(method, path), (key) -> new LongAdder()).increment();
	}

	boolean enabled() {
		return this.enabled && this.capacity > 0;
	}

	void record(RecordedRequest request) {
		this.recorded.add(request);
		if (this.size.incrementAndGet() > this.capacity) {
			// Drop the oldest; the size may briefly exceed the cap by the number of
			// racing threads.
			if (this.recorded.poll() != null) {
				this.size.decrementAndGet();
			}
		}
	}

	List<RecordedRequest> requests() {
		return List.copyOf(new ArrayList<>(this.recorded));
	}

	long count(String method, String path, boolean anyMethod) {
		if (!anyMethod) {
			LongAdder adder = this.counts.get(key(method, path));
			return (adder != null) ? adder.sum() : 0;
		}
		long total = 0;
		for (var entry : this.counts.entrySet()) {
			if (entry.getKey().endsWith(" " + path)) {
				total += entry.getValue().sum();
			}
		}
		return total;
	}

	void clear() {
		this.counts.clear();
		RecordedRequest removed;
		while ((removed = this.recorded.poll()) != null) {
			this.size.decrementAndGet();
		}
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	void setCapacity(int capacity) {
		this.capacity = capacity;
		while (this.size.get() > capacity && this.recorded.poll() != null) {
			this.size.decrementAndGet();
		}
	}

	private static String key(String method, String path) {
		return method + " " + path;
	}

}
