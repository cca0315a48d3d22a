package dev.bentocloud.spring.test.testcontainers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The BentoCloud emulator in a container, from an image built with the emulator's
 * {@code Dockerfile}. With {@code @ServiceConnection} the application's BentoCloud client
 * uses it:
 *
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static BentoCloudEmulatorContainer bentoCloud = new BentoCloudEmulatorContainer("bentocloud-emulator:0.1.0");
 * </pre>
 *
 * As with {@code @AutoConfigureBentoCloudEmulator}, the container's connection details
 * replace an application's own, and {@code BentoCloudCredentialsResolver.bentoml()}
 * resolves to the container while the test's context is open. Set
 * {@code bentocloud.credentials.bentoml-sources=false} in the test's properties too: the
 * starter reads BentoML's sources before the container is known.
 * <p>
 * The demo user's token is random for each container unless {@link #withApiToken(String)}
 * sets one; {@link #getApiToken()} tells it, so that a container left running answers no
 * well-known token. The emulator listens on port {@value #PORT}, published on a random
 * host port; {@link #withHostNetwork()} uses the host's network instead (a Docker engine
 * without bridge networking, as {@code .ci/docker-setup} starts one).
 *
 * @since 0.1.0
 */
public class BentoCloudEmulatorContainer extends GenericContainer<BentoCloudEmulatorContainer> {

	/** The port the emulator listens on in the container. */
	public static final int PORT = 3000;

	private static final String SEED_PATH = "/etc/bentocloud-emulator/seed.yaml";

	private String apiToken = randomToken();

	private boolean seeded;

	private int hostNetworkPort = -1;

	/** For toString: resolving the image name would build or pull it. */
	private final String imageDescription;

	public BentoCloudEmulatorContainer(String image) {
		this(DockerImageName.parse(image));
	}

	public BentoCloudEmulatorContainer(DockerImageName image) {
		super(image);
		this.imageDescription = image.asCanonicalNameString();
		configureDefaults();
	}

	/**
	 * An image that is resolved when the container starts, e.g. an
	 * {@code ImageFromDockerfile} built from the emulator's {@code Dockerfile}.
	 * @param image the image's name, once built or pulled
	 */
	public BentoCloudEmulatorContainer(Future<String> image) {
		super(image);
		this.imageDescription = image.getClass().getSimpleName();
		configureDefaults();
	}

	private void configureDefaults() {
		withExposedPorts(PORT);
		waitingFor(Wait.forLogMessage(".*BentoCloud emulator listening on .*", 1));
	}

	/**
	 * The value of the demo user's API token.
	 * @param apiToken the token
	 * @return this container
	 */
	public BentoCloudEmulatorContainer withApiToken(String apiToken) {
		if (apiToken == null || apiToken.isBlank()) {
			throw new IllegalArgumentException("apiToken must not be blank");
		}
		this.apiToken = apiToken;
		return self();
	}

	/**
	 * A seed file (YAML or JSON) to start with, see
	 * {@code dev.bentocloud.emulator.EmulatorSeed}; its {@code token} is overridden by
	 * {@link #withApiToken(String)}.
	 * @param seed the file, e.g. {@code MountableFile.forClasspathResource("seed.yaml")}
	 * @return this container
	 */
	public BentoCloudEmulatorContainer withSeed(MountableFile seed) {
		withCopyFileToContainer(seed, SEED_PATH);
		this.seeded = true;
		return self();
	}

	/**
	 * Uses the host's network: the emulator listens on a free port of the host's
	 * 127.0.0.1, and no port is published. Needs a Docker engine on this machine (Linux).
	 * @return this container
	 */
	public BentoCloudEmulatorContainer withHostNetwork() {
		this.hostNetworkPort = freeLoopbackPort();
		setExposedPorts(List.of());
		withNetworkMode("host");
		return self();
	}

	/** The demo user's API token. */
	public String getApiToken() {
		return this.apiToken;
	}

	/**
	 * The management endpoint as seen from this JVM, e.g. {@code http://localhost:32768}.
	 */
	public String getEndpoint() {
		if (this.hostNetworkPort != -1) {
			return "http://127.0.0.1:" + this.hostNetworkPort;
		}
		return "http://" + getHost() + ":" + getMappedPort(PORT);
	}

	@Override
	protected void configure() {
		List<String> command = new ArrayList<>(List.of("--token", this.apiToken));
		if (this.seeded) {
			command.addAll(List.of("--seed", SEED_PATH));
		}
		if (this.hostNetworkPort != -1) {
			command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(this.hostNetworkPort)));
		}
		setCommand(command.toArray(String[]::new));
	}

	@Override
	public String toString() {
		return "BentoCloudEmulatorContainer[" + this.imageDescription + "]";
	}

	private static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port on 127.0.0.1", ex);
		}
	}

	private static String randomToken() {
		byte[] bytes = new byte[24];
		new java.security.SecureRandom().nextBytes(bytes);
		return "emulator-" + java.util.HexFormat.of().formatHex(bytes);
	}

}
