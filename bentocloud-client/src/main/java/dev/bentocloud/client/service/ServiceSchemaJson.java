package dev.bentocloud.client.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a saved {@code /schema.json}, e.g. one kept in a project's test resources to
 * check a typed service interface against, or to generate one from. The schema is read
 * exactly as {@link BentoServiceClient#schema()} reads the live one.
 *
 * @since 0.1.0
 */
public final class ServiceSchemaJson {

	private static final ServiceSchemas schemas = new ServiceSchemas(JsonMapper.builder().build(), false);

	private ServiceSchemaJson() {
	}

	/**
	 * Parses a schema.
	 * @param json the schema's JSON
	 * @return the schema
	 * @throws dev.bentocloud.client.BentoCloudMalformedResponseException when it is not a
	 * BentoML schema
	 */
	public static ServiceSchema parse(byte[] json) {
		return schemas.parse(json);
	}

	/**
	 * Reads a schema file.
	 * @param file the file, e.g. {@code src/test/resources/summarizer-schema.json}
	 * @return the schema
	 * @throws UncheckedIOException when the file cannot be read
	 * @throws dev.bentocloud.client.BentoCloudMalformedResponseException when it is not a
	 * BentoML schema
	 */
	public static ServiceSchema read(Path file) {
		try {
			return parse(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the service schema " + file, ex);
		}
	}

}
