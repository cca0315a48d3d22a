package dev.bentocloud.client.service;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2 GiB file output read as a {@code Path} by a JVM with a 64 MiB heap: the body is
 * streamed to disk, never held in memory.
 */
class LargeFileOutputTests {

	private static final long SIZE = 2L * 1024 * 1024 * 1024;

	private ScriptedService service;

	@TempDir
	Path temp;

	@BeforeEach
	void start() {
		byte[] block = new byte[64 * 1024];
		for (int i = 0; i < block.length; i++) {
			block[i] = (byte) (i % 251);
		}
		this.service = new ScriptedService().on("POST /render", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
			exchange.getResponseHeaders().set("content-disposition", "attachment; filename=\"big.bin\"");
			exchange.sendResponseHeaders(200, SIZE);
			try (OutputStream out = exchange.getResponseBody()) {
				for (long written = 0; written < SIZE; written += block.length) {
					out.write(block);
				}
			}
		});
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor-netty", "jdk" })
	void twoGibibytesThroughA64MibHeap(String connector) throws Exception {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
				"-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
				LargeFileDownload.class.getName(), this.service.url().toString(), connector, this.temp.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished within 2 minutes").isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("size=" + SIZE + " name=big.bin maxHeap=");
	}

}
