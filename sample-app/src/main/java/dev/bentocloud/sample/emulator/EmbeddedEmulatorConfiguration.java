package dev.bentocloud.sample.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import dev.bentocloud.emulator.BentoCloudEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Profile {@value #PROFILE}: the sample talks to a seeded BentoCloud emulator (user
 * {@code demo} of organization {@code acme}, tokens, deployment {@code demo-iris}), no
 * account needed. It defines the {@link BentoCloudEmulator} and
 * {@link EmbeddedEmulatorConnectionDetails} pointing at it, which replace the starter's
 * connection details from the {@code bentocloud.*} properties; no property is added to
 * the environment, so an application that copies this class puts no demo token in front
 * of its credential sources. {@code application-emulator.properties} also turns BentoML's
 * credential sources off, so a developer's {@code BENTO_CLOUD_API_KEY} or
 * {@code .yatai.yaml} is not even read.
 * <p>
 * The web app's emulator listens on {@code sample.emulator.port} (3001) and closes with
 * the application context. A CLI run (non-web) uses the web app's when one listens there,
 * so that CLI commands and the web app see the same data, and otherwise starts its own on
 * a random port for the duration of the command.
 */
@Configuration(proxyBeanMethods = false)
@Profile(EmbeddedEmulatorConfiguration.PROFILE)
public class EmbeddedEmulatorConfiguration {

	/** The profile that turns the emulator on. */
	public static final String PROFILE = "emulator";

	/**
	 * The seeded management token of the sample's emulators, shared by the web app and
	 * CLI runs.
	 */
	public static final String DEMO_TOKEN = "emu_sample-app-demo-token";

	/** Where the credentials came from, as logs, health, info and the CLI show it. */
	public static final String SOURCE = "emulator (profile " + PROFILE + ")";

	/** The property naming the web app's emulator port. */
	public static final String PORT_PROPERTY = "sample.emulator.port";

	/** The web app's emulator port when {@value #PORT_PROPERTY} is not set. */
	public static final int DEFAULT_PORT = 3001;

	private static final int PROBE_TIMEOUT_MILLIS = 200;

	private static final Log logger = LogFactory.getLog(EmbeddedEmulatorConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnWebApplication
	BentoCloudEmulator sampleEmulator(Environment environment) {
		BentoCloudEmulator emulator = start(environment.getProperty(PORT_PROPERTY, Integer.class, DEFAULT_PORT));
		logger.info("Using the embedded BentoCloud emulator at " + emulator.endpoint() + " (profile " + PROFILE
				+ "); without the profile the sample uses your BentoCloud account");
		return emulator;
	}

	@Bean
	@ConditionalOnWebApplication
	EmbeddedEmulatorConnectionDetails sampleEmulatorConnectionDetails(BentoCloudEmulator sampleEmulator) {
		return new EmbeddedEmulatorConnectionDetails(sampleEmulator.endpoint());
	}

	/**
	 * A CLI run's own emulator, started only when the web app's does not listen.
	 * @return the emulator, on a random port
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	@ConditionalOnNotWebApplication
	BentoCloudEmulator sampleCliEmulator() {
		return start(0);
	}

	@Bean
	@ConditionalOnNotWebApplication
	EmbeddedEmulatorConnectionDetails sampleCliEmulatorConnectionDetails(Environment environment,
			ObjectProvider<BentoCloudEmulator> sampleCliEmulator) {
		int port = environment.getProperty(PORT_PROPERTY, Integer.class, DEFAULT_PORT);
		if (port > 0 && isListening(port)) {
			return new EmbeddedEmulatorConnectionDetails(endpoint(port));
		}
		return new EmbeddedEmulatorConnectionDetails(sampleCliEmulator.getObject().endpoint());
	}

	private static BentoCloudEmulator start(int port) {
		return BentoCloudEmulator.builder().port(port).seedDemoData(true).demoToken(DEMO_TOKEN).start();
	}

	/**
	 * The endpoint of an emulator on this loopback port.
	 * @param port the port
	 * @return e.g. {@code http://127.0.0.1:3001}
	 */
	public static String endpoint(int port) {
		return "http://" + BentoCloudEmulator.HOST + ":" + port;
	}

	/**
	 * Whether something (the web app's emulator) listens on this loopback port.
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

}
