package dev.bentocloud.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Options for a {@link BentoCloudEmulator}, from {@link BentoCloudEmulator#builder()}.
 * Not thread-safe; {@link #start()} may be called more than once.
 *
 * @since 0.1.0
 */
public final class BentoCloudEmulatorBuilder {

	int port;

	String host = BentoCloudEmulator.HOST;

	@Nullable EmulatorSeed seed;

	boolean seedDemoData;

	Duration deploymentReadyAfter = Duration.ofMillis(300);

	int maxRecordedRequests = 10_000;

	@Nullable String demoToken;

	final Map<String, ServiceApi> serviceApis = new LinkedHashMap<>();

	BentoCloudEmulatorBuilder() {
	}

	/** The port, 0 (default) for a random free one. */
	public BentoCloudEmulatorBuilder port(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0 (random) or 1-65535, was " + port);
		}
		this.port = port;
		return this;
	}

	/**
	 * The address to bind to: {@value BentoCloudEmulator#HOST} (default), or e.g.
	 * {@code 0.0.0.0} in a container whose port is published.
	 */
	public BentoCloudEmulatorBuilder host(String host) {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("host must not be blank");
		}
		this.host = host.strip();
		return this;
	}

	/**
	 * Users, tokens and deployments to add at start (see {@link EmulatorSeed}); they are
	 * part of what {@link BentoCloudEmulator#reset()} restores.
	 */
	public BentoCloudEmulatorBuilder seed(EmulatorSeed seed) {
		this.seed = Objects.requireNonNull(seed, "seed");
		return this;
	}

	/** Also seed two more API tokens and a running deployment "demo-iris". */
	public BentoCloudEmulatorBuilder seedDemoData(boolean seed) {
		this.seedDemoData = seed;
		return this;
	}

	/** Deploying to running (and terminating to terminated) delay; default 300 ms. */
	public BentoCloudEmulatorBuilder deploymentReadyAfter(Duration delay) {
		this.deploymentReadyAfter = BentoCloudEmulator.requireNonNegative(delay);
		return this;
	}

	/**
	 * How many recent requests to keep for {@link BentoCloudEmulator#requests()}; default
	 * 10,000.
	 */
	public BentoCloudEmulatorBuilder maxRecordedRequests(int max) {
		this.maxRecordedRequests = BentoCloudEmulator.requireNonNegative(max);
		return this;
	}

	/**
	 * The value of the seeded user's token ({@link BentoCloudEmulator#apiToken()})
	 * instead of a random one, so that another process can use a shared emulator without
	 * being told it.
	 */
	public BentoCloudEmulatorBuilder demoToken(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("demoToken must not be blank");
		}
		this.demoToken = token;
		return this;
	}

	/**
	 * The API the deployment's service serves (instead of {@link ServiceApi#example()});
	 * the deployment need not exist. Part of what {@link BentoCloudEmulator#reset()}
	 * restores.
	 * @param deploymentName the deployment's name
	 * @param api the routes its service answers
	 * @return this builder
	 */
	public BentoCloudEmulatorBuilder serviceApi(String deploymentName, ServiceApi api) {
		this.serviceApis.put(Objects.requireNonNull(deploymentName, "deploymentName"),
				Objects.requireNonNull(api, "api"));
		return this;
	}

	public BentoCloudEmulator start() {
		return new BentoCloudEmulator(this);
	}

}
