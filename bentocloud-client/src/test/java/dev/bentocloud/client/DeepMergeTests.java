package dev.bentocloud.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeepMerge}: the recursive merge of a deployment update into the current
 * configuration.
 */
class DeepMergeTests {

	@Test
	void mapsMergeRecursivelyListsAndValuesAreReplaced() {
		Map<String, Object> base = Map.of("access_authorization", true, "envs", List.of(Map.of("name", "A")),
				"services", Map.of("Svc",
						Map.of("instance_type", "cpu.1", "scaling", Map.of("min_replicas", 1, "max_replicas", 2))));
		Map<String, Object> override = Map.of("envs", List.of(Map.of("name", "B")), "services",
				Map.of("Svc", Map.of("scaling", Map.of("max_replicas", 5))));
		Map<String, Object> merged = DeepMerge.merge(base, override);
		assertThat(merged).containsEntry("access_authorization", true)
			.containsEntry("envs", List.of(Map.of("name", "B")));
		assertThat(merged.get("services")).isEqualTo(Map.of("Svc",
				Map.of("instance_type", "cpu.1", "scaling", Map.of("min_replicas", 1, "max_replicas", 5))));
	}

	@Test
	void nullInTheOverrideDoesNotErase() {
		Map<String, Object> override = new LinkedHashMap<>();
		override.put("secrets", null);
		assertThat(DeepMerge.merge(Map.of("secrets", List.of("s")), override)).containsEntry("secrets", List.of("s"));
	}

	@Test
	void withoutNullsDropsNestedNulls() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("a", null);
		nested.put("b", 1);
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("x", nested);
		map.put("y", null);
		assertThat(DeepMerge.withoutNulls(map)).isEqualTo(Map.of("x", Map.of("b", 1)));
	}

}
