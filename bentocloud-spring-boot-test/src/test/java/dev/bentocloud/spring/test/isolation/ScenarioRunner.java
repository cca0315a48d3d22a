package dev.bentocloud.spring.test.isolation;

import java.io.PrintWriter;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one scenario class with the JUnit Platform in this (child) JVM and prints a
 * summary line.
 */
public final class ScenarioRunner {

	private ScenarioRunner() {
	}

	public static void main(String[] args) throws ClassNotFoundException {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(DiscoverySelectors.selectClass(Class.forName(args[0])))
			.build();
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		launcher.execute(request, listener);
		TestExecutionSummary summary = listener.getSummary();
		summary.printFailuresTo(new PrintWriter(System.out, true), 30);
		System.out.println("SCENARIO found=" + summary.getTestsFoundCount() + " succeeded="
				+ summary.getTestsSucceededCount() + " failed=" + summary.getTotalFailureCount());
		System.exit((summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0) ? 0 : 1);
	}

}
