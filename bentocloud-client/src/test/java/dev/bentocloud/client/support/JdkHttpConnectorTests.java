package dev.bentocloud.client.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK connector's blocking sends: they run on the shared pool of reused daemon
 * threads, and a cancel while one waits for its response head aborts the exchange.
 */
class JdkHttpConnectorTests {

	private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

	private final ServerSocket server;

	private final List<Socket> accepted = new ArrayList<>();

	JdkHttpConnectorTests() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	@AfterEach
	void close() throws IOException {
		this.server.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	private WebClient webClient() {
		HttpClient httpClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getLocalPort())
			.clientConnector(new JdkHttpConnector(httpClient, Duration.ofSeconds(10)))
			.build();
	}

	@Test
	void responsesArriveOnReusedDaemonSendThreads() {
		CompletableFuture.runAsync(this::answerOnOneConnection);
		WebClient webClient = webClient();
		webClient.get().uri("/").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
		long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
		List<Thread> headThreads = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String body = webClient.get().uri("/").exchangeToMono((response) -> {
				headThreads.add(Thread.currentThread());
				return response.bodyToMono(String.class);
			}).block(Duration.ofSeconds(10));
			assertThat(body).isEqualTo("ok");
		}
		long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
		assertThat(headThreads).hasSize(30)
			.allSatisfy((thread) -> assertThat(thread.getName()).startsWith("bentocloud-http-send-"))
			.allSatisfy((thread) -> assertThat(thread.isDaemon()).isTrue());
		assertThat(started).as("threads started during 30 sequential calls").isLessThan(10);
	}

	@Test
	void cancellingWhileWaitingForTheHeadAbortsTheExchange() throws Exception {
		CountDownLatch requested = new CountDownLatch(1);
		CompletableFuture<Boolean> closedByClient = CompletableFuture.supplyAsync(() -> {
			try (Socket socket = accept()) {
				InputStream in = socket.getInputStream();
				readHead(in);
				requested.countDown();
				socket.setSoTimeout(5_000);
				return in.read() == -1;
			}
			catch (SocketTimeoutException ex) {
				return false;
			}
			catch (IOException ex) {
				return true;
			}
		});
		Disposable call = webClient().get().uri("/never").retrieve().bodyToMono(String.class).subscribe();
		assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();
		call.dispose();
		assertThat(closedByClient.get(10, TimeUnit.SECONDS)).as("connection closed by the client").isTrue();
	}

	private void answerOnOneConnection() {
		try (Socket socket = accept()) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			while (readHead(in)) {
				out.write(OK.getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
		}
		catch (IOException ex) {
			// the test has ended
		}
	}

	private Socket accept() throws IOException {
		Socket socket = this.server.accept();
		synchronized (this.accepted) {
			this.accepted.add(socket);
		}
		return socket;
	}

	/**
	 * Reads a request head (the tests send no bodies); false at the end of the stream.
	 */
	private static boolean readHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		while (matched < end.length) {
			int b = in.read();
			if (b == -1) {
				return false;
			}
			matched = (b == end[matched]) ? matched + 1 : ((b == end[0]) ? 1 : 0);
		}
		return true;
	}

}
