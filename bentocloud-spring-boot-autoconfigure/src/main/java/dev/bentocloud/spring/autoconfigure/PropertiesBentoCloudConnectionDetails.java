package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.util.List;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import dev.bentocloud.spring.credentials.SafeText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * {@link BentoCloudConnectionDetails} from the {@code bentocloud.*} properties, with
 * where they came from as the credentials post-processor resolved it
 * ({@link BentoCloudCredentialsSource#from}); both are read once, when the bean is
 * created. The source and where the starter looked are escaped and cut;
 * {@link #toString()} shows the endpoint so too.
 * <p>
 * The endpoint is checked where it is read, as Boot's property-based connection details
 * check theirs: user info, or a token that would travel over plain http, stops startup
 * with a report naming {@code bentocloud.endpoint} and where it was set. Without a token,
 * the details log one warning once created: they are the ones in use.
 */
final class PropertiesBentoCloudConnectionDetails implements BentoCloudConnectionDetails, InitializingBean {

	private static final Log logger = LogFactory.getLog(PropertiesBentoCloudConnectionDetails.class);

	private static final String ENDPOINT = "bentocloud.endpoint";

	private final URI endpoint;

	private final @Nullable String apiToken;

	private final boolean allowInsecureEndpoint;

	private final BentoCloudCredentialsSource source;

	private final Environment environment;

	PropertiesBentoCloudConnectionDetails(BentoCloudProperties properties, Environment environment) {
		// Read once, as the client is built: what it uses is what these details say.
		this.endpoint = properties.getEndpoint();
		this.apiToken = properties.hasApiToken() ? properties.getApiToken() : null;
		this.allowInsecureEndpoint = properties.isAllowInsecureEndpoint();
		this.source = BentoCloudCredentialsSource.from(environment);
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.apiToken == null) {
			String insideDeployment = (this.source.deploymentUrl() != null)
					? "; running inside the BentoCloud deployment " + this.source.deploymentUrl() : "";
			logger.warn(this.source.noTokenGuidance() + " The application starts, but BentoCloud calls will fail"
					+ insideDeployment + ".");
		}
	}

	@Override
	public URI getEndpoint() {
		URI endpoint = this.endpoint;
		String shown = BentoCloudEndpoints.displayable(endpoint.toString());
		if (endpoint.getRawUserInfo() != null) {
			throw InvalidBentoCloudPropertyException.of(ENDPOINT, shown, this.environment,
					"it contains user info, which BentoCloud does not use",
					"Remove the user info (user:password@) from the endpoint; the API token authenticates.");
		}
		if (this.apiToken != null && !this.allowInsecureEndpoint && BentoCloudEndpoints.exposesToken(endpoint)) {
			throw InvalidBentoCloudPropertyException.of(ENDPOINT, shown, this.environment,
					"the API token would be sent over plain http to " + endpoint.getHost()
							+ ", where anyone on the network can read it",
					"Use an https endpoint, or set bentocloud.allow-insecure-endpoint=true if this is intended.");
		}
		return endpoint;
	}

	@Override
	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	@Override
	public String getSource() {
		return this.source.source();
	}

	@Override
	public List<String> getSearched() {
		String searched = this.source.searched();
		return (searched != null && !searched.isBlank()) ? List.of(searched) : List.of();
	}

	@Override
	public String toString() {
		return "PropertiesBentoCloudConnectionDetails[endpoint=" + SafeText.endpoint(this.endpoint.toString())
				+ ", source=" + SafeText.line(getSource()) + "]";
	}

}
