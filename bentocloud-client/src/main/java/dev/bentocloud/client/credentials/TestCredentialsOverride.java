package dev.bentocloud.client.credentials;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudCredentials;

/**
 * A JVM-wide redirect of BentoML's credential chain, for test support only. While one is
 * installed, {@link BentoCloudCredentialsResolver#bentoml()} (any resolver on
 * {@link BentoMlEnvironment#system()}) resolves to the installed credentials instead of
 * {@code BENTO_CLOUD_API_KEY} or {@code .yatai.yaml}, so that application code which
 * builds its own client from BentoML's chain reaches a test's emulator, never the
 * developer's account. Resolvers on another environment (such as the Spring Boot
 * starter's, on Spring's {@code Environment}) are not affected.
 * <p>
 * {@code bentocloud-spring-boot-test} installs it for each test application context with
 * the emulator, from the context's refresh until it is closed. Nothing else turns it on:
 * no environment variable, system property or file does, only a call to
 * {@link #install(Supplier)}, so a production deployment cannot enable it by accident.
 * The credentials it resolves have the source {@value #SOURCE_PREFIX}{@code <source>}, so
 * logs and health details show it.
 * <p>
 * Installations nest: the most recent one that is still open wins, and closing it brings
 * back the one before. The redirect is process-wide, not per thread.
 *
 * @since 0.1.0
 */
public final class TestCredentialsOverride {

	/** Prefix of the {@link BentoCloudCredentials#source()} of redirected credentials. */
	public static final String SOURCE_PREFIX = "test-override:";

	// Few entries, rarely changed, read on every resolve from any thread.
	private static final List<Installation> installations = new CopyOnWriteArrayList<>();

	private TestCredentialsOverride() {
	}

	/**
	 * Redirects BentoML's chain to the given credentials until the returned installation
	 * is closed.
	 * @param credentials the credentials to resolve instead, asked for on each resolve
	 * (so that an emulator started later is found)
	 * @return the installation; close it to remove the redirect
	 */
	public static Installation install(Supplier<BentoCloudCredentials> credentials) {
		Installation installation = new Installation(credentials);
		installations.add(installation);
		return installation;
	}

	/**
	 * Whether a redirect is installed.
	 * @return {@code true} while one is installed
	 */
	public static boolean isInstalled() {
		return !installations.isEmpty();
	}

	/**
	 * The credentials of the most recent open installation.
	 * @return the credentials, with source {@value #SOURCE_PREFIX}{@code <source>}, or
	 * empty when none is installed
	 */
	static Optional<BentoCloudCredentials> current() {
		List<Installation> snapshot = List.copyOf(installations);
		if (snapshot.isEmpty()) {
			return Optional.empty();
		}
		BentoCloudCredentials credentials = snapshot.get(snapshot.size() - 1).credentials.get();
		String source = credentials.source().startsWith(SOURCE_PREFIX) ? credentials.source()
				: SOURCE_PREFIX + credentials.source();
		return Optional.of(new BentoCloudCredentials(credentials.endpoint(), credentials.apiToken(), source,
				credentials.searched()));
	}

	/** One installed redirect; {@link #close()} removes it. */
	public static final class Installation implements AutoCloseable {

		private final Supplier<BentoCloudCredentials> credentials;

		private Installation(Supplier<BentoCloudCredentials> credentials) {
			this.credentials = credentials;
		}

		/** Removes this redirect; closing it again does nothing. */
		@Override
		public void close() {
			installations.remove(this);
		}

	}

}
