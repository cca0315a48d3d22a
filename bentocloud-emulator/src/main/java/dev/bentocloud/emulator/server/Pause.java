package dev.bentocloud.emulator.server;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Sleeps on a connection's thread (delays, pauses between chunks, dripping bodies); a
 * stopping server interrupts it, which ends the connection.
 */
final class Pause {

	private Pause() {
	}

	static void sleep(Duration pause) throws InterruptedIOException {
		if (pause.isZero() || pause.isNegative()) {
			return;
		}
		try {
			Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while pausing: the emulator is stopping");
		}
	}

}
