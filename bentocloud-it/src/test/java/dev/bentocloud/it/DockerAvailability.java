package dev.bentocloud.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testcontainers.DockerClientFactory;

/**
 * Finds out, within seconds, whether a Docker engine answers. Testcontainers' own
 * {@code isDockerAvailable()} tries several strategies and may take long to give up; this
 * first asks the engine's socket for {@code /_ping} with a short timeout, and only then
 * lets Testcontainers connect.
 */
final class DockerAvailability {

	/**
	 * What the check found; {@code engineAnswered} tells an absent engine from a broken
	 * set-up.
	 */
	record Result(boolean available, boolean engineAnswered, String description) {

		static Result absent(String description) {
			return new Result(false, false, description);
		}

	}

	private static final Duration PING_TIMEOUT = Duration.ofSeconds(3);

	private static final Duration TESTCONTAINERS_TIMEOUT = Duration.ofSeconds(30);

	private DockerAvailability() {
	}

	/**
	 * Checks the engine that Testcontainers would use, as seen from this JVM's
	 * environment.
	 */
	static Result check() {
		Result ping = ping(resolveDockerHost(System.getenv(), userHome()), PING_TIMEOUT);
		if (!ping.engineAnswered()) {
			return ping;
		}
		return connectTestcontainers(ping);
	}

	/**
	 * The engine's address: {@code DOCKER_HOST}, else {@code docker.host} from
	 * {@code ~/.testcontainers.properties}, else the first usual socket that exists;
	 * empty if none.
	 */
	static List<URI> resolveDockerHost(Map<String, String> env, Path home) {
		String dockerHost = env.get("DOCKER_HOST");
		if (dockerHost != null && !dockerHost.isBlank()) {
			return List.of(URI.create(dockerHost.trim()));
		}
		Path testcontainersProperties = home.resolve(".testcontainers.properties");
		if (Files.isReadable(testcontainersProperties)) {
			Properties properties = new Properties();
			try (InputStream in = Files.newInputStream(testcontainersProperties)) {
				properties.load(in);
			}
			catch (IOException ex) {
				// Unreadable settings: fall through to the usual sockets, as
				// Testcontainers does.
			}
			String configured = properties.getProperty("docker.host");
			if (configured != null && !configured.isBlank()) {
				return List.of(URI.create(configured.trim()));
			}
		}
		List<Path> candidates = new ArrayList<>();
		candidates.add(Path.of("/var/run/docker.sock"));
		String runtimeDir = env.get("XDG_RUNTIME_DIR");
		if (runtimeDir != null && !runtimeDir.isBlank()) {
			candidates.add(Path.of(runtimeDir, "docker.sock"));
		}
		candidates.add(home.resolve(".docker/run/docker.sock"));
		candidates.add(home.resolve(".docker/desktop/docker.sock"));
		candidates.add(home.resolve(".rd/docker.sock"));
		return candidates.stream().filter(Files::exists).map((path) -> URI.create("unix://" + path)).toList();
	}

	/** Pings the first address; an empty list means no socket was found. */
	static Result ping(List<URI> dockerHosts, Duration timeout) {
		if (dockerHosts.isEmpty()) {
			return Result
				.absent("no Docker engine: DOCKER_HOST is not set and no socket exists at /var/run/docker.sock "
						+ "or the other usual places");
		}
		URI dockerHost = dockerHosts.get(0);
		ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "docker-ping");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Future<Result> answer = executor.submit(() -> pingOnce(dockerHost));
			return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Result
				.absent("the Docker engine at " + dockerHost + " did not answer within " + timeout.toSeconds() + "s");
		}
		catch (ExecutionException ex) {
			return Result.absent("no Docker engine answers at " + dockerHost + ": " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Result.absent("interrupted while pinging " + dockerHost);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Result pingOnce(URI dockerHost) throws IOException {
		switch (dockerHost.getScheme()) {
			case "unix" -> {
				try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
					channel.connect(UnixDomainSocketAddress.of(dockerHost.getPath()));
					channel.write(ByteBuffer
						.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
					String response = new String(Channels.newInputStream(channel).readNBytes(512),
							StandardCharsets.US_ASCII);
					if (response.startsWith("HTTP/1.") && response.contains(" 200 ")) {
						return new Result(true, true, "Docker engine answers at " + dockerHost);
					}
					String statusLine = response.lines().findFirst().orElse("(no answer)");
					return Result
						.absent("the socket " + dockerHost + " does not answer like a Docker engine: " + statusLine);
				}
			}
			case "tcp", "http", "https" -> {
				// TLS and auth are Testcontainers' business: a listening port is enough
				// to try it.
				try (Socket socket = new Socket()) {
					int port = (dockerHost.getPort() != -1) ? dockerHost.getPort() : 2375;
					socket.connect(new InetSocketAddress(dockerHost.getHost(), port), 2000);
					return new Result(true, true, "a port listens at " + dockerHost);
				}
			}
			default -> {
				// ssh://, npipe:// ...: nothing quick to try, let Testcontainers decide.
				return new Result(true, true, "unchecked Docker host " + dockerHost);
			}
		}
	}

	private static Result connectTestcontainers(Result ping) {
		ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "testcontainers-connect");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Future<String> version = executor.submit(() -> {
				DockerClientFactory factory = DockerClientFactory.instance();
				factory.client();
				return factory.getActiveApiVersion();
			});
			String apiVersion = version.get(TESTCONTAINERS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return new Result(true, true, ping.description() + " (Testcontainers uses API " + apiVersion + ")");
		}
		catch (TimeoutException ex) {
			return new Result(false, true, ping.description() + ", but Testcontainers did not connect within "
					+ TESTCONTAINERS_TIMEOUT.toSeconds() + "s");
		}
		catch (ExecutionException ex) {
			return new Result(false, true, ping.description() + ", but Testcontainers cannot use it: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(false, true, "interrupted while connecting Testcontainers");
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Path userHome() {
		return Path.of(System.getProperty("user.home"));
	}

}
