package dev.bentocloud.spring.credentials;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfigReader;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;

/**
 * Resolves the BentoCloud API token and endpoint from Spring properties, BentoML's
 * environment variables and BentoML's credentials file, and publishes the result as the
 * property source {@value #PROPERTY_SOURCE_NAME}, so that the rest of the starter only
 * reads {@code BentoCloudProperties}.
 * <p>
 * Layers, highest first. The first layer that supplies a token wins:
 * <ol>
 * <li>Spring's own sources above the config files: command-line arguments, system
 * properties, and OS environment variables in Spring's relaxed form
 * ({@code BENTOCLOUD_API_TOKEN}, {@code BENTOCLOUD_ENDPOINT}). A blank value does not
 * count as a token.</li>
 * <li>BentoML's environment variables. As in BentoML's Python client,
 * {@code BENTO_CLOUD_API_KEY} that is present, even empty, wins over the credentials
 * file; its endpoint is {@code BENTO_CLOUD_API_ENDPOINT}.</li>
 * <li>Config data: {@code application.yml} / {@code application.properties},
 * profile-specific files, imports.</li>
 * <li>One context of the credentials file: {@code bentocloud.config-file}, else
 * {@code $BENTOML_HOME/.yatai.yaml}, else {@code ~/bentoml/.yatai.yaml} (then
 * {@code ~/.bentoml/.yatai.yaml}). The context is {@code bentocloud.context} (or
 * {@code BENTOML_CLOUD_CONTEXT}, ranked between layers 1 and 3), else the file's
 * {@code current_context_name}. The file supplies token and endpoint together.</li>
 * <li>No token: the application starts, with one warning naming where the starter
 * looked.</li>
 * </ol>
 * <p>
 * <b>Which endpoint goes with the token.</b> BentoML's pair travels together: a token
 * from {@code BENTO_CLOUD_API_KEY} goes to {@code BENTO_CLOUD_API_ENDPOINT}, a file
 * context's token to that context's endpoint. Otherwise the endpoint is the
 * {@code bentocloud.endpoint} of Spring's own sources in Spring's order (a command-line
 * endpoint wins over {@code application.yml}'s, whichever layer supplied the token), else
 * {@code https://cloud.bentoml.com}. A value that is set but not used gets one INFO line
 * saying which and why. Two sources are never used for a token from another layer:
 * {@code BENTO_CLOUD_API_ENDPOINT} only goes with {@code BENTO_CLOUD_API_KEY} (BentoML
 * ignores it on its own too), and a file context's endpoint only goes with that context's
 * token. Conversely, a file context's token always goes to that context's endpoint, even
 * when {@code bentocloud.endpoint} is set (a warning says so): a token is never sent to
 * an endpoint that belongs to someone else's login. For example,
 * {@code BENTO_CLOUD_API_KEY} alone with {@code bentocloud.endpoint} in
 * {@code application.yml} uses that endpoint; {@code BENTO_CLOUD_API_KEY} alone next to a
 * credentials file uses the default endpoint, not the file's.
 * <p>
 * Published properties: {@code bentocloud.api-token} (when a layer supplied one),
 * {@code bentocloud.endpoint}, {@value BentoCloudCredentialsSource#SOURCE_PROPERTY}, when
 * no usable token was found {@value BentoCloudCredentialsSource#SEARCHED_PROPERTY}, and,
 * when the application runs inside a BentoCloud deployment
 * ({@code BENTOCLOUD_DEPLOYMENT_URL} is set),
 * {@value BentoCloudCredentialsSource#DEPLOYMENT_URL_PROPERTY}; the startup log line says
 * so too. A credentials file that is needed but broken, or a context that does not exist,
 * stops startup with an {@link InvalidCredentialsFileException}; when a higher layer
 * supplied the token, a broken file is only a warning. Nothing is resolved when
 * {@code bentocloud.enabled=false}; BentoML's sources are skipped when
 * {@code bentocloud.credentials.bentoml-sources=false}. The token is never logged; what
 * the file or the environment supplied (context names, endpoints, problems) is logged and
 * published for display only escaped and cut ({@link SafeText}).
 *
 * @since 0.1.0
 */
public class BentoCloudCredentialsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the resolved credentials. */
	public static final String PROPERTY_SOURCE_NAME = "bentocloudCredentials";

	/** Runs after config data (application.yml, profiles) has been loaded. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	private final Log logger;

	private final YataiConfigReader reader = new YataiConfigReader();

	public BentoCloudCredentialsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(BentoCloudCredentialsEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * An endpoint of Spring's sources that is not an http(s) URL, reported as Boot
	 * reports a property value: binding would only quote the URI parser. Boot's report
	 * cannot look up where it was set before the context exists, so the reason says it.
	 * One with user info is reported once bound, without the password.
	 */
	private static void checkEndpoint(String endpoint, String origin) {
		if (!BentoCloudEndpoints.isHttpUrl(endpoint) && !endpoint.contains("@")) {
			throw new InvalidConfigurationPropertyValueException("bentocloud.endpoint", SafeText.value(endpoint),
					"Set in " + SafeText.line(origin) + ", it is not an http(s) URL with a host: write the scheme "
							+ "and the host, such as https://acme.cloud.bentoml.com ('localhost:8081' is read as "
							+ "the scheme 'localhost').");
		}
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources propertySources = environment.getPropertySources();
		propertySources.remove(PROPERTY_SOURCE_NAME);
		CredentialsResolution resolution = new CredentialsResolution(environment, this.reader);
		if (!resolution.enabled()) {
			this.logger.debug("bentocloud.enabled=false: BentoCloud credentials are not resolved");
			return;
		}
		BentoMlVariableHints.of(environment).forEach(this.logger::warn);
		BentoCloudCredentials credentials = resolution.resolve();
		if (resolution.endpointFromSpring(credentials)) {
			checkEndpoint(credentials.endpoint(), resolution.endpointOrigin(credentials));
		}
		// The source and where the starter looked are for display only (logs, health,
		// failure reports): published escaped, as they may quote .yatai.yaml.
		String source = SafeText.line(credentials.source());
		Map<String, Object> published = new LinkedHashMap<>();
		if (credentials.apiToken() != null) {
			published.put("bentocloud.api-token", credentials.apiToken());
		}
		// With the origin of the value, so that a failure report on it names where it was
		// set.
		published.put("bentocloud.endpoint", OriginTrackedValue.of(credentials.endpoint(),
				new ResolvedOrigin(resolution.endpointOrigin(credentials))));
		published.put(BentoCloudCredentialsSource.SOURCE_PROPERTY, source);
		if (!credentials.hasApiToken()) {
			published.put(BentoCloudCredentialsSource.SEARCHED_PROPERTY,
					String.join("; ", credentials.searched().stream().map(SafeText::line).toList()));
		}
		String insideDeployment = "";
		Optional<String> deploymentUrl = resolution.environment().nonBlank(BentoMlEnvironment.DEPLOYMENT_URL);
		if (deploymentUrl.isPresent()) {
			String deployment = SafeText.endpoint(deploymentUrl.get());
			published.put(BentoCloudCredentialsSource.DEPLOYMENT_URL_PROPERTY, deployment);
			insideDeployment = "; running inside the BentoCloud deployment " + deployment + " ("
					+ BentoMlEnvironment.DEPLOYMENT_URL + ")";
		}
		propertySources.addFirst(new OriginTrackedMapPropertySource(PROPERTY_SOURCE_NAME, published));
		ConfigurationPropertySources.attach(environment);
		resolution.unused().forEach((line) -> this.logger.info(SafeText.line(line)));
		resolution.warnings().forEach((line) -> this.logger.warn(SafeText.line(line)));
		// Without a token, the auto-configuration warns, unless connection details of the
		// application's own (an emulator, a container) make the properties irrelevant.
		if (credentials.hasApiToken()) {
			this.logger.info("BentoCloud credentials from " + source + " (endpoint "
					+ SafeText.endpoint(credentials.endpoint()) + ")" + insideDeployment);
		}
	}

}
