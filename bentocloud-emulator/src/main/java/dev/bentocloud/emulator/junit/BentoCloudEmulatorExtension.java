package dev.bentocloud.emulator.junit;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.BentoCloudEmulatorBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link BentoCloudEmulator} for JUnit tests: registered on a static field, one
 * emulator for the test class; on an instance field, a fresh one for each test. Closed
 * afterwards either way. <pre class="code">
 * &#64;RegisterExtension
 * static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();
 *
 * &#64;Test
 * void whoami() {
 *     BentoCloudClient client = BentoCloudClient.builder()
 *         .endpoint(emulator.get().endpoint()).apiToken(emulator.get().apiToken()).build();
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class BentoCloudEmulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private final Supplier<BentoCloudEmulator> starter;

	private @Nullable BentoCloudEmulator emulator;

	private boolean perClass;

	/** An emulator with the default seed ({@link BentoCloudEmulator#start()}). */
	public BentoCloudEmulatorExtension() {
		this.starter = BentoCloudEmulator::start;
	}

	/**
	 * An emulator set up by the given builder customization.
	 * @param customizer e.g. {@code (builder) -> builder.seedDemoData(true)}
	 */
	public BentoCloudEmulatorExtension(UnaryOperator<BentoCloudEmulatorBuilder> customizer) {
		this.starter = () -> customizer.apply(BentoCloudEmulator.builder()).start();
	}

	/**
	 * The running emulator.
	 * @return the emulator
	 * @throws IllegalStateException outside a test's lifecycle
	 */
	public BentoCloudEmulator get() {
		BentoCloudEmulator running = this.emulator;
		if (running == null) {
			throw new IllegalStateException("The emulator runs only during the tests that registered it");
		}
		return running;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.perClass = true;
		this.emulator = this.starter.get();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (!this.perClass) {
			this.emulator = this.starter.get();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	private void close() {
		BentoCloudEmulator running = this.emulator;
		this.emulator = null;
		if (running != null) {
			running.close();
		}
	}

}
