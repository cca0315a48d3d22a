package dev.bentocloud.spring.test.testcontainers;

import java.net.URI;

import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link BentoCloudConnectionDetails} for a {@code @ServiceConnection}
 * {@link BentoCloudEmulatorContainer}: its endpoint and token, source
 * {@code container:<image>}.
 *
 * @since 0.1.0
 */
class BentoCloudEmulatorContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<BentoCloudEmulatorContainer, BentoCloudConnectionDetails> {

	BentoCloudEmulatorContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails");
	}

	@Override
	protected BentoCloudConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<BentoCloudEmulatorContainer> source) {
		return new EmulatorContainerConnectionDetails(source);
	}

	/** Read from the container once it has started, when Boot first asks. */
	static final class EmulatorContainerConnectionDetails
			extends ContainerConnectionDetails<BentoCloudEmulatorContainer> implements BentoCloudConnectionDetails {

		EmulatorContainerConnectionDetails(ContainerConnectionSource<BentoCloudEmulatorContainer> source) {
			super(source);
		}

		@Override
		public URI getEndpoint() {
			return URI.create(getContainer().getEndpoint());
		}

		@Override
		public String getApiToken() {
			return getContainer().getApiToken();
		}

		@Override
		public String getSource() {
			return "container:" + getContainer().getDockerImageName();
		}

		@Override
		public String toString() {
			return "EmulatorContainerConnectionDetails[source=" + getSource() + "]";
		}

	}

}
