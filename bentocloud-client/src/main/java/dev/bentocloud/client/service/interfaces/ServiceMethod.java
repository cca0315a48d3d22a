package dev.bentocloud.client.service.interfaces;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/**
 * One method of a {@link BentoService} interface: the route it calls, how (call, stream
 * or task, blocking or reactive), its arguments and its result type.
 *
 * @since 0.1.0
 * @see ServiceInterface
 */
public final class ServiceMethod {

	/** How a method uses its route. */
	public enum Kind {

		/** {@code POST /<route>}, the answer decoded as the result type. */
		CALL,

		/**
		 * {@code POST /<route>}, the answer streamed ({@code Flux} or {@code Stream}).
		 */
		STREAM,

		/** {@code POST /<route>/submit}: a {@code BentoTask}. */
		TASK

	}

	/** What the return type is, which decides the client operation. */
	enum Shape {

		VALUE(Kind.CALL, false), VOID(Kind.CALL, false), MONO(Kind.CALL, true), FLUX(Kind.STREAM, true),
		JAVA_STREAM(Kind.STREAM, false), TASK(Kind.TASK, false), MONO_TASK(Kind.TASK, true),
		BLOCKING_TASK(Kind.TASK, false);

		final Kind kind;

		final boolean reactive;

		Shape(Kind kind, boolean reactive) {
			this.kind = kind;
			this.reactive = reactive;
		}

	}

	private final Method method;

	private final String route;

	private final Shape shape;

	private final ResolvableType resultType;

	private final List<ServiceArgument> arguments;

	private final boolean rootInput;

	private final @Nullable Class<?> wholeInput;

	ServiceMethod(Method method, String route, Shape shape, ResolvableType resultType, List<ServiceArgument> arguments,
			boolean rootInput, @Nullable Class<?> wholeInput) {
		this.method = method;
		this.route = route;
		this.shape = shape;
		this.resultType = resultType;
		this.arguments = List.copyOf(arguments);
		this.rootInput = rootInput;
		this.wholeInput = wholeInput;
	}

	/**
	 * The Java method.
	 * @return the method
	 */
	public Method method() {
		return this.method;
	}

	/**
	 * The route's name (or path), from {@link BentoRoute} or the method's name in snake
	 * case.
	 * @return the route
	 */
	public String route() {
		return this.route;
	}

	/**
	 * How the method uses its route.
	 * @return call, stream or task
	 */
	public Kind kind() {
		return this.shape.kind;
	}

	/**
	 * Whether the method returns a {@code Mono} or {@code Flux} (else it blocks).
	 * @return whether it is reactive
	 */
	public boolean reactive() {
		return this.shape.reactive;
	}

	/**
	 * What the answer is decoded as: the return type, the {@code T} of {@code Mono<T>},
	 * the element type of a {@code Flux} or {@code Stream}; for a task, the task type.
	 * @return the result type
	 */
	public ResolvableType resultType() {
		return this.resultType;
	}

	/**
	 * The arguments the method sends, in the parameters' order.
	 * @return the arguments; empty for none or for a {@link BentoInput} map
	 */
	public List<ServiceArgument> arguments() {
		return this.arguments;
	}

	/**
	 * Whether the method declares a root input ({@link BentoRoute#rootInput()}).
	 * @return whether it does
	 */
	public boolean rootInput() {
		return this.rootInput;
	}

	/**
	 * Whether the method's only parameter is a {@link BentoInput} map, whose argument
	 * names are only known when called.
	 * @return whether the arguments are open
	 */
	public boolean openInput() {
		return this.wholeInput != null && !this.wholeInput.isRecord();
	}

	/**
	 * The method as reports name it: {@code Summarizer.summarize(String)}.
	 * @return the description
	 */
	public String describe() {
		return describe(this.method);
	}

	static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

	Shape shape() {
		return this.shape;
	}

	/**
	 * The arguments of one invocation by name; {@code null} values are left out, so that
	 * the service's defaults apply.
	 */
	Map<String, @Nullable Object> input(@Nullable Object @Nullable [] args) {
		Map<String, @Nullable Object> input = new LinkedHashMap<>();
		if (args == null || args.length == 0) {
			return input;
		}
		if (this.wholeInput != null) {
			Object whole = args[0];
			if (whole instanceof Map<?, ?> map) {
				map.forEach((key, value) -> input.put(String.valueOf(key), value));
			}
			else if (whole != null) {
				RecordComponent[] components = whole.getClass().getRecordComponents();
				for (int i = 0; i < components.length; i++) {
					Method accessor = components[i].getAccessor();
					ReflectionUtils.makeAccessible(accessor);
					putIfNotNull(input, this.arguments.get(i).name(), ReflectionUtils.invokeMethod(accessor, whole));
				}
			}
			return input;
		}
		for (int i = 0; i < args.length; i++) {
			putIfNotNull(input, this.arguments.get(i).name(), args[i]);
		}
		return input;
	}

	private static void putIfNotNull(Map<String, @Nullable Object> input, String name, @Nullable Object value) {
		if (value != null) {
			input.put(name, value);
		}
	}

	@Override
	public String toString() {
		return describe() + " -> " + this.shape.kind.name().toLowerCase(Locale.ROOT) + " " + this.route;
	}

}
