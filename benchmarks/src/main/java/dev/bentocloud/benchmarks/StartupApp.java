package dev.bentocloud.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.sun.management.OperatingSystemMXBean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;
import org.springframework.util.ClassUtils;

/**
 * The app whose startup is measured (and, in process, whose health endpoint is probed): a
 * WebFlux service with actuator, like the sample app's web side, and nothing else. The
 * startup benchmark launches it in child JVMs whose class paths differ only by the
 * starter's jars.
 * <p>
 * With {@code --bench.exit-when-ready=true} it prints one line,
 * {@code READY uptimeMs=.. cpuMs=..
 * starterBeansMs=.. bentoCloudBeans=..}, and exits; with
 * {@code --bench.probe-health=true} it first calls its own
 * {@code /actuator/health/bentocloud} once, the positive control of the
 * zero-network-calls check; with {@code --bench.first-call=true} it times the first and
 * second {@code currentUser()} after ready ({@code firstCallUs=.. secondCallUs=..}), at
 * once (racing the starter's warm-up), and with {@code --bench.first-call=after-warm-up}
 * once the starter's warm-up thread has ended ({@code warmUpUs=..}: from ready to its
 * end).
 */
@SpringBootApplication
public class StartupApp {

	static final String READY = "READY";

	private static final BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);

	/**
	 * A fresh JVM running this application until it is ready, configured by the command
	 * line only: the shell's BentoCloud and BentoML variables are removed.
	 * @param classPath the class path (with or without the starter)
	 * @param jvmOptions options of the JVM
	 * @param appArgs arguments of the application
	 * @return the process builder, output and errors merged
	 */
	static ProcessBuilder processBuilder(String classPath, List<String> jvmOptions, List<String> appArgs) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Reactor Netty waits 2 s for quiet event
		// loops at shutdown; the wait measures nothing.
		command.add("-Dreactor.netty.ioShutdownQuietPeriod=0");
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classPath);
		command.add(StartupApp.class.getName());
		command.add("--bench.exit-when-ready=true");
		command.add("--server.port=0");
		command.add("--spring.main.banner-mode=off");
		command.add("--logging.level.root=warn");
		command.addAll(appArgs);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("BENTO_CLOUD_") || name.startsWith("BENTOCLOUD_")
					|| name.startsWith("BENTOML_"));
		return builder;
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApp.class);
		// Records bean instantiation times, on both
		// class paths alike, to tell what our beans cost.
		application.setApplicationStartup(startup);
		if (Boolean.getBoolean(StartupProfile.PROFILE_PROPERTY)) {
			StartupProfileProbe.install(application);
		}
		application.addListeners((ApplicationReadyEvent event) -> onReady(event.getApplicationContext()));
		application.run(args);
	}

	private static void onReady(ConfigurableApplicationContext context) {
		if (!context.getEnvironment().getProperty("bench.exit-when-ready", Boolean.class, false)) {
			return;
		}
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long cpuMillis = (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os)
				? os.getProcessCpuTime() / 1_000_000 : -1;
		int beans = 0;
		String clientClass = "dev.bentocloud.client.BentoCloudClient";
		if (ClassUtils.isPresent(clientClass, null)) {
			beans = context.getBeanNamesForType(ClassUtils.resolveClassName(clientClass, null)).length;
		}
		String health = "";
		if (context.getEnvironment().getProperty("bench.probe-health", Boolean.class, false)) {
			health = " health=" + probeHealth(context);
		}
		String firstCall = context.getEnvironment().getProperty("bench.first-call", "false");
		String prefix = READY + " uptimeMs=" + uptime + " cpuMs=" + cpuMillis + " starterBeansMs="
				+ starterBeansMillis() + " bentoCloudBeans=" + beans + health;
		if (firstCall.equals("after-warm-up")) {
			// Off the listener: the starter's warm-up
			// starts from a listener of this same event.
			long readyNanos = System.nanoTime();
			Thread measure = new Thread(() -> {
				try {
					String warmUp = StartupFirstCalls.awaitWarmUp(readyNanos);
					exit(context, prefix + StartupFirstCalls.measure(context) + warmUp);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "bench-first-call");
			measure.start();
			return;
		}
		if (Boolean.getBoolean(StartupProfile.PROFILE_PROPERTY)) {
			StartupProfileProbe.print(startup.getBufferedTimeline());
		}
		exit(context, prefix + (firstCall.equals("true") ? StartupFirstCalls.measure(context) : ""));
	}

	private static void exit(ConfigurableApplicationContext context, String line) {
		System.out.println(line);
		System.out.flush();
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * Time spent instantiating the starter's beans (its auto-configurations, properties,
	 * clients and health indicator), counting a bean created inside another of them once.
	 */
	private static long starterBeansMillis() {
		List<StartupTimeline.TimelineEvent> ours = new ArrayList<>();
		Set<Long> ids = new HashSet<>();
		for (StartupTimeline.TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
			StartupStep step = event.getStartupStep();
			if (step.getName().equals("spring.beans.instantiate") && isStarterBean(step)) {
				ours.add(event);
				ids.add(step.getId());
			}
		}
		return ours.stream()
			.filter((event) -> !ids.contains(event.getStartupStep().getParentId()))
			.mapToLong((event) -> event.getDuration().toNanos())
			.sum() / 1_000_000;
	}

	private static boolean isStarterBean(StartupStep step) {
		for (StartupStep.Tag tag : step.getTags()) {
			if (tag.getKey().equals("beanName") && tag.getValue().toLowerCase(Locale.ROOT).contains("bentocloud")) {
				return true;
			}
		}
		return false;
	}

	private static int probeHealth(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/bentocloud"))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

}
