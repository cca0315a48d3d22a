package dev.bentocloud.client.service.codegen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.lang.model.SourceVersion;

import dev.bentocloud.client.service.ServiceRoute;
import dev.bentocloud.client.service.ServiceSchema;
import dev.bentocloud.client.service.ServiceSchemaJson;
import dev.bentocloud.client.service.interfaces.PythonNames;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Writes the {@code @BentoService} interface of a deployed BentoML service, with the
 * records its inputs and outputs need, from the service's saved {@code /schema.json}: one
 * method per route, named after it, one parameter per argument (optional ones
 * {@code @Nullable}), returning the value, a stream or a task as the route answers.
 * <p>
 * It is a plain {@code main}, so it runs wherever the client jar is, with no build plugin
 * to install:
 *
 * <pre>{@code
 * curl -H "Authorization: Bearer $TOKEN" https://summarizer-acme.mt-guc1.bentoml.ai/schema.json \
 *     > src/test/resources/summarizer-schema.json
 * ./mvnw exec:java -Dexec.mainClass=dev.bentocloud.client.service.codegen.BentoServiceInterfaceGenerator \
 *     -Dexec.args="src/test/resources/summarizer-schema.json com.acme.ml Summarizer src/main/java --service summarizer"
 * }</pre>
 * <p>
 * The output is the same for the same schema (no date, sorted imports), so a regenerated
 * file shows in review exactly what changed on the Python side.
 *
 * @since 0.1.0
 */
public final class BentoServiceInterfaceGenerator {

	static final String USAGE = "Usage: BentoServiceInterfaceGenerator <schema.json> <package> <InterfaceName> "
			+ "<source root> [--service NAME] [--reactive]\n"
			+ "  <schema.json>    the service's saved GET /schema.json\n"
			+ "  <package>        the interface's package, e.g. com.acme.ml\n"
			+ "  <InterfaceName>  the interface's name, e.g. Summarizer\n"
			+ "  <source root>    where packages start, e.g. src/main/java\n"
			+ "  --service NAME   the service's name under bentocloud.services (default: from the schema)\n"
			+ "  --reactive       Mono, Flux and Mono<BentoTask> instead of values, Stream and BlockingBentoTask";

	private static final String INTERFACES = "dev.bentocloud.client.service.interfaces.";

	private final String packageName;

	private final String interfaceName;

	private final @Nullable String serviceName;

	private final boolean reactive;

	private BentoServiceInterfaceGenerator(String packageName, String interfaceName, @Nullable String serviceName,
			boolean reactive) {
		this.packageName = packageName;
		this.interfaceName = interfaceName;
		this.serviceName = serviceName;
		this.reactive = reactive;
	}

	/**
	 * A generator of blocking interfaces named after the schema's service.
	 * @param packageName the interface's package (empty for none)
	 * @param interfaceName the interface's simple name
	 * @return the generator
	 */
	public static BentoServiceInterfaceGenerator of(String packageName, String interfaceName) {
		Assert.isTrue(packageName.isEmpty() || SourceVersion.isName(packageName),
				() -> "'" + packageName + "' is not a Java package name");
		Assert.isTrue(SourceVersion.isIdentifier(interfaceName) && !SourceVersion.isKeyword(interfaceName),
				() -> "'" + interfaceName + "' is not a Java type name");
		return new BentoServiceInterfaceGenerator(packageName, interfaceName, null, false);
	}

	/**
	 * This generator with another name in {@code @BentoService}.
	 * @param serviceName the service's name under {@code bentocloud.services}
	 * @return the generator
	 */
	public BentoServiceInterfaceGenerator serviceName(String serviceName) {
		Assert.hasText(serviceName, "serviceName must not be empty");
		return new BentoServiceInterfaceGenerator(this.packageName, this.interfaceName, serviceName, this.reactive);
	}

	/**
	 * This generator, writing reactive ({@code Mono}, {@code Flux}) or blocking methods.
	 * @param reactive whether the methods are reactive
	 * @return the generator
	 */
	public BentoServiceInterfaceGenerator reactive(boolean reactive) {
		return new BentoServiceInterfaceGenerator(this.packageName, this.interfaceName, this.serviceName, reactive);
	}

	/**
	 * The interface's source.
	 * @param schema the service's schema
	 * @return the source of one compilation unit
	 */
	public String generate(ServiceSchema schema) {
		JavaTypes types = new JavaTypes();
		String service = (this.serviceName != null) ? this.serviceName
				: PythonNames.toPython(schema.name().isBlank() ? this.interfaceName : schema.name()).replace('_', '-');
		StringBuilder body = new StringBuilder();
		Set<String> methodNames = new HashSet<>();
		for (ServiceRoute route : schema.routes()) {
			body.append('\n').append(new RouteMethod(route, types, this.reactive).write(methodNames));
		}
		List<String> records = new ArrayList<>();
		types.records().forEach(records::add);
		for (String record : records) {
			body.append('\n').append(record);
		}
		String annotation = types.use(INTERFACES + "BentoService");
		StringBuilder source = new StringBuilder();
		if (!this.packageName.isEmpty()) {
			source.append("package ").append(this.packageName).append(";\n\n");
		}
		imports(types.imports(), source);
		source.append(JavaTypes.javadoc("The BentoML service {@code " + JavaTypes.escapeDoc(schema.name())
				+ "}, generated from its {@code /schema.json} by\n{@code BentoServiceInterfaceGenerator}: "
				+ "regenerate it rather than editing it when the service\nchanges.", ""));
		source.append('@').append(annotation).append("(\"").append(JavaTypes.escape(service)).append("\")\n");
		source.append("public interface ").append(this.interfaceName).append(" {\n");
		source.append(body).append("\n}\n");
		return source.toString();
	}

	private void imports(Set<String> imports, StringBuilder source) {
		List<String> java = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (String name : imports) {
			String packageOf = name.substring(0, name.lastIndexOf('.'));
			if (packageOf.equals(this.packageName)) {
				continue;
			}
			(name.startsWith("java.") ? java : others).add(name);
		}
		java.forEach((name) -> source.append("import ").append(name).append(";\n"));
		source.append(java.isEmpty() ? "" : "\n");
		others.forEach((name) -> source.append("import ").append(name).append(";\n"));
		source.append(others.isEmpty() ? "" : "\n");
	}

	/**
	 * Writes the interface under a source root, in its package's directory.
	 * @param schema the service's schema
	 * @param sourceRoot e.g. {@code src/main/java}
	 * @return the file written
	 * @throws UncheckedIOException when it cannot be written
	 */
	public Path write(ServiceSchema schema, Path sourceRoot) {
		Path directory = this.packageName.isEmpty() ? sourceRoot
				: sourceRoot.resolve(this.packageName.replace('.', '/'));
		Path file = directory.resolve(this.interfaceName + ".java");
		try {
			Files.createDirectories(directory);
			Files.writeString(file, generate(schema), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
		return file;
	}

	/**
	 * Generates an interface from a saved schema; see {@link #USAGE the usage}. Exits
	 * with 2 on a usage error, 1 when the schema cannot be read or the file written.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> positional = new ArrayList<>();
		String service = null;
		boolean reactive = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--reactive")) {
				reactive = true;
			}
			else if (arg.equals("--service") && i + 1 < args.length) {
				service = args[++i];
			}
			else if (arg.startsWith("--")) {
				return usage(err, "Unknown option " + arg.toLowerCase(Locale.ROOT));
			}
			else {
				positional.add(arg);
			}
		}
		if (positional.size() != 4) {
			return usage(err, "Expected 4 arguments, got " + positional.size());
		}
		BentoServiceInterfaceGenerator generator;
		try {
			generator = of(positional.get(1), positional.get(2)).reactive(reactive);
			generator = (service != null) ? generator.serviceName(service) : generator;
		}
		catch (IllegalArgumentException ex) {
			return usage(err, ex.getMessage());
		}
		try {
			ServiceSchema schema = ServiceSchemaJson.read(Path.of(positional.get(0)));
			Path written = generator.write(schema, Path.of(positional.get(3)));
			out.println("Wrote " + written + " (" + schema.routes().size() + " routes of " + schema.name() + ")");
			return 0;
		}
		catch (RuntimeException ex) {
			err.println(ex.getMessage());
			return 1;
		}
	}

	private static int usage(PrintStream err, @Nullable String problem) {
		err.println(problem);
		err.println(USAGE);
		return 2;
	}

}
