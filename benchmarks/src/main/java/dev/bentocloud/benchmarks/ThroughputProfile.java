package dev.bentocloud.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a client's CPU goes: runs each named client of {@link ThroughputBenchmark} alone
 * (against the same fixed-response server, closed loop) under a Java Flight Recorder
 * recording of execution samples (every 10 ms per running thread), and attributes each
 * sample of a client-side thread to a layer, by the first frame from the top of its stack
 * that matches a layer's package or class (so time in the JDK or Netty called from
 * Jackson counts as Jackson). The in-process server's event loop is shown apart. Usage:
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     dev.bentocloud.benchmarks.ThroughputProfile 8 20 "reactive client" ...
 * </pre>
 *
 * The arguments are the concurrency, the measured seconds and the clients (default: the
 * fair limit, reactive, blocking, reactive on the JDK connector, bare WebClient).
 */
public final class ThroughputProfile {

	/**
	 * Layers, most specific first: a frame belongs to the first whose prefix it starts
	 * with.
	 */
	private static final Map<String, String> LAYERS = layers();

	private ThroughputProfile() {
	}

	private static Map<String, String> layers() {
		Map<String, String> layers = new LinkedHashMap<>();
		layers.put("dev.bentocloud.benchmarks.", "benchmark harness");
		layers.put("dev.bentocloud.", "ours (dev.bentocloud)");
		layers.put("org.springframework.web.service.", "Spring HTTP interface proxy");
		layers.put("org.springframework.aop.", "Spring HTTP interface proxy");
		layers.put("jdk.proxy", "Spring HTTP interface proxy");
		layers.put("org.springframework.web.util.", "Spring URI templates");
		layers.put("org.springframework.http.codec.", "Spring codecs");
		layers.put("org.springframework.core.codec.", "Spring codecs");
		layers.put("org.springframework.http.client.reactive.", "Spring connector adapter");
		layers.put("org.springframework.http.", "Spring HTTP headers/types");
		layers.put("org.springframework.util.", "Spring HTTP headers/types");
		layers.put("org.springframework.web.reactive.function.client.", "Spring WebClient");
		layers.put("org.springframework.", "Spring other");
		layers.put("io.micrometer.", "Micrometer observation");
		layers.put("tools.jackson.", "Jackson");
		layers.put("com.fasterxml.jackson.", "Jackson");
		layers.put("reactor.netty.", "Reactor Netty");
		layers.put("io.netty.", "Netty");
		layers.put("reactor.", "Reactor core");
		layers.put("org.apache.hc.", "Apache HttpClient 5");
		layers.put("org.eclipse.jetty.", "Jetty");
		layers.put("java.net.http.", "JDK HttpClient");
		layers.put("jdk.internal.net.http.", "JDK HttpClient");
		layers.put("sun.nio.", "JDK I/O");
		layers.put("java.", "JDK other");
		layers.put("jdk.", "JDK other");
		layers.put("sun.", "JDK other");
		return layers;
	}

	public static void main(String[] args) throws IOException, ParseException {
		int concurrency = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		Duration time = Duration.ofSeconds((args.length > 1) ? Long.parseLong(args[1]) : 20);
		List<String> clients = (args.length > 2) ? List.of(args).subList(2, args.length)
				: List.of(ThroughputBenchmark.FAIR, ThroughputBenchmark.REACTIVE, ThroughputBenchmark.BLOCKING,
						ThroughputBenchmark.REACTIVE_JDK, ThroughputBenchmark.WEB_CLIENT);
		List<String> columns = new ArrayList<>();
		Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
		Map<String, Double> rates = new LinkedHashMap<>();
		Map<String, Long> samples = new LinkedHashMap<>();
		for (String client : clients) {
			Path file = Files.createTempFile("throughput-", ".jfr");
			Recording recording = new Recording(Configuration.getConfiguration("profile"));
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
			double rate = ThroughputBenchmark.runAlone(client, concurrency, Duration.ofSeconds(5), time,
					recording::start, recording::stop);
			recording.dump(file);
			recording.close();
			Map<String, Long> counts = new LinkedHashMap<>();
			long total = 0;
			for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
				if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
					continue;
				}
				String layer = layer(event);
				counts.merge(layer, 1L, Long::sum);
				total++;
			}
			String keep = System.getProperty("profile.dir");
			if (keep != null) {
				Files.move(file, Path.of(keep).resolve(client.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr"));
			}
			else {
				Files.delete(file);
			}
			Map<String, Double> share = new LinkedHashMap<>();
			for (Map.Entry<String, Long> count : counts.entrySet()) {
				share.put(count.getKey(), 100.0 * count.getValue() / total);
				if (!columns.contains(count.getKey())) {
					columns.add(count.getKey());
				}
			}
			shares.put(client, share);
			rates.put(client, rate);
			samples.put(client, total);
		}
		List<String> header = new ArrayList<>();
		header.add("layer (share of CPU samples, %)");
		header.addAll(clients);
		Table table = new Table("CPU samples by layer, each client alone at concurrency " + concurrency + " for "
				+ time.toSeconds() + " s (JFR execution samples, 10 ms)", header.toArray(String[]::new));
		columns.sort((a, b) -> Double.compare(total(shares, b), total(shares, a)));
		for (String layer : columns) {
			List<Object> row = new ArrayList<>();
			row.add(layer);
			for (String client : clients) {
				Double share = shares.get(client).get(layer);
				row.add((share != null) ? Table.fixed(share, 1) : "");
			}
			table.row(row.toArray());
		}
		List<Object> rateRow = new ArrayList<>();
		rateRow.add("calls/s (under the recording)");
		List<Object> sampleRow = new ArrayList<>();
		sampleRow.add("samples");
		for (String client : clients) {
			rateRow.add(Table.fixed(rates.get(client), 0));
			sampleRow.add(samples.get(client));
		}
		table.row(rateRow.toArray());
		table.row(sampleRow.toArray());
		System.out.println(table.render());
	}

	private static double total(Map<String, Map<String, Double>> shares, String layer) {
		return shares.values().stream().mapToDouble((share) -> share.getOrDefault(layer, 0.0)).sum();
	}

	private static String layer(RecordedEvent event) {
		String thread = (event.getThread("sampledThread") != null)
				? String.valueOf(event.getThread("sampledThread").getJavaName()) : "";
		if (thread.startsWith("fixed-server")) {
			return "in-process server (event loop)";
		}
		RecordedStackTrace stack = event.getStackTrace();
		if (stack == null) {
			return "unknown";
		}
		for (RecordedFrame frame : stack.getFrames()) {
			if (!frame.isJavaFrame()) {
				continue;
			}
			String type = frame.getMethod().getType().getName();
			for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
				if (type.startsWith(layer.getKey()) && !layer.getValue().startsWith("JDK")) {
					return layer.getValue();
				}
			}
		}
		// Only JDK frames: the JDK itself (I/O, threads).
		RecordedFrame top = stack.getFrames().isEmpty() ? null : stack.getFrames().get(0);
		String type = (top != null) ? top.getMethod().getType().getName() : "";
		for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
			if (type.startsWith(layer.getKey())) {
				return layer.getValue();
			}
		}
		return "other";
	}

}
