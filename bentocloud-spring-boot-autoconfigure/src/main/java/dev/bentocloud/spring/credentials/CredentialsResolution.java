package dev.bentocloud.spring.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.BentoCloudEndpoints;
import dev.bentocloud.client.credentials.BentoCloudCredentialsResolver;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfigException;
import dev.bentocloud.client.credentials.YataiConfigReader;
import dev.bentocloud.spring.credentials.SpringPropertyLayers.Found;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

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

	CredentialsResolution(ConfigurableEnvironment environment, YataiConfigReader reader) {
		this.layers = new SpringPropertyLayers(environment);
		this.environment = BentoMlEnvironment.of(environment);
		this.bentomlSources = this.layers.isNotFalse(SpringPropertyLayers.BENTOML_SOURCES);
		Found configFile = this.layers.find(this.layers.all(), SpringPropertyLayers.CONFIG_FILE);
		this.resolver = BentoCloudCredentialsResolver.of(this.environment, reader)
			.configFile((configFile != null) ? configFile.value() : null)
			.defaultEndpoint(endpointOf(List.of()));
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

	BentoCloudCredentials resolve() {
		Found token = this.layers.find(this.layers.above(), SpringPropertyLayers.TOKEN);
		if (token != null) {
			return fromSpring(token, this.layers.above());
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
		token = this.layers.find(this.layers.below(), SpringPropertyLayers.TOKEN);
		if (token != null) {
			return fromSpring(token, this.layers.below());
		}
		List<String> searched = new ArrayList<>(List.of(SPRING_SEARCHED));
		if (!this.bentomlSources) {
			searched.add("BentoML's environment variables and credentials file: not read "
					+ "(bentocloud.credentials.bentoml-sources=false)");
			return new BentoCloudCredentials(endpointOf(List.of()), null, BentoCloudCredentials.NONE, searched);
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
		return fromFile.hasApiToken() ? fromFile : withSearched(fromFile, searched, fromFile.searched());
	}

	private BentoCloudCredentials fromSpring(Found token, List<PropertySource<?>> layer) {
		warnIfFileBroken("property bentocloud.api-token");
		return new BentoCloudCredentials(endpointOf(layer), token.value(), "properties:" + token.origin(), List.of());
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
					+ BentoCloudEndpoints.displayable(fromFile.endpoint()));
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
			this.resolver.readFile();
		}
		catch (YataiConfigException ex) {
			this.warnings.add("Ignoring the BentoCloud credentials file " + ex.getFile()
					+ ex.getLine().stream().mapToObj((line) -> " (line " + line + ")").findFirst().orElse("")
					+ ", which cannot be used: " + ex.getProblem() + ". The token comes from " + tokenSource + ".");
		}
	}

	/**
	 * The endpoint of the given layer, else of Spring's configuration, else the default.
	 */
	private String endpointOf(List<PropertySource<?>> layer) {
		Found endpoint = this.layers.find(layer, SpringPropertyLayers.ENDPOINT);
		if (endpoint == null) {
			endpoint = this.layers.find(this.layers.all(), SpringPropertyLayers.ENDPOINT);
		}
		return (endpoint != null) ? endpoint.value().strip() : BentoCloudEndpoints.DEFAULT_ENDPOINT;
	}

}
