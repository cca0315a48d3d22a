package dev.bentocloud.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.bentocloud.emulator.server.CallInput;
import dev.bentocloud.emulator.server.RouteKind;
import dev.bentocloud.emulator.server.RouteParam;
import dev.bentocloud.emulator.server.ServedRoute;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ApiRoute}'s settings. Each change of a route copies them; a copy is changed
 * only before the new route holding it is returned, never afterwards.
 */
final class RouteSettings {

	final String name;

	final RouteKind kind;

	@Nullable String path;

	@Nullable String doc;

	boolean batchable;

	boolean task;

	boolean rootInput;

	boolean openInput;

	List<RouteParam> params = new ArrayList<>();

	@Nullable Map<String, Object> outputSchema;

	@Nullable Function<ServiceCall, @Nullable Object> answer;

	@Nullable Function<ServiceCall, Iterator<byte[]>> chunks;

	Duration chunkPause = Duration.ZERO;

	@Nullable String filename;

	String fileContentType = "application/octet-stream";

	long generatedSize = -1;

	Function<ServiceCall, Duration> taskDuration = (call) -> ApiRoute.DEFAULT_TASK_DURATION;

	Duration delay = Duration.ZERO;

	RouteSettings(String name, RouteKind kind) {
		if (name == null || name.isBlank() || name.contains("/")) {
			throw new IllegalArgumentException("A route name must be non-blank without '/', was '" + name + "'");
		}
		this.name = name;
		this.kind = kind;
	}

	String path() {
		return (this.path != null) ? this.path : "/" + this.name;
	}

	Map<String, Object> outputSchema() {
		return (this.outputSchema != null) ? this.outputSchema : this.kind.outputSchema();
	}

	/**
	 * The snapshot the server reads: its handlers take the server's calls, each seen by
	 * the route's functions as a {@link ServiceCall}.
	 */
	ServedRoute served() {
		Function<ServiceCall, @Nullable Object> answer = this.answer;
		Function<ServiceCall, Iterator<byte[]>> chunks = this.chunks;
		Function<ServiceCall, Duration> taskDuration = this.taskDuration;
		return new ServedRoute(this.name, this.kind, path(), this.doc, this.batchable, this.task, this.rootInput,
				this.openInput, this.params, outputSchema(),
				(answer != null) ? RouteSettings.<@Nullable Object>answering(answer) : null,
				(chunks != null) ? answering(chunks) : null, this.chunkPause, this.filename, this.fileContentType,
				this.generatedSize, (call) -> taskDuration.apply(ServiceCall.of(call)), this.delay);
	}

	/**
	 * Runs the handler; a {@link ServiceErrorAnswer} it throws goes on as the server's.
	 */
	private static <T extends @Nullable Object> Function<CallInput, T> answering(Function<ServiceCall, T> handler) {
		return (call) -> {
			try {
				return handler.apply(ServiceCall.of(call));
			}
			catch (ServiceErrorAnswer ex) {
				throw ex.toServer();
			}
		};
	}

	RouteSettings copy() {
		RouteSettings copy = new RouteSettings(this.name, this.kind);
		copy.path = this.path;
		copy.doc = this.doc;
		copy.batchable = this.batchable;
		copy.task = this.task;
		copy.rootInput = this.rootInput;
		copy.openInput = this.openInput;
		copy.params = new ArrayList<>(this.params);
		copy.outputSchema = this.outputSchema;
		copy.answer = this.answer;
		copy.chunks = this.chunks;
		copy.chunkPause = this.chunkPause;
		copy.filename = this.filename;
		copy.fileContentType = this.fileContentType;
		copy.generatedSize = this.generatedSize;
		copy.taskDuration = this.taskDuration;
		copy.delay = this.delay;
		return copy;
	}

}
