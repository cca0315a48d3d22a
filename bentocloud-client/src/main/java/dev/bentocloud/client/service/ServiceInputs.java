package dev.bentocloud.client.service;

import java.beans.PropertyDescriptor;
import java.io.File;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Turns a call's input into its request body, as BentoML's client does: a JSON object of
 * the named arguments; the bare value for a route with a root input; and
 * {@code multipart/form-data} when an argument is a file (one part per file, every other
 * argument a field holding its JSON encoding).
 */
final class ServiceInputs {

	private final JsonMapper json;

	ServiceInputs(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The named arguments of an input: a {@code Map}'s entries, a record's components, or
	 * a JavaBean's readable properties.
	 */
	static Map<String, @Nullable Object> arguments(@Nullable Object input) {
		Map<String, @Nullable Object> arguments = new LinkedHashMap<>();
		if (input == null) {
			return arguments;
		}
		if (input instanceof Map<?, ?> map) {
			map.forEach((key, value) -> arguments.put(String.valueOf(key), value));
			return arguments;
		}
		if (isPlainValue(input)) {
			throw new InvalidServiceCallException("The input of a call is a Map of arguments, a record or a JavaBean, "
					+ "not a " + input.getClass().getSimpleName() + "; e.g. Map.of(\"text\", value)");
		}
		Class<?> type = input.getClass();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				ReflectionUtils.makeAccessible(component.getAccessor());
				arguments.put(component.getName(), ReflectionUtils.invokeMethod(component.getAccessor(), input));
			}
			return arguments;
		}
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() != null && !property.getName().equals("class")) {
				arguments.put(property.getName(), ReflectionUtils.invokeMethod(property.getReadMethod(), input));
			}
		}
		return arguments;
	}

	/** Whether any argument is a file or a non-empty list of files. */
	static boolean hasFiles(Map<String, @Nullable Object> arguments) {
		return arguments.values().stream().anyMatch(ServiceInputs::isFileValue);
	}

	/**
	 * The body: multipart when an argument is a file, else JSON (for a root input, the
	 * one argument's value itself).
	 */
	BodyInserter<?, ? super ClientHttpRequest> body(Map<String, @Nullable Object> arguments,
			@Nullable ServiceRoute route) {
		if (hasFiles(arguments)) {
			return BodyInserters.fromMultipartData(multipart(arguments));
		}
		if (route != null && route.rootInput() && arguments.size() == 1) {
			Object value = arguments.values().iterator().next();
			return BodyInserters.fromValue(jsonText(value));
		}
		return BodyInserters.fromValue(jsonText(arguments));
	}

	private org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart(
			Map<String, @Nullable Object> arguments) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		arguments.forEach((name, value) -> {
			if (isFileValue(value)) {
				for (Object file : (value instanceof Collection<?> files) ? files : List.of(value)) {
					ServiceFile serviceFile = toServiceFile(file);
					parts.part(name, serviceFile.content(), serviceFile.contentType()).filename(serviceFile.filename());
				}
			}
			else {
				parts.part(name, jsonText(value), MediaType.APPLICATION_JSON);
			}
		});
		return parts.build();
	}

	private String jsonText(@Nullable Object value) {
		return this.json.writeValueAsString(value);
	}

	private static ServiceFile toServiceFile(Object file) {
		if (file instanceof ServiceFile serviceFile) {
			return serviceFile;
		}
		if (file instanceof Path path) {
			return ServiceFile.of(path);
		}
		if (file instanceof File ioFile) {
			return ServiceFile.of(ioFile.toPath());
		}
		return ServiceFile.of((Resource) file, null, null);
	}

	private static boolean isFileValue(@Nullable Object value) {
		if (value instanceof Collection<?> collection) {
			return !collection.isEmpty() && collection.stream().allMatch(ServiceInputs::isFile);
		}
		return isFile(value);
	}

	private static boolean isFile(@Nullable Object value) {
		return value instanceof ServiceFile || value instanceof Path || value instanceof File
				|| value instanceof Resource;
	}

	private static boolean isPlainValue(Object input) {
		return input instanceof CharSequence || input instanceof Number || input instanceof Boolean
				|| input instanceof Collection || input.getClass().isArray() || isFile(input);
	}

}
