package dev.bentocloud.client.service.interfaces;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.bentocloud.client.service.BentoTask;
import dev.bentocloud.client.service.BlockingBentoTask;
import dev.bentocloud.client.service.ServiceFile;
import dev.bentocloud.client.service.interfaces.ServiceMethod.Shape;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * Reads one method of a {@link BentoService} interface into a {@link ServiceMethod}, or
 * says why it cannot call a route.
 */
final class ServiceMethods {

	private static final String RETURN_TYPES = "return a value, Mono<T>, Flux<T>, Stream<T>, BentoTask, "
			+ "Mono<BentoTask> or BlockingBentoTask";

	private ServiceMethods() {
	}

	/** The method, or {@code null} after adding its problems to {@code problems}. */
	static @Nullable ServiceMethod parse(Class<?> type, Method method, List<String> problems) {
		int known = problems.size();
		String where = ServiceMethod.describe(method);
		BentoRoute annotation = AnnotatedElementUtils.findMergedAnnotation(method, BentoRoute.class);
		String route = (annotation != null && StringUtils.hasText(annotation.value())) ? annotation.value().strip()
				: PythonNames.toPython(method.getName());
		boolean rootInput = annotation != null && annotation.rootInput();
		ResolvableType returnType = ResolvableType.forMethodReturnType(method, type);
		Shape shape = shape(returnType, where, problems);
		ResolvableType result = (shape == Shape.MONO || shape == Shape.FLUX || shape == Shape.JAVA_STREAM
				|| shape == Shape.MONO_TASK) ? returnType.getGeneric(0) : returnType;
		List<ServiceArgument> arguments = new ArrayList<>();
		Class<?> wholeInput = arguments(type, method, where, arguments, problems);
		if (rootInput && (method.getParameterCount() != 1 || wholeInput != null)) {
			problems.add(where + ": a root input (@BentoRoute(rootInput = true)) is the request body itself, so the "
					+ "method takes exactly one parameter, not annotated with @BentoInput");
		}
		Set<String> names = new HashSet<>();
		for (ServiceArgument argument : arguments) {
			if (!names.add(argument.name())) {
				problems.add(where + ": two parameters are sent as the argument '" + argument.name() + "'");
			}
		}
		if (problems.size() > known || shape == null) {
			return null;
		}
		return new ServiceMethod(method, route, shape, result, arguments, rootInput, wholeInput);
	}

	private static @Nullable Shape shape(ResolvableType returnType, String where, List<String> problems) {
		Class<?> raw = returnType.toClass();
		if (raw == void.class || raw == Void.class) {
			return Shape.VOID;
		}
		if (raw == BentoTask.class) {
			return Shape.TASK;
		}
		if (raw == BlockingBentoTask.class) {
			return Shape.BLOCKING_TASK;
		}
		if (raw == Mono.class || raw == Flux.class || raw == Stream.class) {
			ResolvableType element = returnType.getGeneric(0);
			if (element.resolve() == null) {
				problems.add(where + ": its " + raw.getSimpleName() + " has no element type; declare one, such as "
						+ raw.getSimpleName() + "<String>");
				return null;
			}
			boolean task = element.toClass() == BentoTask.class;
			if (raw == Mono.class) {
				return task ? Shape.MONO_TASK : Shape.MONO;
			}
			if (task) {
				problems.add(where + ": a task is submitted once; return Mono<BentoTask>, not " + raw.getSimpleName()
						+ "<BentoTask>");
				return null;
			}
			return (raw == Flux.class) ? Shape.FLUX : Shape.JAVA_STREAM;
		}
		if (Publisher.class.isAssignableFrom(raw) || Future.class.isAssignableFrom(raw)
				|| CompletionStage.class.isAssignableFrom(raw) || raw == Optional.class) {
			problems.add(where + ": it returns " + raw.getSimpleName() + ", which is not supported; " + RETURN_TYPES);
			return null;
		}
		return Shape.VALUE;
	}

	/**
	 * Adds the method's arguments; answers the type of a {@link BentoInput} parameter.
	 */
	private static @Nullable Class<?> arguments(Class<?> type, Method method, String where,
			List<ServiceArgument> arguments, List<String> problems) {
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < parameters.length; i++) {
			if (!parameters[i].isAnnotationPresent(BentoInput.class)) {
				continue;
			}
			Class<?> input = parameters[i].getType();
			if (parameters.length != 1) {
				problems.add(where + ": a @BentoInput parameter is the whole input, so it must be the only one");
			}
			else if (input.isRecord()) {
				for (RecordComponent component : input.getRecordComponents()) {
					ResolvableType componentType = ResolvableType.forType(component.getGenericType());
					arguments.add(new ServiceArgument(name(component, component.getName()), componentType,
							isFile(componentType), isNullable(component, component.getAnnotatedType())));
				}
			}
			else if (!Map.class.isAssignableFrom(input)) {
				problems.add(where + ": a @BentoInput parameter is a record or a Map, not " + input.getSimpleName());
			}
			return input;
		}
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			BentoParam param = parameter.getAnnotation(BentoParam.class);
			if (param == null && !parameter.isNamePresent()) {
				problems.add(where + ": its parameter names are not in the class file; compile with -parameters "
						+ "(Spring Boot's build plugins do) or annotate each parameter with @BentoParam(\"name\")");
				return null;
			}
			if (param != null && !StringUtils.hasText(param.value())) {
				problems.add(where + ": @BentoParam on " + parameter.getName() + " has no name");
				continue;
			}
			ResolvableType parameterType = ResolvableType.forMethodParameter(method, i, type);
			boolean optional = !parameter.getType().isPrimitive()
					&& isNullable(parameter, parameter.getAnnotatedType());
			arguments.add(new ServiceArgument(name(parameter, parameter.getName()), parameterType,
					isFile(parameterType), optional));
		}
		return null;
	}

	private static String name(AnnotatedElement element, String javaName) {
		BentoParam param = element.getAnnotation(BentoParam.class);
		return (param != null && StringUtils.hasText(param.value())) ? param.value().strip()
				: PythonNames.toPython(javaName);
	}

	/** Any {@code @Nullable} (JSpecify's is a type annotation, others are not). */
	private static boolean isNullable(AnnotatedElement element, AnnotatedType type) {
		for (Annotation annotation : type.getAnnotations()) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return true;
			}
		}
		for (Annotation annotation : element.getAnnotations()) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return true;
			}
		}
		return false;
	}

	/** A file, or a collection of files: sent as multipart parts. */
	static boolean isFile(ResolvableType type) {
		Class<?> raw = type.toClass();
		if (Collection.class.isAssignableFrom(raw)) {
			return isFileType(type.asCollection().getGeneric(0).toClass());
		}
		return isFileType(raw);
	}

	static boolean isFileType(Class<?> type) {
		return Path.class.isAssignableFrom(type) || type == File.class || Resource.class.isAssignableFrom(type)
				|| type == ServiceFile.class;
	}

}
