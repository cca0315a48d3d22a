package dev.bentocloud.spring.credentials;

import dev.bentocloud.spring.autoconfigure.BentoCloudProperties;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Main class started in a child JVM by {@link BentoCloudCredentialsChildJvmTests}: starts
 * a tiny application with the real OS environment and prints what it resolved, one
 * {@code PROBE} line per value.
 */
public final class CredentialsProbe {

	private CredentialsProbe() {
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
				CredentialsTestApplication.Config.class)
			.web(WebApplicationType.NONE)
			// a child JVM: no compose.yaml
			.properties("spring.docker.compose.enabled=false")
			.logStartupInfo(false)
			.run(args)) {
			BentoCloudProperties properties = context.getBean(BentoCloudProperties.class);
			BentoCloudCredentialsSource source = BentoCloudCredentialsSource.from(context.getEnvironment());
			System.out.println("PROBE token=" + properties.getApiToken());
			System.out.println("PROBE endpoint=" + properties.getEndpoint());
			System.out.println("PROBE source=" + source.source());
			System.out.println("PROBE searched=" + source.searched());
		}
	}

}
