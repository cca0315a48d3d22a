package dev.bentocloud.client.service.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bentocloud.client.service.ServiceRoute;
import dev.bentocloud.client.service.interfaces.PythonNames;

/**
 * The method of one route in a generated interface: its annotations, parameters and
 * return type.
 */
final class RouteMethod {

	private static final String INTERFACES = "dev.bentocloud.client.service.interfaces.";

	private static final String SERVICE = "dev.bentocloud.client.service.";

	private final ServiceRoute route;

	private final JavaTypes types;

	private final boolean reactive;

	RouteMethod(ServiceRoute route, JavaTypes types, boolean reactive) {
		this.route = route;
		this.types = types;
		this.reactive = reactive;
	}

	/** The method's declaration, with a name none of {@code taken} has. */
	String write(Set<String> taken) {
		String name = unique(JavaTypes.javaName(this.route.name()), taken);
		StringBuilder method = new StringBuilder();
		String doc = (this.route.doc() != null && !this.route.doc().isBlank())
				? JavaTypes.escapeDoc(this.route.doc()) + "\n<p>\n" : "";
		method.append(JavaTypes.javadoc(doc + (this.route.task() ? "Submits the task {@code " : "Calls {@code ")
				+ JavaTypes.escapeDoc(this.route.route()) + "}.", "\t"));
		String routeAnnotation = "@" + this.types.use(INTERFACES + "BentoRoute");
		if (this.route.rootInput()) {
			method.append('\t')
				.append(routeAnnotation)
				.append("(value = \"")
				.append(JavaTypes.escape(this.route.name()))
				.append("\", rootInput = true)\n");
		}
		else if (!PythonNames.toPython(name).equals(this.route.name())) {
			method.append('\t')
				.append(routeAnnotation)
				.append("(\"")
				.append(JavaTypes.escape(this.route.name()))
				.append("\")\n");
		}
		method.append('\t').append(returnType(name)).append(' ').append(name);
		method.append('(').append(String.join(", ", parameters())).append(");\n");
		return method.toString();
	}

	private List<String> parameters() {
		Map<String, Object> input = this.route.input();
		Map<String, Object> properties = JavaTypes.map(input.get("properties"));
		List<String> parameters = new ArrayList<>();
		if (properties.isEmpty() && Boolean.TRUE.equals(input.get("additionalProperties"))) {
			parameters.add("@" + this.types.use(INTERFACES + "BentoInput") + " " + this.types.use("java.util.Map")
					+ "<String, Object> arguments");
			return parameters;
		}
		if (this.route.rootInput() && (properties.size() != 1 || !"object".equals(input.get("type")))) {
			parameters.add(this.types.type(input, input, JavaTypes.javaTypeName(this.route.name()) + "Input", true)
					+ " input");
			return parameters;
		}
		Set<String> required = new HashSet<>(JavaTypes.strings(input.get("required")));
		Set<String> names = new HashSet<>();
		for (Map.Entry<String, Object> property : properties.entrySet()) {
			String python = property.getKey();
			String java = unique(JavaTypes.javaName(python), names);
			boolean isRequired = required.contains(python) || this.route.rootInput();
			StringBuilder parameter = new StringBuilder();
			if (!PythonNames.toPython(java).equals(python)) {
				parameter.append('@')
					.append(this.types.use(INTERFACES + "BentoParam"))
					.append("(\"")
					.append(JavaTypes.escape(python))
					.append("\") ");
			}
			if (!isRequired) {
				parameter.append('@').append(this.types.use(JavaTypes.NULLABLE)).append(' ');
			}
			String type = this.types.type(JavaTypes.map(property.getValue()), input, JavaTypes.javaTypeName(java),
					isRequired);
			parameters.add(parameter.append(type).append(' ').append(java).toString());
		}
		return parameters;
	}

	private String returnType(String methodName) {
		if (this.route.task()) {
			return this.reactive
					? this.types.use("reactor.core.publisher.Mono") + "<" + this.types.use(SERVICE + "BentoTask") + ">"
					: this.types.use(SERVICE + "BlockingBentoTask");
		}
		if (this.route.stream()) {
			return (this.reactive ? this.types.use("reactor.core.publisher.Flux")
					: this.types.use("java.util.stream.Stream")) + "<String>";
		}
		String value;
		Map<String, Object> output = this.route.output();
		if ("file".equals(output.get("type"))) {
			value = this.types.use("java.nio.file.Path");
		}
		else if (this.route.binaryOutput()) {
			value = "byte[]";
		}
		else if ("string".equals(output.get("type"))) {
			value = "String";
		}
		else {
			value = this.types.type(output, output, JavaTypes.javaTypeName(methodName) + "Result", false);
		}
		return this.reactive ? this.types.use("reactor.core.publisher.Mono") + "<" + value + ">" : value;
	}

	private static String unique(String name, Set<String> taken) {
		String unique = name;
		for (int i = 2; taken.contains(unique); i++) {
			unique = name + i;
		}
		taken.add(unique);
		return unique;
	}

}
