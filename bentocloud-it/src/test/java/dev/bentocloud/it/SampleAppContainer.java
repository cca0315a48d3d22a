package dev.bentocloud.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The packaged sample app ({@code sample-app/target/sample-app.jar}) running in a
 * container on top of a JRE base image.
 * <p>
 * The container uses the host's network, so the app reaches an emulator that listens on
 * this JVM's 127.0.0.1, and its own server listens on 127.0.0.1:{@link #getServerPort()}
 * (a port free when the container was configured). Host networking needs a Docker engine
 * on this machine (Linux); nothing is published and no bridge network is used.
 */
public class SampleAppContainer extends GenericContainer<SampleAppContainer> {

	/**
	 * System property naming the base image (or environment variable
	 * {@code BENTOCLOUD_IT_BASE_IMAGE}); CI sets {@code bentocloud-local/jre:17}.
	 */
	public static final String BASE_IMAGE_PROPERTY = "bentocloud.it.base-image";

	public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";

	/**
	 * The JRE image that {@code .ci/docker-setup} builds from the machine's JDK, with no
	 * registry.
	 */
	public static final String LOCAL_BASE_IMAGE = "bentocloud-local/jre:17";

	/**
	 * System property with the path of the executable sample-app jar (set by the pom).
	 */
	public static final String SAMPLE_APP_JAR_PROPERTY = "bentocloud.it.sample-app-jar";

	/**
	 * Where the BentoML client (and our starter) look for credentials, for HOME=/root.
	 */
	public static final String YATAI_CONFIG_PATH = "/root/bentoml/.yatai.yaml";

	public static final String STARTED_LOG_PATTERN = ".*Started SampleApplication in .*";

	static final String APP_JAR_PATH = "/app/sample-app.jar";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration BASE_IMAGE_PULL_TIMEOUT = Duration.ofMinutes(2);

	private final DockerImageName baseImage;

	private final int serverPort;

	private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xmx256m"));

	private final List<String> appArguments = new ArrayList<>();

	/** Mounted files and their directories, deleted in this order on stop. */
	private final List<Path> temporaryFiles = new ArrayList<>();

	/** The sample app on the base image named by {@value #BASE_IMAGE_PROPERTY}. */
	public SampleAppContainer() {
		this(baseImage(), sampleAppJar());
	}

	public SampleAppContainer(DockerImageName baseImage, Path sampleAppJar) {
		super(baseImage);
		this.baseImage = baseImage;
		this.serverPort = freeLoopbackPort();
		withCopyFileToContainer(MountableFile.forHostPath(sampleAppJar), APP_JAR_PATH);
		withNetworkMode("host");
		withEnv("SERVER_ADDRESS", "127.0.0.1");
		withEnv("SERVER_PORT", Integer.toString(this.serverPort));
		// No profile `emulator`: the usual credential layers apply, and the sample
		// starts no emulator (which would take port 3001 of the host network).
		// The sample shows health details to authorized users only; these tests
		// read them as an operator on a trusted host would, by switching them on.
		withEnv("MANAGEMENT_ENDPOINT_HEALTH_SHOW_DETAILS", "always");
		withEnv("MANAGEMENT_ENDPOINT_HEALTH_SHOW_COMPONENTS", "always");
		withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("sample-app")).withSeparateOutputStreams());
		waitingFor(new StartedLogOrExitWaitStrategy(STARTED_LOG_PATTERN).withStartupTimeout(STARTUP_TIMEOUT));
	}

	/**
	 * The base image: {@value #BASE_IMAGE_PROPERTY} when set; otherwise
	 * {@value #DEFAULT_BASE_IMAGE} when present locally, else {@value #LOCAL_BASE_IMAGE}
	 * (built by {@code .ci/docker-setup}) when present, else
	 * {@value #DEFAULT_BASE_IMAGE}, to be pulled.
	 */
	public static DockerImageName baseImage() {
		String name = ItSettings.get(BASE_IMAGE_PROPERTY);
		if (name != null) {
			return DockerImageName.parse(name.trim());
		}
		for (String candidate : List.of(DEFAULT_BASE_IMAGE, LOCAL_BASE_IMAGE)) {
			if (isLocal(candidate)) {
				return DockerImageName.parse(candidate);
			}
		}
		return DockerImageName.parse(DEFAULT_BASE_IMAGE);
	}

	/** The executable jar of the sample app, which must have been packaged already. */
	public static Path sampleAppJar() {
		String configured = System.getProperty(SAMPLE_APP_JAR_PROPERTY, "../sample-app/target/sample-app.jar");
		Path jar = Path.of(configured).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The sample app jar " + jar + " does not exist. Build it first: "
					+ "'./mvnw -pl bentocloud-it -am verify' packages sample-app before running these tests.");
		}
		return jar;
	}

	/** Sets {@code BENTO_CLOUD_API_KEY}, which overrides the credentials file. */
	public SampleAppContainer withApiKey(String apiKey) {
		return withEnv("BENTO_CLOUD_API_KEY", apiKey);
	}

	/**
	 * Sets {@code BENTO_CLOUD_API_ENDPOINT}, e.g. the emulator's
	 * {@code http://127.0.0.1:port}.
	 */
	public SampleAppContainer withApiEndpoint(String endpoint) {
		return withEnv("BENTO_CLOUD_API_ENDPOINT", endpoint);
	}

	/**
	 * Sets {@code BENTOML_CLOUD_CONTEXT}, the context to pick from the credentials file.
	 */
	public SampleAppContainer withCloudContext(String contextName) {
		return withEnv("BENTOML_CLOUD_CONTEXT", contextName);
	}

	/**
	 * Mounts a credentials file at {@value #YATAI_CONFIG_PATH}, read-only, as a user
	 * would mount {@code ~/bentoml}. The file is written to a temporary directory
	 * readable by its owner only, removed when the container stops.
	 */
	public SampleAppContainer withYataiConfig(String yaml) {
		try {
			Path directory = Files.createTempDirectory("bentocloud-it-",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Path file = Files.writeString(directory.resolve(".yatai.yaml"), yaml);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			this.temporaryFiles.add(file);
			this.temporaryFiles.add(directory);
			return withFileSystemBind(file.toString(), YATAI_CONFIG_PATH, BindMode.READ_ONLY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the credentials file to mount", ex);
		}
	}

	public SampleAppContainer withJvmOptions(String... options) {
		this.jvmOptions.addAll(List.of(options));
		return self();
	}

	public SampleAppContainer withAppArguments(String... arguments) {
		this.appArguments.addAll(List.of(arguments));
		return self();
	}

	/** The port of the app's server on 127.0.0.1 (host network). */
	public int getServerPort() {
		return this.serverPort;
	}

	public String getBaseUrl() {
		return "http://127.0.0.1:" + this.serverPort;
	}

	@Override
	protected void configure() {
		List<String> command = new ArrayList<>();
		command.add("java");
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(APP_JAR_PATH);
		command.addAll(this.appArguments);
		setCommand(command.toArray(String[]::new));
	}

	@Override
	public void start() {
		// Not getDockerImageName(): that resolves the
		// image, i.e. starts Testcontainers' own pull.
		ensureBaseImage(this.baseImage.asCanonicalNameString());
		super.start();
	}

	@Override
	public void stop() {
		try {
			super.stop();
		}
		finally {
			for (Path path : this.temporaryFiles) {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					// A leftover file in the temporary
					// directory is no reason to fail a test.
				}
			}
		}
	}

	/**
	 * Sends SIGTERM, waits up to {@code timeout} for the app to exit (then Docker kills
	 * it) and returns the exit code: 143 or 0 for a clean shutdown, 137 when it had to be
	 * killed. The container stays until {@link #stop()}, so its logs can still be read.
	 */
	public long stopGracefully(Duration timeout) {
		DockerClient docker = getDockerClient();
		try {
			docker.stopContainerCmd(getContainerId()).withTimeout((int) timeout.toSeconds()).exec();
		}
		catch (NotModifiedException ex) {
			// It had exited already.
		}
		return docker.inspectContainerCmd(getContainerId()).exec().getState().getExitCodeLong();
	}

	/**
	 * Starts the app expecting it to exit by itself (e.g. on bad credentials) and returns
	 * its exit code and log. Replaces the wait for the started line.
	 */
	public Exit runToExit(Duration timeout) {
		withStartupCheckStrategy(new ExitedStartupCheckStrategy().withTimeout(timeout));
		waitingFor(new AbstractWaitStrategy() {

			@Override
			protected void waitUntilReady() {
			}

		});
		start();
		InspectContainerResponse.ContainerState state = getCurrentContainerInfo().getState();
		return new Exit(state.getExitCodeLong(), getLogs());
	}

	/**
	 * Runs a CLI command of the same jar inside this running container (same environment
	 * and files), e.g. {@code whoami -o json}.
	 */
	public Exit runCli(String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(
				List.of("java", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-jar", APP_JAR_PATH));
		line.addAll(List.of(command));
		ExecResult result = execInContainer(line.toArray(String[]::new));
		return new Exit(result.getExitCode(), result.getStdout(), result.getStderr());
	}

	/**
	 * How a container or a command in it ended: exit code and output (for a container,
	 * its whole log).
	 */
	public record Exit(long exitCode, String stdout, String stderr) {

		Exit(long exitCode, String logs) {
			this(exitCode, logs, "");
		}

		/** Both streams. */
		public String logs() {
			return this.stdout + this.stderr;
		}

	}

	/**
	 * Waits for the started line, but gives up as soon as the container has exited:
	 * Testcontainers' log wait alone would sit out its whole timeout for an app that
	 * failed to start.
	 */
	private static final class StartedLogOrExitWaitStrategy extends AbstractWaitStrategy {

		private final Pattern started;

		StartedLogOrExitWaitStrategy(String pattern) {
			this.started = Pattern.compile(pattern, Pattern.MULTILINE);
		}

		@Override
		protected void waitUntilReady() {
			DockerClient docker = DockerClientFactory.instance().client();
			String containerId = this.waitStrategyTarget.getContainerId();
			long deadline = System.nanoTime() + this.startupTimeout.toNanos();
			while (true) {
				String logs = this.waitStrategyTarget.getLogs();
				if (this.started.matcher(logs).find()) {
					return;
				}
				InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId)
					.exec()
					.getState();
				if (!Boolean.TRUE.equals(state.getRunning())) {
					throw new ContainerLaunchException("The sample app exited with code " + state.getExitCodeLong()
							+ " before it started; its log:\n" + this.waitStrategyTarget.getLogs());
				}
				if (System.nanoTime() > deadline) {
					throw new ContainerLaunchException("The sample app did not log 'Started SampleApplication' within "
							+ this.startupTimeout.toSeconds() + "s; its log:\n" + logs);
				}
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new ContainerLaunchException("Interrupted while waiting for the sample app", ex);
				}
			}
		}

	}

	/** Succeeds once the container has stopped, whatever its exit code. */
	private static final class ExitedStartupCheckStrategy extends StartupCheckStrategy {

		@Override
		public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
			return Boolean.TRUE.equals(getCurrentState(dockerClient, containerId).getRunning())
					? StartupStatus.NOT_YET_KNOWN : StartupStatus.SUCCESSFUL;
		}

	}

	/**
	 * Fails fast, naming the fix, when the base image is neither local nor pullable;
	 * Testcontainers alone would retry a pull that cannot work for minutes.
	 */
	private static void ensureBaseImage(String image) {
		if (isLocal(image)) {
			return;
		}
		DockerClient docker = DockerClientFactory.instance().client();
		try {
			boolean done = docker.pullImageCmd(image)
				.start()
				.awaitCompletion(BASE_IMAGE_PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			if (!done) {
				throw new IllegalStateException(
						"pull did not finish within " + BASE_IMAGE_PULL_TIMEOUT.toMinutes() + " min");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while pulling " + image, ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The base image " + image + " is not present locally and cannot be pulled ("
					+ ex.getMessage() + "). Without a registry, run 'bash .ci/docker-setup' and pass -D"
					+ BASE_IMAGE_PROPERTY + "=" + LOCAL_BASE_IMAGE + " (or set "
					+ ItSettings.environmentVariable(BASE_IMAGE_PROPERTY) + "=" + LOCAL_BASE_IMAGE + ")", ex);
		}
	}

	private static boolean isLocal(String image) {
		try {
			DockerClientFactory.instance().client().inspectImageCmd(image).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	private static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port on 127.0.0.1", ex);
		}
	}

}
