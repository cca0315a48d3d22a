package dev.bentocloud.emulator;

import java.util.List;
import java.util.Map;

import dev.bentocloud.emulator.server.CallInput;

/**
 * One call of a service route, as its handler sees it: the validated arguments (defaults
 * filled in), the uploaded files and the request headers.
 */
public final class ServiceCall {

	private final String route;

	private final Map<String, Object> arguments;

	private final Map<String, List<UploadedFile>> files;

	private final Map<String, String> headers;

	ServiceCall(String route, Map<String, Object> arguments, Map<String, List<UploadedFile>> files,
			Map<String, String> headers) {
		this.route = route;
		this.arguments = arguments;
		this.files = files;
		this.headers = headers;
	}

	/** The call the server validated, as its handler sees it. */
	static ServiceCall of(CallInput input) {
		return new ServiceCall(input.route(), input.arguments(), input.files(), input.headers());
	}

	/** The route's name, e.g. {@code summarize}. */
	public String route() {
		return this.route;
	}

	/**
	 * The JSON arguments as plain Java values ({@code String}, {@code Integer} or
	 * {@code Long}, {@code Double}, {@code Boolean}, {@code List}, {@code Map}, or
	 * {@code null}), in the route's declaration order, defaults filled in. For a route
	 * with a root input, its single value under the parameter's name. File parameters are
	 * in {@link #files(String)} instead.
	 */
	public Map<String, Object> arguments() {
		return this.arguments;
	}

	/** The files sent for this file parameter, in order; empty if none. */
	public List<UploadedFile> files(String parameter) {
		return this.files.getOrDefault(parameter, List.of());
	}

	/** The request's headers (first value of each), names in lower case. */
	public Map<String, String> headers() {
		return this.headers;
	}

	@Override
	public String toString() {
		// Headers are left out on purpose: they carry credentials.
		return "ServiceCall[" + this.route + ", arguments=" + this.arguments.keySet() + ", files=" + this.files.keySet()
				+ "]";
	}

}
