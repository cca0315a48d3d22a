package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.util.List;

import dev.bentocloud.spring.credentials.BentoCloudCredentialsSource;
import dev.bentocloud.spring.credentials.SafeText;
import org.jspecify.annotations.Nullable;

/**
 * {@link BentoCloudConnectionDetails} from the {@code bentocloud.*} properties and what
 * the credentials post-processor published about their source. The source and where the
 * starter looked are published escaped and cut; {@link #toString()} shows the endpoint so
 * too.
 */
final class PropertiesBentoCloudConnectionDetails implements BentoCloudConnectionDetails {

	private final BentoCloudProperties properties;

	private final BentoCloudCredentialsSource source;

	PropertiesBentoCloudConnectionDetails(BentoCloudProperties properties, BentoCloudCredentialsSource source) {
		this.properties = properties;
		this.source = source;
	}

	@Override
	public URI getEndpoint() {
		return this.properties.endpoint();
	}

	@Override
	public @Nullable String getApiToken() {
		return this.properties.hasApiToken() ? this.properties.apiToken() : null;
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
		return "PropertiesBentoCloudConnectionDetails[endpoint=" + SafeText.endpoint(getEndpoint().toString())
				+ ", source=" + SafeText.line(getSource()) + "]";
	}

}
