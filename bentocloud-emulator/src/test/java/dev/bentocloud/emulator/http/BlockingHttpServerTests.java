package dev.bentocloud.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's HTTP/1.1 server on a real loopback socket, seen byte by byte:
 * keep-alive, request bodies (sized, chunked, after 100-continue), HTTP/1.0, HEAD, bad
 * requests, the connection limit and stopping.
 */
class BlockingHttpServerTests {

	private BlockingHttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void keepAliveServesRequestsOneAfterAnotherOnOneConnection() throws IOException {
		start(10);
		try (Socket socket = connect()) {
			send(socket, "GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n");
			String first = readResponse(socket.getInputStream());
			String second = readResponse(socket.getInputStream());
			assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").contains("content-length: 8").endsWith("GET /one");
			assertThat(second).startsWith("HTTP/1.1 200 OK\r\n").endsWith("GET /two");
			assertThat(this.server.openConnections()).isOne();
		}
	}

	@Test
	void chunkedRequestBodyIsReadWhole() throws IOException {
		start(10);
		try (Socket socket = connect()) {
			send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ "3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\nTrailer: t\r\n\r\n");
			assertThat(readResponse(socket.getInputStream())).endsWith("POST /echo abcdefg");
		}
	}

	@Test
	void expectContinueGetsA100BeforeTheBody() throws IOException {
		start(10);
		try (Socket socket = connect()) {
			send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
			assertThat(readHead(socket.getInputStream())).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
			send(socket, "hi");
			assertThat(readResponse(socket.getInputStream())).endsWith("POST /echo hi");
		}
	}

	@Test
	void connectionCloseIsHonoured() throws IOException {
		start(10);
		try (Socket socket = connect()) {
			send(socket, "GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(response).contains("connection: close\r\n").endsWith("GET /bye");
		}
	}

	@Test
	void chunkedAnswerToHttp11AndABodyUntilCloseToHttp10() throws IOException {
		start(10);
		try (Socket socket = connect()) {
			send(socket, "GET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
			assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
				.contains("transfer-encoding: chunked\r\n")
				.endsWith("\r\n\r\n2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n");
		}
		try (Socket socket = connect()) {
			send(socket, "GET /stream HTTP/1.0\r\n\r\n");
			assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
				.doesNotContain("transfer-encoding")
				.contains("connection: close\r\n")
				.endsWith("\r\n\r\nabcde");
		}
	}

	@Test
	void headAnswersTheHeadWithoutTheBody() throws IOException {
		start(10);
		try (Socket socket = connect()) {
			send(socket, "HEAD /head HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(readHead(socket.getInputStream())).contains("content-length: 10");
			assertThat(readResponse(socket.getInputStream())).endsWith("GET /next");
		}
	}

	@Test
	void malformedRequestGets400AndTheConnectionCloses() throws IOException {
		start(10);
		try (Socket socket = connect()) {
			send(socket, "NONSENSE\r\n\r\n");
			assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
				.startsWith("HTTP/1.1 400 Bad Request\r\n")
				.contains("connection: close");
		}
	}

	@Test
	void connectionsBeyondTheLimitGet503() throws Exception {
		start(1);
		try (Socket first = connect(); Socket second = connect()) {
			send(first, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(readResponse(first.getInputStream())).endsWith("GET /a");
			assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
				.startsWith("HTTP/1.1 503 Service Unavailable\r\n");
		}
	}

	@Test
	void closeEndsOpenConnectionsAndFreesThePort() throws IOException {
		start(10);
		int port = this.server.port();
		try (Socket idle = connect()) {
			send(idle, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
			readResponse(idle.getInputStream());
			this.server.close();
			assertThat(idle.getInputStream().read()).isEqualTo(-1);
		}
		assertThat(this.server.openConnections()).isZero();
		try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
			assertThat(again.getLocalPort()).isEqualTo(port);
		}
	}

	private void start(int maxConnections) throws IOException {
		this.server = BlockingHttpServer.start("127.0.0.1", 0, BlockingHttpServerTests::answer, "test", maxConnections);
	}

	/** Echoes method, target and body, except {@code /stream}: two chunks. */
	private static void answer(HttpExchange exchange) throws IOException {
		if (exchange.target().equals("/stream")) {
			try (OutputStream body = exchange.sendStreamed(200, Map.of("content-type", "text/plain"), -1)) {
				body.write("ab".getBytes(StandardCharsets.UTF_8));
				body.write("cde".getBytes(StandardCharsets.UTF_8));
			}
			return;
		}
		String echo = exchange.method() + " " + exchange.target()
				+ ((exchange.body().length > 0) ? " " + new String(exchange.body(), StandardCharsets.UTF_8) : "");
		exchange.send(200, Map.of("content-type", "text/plain"), echo.getBytes(StandardCharsets.UTF_8));
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.server.port());
		socket.setSoTimeout(5000);
		return socket;
	}

	private static void send(Socket socket, String text) throws IOException {
		socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
	}

	/** The head up to and with its empty line. */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			assertThat(b).as("a byte of the head").isNotNegative();
			head.write(b);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/** A response with a content-length: its head and body. */
	private static String readResponse(InputStream in) throws IOException {
		String head = readHead(in);
		int length = Integer.parseInt(head.replaceAll("(?s).*content-length: (\\d+).*", "$1"));
		return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
	}

}
