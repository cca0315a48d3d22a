package dev.bentocloud.sample.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.sample.SampleApplication;
import dev.bentocloud.sample.TerminalText;
import dev.bentocloud.spring.autoconfigure.BentoCloudConnectionDetails;
import picocli.CommandLine;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Runs one CLI command: the commands that only call BentoCloud on the {@linkplain LeanCli
 * lean path} (no Spring Boot) when it can resolve their settings exactly as Spring would,
 * otherwise inside a non-web Spring context, closed afterwards. stdout carries only the
 * command's output (console logging is off unless
 * {@code --logging.console.enabled=true}); errors go to stderr. Exit codes: 0 success, 1
 * API or credential error, 2 usage error.
 */
public final class SampleCli {

	private static final String CLOUD_COMMAND_PROPERTY_SOURCE = "sampleCliCloudCommand";

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

	private SampleCli() {
	}

	/**
	 * Whether the arguments name a command, rather than only Spring properties for web
	 * mode.
	 * @param args the program arguments
	 * @return {@code true} to run the CLI
	 */
	public static boolean isCommand(String[] args) {
		return springArgumentCount(args) < args.length;
	}

	/**
	 * Runs a command.
	 * @param args leading {@code --key=value} Spring properties (optional), then the
	 * command and its options, e.g. {@code api-token list -o json}
	 * @param out standard output
	 * @param err standard error
	 * @return the exit code
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, null);
	}

	/**
	 * Runs a command with a given OS environment instead of the real one (tests).
	 * @param args as for {@link #run(String[], PrintStream, PrintStream)}
	 * @param out standard output
	 * @param err standard error
	 * @param osEnvironment the environment variables the command sees, or {@code null}
	 * for the real ones
	 * @return the exit code
	 */
	static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> osEnvironment) {
		int split = springArgumentCount(args);
		String[] springArgs = Arrays.copyOfRange(args, 0, split);
		String[] commandArgs = Arrays.copyOfRange(args, split, args.length);
		PrintWriter outWriter = new PrintWriter(out, true);
		PrintWriter errWriter = new PrintWriter(err, true);
		OptionalInt lean = LeanCli.run(springArgs, commandArgs, variables(osEnvironment), outWriter, errWriter);
		if (lean.isPresent()) {
			return lean.getAsInt();
		}
		ConfigurableApplicationContext context;
		try {
			SpringApplication application = cliApplication();
			customizeEnvironment(application, commandArgs, osEnvironment);
			context = application.run(springArgs);
		}
		catch (RuntimeException ex) {
			errWriter.println("Error: could not start: " + TerminalText.line(CliFailureHandler.rootMessage(ex)));
			return CommandLine.ExitCode.SOFTWARE;
		}
		try {
			CliServices services = new SpringCliServices(context.getBeanProvider(BentoCloudClient.class),
					context.getBeanProvider(BentoCloudConnectionDetails.class),
					context.getBeanProvider(BentoCloudClientBuilder.class), context.getEnvironment());
			CommandLine commandLine = SampleCommand.commandLine(new CliCommandFactory(services),
					new CliFailureHandler(services));
			commandLine.setOut(outWriter);
			commandLine.setErr(errWriter);
			return commandLine.execute(commandArgs);
		}
		finally {
			closeWithin(context, CLOSE_TIMEOUT);
		}
	}

	/**
	 * Closes the context, waiting at most {@code timeout}: the command's result is
	 * already written, and a shutdown that hangs (Reactor Netty's resources once never
	 * finished disposing) must not keep the CLI from exiting.
	 */
	private static void closeWithin(ConfigurableApplicationContext context, Duration timeout) {
		Thread closer = new Thread(context::close, "sample-cli-close");
		closer.setDaemon(true);
		closer.start();
		try {
			closer.join(timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static SpringApplication cliApplication() {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// Default properties have the lowest precedence, so
		// --logging.console.enabled=true still wins.
		// A command makes a call or two and exits: the client's warm-up, made for
		// services, would only race with the shutdown.
		application
			.setDefaultProperties(Map.of("logging.console.enabled", "false", "bentocloud.warm-up.enabled", "false"));
		application.addInitializers(SampleCli::usePrivateNettyResources);
		return application;
	}

	/**
	 * The {@code cloud} commands manage the credentials file themselves, so they run
	 * without BentoML's credential sources: a file whose current context is missing or
	 * broken must not stop the very commands that repair it (command-line properties
	 * still win). The starter stays on, so {@code cloud login} builds its client with the
	 * application's client builder.
	 */
	private static void customizeEnvironment(SpringApplication application, String[] commandArgs,
			Map<String, Object> osEnvironment) {
		boolean cloudCommand = commandArgs.length > 0 && CloudCommand.NAME.equals(commandArgs[0]);
		if (!cloudCommand && osEnvironment == null) {
			return;
		}
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		if (osEnvironment != null) {
			sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							osEnvironment));
		}
		if (cloudCommand) {
			sources.addFirst(new MapPropertySource(CLOUD_COMMAND_PROPERTY_SOURCE,
					Map.of("bentocloud.credentials.bentoml-sources", "false",
							// Nothing but the command's beans is created: the client
							// builder, not the client.
							"spring.main.lazy-initialization", "true")));
		}
		application.setEnvironment(environment);
	}

	/**
	 * Boot's default Reactor Netty resources are the JVM-wide ones, and closing the
	 * context disposes them. A command gets its own, so that running it inside a JVM that
	 * also serves the web app (tests, an IDE) leaves the server's event loops alone.
	 */
	private static void usePrivateNettyResources(ConfigurableApplicationContext context) {
		if (context instanceof GenericApplicationContext generic) {
			generic.registerBean(ReactorResourceFactory.class, () -> {
				ReactorResourceFactory resources = new ReactorResourceFactory();
				resources.setUseGlobalResources(false);
				return resources;
			});
		}
	}

	private static Map<String, String> variables(Map<String, Object> osEnvironment) {
		if (osEnvironment == null) {
			return System.getenv();
		}
		Map<String, String> variables = new HashMap<>();
		osEnvironment.forEach((name, value) -> variables.put(name, String.valueOf(value)));
		return variables;
	}

	private static int springArgumentCount(String[] args) {
		int count = 0;
		while (count < args.length && args[count].startsWith("--") && args[count].indexOf('=') > 2) {
			count++;
		}
		return count;
	}

}
