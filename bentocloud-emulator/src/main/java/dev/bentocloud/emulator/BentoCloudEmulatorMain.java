package dev.bentocloud.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Starts a seeded emulator for manual use:
 * {@code java ... BentoCloudEmulatorMain --port 8081}.
 */
public final class BentoCloudEmulatorMain {

	private BentoCloudEmulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port;
		try {
			port = parsePort(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println("Usage: BentoCloudEmulatorMain [--port N]   (N = 0 picks a free port)");
			System.exit(2);
			return;
		}
		BentoCloudEmulator emulator = BentoCloudEmulator.builder().port(port).seedDemoData(true).start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "bentocloud-emulator-shutdown"));
		// The token is the emulator's own fake, printed on purpose for manual use.
		System.out.println("BentoCloud emulator listening on " + emulator.endpoint());
		System.out.println("Organization: " + emulator.organizationName() + ", user: demo");
		System.out.println("Demo API token (X-YATAI-API-TOKEN): " + emulator.apiToken());
		System.out.println("Deployed service: " + emulator.deploymentUrl("demo-iris"));
		System.out.println("Press Ctrl+C to stop.");
		stopped.await();
	}

	static int parsePort(String[] args) {
		int port = 0;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String value;
			if (arg.equals("--port")) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("--port needs a value, e.g. --port 8081");
				}
				value = args[++i];
			}
			else if (arg.startsWith("--port=")) {
				value = arg.substring("--port=".length());
			}
			else {
				throw new IllegalArgumentException("Unknown argument: " + arg);
			}
			try {
				port = Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--port must be a number from 0 to 65535, was " + value);
			}
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("--port must be a number from 0 to 65535, was " + value);
			}
		}
		return port;
	}

}
