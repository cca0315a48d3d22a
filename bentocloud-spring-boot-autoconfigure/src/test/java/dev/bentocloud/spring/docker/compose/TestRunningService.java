package dev.bentocloud.spring.docker.compose;

import java.util.List;
import java.util.Map;

import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;

/**
 * A {@link RunningService} as Spring Boot's Docker Compose support describes a started
 * service, without a Docker engine.
 */
record TestRunningService(String name, ImageReference image, String host, Map<Integer, Integer> publishedPorts,
		Map<String, String> env, Map<String, String> labels) implements RunningService {

	static TestRunningService of(String name, String image, Map<String, String> env) {
		return new TestRunningService(name, ImageReference.of(image), "127.0.0.1", Map.of(3000, 32768), env, Map.of());
	}

	TestRunningService withLabels(Map<String, String> labels) {
		return new TestRunningService(this.name, this.image, this.host, this.publishedPorts, this.env, labels);
	}

	@Override
	public ConnectionPorts ports() {
		return new ConnectionPorts() {

			@Override
			public int get(int containerPort) {
				Integer published = TestRunningService.this.publishedPorts.get(containerPort);
				if (published == null) {
					throw new IllegalStateException("No host port for container port " + containerPort);
				}
				return published;
			}

			@Override
			public List<Integer> getAll() {
				return List.copyOf(TestRunningService.this.publishedPorts.values());
			}

			@Override
			public List<Integer> getAll(String protocol) {
				return "tcp".equals(protocol) ? getAll() : List.of();
			}

		};
	}

}
