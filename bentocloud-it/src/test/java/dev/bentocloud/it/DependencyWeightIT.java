package dev.bentocloud.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter adds to a fresh Spring MVC application: executable jars built by the
 * reactor, {@code weight/mvc-app} and the same app with the starter, compared library by
 * library. The goal: at most 5 MB more, and no native library (Netty's HTTP/3 codec alone
 * ships 12 MB of them for five platforms). And what the test module adds at scope test:
 * nothing ({@code weight/mvc-app-with-test-module}).
 */
class DependencyWeightIT {

	private static final long MAX_ADDED_BYTES = 5L * 1024 * 1024;

	@Test
	void theStarterAddsLittleToAnMvcAppAndNoNativeLibrary() throws IOException {
		Path dir = Path.of(System.getProperty("bentocloud.it.weight-dir", "weight"));
		Map<String, Long> plain = libraries(dir.resolve("mvc-app/target/weight-mvc-app.jar"));
		Map<String, Long> withStarter = libraries(
				dir.resolve("mvc-app-with-starter/target/weight-mvc-app-with-starter.jar"));
		Map<String, Long> added = new TreeMap<>(withStarter);
		added.keySet().removeAll(plain.keySet());
		long addedBytes = added.values().stream().mapToLong(Long::longValue).sum();
		long plainBytes = plain.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf("Dependency weight: plain MVC app %.1f MB in %d jars; the starter adds %.2f MB in %d jars:%n",
				plainBytes / 1e6, plain.size(), addedBytes / 1e6, added.size());
		added.forEach((name, size) -> System.out.printf("  %-60s %8.1f kB%n", name, size / 1e3));
		assertThat(added).as("jars the starter adds")
			.containsKeys("bentocloud-client-0.1.0-SNAPSHOT.jar",
					"bentocloud-spring-boot-autoconfigure-0.1.0-SNAPSHOT.jar");
		assertThat(addedBytes).as("bytes the starter adds").isLessThanOrEqualTo(MAX_ADDED_BYTES);
		assertThat(added.keySet()).as("native libraries the starter adds")
			.noneMatch((name) -> name.contains("native") || name.contains("netty"));
	}

	@Test
	void theTestModuleAtScopeTestAddsNothingToTheExecutableJar() throws IOException {
		Path dir = Path.of(System.getProperty("bentocloud.it.weight-dir", "weight"));
		Path plainJar = dir.resolve("mvc-app/target/weight-mvc-app.jar");
		Path starterJar = dir.resolve("mvc-app-with-starter/target/weight-mvc-app-with-starter.jar");
		Path testModuleJar = dir.resolve("mvc-app-with-test-module/target/weight-mvc-app-with-test-module.jar");
		for (Path jar : new Path[] { plainJar, starterJar, testModuleJar }) {
			Map<String, Long> libraries = libraries(jar);
			System.out.printf("Dependency weight: %-40s %6.1f MB, %3d files, %3d jars in BOOT-INF/lib%n",
					jar.getFileName(), Files.size(jar) / 1e6, entries(jar), libraries.size());
		}
		assertThat(libraries(testModuleJar).keySet()).as("BOOT-INF/lib with the test module at scope test")
			.containsExactlyElementsOf(libraries(starterJar).keySet());
	}

	/** How many entries a jar has. */
	private static int entries(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.size();
		}
	}

	/** The libraries in a Boot executable jar, name to compressed size. */
	private static Map<String, Long> libraries(Path jar) throws IOException {
		assertThat(jar).as("built by the reactor before this module").exists();
		Map<String, Long> libraries = new TreeMap<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : Collections.list(file.entries())) {
				if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
					libraries.put(entry.getName().substring("BOOT-INF/lib/".length()), entry.getSize());
				}
			}
		}
		assertThat(Files.size(jar)).isPositive();
		return libraries;
	}

}
