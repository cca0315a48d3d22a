package dev.bentocloud.spring.autoconfigure;

import java.time.Duration;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import dev.bentocloud.client.support.JdkHttpConnector;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Connectors from Boot's {@link ClientHttpConnectorBuilder} (detected from the class path
 * unless the application defines one) and {@link HttpClientSettings} (SSL bundle), with
 * our timeouts and redirects never followed.
 * <p>
 * Where Boot would use the JDK's {@code HttpClient} (an MVC application with no other
 * HTTP client), the client is built by Boot's {@link JdkHttpClientBuilder} from the same
 * settings but wrapped in a {@link JdkHttpConnector}: Spring's JDK connector caches each
 * response body, so a cancelled or endless stream from a deployed service would go on
 * being read. Customizers of a {@link JdkClientHttpConnectorBuilder} bean are not applied
 * then; {@code HttpClientSettings} are.
 */
final class BootConnectorFactory implements BentoCloudConnectorFactory {

	private final ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder;

	private final ObjectProvider<HttpClientSettings> settings;

	BootConnectorFactory(ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> settings) {
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
	}

	@Override
	public ClientHttpConnector create(Duration connectTimeout, Duration readTimeout) {
		HttpClientSettings effective = this.settings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(connectTimeout, readTimeout)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		ClientHttpConnectorBuilder<?> builder = this.connectorBuilder
			.getIfAvailable(ClientHttpConnectorBuilder::detect);
		if (builder instanceof JdkClientHttpConnectorBuilder) {
			// the JDK's client takes the read timeout
			// per request, which the connector sets
			return new JdkHttpConnector(new JdkHttpClientBuilder().build(effective.withReadTimeout(null)), readTimeout);
		}
		return builder.build(effective);
	}

}
