package dev.bentocloud.spring.testsupport;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudTransportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guard of the wiring tests: nothing answers at {@link NoServer#ENDPOINT}, so a
 * client call a wiring test makes by mistake fails.
 */
class NoServerTests {

	@Test
	void nothingListensAtTheEndpoint() {
		URI endpoint = URI.create(NoServer.ENDPOINT);
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2000);
			}
		});
	}

	@Test
	void aClientCallToTheEndpointFails() {
		BentoCloudClient client = BentoCloudClient.builder().endpoint(NoServer.ENDPOINT).apiToken("t0k").build();
		assertThatExceptionOfType(BentoCloudTransportException.class).isThrownBy(() -> client.blocking().currentUser());
	}

}
