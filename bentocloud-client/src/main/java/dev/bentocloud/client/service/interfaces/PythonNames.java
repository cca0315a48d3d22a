package dev.bentocloud.client.service.interfaces;

import java.util.Collection;
import java.util.Locale;

import dev.bentocloud.client.support.EditDistance;
import org.jspecify.annotations.Nullable;

/**
 * Java names to Python names and back, as a {@link BentoService} interface maps its
 * methods and parameters to routes and arguments: {@code longJob} is {@code long_job},
 * {@code maxWords} is {@code max_words}, {@code parseURL} is {@code parse_url}.
 *
 * @since 0.1.0
 */
public final class PythonNames {

	private PythonNames() {
	}

	/**
	 * A Java name in snake case: an underscore before each upper-case letter that starts
	 * a word, then lower case. A name in snake case already is kept.
	 * @param javaName a method or parameter name, e.g. {@code longJob}
	 * @return the Python name, e.g. {@code long_job}
	 */
	public static String toPython(String javaName) {
		StringBuilder python = new StringBuilder(javaName.length() + 4);
		for (int i = 0; i < javaName.length(); i++) {
			char c = javaName.charAt(i);
			if (Character.isUpperCase(c) && i > 0 && startsWord(javaName, i)) {
				python.append('_');
			}
			python.append(Character.toLowerCase(c));
		}
		return python.toString();
	}

	// An upper-case letter after a lower-case one or a digit, or the last capital of an
	// acronym followed by a lower-case letter (parseURLText: parse_url_text).
	private static boolean startsWord(String name, int i) {
		char previous = name.charAt(i - 1);
		if (previous == '_') {
			return false;
		}
		if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
			return true;
		}
		return Character.isUpperCase(previous) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
	}

	/**
	 * A Python name in camel case: {@code long_job} is {@code longJob}. Characters that
	 * cannot be in a Java name become underscores; a leading digit gets one before it.
	 * @param pythonName a route or argument name
	 * @return a Java name (possibly a keyword: check with {@code SourceVersion})
	 */
	public static String toJava(String pythonName) {
		StringBuilder java = new StringBuilder(pythonName.length());
		boolean upper = false;
		for (int i = 0; i < pythonName.length(); i++) {
			char c = pythonName.charAt(i);
			if (c == '_' && java.length() > 0) {
				upper = true;
				continue;
			}
			if (!Character.isJavaIdentifierPart(c)) {
				java.append('_');
				continue;
			}
			java.append(upper ? Character.toUpperCase(c) : c);
			upper = false;
		}
		if (java.length() == 0 || !Character.isJavaIdentifierStart(java.charAt(0))) {
			java.insert(0, '_');
		}
		return java.toString();
	}

	/**
	 * The name among {@code candidates} closest to {@code name}, when one is close enough
	 * to be a likely typo (case and underscores aside, at most a third of its letters
	 * differ).
	 * @param name the name given
	 * @param candidates the names that exist
	 * @return the closest one, or {@code null}
	 */
	public static @Nullable String closest(String name, Collection<String> candidates) {
		String wanted = normalized(name);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = EditDistance.between(wanted, normalized(candidate));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return (best != null && bestDistance <= Math.max(1, wanted.length() / 3)) ? best : null;
	}

	private static String normalized(String name) {
		return name.replace("_", "").toLowerCase(Locale.ROOT);
	}

}
