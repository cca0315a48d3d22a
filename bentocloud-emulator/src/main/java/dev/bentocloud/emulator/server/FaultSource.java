package dev.bentocloud.emulator.server;

import org.jspecify.annotations.Nullable;

/** Where the server finds the fault for a request, if any. Not API. */
@FunctionalInterface
public interface FaultSource {

	/**
	 * The fault of the first rule that matches and has uses left (claiming one use).
	 * @param method the request's method
	 * @param path the request's raw path
	 * @return the fault, or {@code null} to answer normally
	 */
	@Nullable InjectedFault match(String method, String path);

}
