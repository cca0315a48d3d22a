package dev.bentocloud.benchmarks;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.metrics.StartupStep;

/**
 * In the child JVM ({@value StartupProfile#PROFILE_PROPERTY}): times post-processors,
 * prints them, the bean instantiations and the startup steps as {@value #LINE} lines.
 */
final class StartupProfileProbe {

	static final String LINE = "PROFILE ";

	private static final Map<String, double[]> postProcessors = new LinkedHashMap<>();

	private StartupProfileProbe() {
	}

	static void install(SpringApplication application) {
		List<ApplicationListener<?>> listeners = new ArrayList<>();
		for (ApplicationListener<?> listener : application.getListeners()) {
			if (listener instanceof EnvironmentPostProcessorApplicationListener) {
				EnvironmentPostProcessorsFactory factory = EnvironmentPostProcessorsFactory
					.fromSpringFactories(application.getClassLoader());
				listeners.add(EnvironmentPostProcessorApplicationListener
					.with((logFactory, bootstrap) -> factory.getEnvironmentPostProcessors(logFactory, bootstrap)
						.stream()
						.map(StartupProfileProbe::timed)
						.toList()));
			}
			else {
				listeners.add(listener);
			}
		}
		application.setListeners(listeners);
	}

	private static EnvironmentPostProcessor timed(EnvironmentPostProcessor delegate) {
		String name = delegate.getClass().getSimpleName();
		return (ConfigurableEnvironment environment, SpringApplication application) -> {
			ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
			long loaded = classes.getTotalLoadedClassCount();
			long start = System.nanoTime();
			delegate.postProcessEnvironment(environment, application);
			double millis = (System.nanoTime() - start) / 1e6;
			postProcessors.merge(name, new double[] { millis, classes.getTotalLoadedClassCount() - loaded },
					(x, y) -> new double[] { x[0] + y[0], x[1] + y[1] });
		};
	}

	static void print(StartupTimeline timeline) {
		postProcessors.forEach(
				(name, value) -> System.out.println(LINE + "epp " + name + " " + value[0] + " " + (long) value[1]));
		Map<Long, Double> childInstantiations = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			if (step.getName().equals("spring.beans.instantiate") && step.getParentId() != null) {
				childInstantiations.merge(step.getParentId(), event.getDuration().toNanos() / 1e6, Double::sum);
			}
		}
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			double millis = event.getDuration().toNanos() / 1e6;
			if (step.getName().equals("spring.beans.instantiate")) {
				String bean = "?";
				for (StartupStep.Tag tag : step.getTags()) {
					if (tag.getKey().equals("beanName")) {
						bean = tag.getValue().replace(' ', '_');
					}
				}
				double self = millis - childInstantiations.getOrDefault(step.getId(), 0.0);
				System.out.println(LINE + "bean " + bean + " " + millis + " " + self);
			}
			else if (step.getName().startsWith("spring.boot.application.")
					|| step.getName().equals("spring.context.refresh")) {
				System.out.println(LINE + "step " + step.getName() + " " + millis);
			}
		}
	}

}
