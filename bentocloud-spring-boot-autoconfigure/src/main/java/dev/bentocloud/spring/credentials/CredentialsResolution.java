package dev.bentocloud.spring.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.credentials.BentoCloudCredentialsResolver;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfigException;
import dev.bentocloud.client.credentials.YataiConfigReader;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.spring.credentials.SpringPropertyLayers.Found;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * One run of the credential chain over one environment: Spring's upper layer, BentoML's
 * environment variables, Spring's config data, then the credentials file (the last two
 * BentoML sources through the client library's {@link BentoCloudCredentialsResolver}).
 * Collects the warnings to log; see {@link BentoCloudCredentialsEnvironmentPostProcessor}
 * for the rules.
 */
final class CredentialsResolution {

	private static final String SPRING_SEARCHED = "property bentocloud.api-token (command line, system properties, "
			+ "environment variable BENTOCLOUD_API_TOKEN, application properties): not set";

	private final SpringPropertyLayers layers;

	private final BentoMlEnvironment environment;

	private final BentoCloudCredentialsResolver resolver;

	private final boolean bentomlSources;

	private final List<String> warnings = new ArrayList<>();

	private final List<String> unused = new ArrayList<>();

	CredentialsResolution(ConfigurableEnvironment environment, YataiConfigReader reader) {
		this.layers = new SpringPropertyLayers(environment);
		this.environment = BentoMlEnvironment.of(environment);
		this.bentomlSources = this.layers.isNotFalse(SpringPropertyLayers.BENTOML_SOURCES);
		Found configFile = this.layers.find(this.layers.all(), SpringPropertyLayers.CONFIG_FILE);
		this.resolver = BentoCloudCredentialsResolver.of(this.environment, reader)
			.configFile((configFile != null) ? configFile.value() : null)
			.defaultEndpoint(springEndpoint());
		Found context = requestedContext();
		if (context != null) {
			this.resolver.context(context.value(), context.origin());
		}
	}

	boolean enabled() {
		return this.layers.isNotFalse(SpringPropertyLayers.ENABLED);
	}

	BentoMlEnvironment environment() {
		return this.environment;
	}

	List<String> warnings() {
		return this.warnings;
	}

	/** Values that are set but not used, and why: one line each, logged at INFO. */
	List<String> unused() {
		return this.unused;
	}

	BentoCloudCredentials resolve() {
		Found above = this.layers.find(this.layers.above(), SpringPropertyLayers.TOKEN);
		if (above != null) {
			if (this.bentomlSources && this.environment.present(BentoMlEnvironment.API_KEY).isPresent()) {
				this.unused.add(BentoMlEnvironment.API_KEY + " is set but not used: bentocloud.api-token ("
						+ above.origin() + ") takes precedence");
			}
			return fromSpring(above);
		}
		Optional<BentoCloudCredentials> fromEnvironment = this.bentomlSources ? this.resolver.fromEnvironment()
				: Optional.empty();
		if (fromEnvironment.isPresent()) {
			BentoCloudCredentials credentials = fromEnvironment.get();
			if (credentials.hasApiToken()) {
				warnIfFileBroken("environment variable " + BentoMlEnvironment.API_KEY);
				return credentials;
			}
			return withSearched(credentials, List.of(SPRING_SEARCHED), credentials.searched());
		}
		Found below = this.layers.find(this.layers.below(), SpringPropertyLayers.TOKEN);
		if (below != null) {
			return fromSpring(below);
		}
		List<String> searched = new ArrayList<>(List.of(SPRING_SEARCHED));
		if (!this.bentomlSources) {
			searched.add("BentoML's environment variables and credentials file: not read "
					+ "(bentocloud.credentials.bentoml-sources=false)");
			return new BentoCloudCredentials(springEndpoint(), null, BentoCloudCredentials.NONE, searched);
		}
		searched.add("environment variable " + BentoMlEnvironment.API_KEY + ": not set");
		BentoCloudCredentials fromFile;
		try {
			fromFile = this.resolver.fromFile();
		}
		catch (YataiConfigException ex) {
			throw new InvalidCredentialsFileException(ex);
		}
		warnIfEndpointIgnored(fromFile);
		if (!BentoCloudCredentials.NONE.equals(fromFile.source())) {
			YataiConfigReader.permissionWarning(this.resolver.location().file()).ifPresent(this.warnings::add);
		}
		return fromFile.hasApiToken() ? fromFile : withSearched(fromFile, searched, fromFile.searched());
	}

	/**
	 * A token from Spring's sources. Its endpoint follows Spring's order too: the highest
	 * {@code bentocloud.endpoint}, wherever the token was set. BentoML's endpoint
	 * variable only ever goes with BentoML's key.
	 */
	private BentoCloudCredentials fromSpring(Found token) {
		warnIfFileBroken("property bentocloud.api-token");
		if (this.bentomlSources) {
			this.environment.nonBlank(BentoMlEnvironment.API_ENDPOINT)
				.ifPresent((endpoint) -> this.unused.add(BentoMlEnvironment.API_ENDPOINT + " is set but not used: "
						+ "it only goes with " + BentoMlEnvironment.API_KEY + ", and the token comes from "
						+ "bentocloud.api-token (" + token.origin() + ")"));
		}
		return new BentoCloudCredentials(springEndpoint(), token.value(), "properties:" + token.origin(), List.of());
	}

	private static BentoCloudCredentials withSearched(BentoCloudCredentials credentials, List<String> before,
			List<String> after) {
		List<String> searched = new ArrayList<>(before);
		searched.addAll(after);
		return new BentoCloudCredentials(credentials.endpoint(), credentials.apiToken(), credentials.source(),
				searched);
	}

	/**
	 * A file context's token only goes to that context's endpoint; say so if Spring names
	 * another.
	 */
	private void warnIfEndpointIgnored(BentoCloudCredentials fromFile) {
		if (BentoCloudCredentials.NONE.equals(fromFile.source())) {
			return;
		}
		Found springEndpoint = this.layers.find(this.layers.all(), SpringPropertyLayers.ENDPOINT);
		if (springEndpoint != null && !springEndpoint.value().equals(fromFile.endpoint())) {
			this.warnings.add("bentocloud.endpoint (" + springEndpoint.origin() + ") is ignored: the token comes "
					+ "from " + fromFile.source() + ", and is only sent to that context's endpoint "
					+ SafeText.endpoint(fromFile.endpoint()));
		}
	}

	/**
	 * Context asked for by the user: Spring's upper layer, then BENTOML_CLOUD_CONTEXT,
	 * then config data.
	 */
	private @Nullable Found requestedContext() {
		Found context = this.layers.find(this.layers.above(), SpringPropertyLayers.CONTEXT);
		if (context == null && this.environment.nonBlank(BentoMlEnvironment.CLOUD_CONTEXT).isEmpty()) {
			context = this.layers.find(this.layers.below(), SpringPropertyLayers.CONTEXT);
		}
		return context;
	}

	/** Reads the file only to warn about it: a higher layer supplied the token. */
	private void warnIfFileBroken(String tokenSource) {
		if (!this.bentomlSources) {
			return;
		}
		try {
			if (this.resolver.readFile().isPresent()) {
				this.unused.add("The BentoCloud credentials file " + this.resolver.location().file()
						+ " is not used: the token comes from " + tokenSource);
			}
		}
		catch (YataiConfigException ex) {
			this.warnings.add("Ignoring the BentoCloud credentials file " + ex.getFile()
					+ ex.getLine().stream().mapToObj((line) -> " (line " + line + ")").findFirst().orElse("")
					+ ", which cannot be used: " + ex.getProblem() + ". The token comes from " + tokenSource + ".");
		}
	}

	/**
	 * Where the resolved endpoint was set, for failure reports about it.
	 * @param credentials what {@link #resolve()} returned
	 * @return e.g. {@code class path resource [application.yml] - 2:13}
	 */
	String endpointOrigin(BentoCloudCredentials credentials) {
		if (credentials.source().startsWith("env:")
				&& this.environment.nonBlank(BentoMlEnvironment.API_ENDPOINT).isPresent()) {
			return "environment variable " + BentoMlEnvironment.API_ENDPOINT;
		}
		if (credentials.source().startsWith("file:")) {
			return "context " + SafeText.line(credentials.source());
		}
		Found endpoint = this.layers.find(this.layers.all(), SpringPropertyLayers.ENDPOINT);
		return (endpoint != null) ? endpoint.origin() : "the default";
	}

	/**
	 * Whether the resolved endpoint is Spring's {@code bentocloud.endpoint} (or the
	 * default), rather than BentoML's variable or a file context's.
	 * @param credentials what {@link #resolve()} returned
	 * @return {@code true} for Spring's endpoint
	 */
	boolean endpointFromSpring(BentoCloudCredentials credentials) {
		return !credentials.source().startsWith("file:") && !(credentials.source().startsWith("env:")
				&& this.environment.nonBlank(BentoMlEnvironment.API_ENDPOINT).isPresent());
	}

	/** Spring's {@code bentocloud.endpoint}, in Spring's order, else the default. */
	private String springEndpoint() {
		Found endpoint = this.layers.find(this.layers.all(), SpringPropertyLayers.ENDPOINT);
		return (endpoint != null) ? endpoint.value().strip() : BentoCloudEndpoints.DEFAULT_ENDPOINT;
	}

}
