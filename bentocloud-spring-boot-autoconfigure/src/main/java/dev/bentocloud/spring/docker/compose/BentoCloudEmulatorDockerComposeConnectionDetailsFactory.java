package dev.bentocloud.spring.docker.compose;

import java.net.URI;

import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * {@link DockerComposeConnectionDetailsFactory} to create
 * {@link BentoCloudConnectionDetails} for a service running the BentoCloud emulator's
 * image ({@code bentocloud-emulator}, or any image with the label
 * {@code org.springframework.boot.service-connection: bentocloud-emulator}). The endpoint
 * is the service's host and the port published for the emulator's port 3000; the token is
 * the service's {@value #TOKEN_VARIABLE}, which the emulator takes as the demo user's
 * token.
 *
 * @since 0.1.0
 */
class BentoCloudEmulatorDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<BentoCloudConnectionDetails> {

	/** The image name, without registry or tag, that this factory connects to. */
	static final String CONNECTION_NAME = "bentocloud-emulator";

	/** The port the emulator's image listens on. */
	static final int EMULATOR_PORT = 3000;

	/** The emulator's environment variable with the demo user's token. */
	static final String TOKEN_VARIABLE = "BENTOCLOUD_EMULATOR_TOKEN";

	BentoCloudEmulatorDockerComposeConnectionDetailsFactory() {
		super(CONNECTION_NAME);
	}

	@Override
	protected BentoCloudConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new BentoCloudEmulatorDockerComposeConnectionDetails(source.getRunningService());
	}

	/**
	 * {@link BentoCloudConnectionDetails} backed by an emulator {@link RunningService}.
	 */
	static class BentoCloudEmulatorDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements BentoCloudConnectionDetails {

		private final URI endpoint;

		private final String apiToken;

		private final String source;

		BentoCloudEmulatorDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.endpoint = URI.create("http://" + service.host() + ":" + service.ports().get(EMULATOR_PORT));
			this.apiToken = apiToken(service);
			this.source = "docker-compose:" + service.name();
		}

		// Without it the emulator picks a random token that only its log tells.
		private static String apiToken(RunningService service) {
			String token = service.env().get(TOKEN_VARIABLE);
			if (token == null || token.isBlank()) {
				throw new IllegalStateException("Docker Compose service '" + service.name()
						+ "' runs the BentoCloud emulator without " + TOKEN_VARIABLE
						+ " in its environment; set it in compose.yaml (any value, e.g. " + TOKEN_VARIABLE
						+ ": emulator-demo-token) so that the application knows the emulator's token");
			}
			return token;
		}

		@Override
		public URI getEndpoint() {
			return this.endpoint;
		}

		@Override
		public String getApiToken() {
			return this.apiToken;
		}

		@Override
		public String getSource() {
			return this.source;
		}

		@Override
		public String toString() {
			return "BentoCloudEmulatorDockerComposeConnectionDetails[endpoint=" + this.endpoint + ", source="
					+ this.source + "]";
		}

	}

}
