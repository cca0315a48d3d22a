package dev.bentocloud.spring.testsupport;

import org.springframework.context.SmartLifecycle;

/**
 * A lifecycle bean that stops first of all (before Reactor Netty's resources, phase 0)
 * and runs a check then, to see what a context's close has done before it stops anything.
 *
 * @param onStop what to run at stop
 */
public record FirstToStop(Runnable onStop) implements SmartLifecycle {

	@Override
	public void start() {
	}

	@Override
	public void stop() {
		this.onStop.run();
	}

	@Override
	public boolean isRunning() {
		return true;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
