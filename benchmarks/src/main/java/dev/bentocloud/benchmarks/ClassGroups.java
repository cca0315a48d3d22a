package dev.bentocloud.benchmarks;

import java.util.List;

/** Groups loaded classes by library, for {@link StartupProfile}'s class tables. */
final class ClassGroups {

	/** Longest prefix first. */
	private static final List<String[]> GROUPS = List.of(new String[] { "dev.bentocloud.", "dev.bentocloud" },
			new String[] { "tools.jackson.dataformat.yaml.", "Jackson YAML" },
			new String[] { "org.snakeyaml.", "snakeyaml-engine" }, new String[] { "tools.jackson.", "Jackson (other)" },
			new String[] { "org.springframework.web.reactive.function.client.", "Spring WebClient" },
			new String[] { "org.springframework.web.service.", "Spring HTTP interface" },
			new String[] { "org.springframework.web.reactive.", "Spring WebFlux (other)" },
			new String[] { "org.springframework.boot.webclient.", "Boot webclient" },
			new String[] { "org.springframework.boot.http.client.", "Boot HTTP client" },
			new String[] { "org.springframework.http.client.", "Spring HTTP client (connectors)" },
			new String[] { "org.springframework.http.codec.", "Spring codecs" },
			new String[] { "org.springframework.boot.", "Spring Boot (other)" },
			new String[] { "org.springframework.", "Spring (other)" },
			new String[] { "reactor.netty.", "Reactor Netty" }, new String[] { "reactor.", "Reactor core" },
			new String[] { "io.netty.", "Netty" }, new String[] { "io.micrometer.", "Micrometer" },
			new String[] { "java.", "JDK" }, new String[] { "javax.", "JDK" }, new String[] { "jdk.", "JDK" },
			new String[] { "sun.", "JDK" }, new String[] { "com.sun.", "JDK" });

	private ClassGroups() {
	}

	static String group(String name) {
		for (String[] group : GROUPS) {
			if (name.startsWith(group[0])) {
				return group[1];
			}
		}
		return "other";
	}

	static String packageOf(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

}
