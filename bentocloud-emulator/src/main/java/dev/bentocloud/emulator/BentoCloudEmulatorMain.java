package dev.bentocloud.emulator;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Runs an emulator until stopped, e.g. from the executable jar or the container image:
 * {@code java -jar bentocloud-emulator-<version>-exec.jar --port 3000 --token T --seed seed.yaml}.
 * <p>
 * Options: {@code --port N} (0, the default, picks a free port), {@code --host ADDRESS}
 * (default 127.0.0.1; 0.0.0.0 in a container), {@code --token T} (fixed value of the demo
 * user's token, overriding the seed file's; random by default), {@code --seed FILE} (YAML
 * or JSON, see {@link EmulatorSeed}). Without a seed file the demo data is added. Exit
 * code 2 on a usage error.
 * <p>
 * The environment variable {@value #TOKEN_VARIABLE} sets the token when {@code --token}
 * does not: a container's environment is what Docker Compose (and Spring Boot's Docker
 * Compose support) can see, its command line is not.
 *
 * @since 0.1.0
 */
public final class BentoCloudEmulatorMain {

	/**
	 * The environment variable with the demo user's token, used when no option sets it.
	 */
	public static final String TOKEN_VARIABLE = "BENTOCLOUD_EMULATOR_TOKEN";

	static final String USAGE = "Usage: bentocloud-emulator [--port N] [--host ADDRESS] [--token TOKEN] [--seed FILE]\n"
			+ "  --port N        port to listen on; 0 (default) picks a free one\n"
			+ "  --host ADDRESS  address to bind to; default 127.0.0.1 (0.0.0.0 in a container)\n"
			+ "  --token TOKEN   fixed value of the demo user's API token; default $" + TOKEN_VARIABLE
			+ ", else random\n"
			+ "  --seed FILE     YAML or JSON file with tokens, users, deployments and service APIs";

	private BentoCloudEmulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		BentoCloudEmulator emulator;
		try {
			emulator = builder(Options.parse(args, System.getenv())).start();
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "bentocloud-emulator-shutdown"));
		// The token is the emulator's own fake, printed on purpose for manual use.
		System.out.println("BentoCloud emulator listening on " + emulator.endpoint());
		System.out.println("Organization: " + emulator.organizationName() + ", user: demo");
		System.out.println("Demo API token (X-YATAI-API-TOKEN): " + emulator.apiToken());
		System.out.println("Press Ctrl+C to stop.");
		System.out.flush();
		stopped.await();
	}

	/** The emulator's settings for these options; reads the seed file. */
	static BentoCloudEmulatorBuilder builder(Options options) {
		BentoCloudEmulatorBuilder builder = BentoCloudEmulator.builder().port(options.port()).host(options.host());
		EmulatorSeed seed = (options.seedFile() != null) ? EmulatorSeed.read(options.seedFile()) : null;
		builder.seedDemoData(seed == null || seed.demoData(true));
		if (seed != null) {
			builder.seed(seed);
		}
		String token = (options.token() != null) ? options.token() : ((seed != null) ? seed.token() : null);
		if (token != null) {
			builder.demoToken(token);
		}
		return builder;
	}

	static int parsePort(String[] args) {
		return Options.parse(args).port();
	}

	/** The command line. */
	record Options(int port, String host, @Nullable String token, @Nullable Path seedFile) {

		@Override
		public String toString() {
			return "Options[port=" + this.port + ", host=" + this.host + ", token="
					+ ((this.token != null) ? "(set)" : null) + ", seedFile=" + this.seedFile + "]";
		}

		static Options parse(String[] args) {
			return parse(args, Map.of());
		}

		/**
		 * The command line, with the token from the environment when no option sets it.
		 */
		static Options parse(String[] args, Map<String, String> environment) {
			int port = 0;
			String host = BentoCloudEmulator.HOST;
			String fromEnvironment = environment.get(TOKEN_VARIABLE);
			String token = (fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment : null;
			Path seedFile = null;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				String name = arg;
				String value;
				int equals = arg.indexOf('=');
				if (arg.startsWith("--") && equals > 0) {
					name = arg.substring(0, equals);
					value = arg.substring(equals + 1);
				}
				else if (arg.startsWith("--") && i + 1 < args.length) {
					value = args[++i];
				}
				else {
					value = null;
				}
				switch (name) {
					case "--port" -> port = port(require(name, value));
					case "--host" -> host = require(name, value);
					case "--token" -> token = require(name, value);
					case "--seed" -> seedFile = Path.of(require(name, value));
					default -> throw new IllegalArgumentException("Unknown argument: " + arg);
				}
			}
			return new Options(port, host, token, seedFile);
		}

		private static String require(String name, @Nullable String value) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " needs a value, e.g. " + name + " " + switch (name) {
					case "--port" -> "8081";
					case "--host" -> "0.0.0.0";
					case "--token" -> "emu-demo-token";
					default -> "seed.yaml";
				});
			}
			return value;
		}

		private static int port(String value) {
			int port;
			try {
				port = Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--port must be a number from 0 to 65535, was " + value);
			}
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("--port must be a number from 0 to 65535, was " + value);
			}
			return port;
		}

	}

}
