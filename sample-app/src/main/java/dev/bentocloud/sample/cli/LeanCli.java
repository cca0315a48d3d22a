package dev.bentocloud.sample.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.credentials.BentoCloudCredentialsResolver;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfigException;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.sample.emulator.EmbeddedEmulatorConfiguration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The lean path: runs the commands that only call BentoCloud ({@code whoami},
 * {@code api-token …}, {@code deployment …}) and the {@code cloud} commands, which manage
 * the credentials file, without starting Spring Boot. Credentials come from the same
 * layers as on the Spring path, in the same order (see
 * {@code BentoCloudCredentialsEnvironmentPostProcessor}); with the profile
 * {@value EmbeddedEmulatorConfiguration#PROFILE} the sample's emulator is used as
 * {@link EmbeddedEmulatorConfiguration} does for a CLI run: the web app's on
 * {@code sample.emulator.port} when it listens, else one of its own for the duration of
 * the command.
 * <p>
 * Only the common, successful resolutions are handled here. Anything else (a setting the
 * lean path does not read exactly as Spring would, no token, a broken credentials file, a
 * token for plain http to a remote host) returns empty, and {@link SampleCli} runs the
 * command on the Spring path, whose messages and exit codes are then the usual ones.
 */
final class LeanCli {

	private static final Set<String> COMMANDS = Set.of("whoami", "api-token", "deployment");

	/**
	 * The {@code cloud} commands: they manage the credentials file, and {@code login}
	 * builds a client for the token it checks.
	 */
	private static final Set<String> CLOUD_COMMANDS = Set.of("login", "list-context", "current-context",
			"update-current-context");

	private LeanCli() {
	}

	/**
	 * Runs the command on the lean path, if it can.
	 * @param springArgs the leading {@code --key=value} arguments
	 * @param commandArgs the command and its options
	 * @param variables the OS environment
	 * @param out standard output
	 * @param err standard error
	 * @return the exit code, or empty to run the command on the Spring path
	 */
	static OptionalInt run(String[] springArgs, String[] commandArgs, Map<String, String> variables, PrintWriter out,
			PrintWriter err) {
		boolean cloud = commandArgs.length > 1 && CloudCommand.NAME.equals(commandArgs[0])
				&& CLOUD_COMMANDS.contains(commandArgs[1]);
		if (!cloud && (commandArgs.length == 0 || !COMMANDS.contains(commandArgs[0]))) {
			return OptionalInt.empty();
		}
		Optional<LeanCliSettings> settings = LeanCliSettings.read(springArgs, variables);
		if (settings.isEmpty()) {
			return OptionalInt.empty();
		}
		BentoCloudEmulator[] started = new BentoCloudEmulator[1];
		try {
			BentoCloudCredentials credentials = null;
			// The cloud commands run without BentoML's credential sources, as on the
			// Spring path: nothing to resolve for them.
			if (!cloud) {
				credentials = resolve(settings.get(), started);
				if (credentials == null) {
					return OptionalInt.empty();
				}
			}
			CliServices services = new LeanCliServices(settings.get(), credentials);
			CommandLine commandLine = SampleCommand.commandLine(new CliCommandFactory(services),
					new CliFailureHandler(services));
			commandLine.setOut(out);
			commandLine.setErr(err);
			return OptionalInt.of(commandLine.execute(commandArgs));
		}
		finally {
			if (started[0] != null) {
				started[0].close();
			}
		}
	}

	/**
	 * The credentials, or {@code null} when the Spring path must decide.
	 */
	private static @Nullable BentoCloudCredentials resolve(LeanCliSettings settings, BentoCloudEmulator[] started) {
		if (EmbeddedEmulatorConfiguration.PROFILE.equals(settings.profile())) {
			// The emulator's connection details win over bentocloud.*; an endpoint
			// set there that the lean path would refuse is left to the Spring path.
			String[] endpoint = settings.aboveWithOrigin(LeanCliSettings.ENDPOINT);
			boolean refused = endpoint != null && !acceptedEndpoint(endpoint[0].strip());
			return refused ? null : emulatorCredentials(settings, started);
		}
		String springEndpoint = settings.springEndpoint();
		String[] token = settings.aboveWithOrigin(LeanCliSettings.API_TOKEN);
		BentoCloudCredentials credentials;
		if (token != null) {
			credentials = new BentoCloudCredentials(springEndpoint, token[0], "properties:" + token[1], List.of());
		}
		else {
			Boolean bentomlSources = bool(settings.property(LeanCliSettings.BENTOML_SOURCES), true);
			if (!Boolean.TRUE.equals(bentomlSources)) {
				// Only Spring's own sources count, and no token came from them.
				return null;
			}
			BentoMlEnvironment environment = BentoMlEnvironment.of(settings.environment());
			String[] configFile = settings.aboveWithOrigin(LeanCliSettings.CONFIG_FILE);
			BentoCloudCredentialsResolver resolver = BentoCloudCredentialsResolver.of(environment)
				.configFile((configFile != null) ? configFile[0] : null)
				.defaultEndpoint(springEndpoint);
			String[] context = settings.aboveWithOrigin(LeanCliSettings.CONTEXT);
			if (context != null) {
				resolver.context(context[0], context[1]);
			}
			try {
				credentials = resolver.fromEnvironment().orElseGet(resolver::fromFile);
			}
			catch (YataiConfigException ex) {
				return null;
			}
		}
		return (credentials.hasApiToken() && acceptedEndpoint(credentials.endpoint())) ? credentials : null;
	}

	private static @Nullable BentoCloudCredentials emulatorCredentials(LeanCliSettings settings,
			BentoCloudEmulator[] started) {
		int port;
		try {
			String configured = settings.property(LeanCliSettings.EMULATOR_PORT);
			port = (configured != null) ? Integer.parseInt(configured.strip())
					: EmbeddedEmulatorConfiguration.DEFAULT_PORT;
		}
		catch (NumberFormatException ex) {
			return null;
		}
		String endpoint;
		if (port > 0 && EmbeddedEmulatorConfiguration.isListening(port)) {
			endpoint = EmbeddedEmulatorConfiguration.endpoint(port);
		}
		else {
			started[0] = BentoCloudEmulator.builder()
				.port(0)
				.seedDemoData(true)
				.demoToken(EmbeddedEmulatorConfiguration.DEMO_TOKEN)
				.start();
			endpoint = started[0].endpoint();
		}
		return new BentoCloudCredentials(endpoint, EmbeddedEmulatorConfiguration.DEMO_TOKEN,
				EmbeddedEmulatorConfiguration.SOURCE, List.of());
	}

	/**
	 * What the starter's endpoint validation accepts: an http(s) URL with a host and no
	 * user info, plain http only to loopback. The Spring path explains anything else.
	 */
	private static boolean acceptedEndpoint(String endpoint) {
		try {
			URI uri = new URI(endpoint);
			return BentoCloudEndpoints.isHttpUrl(uri) && uri.getRawUserInfo() == null
					&& !BentoCloudEndpoints.exposesToken(uri);
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static @Nullable Boolean bool(@Nullable String value, boolean defaultValue) {
		if (value == null) {
			return defaultValue;
		}
		String stripped = value.strip();
		if ("true".equalsIgnoreCase(stripped)) {
			return true;
		}
		return "false".equalsIgnoreCase(stripped) ? false : null;
	}

}
