package dev.bentocloud.emulator.server;

import java.util.List;
import java.util.Map;

import dev.bentocloud.emulator.UploadedFile;

/**
 * One validated call of a service route, from which the API side builds the
 * {@link dev.bentocloud.emulator.ServiceCall} its handler sees. Not API.
 *
 * @param route the route's name
 * @param arguments the JSON arguments, defaults filled in
 * @param files the uploaded files by parameter
 * @param headers the request's headers (first value of each), names in lower case
 */
public record CallInput(String route, Map<String, Object> arguments, Map<String, List<UploadedFile>> files,
		Map<String, String> headers) {

	@Override
	public String toString() {
		// Headers are left out on purpose: they carry credentials.
		return "CallInput[" + this.route + "]";
	}

}
