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

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * One run of the credential chain over one environment; the rules are those of
 * {@code docs/credentials.md}. The first layer with a token wins: Spring's sources above
 * the config files, BentoML's environment variables, config data, then one context of the
 * credentials file (through the client library's {@link BentoCloudCredentialsResolver}).
 * BentoML's token goes with BentoML's endpoint only, any other with Spring's
 * {@code bentocloud.endpoint}. What is set but not used, and why, is collected for the
 * log.
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
			.defaultEndpoint(springEndpoint().value());
		// Context: Spring's upper layer, BENTOML_CLOUD_CONTEXT, config data.
		Found context = this.layers.find(this.layers.above(), SpringPropertyLayers.CONTEXT);
		if (context == null && this.environment.nonBlank(BentoMlEnvironment.CLOUD_CONTEXT).isEmpty()) {
			context = this.layers.find(this.layers.below(), SpringPropertyLayers.CONTEXT);
		}
		if (context != null) {
			this.resolver.context(context.value(), context.origin());
		}
	}

	boolean enabled() {
		return this.layers.isNotFalse(SpringPropertyLayers.ENABLED);
	}

	List<String> warnings() {
		return this.warnings;
	}

	/** Values that are set but not used, and why: one line each, logged at INFO. */
	List<String> unused() {
		return this.unused;
	}

	BentoCloudCredentials resolve() {
		BentoCloudCredentials credentials = chain();
		if (bentomlEndpointOrigin(credentials) == null) {
			checkSpringEndpoint(credentials.endpoint(), endpointOrigin(credentials));
		}
		return credentials;
	}

	private BentoCloudCredentials chain() {
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
			return withSearched(credentials, List.of(SPRING_SEARCHED));
		}
		Found below = this.layers.find(this.layers.below(), SpringPropertyLayers.TOKEN);
		if (below != null) {
			return fromSpring(below);
		}
		if (!this.bentomlSources) {
			return new BentoCloudCredentials(springEndpoint().value(), null, BentoCloudCredentials.NONE,
					List.of(SPRING_SEARCHED, "BentoML's environment variables and credentials file: not read "
							+ "(bentocloud.credentials.bentoml-sources=false)"));
		}
		BentoCloudCredentials fromFile;
		try {
			fromFile = this.resolver.fromFile();
		}
		catch (YataiConfigException ex) {
			throw new InvalidCredentialsFileException(ex);
		}
		if (!BentoCloudCredentials.NONE.equals(fromFile.source())) {
			warnIfEndpointIgnored(fromFile);
			YataiConfigReader.permissionWarning(this.resolver.location().file()).ifPresent(this.warnings::add);
		}
		return fromFile.hasApiToken() ? fromFile : withSearched(fromFile,
				List.of(SPRING_SEARCHED, "environment variable " + BentoMlEnvironment.API_KEY + ": not set"));
	}

	/** A token from Spring's sources goes to Spring's endpoint, wherever it was set. */
	private BentoCloudCredentials fromSpring(Found token) {
		warnIfFileBroken("property bentocloud.api-token");
		if (this.bentomlSources) {
			this.environment.nonBlank(BentoMlEnvironment.API_ENDPOINT)
				.ifPresent((endpoint) -> this.unused.add(BentoMlEnvironment.API_ENDPOINT + " is set but not used: "
						+ "it only goes with " + BentoMlEnvironment.API_KEY + ", and the token comes from "
						+ "bentocloud.api-token (" + token.origin() + ")"));
		}
		return new BentoCloudCredentials(springEndpoint().value(), token.value(), "properties:" + token.origin(),
				List.of());
	}

	private static BentoCloudCredentials withSearched(BentoCloudCredentials credentials, List<String> before) {
		List<String> searched = new ArrayList<>(before);
		searched.addAll(credentials.searched());
		return new BentoCloudCredentials(credentials.endpoint(), credentials.apiToken(), credentials.source(),
				searched);
	}

	private void warnIfEndpointIgnored(BentoCloudCredentials fromFile) {
		Found springEndpoint = this.layers.find(this.layers.all(), SpringPropertyLayers.ENDPOINT);
		if (springEndpoint != null && !springEndpoint.value().equals(fromFile.endpoint())) {
			this.warnings.add("bentocloud.endpoint (" + springEndpoint.origin() + ") is ignored: the token comes "
					+ "from " + fromFile.source() + ", and is only sent to that context's endpoint "
					+ SafeText.endpoint(fromFile.endpoint()));
		}
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

	/** Where the resolved endpoint was set, for failure reports about it. */
	String endpointOrigin(BentoCloudCredentials credentials) {
		String bentoml = bentomlEndpointOrigin(credentials);
		return (bentoml != null) ? bentoml : springEndpoint().origin();
	}

	/** The variable or file context that set the endpoint; {@code null} for Spring's. */
	private @Nullable String bentomlEndpointOrigin(BentoCloudCredentials credentials) {
		if (credentials.source().startsWith("file:")) {
			return "context " + SafeText.line(credentials.source());
		}
		if (credentials.source().startsWith("env:")
				&& this.environment.nonBlank(BentoMlEnvironment.API_ENDPOINT).isPresent()) {
			return "environment variable " + BentoMlEnvironment.API_ENDPOINT;
		}
		return null;
	}

	/**
	 * Spring's endpoint that is not an http(s) URL, reported as Boot reports a value:
	 * binding would only quote the URI parser. One with user info is reported once bound,
	 * without the password.
	 */
	private static void checkSpringEndpoint(String endpoint, String origin) {
		if (!BentoCloudEndpoints.isHttpUrl(endpoint) && !endpoint.contains("@")) {
			throw new InvalidConfigurationPropertyValueException("bentocloud.endpoint", SafeText.value(endpoint),
					"Set in " + SafeText.line(origin) + ", it is not an http(s) URL with a host: write the scheme "
							+ "and the host, such as https://acme.cloud.bentoml.com ('localhost:8081' is read as "
							+ "the scheme 'localhost').");
		}
	}

	/** Spring's {@code bentocloud.endpoint}, in Spring's order, else the default. */
	private Found springEndpoint() {
		Found endpoint = this.layers.find(this.layers.all(), SpringPropertyLayers.ENDPOINT);
		return (endpoint != null) ? new Found(endpoint.value().strip(), endpoint.origin())
				: new Found(BentoCloudEndpoints.DEFAULT_ENDPOINT, "the default");
	}

}
