package dev.bentocloud.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.bentocloud.client.BentoCloudConnectorFactory;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.util.ClassUtils;

/**
 * The connectors our clients are measured on: every one Spring Boot's
 * {@code ClientHttpConnectorBuilder.detect()} can pick for an application, as the starter
 * would build it, plus Spring's own JDK connector (what Boot would use without the
 * starter's, on {@code HttpClient.sendAsync}). Apache HttpClient 5 and Jetty are there
 * when their jars are on the class path ({@code run.sh} builds with the
 * {@code connectors} profile, whose jars stay off the class path of the startup
 * benchmark's apps). {@code -Dbenchmarks.connectors=REGEX} keeps only the connectors
 * whose suffix matches.
 */
final class Connectors {

	/** A connector and the suffix of the client names measured on it. */
	record Connector(String suffix, BentoCloudConnectorFactory factory) {

		String name(String client) {
			return this.suffix.isEmpty() ? client : client + ", " + this.suffix;
		}

	}

	static final String JDK = "JDK HttpClient";

	static final String SPRING_JDK = "Spring's JDK connector (sendAsync)";

	static final String APACHE = "Apache HttpClient 5";

	static final String JETTY = "Jetty";

	private Connectors() {
	}

	/**
	 * The connectors available on this class path, Reactor Netty first (suffix empty: the
	 * rows named as before), then ours on the JDK client.
	 * @return the connectors
	 */
	static List<Connector> available() {
		List<Connector> connectors = new ArrayList<>();
		connectors.add(new Connector("", BentoCloudConnectorFactory.reactorNetty()));
		connectors.add(new Connector(JDK, BentoCloudConnectorFactory.jdk()));
		if (Boolean.getBoolean("benchmarks.prototypes")) {
			connectors.add(new Connector("HttpURLConnection (prototype)",
					(connect, read) -> new UrlConnectionConnector(connect, read, false)));
			connectors.add(new Connector("HttpURLConnection, body inline (prototype)",
					(connect, read) -> new UrlConnectionConnector(connect, read, true)));
		}
		connectors.add(new Connector(SPRING_JDK, boot(ClientHttpConnectorBuilder::jdk)));
		if (present("org.apache.hc.client5.http.impl.async.HttpAsyncClients")
				&& present("org.apache.hc.core5.reactive.ReactiveDataConsumer")) {
			connectors.add(new Connector(APACHE, boot(ClientHttpConnectorBuilder::httpComponents)));
		}
		if (present("org.eclipse.jetty.reactive.client.ReactiveRequest")) {
			connectors.add(new Connector(JETTY, boot(ClientHttpConnectorBuilder::jetty)));
		}
		String only = System.getProperty("benchmarks.connectors");
		if (only != null) {
			Pattern pattern = Pattern.compile(only);
			connectors.removeIf((connector) -> !pattern.matcher(connector.suffix()).find());
		}
		return connectors;
	}

	/**
	 * A connector as the starter builds one from Boot's builder (for the ones it does not
	 * replace): Boot's default settings, our timeouts, redirects not followed.
	 */
	private static BentoCloudConnectorFactory boot(Supplier<ClientHttpConnectorBuilder<?>> builder) {
		return (connectTimeout, readTimeout) -> builder.get()
			.build(HttpClientSettings.defaults()
				.withTimeouts(connectTimeout, readTimeout)
				.withRedirects(HttpRedirects.DONT_FOLLOW));
	}

	private static boolean present(String className) {
		return ClassUtils.isPresent(className, Connectors.class.getClassLoader());
	}

}
