package dev.bentocloud.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BentoML's {@code deep_merge}: maps merge recursively; lists and values from the
 * override replace the base. Here {@code null} in the override means "not set", so it
 * never erases.
 */
final class DeepMerge {

	private DeepMerge() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
		Map<String, Object> result = new LinkedHashMap<>(base);
		override.forEach((key, value) -> {
			if (value == null) {
				return;
			}
			Object current = result.get(key);
			if (value instanceof Map<?, ?> overrideMap && current instanceof Map<?, ?> currentMap) {
				result.put(key, merge((Map<String, Object>) currentMap, (Map<String, Object>) overrideMap));
			}
			else {
				result.put(key, value);
			}
		});
		return result;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> withoutNulls(Map<String, Object> map) {
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (value instanceof Map<?, ?> nested) {
				result.put(key, withoutNulls((Map<String, Object>) nested));
			}
			else if (value != null) {
				result.put(key, value);
			}
		});
		return result;
	}

}
