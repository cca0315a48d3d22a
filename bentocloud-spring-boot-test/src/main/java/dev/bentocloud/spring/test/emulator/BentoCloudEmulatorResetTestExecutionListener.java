package dev.bentocloud.spring.test.emulator;

import dev.bentocloud.emulator.BentoCloudEmulator;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Resets the {@link BentoCloudEmulator} bean of a test's application context after each
 * test method (see {@link BentoCloudEmulator#reset()}), unless
 * {@link AutoConfigureBentoCloudEmulator#resetAfterEachTest()} is {@code false}. Contexts
 * without an emulator, and tests that did not load a context, are left alone.
 *
 * @since 0.1.0
 */
public class BentoCloudEmulatorResetTestExecutionListener implements TestExecutionListener, Ordered {

	private static final String RESET_PROPERTY = BentoCloudEmulatorTestAutoConfiguration.PROPERTY_PREFIX
			+ ".reset-after-each-test";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (!context.getEnvironment().getProperty(RESET_PROPERTY, Boolean.class, false)) {
			return;
		}
		context.getBeanProvider(BentoCloudEmulator.class).ifUnique(BentoCloudEmulator::reset);
	}

}
