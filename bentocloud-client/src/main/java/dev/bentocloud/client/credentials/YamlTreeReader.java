package dev.bentocloud.client.credentials;

import java.io.CharConversionException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a YAML document into a JSON tree, and the line where each node starts, from
 * snakeyaml-engine's events: the tree, limits and errors of jackson-dataformat-yaml 3.1
 * as this client configured it before, without that library's message converters on the
 * application's class path.
 * <p>
 * Aliases are not expanded: an alias is the string of its anchor's name. A key that
 * appears twice in a mapping and a second document are errors. Problems never quote the
 * text.
 */
final class YamlTreeReader {

	// A quoted run in a parser message may be a piece of the file (and so of a token).
	private static final Pattern QUOTED = Pattern.compile("'[^']{2,}'|\"[^\"]{2,}\"");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final LoadSettings settings;

	private final StreamReadConstraints constraints;

	private final YamlScalars scalars;

	/**
	 * Creates a reader.
	 * @param settings snakeyaml-engine's settings (code point limit, label)
	 * @param constraints the nesting depth, document length and number length limits
	 */
	YamlTreeReader(LoadSettings settings, StreamReadConstraints constraints) {
		this.settings = settings;
		this.constraints = constraints;
		this.scalars = new YamlScalars(constraints);
	}

	/**
	 * Reads a text.
	 * @param content the text, UTF-8
	 * @param file the file to name in errors
	 * @return the tree (a missing node when the text holds no document) and its lines
	 * @throws YataiConfigException when the text is not YAML, or not UTF-8
	 * @throws tools.jackson.core.exc.StreamConstraintsException when a limit is exceeded
	 */
	YamlTree read(byte[] content, Path file) {
		StreamReader text = new StreamReader(this.settings, new StrictUtf8Reader(content, this.constraints));
		try {
			return new Walk(new ParserImpl(this.settings, text)).document();
		}
		catch (InvalidYamlException ex) {
			throw new YataiConfigException(file, ex.line, ex.problem, List.of());
		}
	}

	/** A tree and the 1-based line where each of its nodes starts. */
	record YamlTree(JsonNode root, Map<JsonPointer, Integer> lines) {
	}

	/** Text that is not valid YAML; the problem quotes none of it. */
	private static final class InvalidYamlException extends RuntimeException {

		private final int line;

		private final String problem;

		InvalidYamlException(int line, String problem) {
			super(problem, null, false, false);
			this.line = line;
			this.problem = problem;
		}

	}

	/** One pass over the events of a text. */
	private final class Walk {

		private final Parser parser;

		private final Map<JsonPointer, Integer> lines = new HashMap<>();

		private @Nullable Event last;

		Walk(Parser parser) {
			this.parser = parser;
		}

		YamlTree document() {
			Event first = nextSkippingDocuments();
			JsonNode root = (first != null) ? value(first, JsonPointer.empty(), 0) : null;
			if (root == null) {
				return new YamlTree(NODES.missingNode(), this.lines);
			}
			Event trailing = nextSkippingDocuments();
			if (trailing != null && !(trailing instanceof ScalarEvent scalar && scalarOrFail(scalar) == null)) {
				throw new InvalidYamlException(line(trailing.getStartMark()),
						"it is not valid YAML (it holds more than one document)");
			}
			return new YamlTree(root, this.lines);
		}

		/** A node, or {@code null} where Jackson read no value. */
		private @Nullable JsonNode value(Event event, JsonPointer pointer, int depth) {
			this.lines.putIfAbsent(pointer, line(event.getStartMark()));
			return switch (event.getEventId()) {
				case Scalar -> scalarOrFail((ScalarEvent) event);
				case Alias -> NODES.stringNode(((AliasEvent) event).getAnchor().map(Anchor::getValue).orElse(""));
				case MappingStart -> mapping(pointer, depth + 1);
				case SequenceStart -> sequence(pointer, depth + 1);
				default -> throw new InvalidYamlException(line(event.getEndMark()),
						"it is not valid YAML (an unexpected " + event.getEventId() + ")");
			};
		}

		private ObjectNode mapping(JsonPointer pointer, int depth) {
			YamlTreeReader.this.constraints.validateNestingDepth(depth);
			ObjectNode mapping = NODES.objectNode();
			for (Event key = next(); key.getEventId() != Event.ID.MappingEnd; key = next()) {
				if (!(key instanceof ScalarEvent scalarKey)) {
					throw new InvalidYamlException(line(key.getEndMark()),
							"it is not valid YAML (a key that is a list, a mapping or an alias)");
				}
				String name = scalarKey.getValue();
				if (mapping.has(name)) {
					throw new InvalidYamlException(line(key.getEndMark()),
							"it is not valid YAML (a key appears twice in a mapping)");
				}
				JsonPointer child = pointer.appendProperty(name);
				this.lines.put(child, line(key.getStartMark()));
				Event event = next();
				mapping.set(name, present(value(event, child, depth), event));
			}
			return mapping;
		}

		private ArrayNode sequence(JsonPointer pointer, int depth) {
			YamlTreeReader.this.constraints.validateNestingDepth(depth);
			ArrayNode sequence = NODES.arrayNode();
			int index = 0;
			for (Event event = next(); event.getEventId() != Event.ID.SequenceEnd; event = next()) {
				sequence.add(present(value(event, pointer.appendIndex(index++), depth), event));
			}
			return sequence;
		}

		private JsonNode present(@Nullable JsonNode value, Event event) {
			if (value == null) {
				throw new InvalidYamlException(line(event.getStartMark()), "it is not valid YAML (a value is missing)");
			}
			return value;
		}

		private @Nullable JsonNode scalarOrFail(ScalarEvent scalar) {
			try {
				return YamlTreeReader.this.scalars.decode(scalar);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidYamlException(line(scalar.getEndMark()),
						"it is not valid YAML (a number or tagged value that cannot be read)");
			}
		}

		/** The next event of a node, or {@code null} at the end of the stream. */
		private @Nullable Event nextSkippingDocuments() {
			while (true) {
				Event event = next();
				switch (event.getEventId()) {
					case StreamStart, DocumentStart, DocumentEnd, Comment -> {
					}
					case StreamEnd -> {
						return null;
					}
					default -> {
						return event;
					}
				}
			}
		}

		private Event next() {
			try {
				Event event = this.parser.next();
				this.last = event;
				return event;
			}
			catch (MarkedYamlEngineException ex) {
				throw invalid(ex);
			}
			catch (ReaderException ex) {
				throw new InvalidYamlException(lastLine(),
						"it is not valid YAML (it holds a character YAML does not allow)");
			}
			catch (YamlEngineException ex) {
				String problem = (ex.getCause() instanceof CharConversionException) ? "it is not UTF-8 text"
						: ex.getClass().getSimpleName();
				throw new InvalidYamlException(lastLine(), "it is not valid YAML (" + problem + ")");
			}
			catch (NumberFormatException ex) {
				throw new InvalidYamlException(lastLine(), "it is not valid YAML (NumberFormatException)");
			}
		}

		private InvalidYamlException invalid(MarkedYamlEngineException ex) {
			int line = ex.getProblemMark().map((mark) -> mark.getLine() + 1).orElseGet(this::lastLine);
			String context = "";
			if (ex.getContext() != null) {
				context = redact(ex.getContext())
						+ ex.getContextMark().map((mark) -> " started on line " + (mark.getLine() + 1)).orElse("")
						+ ", ";
			}
			return new InvalidYamlException(line,
					"it is not valid YAML: " + context + redact(String.valueOf(ex.getProblem())));
		}

		private int lastLine() {
			return (this.last != null) ? line(this.last.getEndMark()) : 0;
		}

	}

	private static int line(Optional<Mark> mark) {
		return mark.map((m) -> m.getLine() + 1).orElse(0);
	}

	private static String redact(String message) {
		return QUOTED.matcher(message.strip()).replaceAll("'…'");
	}

}
