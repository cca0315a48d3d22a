package dev.bentocloud.emulator.server;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One route of a served API, as the server reads it: a snapshot of a
 * {@link dev.bentocloud.emulator.ApiRoute}. Not API.
 *
 * @param name the route's name
 * @param kind what it answers
 * @param path its path under the service URL
 * @param doc its documentation, if any
 * @param batchable whether {@code schema.json} lists it batchable
 * @param task whether it is a task route
 * @param rootInput whether its single parameter is the whole body
 * @param openInput whether it accepts any named arguments
 * @param params its parameters, in declaration order
 * @param outputSchema its output schema
 * @param answer the handler, or {@code null} for the default answer
 * @param chunks a stream route's chunks, or {@code null}
 * @param chunkPause the pause before each chunk after the first
 * @param filename a file route's file name, or {@code null} for the route's name
 * @param fileContentType a file route's content type
 * @param generatedSize a generated file's size, or -1
 * @param taskDuration how long a submitted task stays in progress
 * @param delay how long each call waits before it is answered
 */
public record ServedRoute(String name, RouteKind kind, String path, @Nullable String doc, boolean batchable,
		boolean task, boolean rootInput, boolean openInput, List<RouteParam> params, Map<String, Object> outputSchema,
		@Nullable Function<CallInput, @Nullable Object> answer, @Nullable Function<CallInput, Iterator<byte[]>> chunks,
		Duration chunkPause, @Nullable String filename, String fileContentType, long generatedSize,
		Function<CallInput, Duration> taskDuration, Duration delay) {

	boolean hasFileParams() {
		return this.params.stream().anyMatch((p) -> p.isFile() || p.isFileList());
	}

}
