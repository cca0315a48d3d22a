package dev.bentocloud.it;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick engine probe, against fake sockets: no Docker needed. */
class DockerAvailabilityTests {

	@TempDir
	Path dir;

	@Test
	void dockerHostFromTheEnvironmentWins() throws IOException {
		Files.writeString(this.dir.resolve(".testcontainers.properties"), "docker.host=unix:///from/properties.sock\n");
		assertThat(DockerAvailability.resolveDockerHost(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), this.dir))
			.containsExactly(URI.create("tcp://127.0.0.1:2375"));
		assertThat(DockerAvailability.resolveDockerHost(Map.of(), this.dir))
			.containsExactly(URI.create("unix:///from/properties.sock"));
	}

	@Test
	void noSocketMeansAbsent() {
		DockerAvailability.Result result = DockerAvailability.ping(List.of(), Duration.ofSeconds(2));
		assertThat(result.available()).isFalse();
		assertThat(result.engineAnswered()).isFalse();
		assertThat(result.description()).contains("DOCKER_HOST is not set");
	}

	@Test
	void deadSocketFileMeansAbsent() throws IOException {
		Path socket = this.dir.resolve("dead.sock");
		Files.createFile(socket);
		DockerAvailability.Result result = DockerAvailability.ping(List.of(URI.create("unix://" + socket)),
				Duration.ofSeconds(2));
		assertThat(result.available()).isFalse();
		assertThat(result.description()).contains("no Docker engine answers at unix://" + socket);
	}

	@Test
	void silentSocketTimesOut() throws IOException {
		Path socket = this.dir.resolve("silent.sock");
		try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			server.bind(UnixDomainSocketAddress.of(socket));
			DockerAvailability.Result result = DockerAvailability.ping(List.of(URI.create("unix://" + socket)),
					Duration.ofMillis(500));
			assertThat(result.available()).isFalse();
			assertThat(result.description()).contains("did not answer within");
		}
	}

	@Test
	void socketAnsweringPingIsAnEngine() throws Exception {
		assertThat(pingAgainst("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nOK").engineAnswered()).isTrue();
		DockerAvailability.Result notDocker = pingAgainst("HTTP/1.0 404 Not Found\r\n\r\n");
		assertThat(notDocker.engineAnswered()).isFalse();
		assertThat(notDocker.description()).contains("does not answer like a Docker engine: HTTP/1.0 404 Not Found");
	}

	private DockerAvailability.Result pingAgainst(String response) throws Exception {
		Path socket = Files.createTempDirectory(this.dir, "s").resolve("fake.sock");
		try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			server.bind(UnixDomainSocketAddress.of(socket));
			Thread fake = new Thread(() -> {
				try (SocketChannel client = server.accept()) {
					client.read(ByteBuffer.allocate(512));
					client.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
				}
				catch (IOException ex) {
					// The test fails on the probe's side.
				}
			});
			fake.start();
			DockerAvailability.Result result = DockerAvailability.ping(List.of(URI.create("unix://" + socket)),
					Duration.ofSeconds(5));
			fake.join(5000);
			return result;
		}
	}

}
