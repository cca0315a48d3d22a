package dev.bentocloud.client.service;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.bentocloud.client.BentoCloudConnectorFactory;

/**
 * Run in a child JVM with a small heap by {@link LargeFileOutputTests}: reads a file
 * output as a {@code Path} and prints its size.
 */
public final class LargeFileDownload {

	private LargeFileDownload() {
	}

	public static void main(String[] args) throws Exception {
		BentoCloudConnectorFactory connectors = args[1].equals("jdk") ? BentoCloudConnectorFactory.jdk()
				: BentoCloudConnectorFactory.reactorNetty();
		Path directory = Path.of(args[2]);
		Path file = BentoServiceClientFactory.builder()
			.connectorFactory(connectors)
			.checkCalls(false)
			.callTimeout(java.time.Duration.ofMinutes(5))
			.tempDirectory(directory)
			.build()
			.create(URI.create(args[0]))
			.blocking()
			.call("render", Map.of("text", "big"), Path.class);
		System.out.println("size=" + Files.size(file) + " name=" + file.getFileName() + " maxHeap="
				+ (Runtime.getRuntime().maxMemory() >> 20) + "MiB");
		Files.delete(file);
	}

}
