package dev.bentocloud.sample.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.credentials.BentoCloudCredentialsEnvironmentPostProcessor;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Zero set-up for the sample: unless {@code sample.emulator.enabled=false} (which the
 * {@code bentocloud} profile sets), points the starter at an embedded, seeded BentoCloud
 * emulator by adding {@code bentocloud.api-token} and {@code bentocloud.endpoint} with
 * the highest precedence.
 * <p>
 * The web app's emulator listens on {@code sample.emulator.port} (default 3001). A CLI
 * run (non-web) first looks for it there and uses it, so that CLI commands and the web
 * app see the same data; otherwise it starts its own for the duration of the command. The
 * emulator closes with the application context.
 */
public class EmbeddedEmulatorEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source this adds. */
	public static final String PROPERTY_SOURCE_NAME = "sampleEmbeddedEmulator";

	/** The name of the emulator bean, when this process started one. */
	public static final String EMULATOR_BEAN_NAME = "sampleEmbeddedEmulator";

	/**
	 * The seeded management token of the sample's emulators, shared by the web app and
	 * CLI runs.
	 */
	public static final String DEFAULT_DEMO_TOKEN = "emu_sample-app-demo-token";

	static final int DEFAULT_PORT = 3001;

	private static final int PROBE_TIMEOUT_MILLIS = 200;

	private final Log log;

	public EmbeddedEmulatorEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedEmulatorEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// After config data (profiles visible), before the starter's credential
		// resolution, which
		// then finds this source as its top "properties" layer and reports it as the
		// source.
		return BentoCloudCredentialsEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("sample.emulator.enabled", Boolean.class, true)) {
			return;
		}
		int port = environment.getProperty("sample.emulator.port", Integer.class, DEFAULT_PORT);
		String demoToken = environment.getProperty("sample.emulator.demo-token", DEFAULT_DEMO_TOKEN);
		String endpoint;
		if (isCommandLineRun(environment, application) && port > 0 && isListening(port)) {
			endpoint = "http://" + BentoCloudEmulator.HOST + ":" + port;
		}
		else {
			BentoCloudEmulator emulator = BentoCloudEmulator.builder()
				.port(isCommandLineRun(environment, application) ? 0 : port)
				.seedDemoData(true)
				.demoToken(demoToken)
				.start();
			closeWithContext(application, emulator);
			endpoint = emulator.endpoint();
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("bentocloud.endpoint", endpoint);
		properties.put("bentocloud.api-token", demoToken);
		properties.put("sample.emulator.endpoint", endpoint);
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		this.log.info("Using the embedded BentoCloud emulator at " + endpoint
				+ " \u2014 set sample.emulator.enabled=false or use profile `bentocloud` for a real account");
	}

	private static boolean isCommandLineRun(ConfigurableEnvironment environment, SpringApplication application) {
		WebApplicationType type = environment.getProperty("spring.main.web-application-type", WebApplicationType.class,
				application.getWebApplicationType());
		return type == WebApplicationType.NONE;
	}

	/**
	 * Whether something (the web app's embedded emulator) listens on this loopback port.
	 * @param port the port
	 * @return {@code true} when a connection succeeds within 200 ms
	 */
	public static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(BentoCloudEmulator.HOST, port), PROBE_TIMEOUT_MILLIS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void closeWithContext(SpringApplication application, BentoCloudEmulator emulator) {
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton(EMULATOR_BEAN_NAME, emulator);
			context.addApplicationListener((event) -> {
				boolean closed = event instanceof ContextClosedEvent closedEvent
						&& closedEvent.getApplicationContext() == context;
				if (closed || event instanceof ApplicationFailedEvent) {
					emulator.close();
				}
			});
		});
	}

}
