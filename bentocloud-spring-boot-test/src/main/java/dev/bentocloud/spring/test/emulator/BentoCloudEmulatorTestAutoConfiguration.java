package dev.bentocloud.spring.test.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.emulator.BentoCloudEmulatorBuilder;
import dev.bentocloud.emulator.EmulatorSeed;
import dev.bentocloud.spring.autoconfigure.BentoCloudAutoConfiguration;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Test auto-configuration imported by {@link AutoConfigureBentoCloudEmulator}: a
 * {@link BentoCloudEmulator} bean on a random loopback port, and
 * {@link BentoCloudConnectionDetails} pointing at it, before
 * {@link BentoCloudAutoConfiguration} so that the client, the builder and the health
 * indicator use them. An application's own {@code BentoCloudConnectionDetails} bean is
 * replaced by these (see {@code EmulatorConnectionDetailsPostProcessor}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = BentoCloudAutoConfiguration.class)
@ConditionalOnClass(BentoCloudEmulator.class)
public final class BentoCloudEmulatorTestAutoConfiguration {

	/** Prefix of the properties the annotation's attributes are mapped to. */
	public static final String PROPERTY_PREFIX = "bentocloud.test.emulator";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	BentoCloudEmulator bentoCloudEmulator(Environment environment, ResourceLoader resourceLoader) {
		boolean demoData = environment.getProperty(PROPERTY_PREFIX + ".seed-demo-data", Boolean.class, false);
		BentoCloudEmulatorBuilder builder = BentoCloudEmulator.builder();
		String location = environment.getProperty(PROPERTY_PREFIX + ".seed", "");
		if (!location.isBlank()) {
			EmulatorSeed seed = readSeed(resourceLoader.getResource(location.strip()), location);
			builder.seed(seed);
			demoData = demoData || seed.demoData(false);
			if (seed.token() != null) {
				builder.demoToken(seed.token());
			}
		}
		return builder.seedDemoData(demoData).start();
	}

	// Not conditional on a missing BentoCloudConnectionDetails: an application's own
	// gives way to this one (EmulatorConnectionDetailsPostProcessor), a
	// @ServiceConnection container's wins over it.
	@Bean
	EmulatorBentoCloudConnectionDetails bentoCloudEmulatorConnectionDetails(BentoCloudEmulator emulator) {
		return new EmulatorBentoCloudConnectionDetails(emulator);
	}

	private static EmulatorSeed readSeed(Resource resource, String location) {
		try {
			return EmulatorSeed.parse(resource.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the BentoCloud emulator's seed " + location, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("BentoCloud emulator seed " + location + ": " + ex.getMessage(), ex);
		}
	}

}
