package dev.bentocloud.client.service.codegen;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles a generated source with the JDK's compiler against the test class path, as a
 * project that checked it in would, and loads the class.
 */
final class GeneratedSources {

	private GeneratedSources() {
	}

	static Class<?> compile(Path directory, String qualifiedName, String source) throws IOException {
		Path sources = directory.resolve("src");
		Path classes = Files.createDirectories(directory.resolve("classes"));
		Path file = sources.resolve(qualifiedName.replace('.', '/') + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		// Surefire puts the class path in a manifest-only jar and here.
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		StringWriter errors = new StringWriter();
		List<String> options = List.of("-d", classes.toString(), "-classpath", classPath, "-parameters", "-proc:none",
				"-Xlint:all", "-Werror", file.toString());
		boolean compiled = javac
			.getTask(errors, null, null, options.subList(0, options.size() - 1), null,
					javac.getStandardFileManager(null, null, null).getJavaFileObjects(file))
			.call();
		assertThat(compiled).as("compiles:%n%s%n%s", errors, source).isTrue();
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				GeneratedSources.class.getClassLoader());
		try {
			return loader.loadClass(qualifiedName);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
