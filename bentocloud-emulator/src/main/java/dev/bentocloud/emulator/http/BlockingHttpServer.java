package dev.bentocloud.emulator.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server on JDK sockets with one daemon thread per open connection, so that
 * handlers may block and sleep (slow streams, delays, dripping bodies). Connections past
 * {@code maxConnections} get a 503 and are closed. {@link #close()} frees the port,
 * closes every connection and waits for the threads to end.
 */
public final class BlockingHttpServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BlockingHttpServer.class);

	private static final long ACCEPT_RETRY_PAUSE_NANOS = 100_000_000L;

	/** How long an idle worker thread waits for the next connection before it ends. */
	private static final long IDLE_WORKER_SECONDS = 2;

	private final ServerSocket serverSocket;

	private final HttpHandler handler;

	private final ThreadPoolExecutor workers;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final Thread acceptor;

	private final AtomicBoolean closed = new AtomicBoolean();

	private BlockingHttpServer(ServerSocket serverSocket, HttpHandler handler, String name, int maxConnections) {
		this.serverSocket = serverSocket;
		this.handler = handler;
		this.workers = new ThreadPoolExecutor(0, maxConnections, IDLE_WORKER_SECONDS, TimeUnit.SECONDS,
				new SynchronousQueue<>(), daemonThreads(name + "-http-"));
		this.acceptor = daemonThreads(name + "-accept-").newThread(this::accept);
	}

	/**
	 * Binds to the host and port (0 for a random free one) and starts accepting.
	 * @param host the address to bind to, e.g. {@code 127.0.0.1}
	 * @param port the port, 0 for a random free one
	 * @param handler what answers each request
	 * @param name the prefix of the server's thread names
	 * @param maxConnections how many connections may be open at once
	 * @return the running server
	 * @throws IOException if the address cannot be bound
	 */
	public static BlockingHttpServer start(String host, int port, HttpHandler handler, String name, int maxConnections)
			throws IOException {
		ServerSocket serverSocket = new ServerSocket();
		try {
			serverSocket.setReuseAddress(true);
			serverSocket.bind(new InetSocketAddress(host, port), 1024);
		}
		catch (IOException | RuntimeException ex) {
			serverSocket.close();
			throw ex;
		}
		BlockingHttpServer server = new BlockingHttpServer(serverSocket, handler, name, maxConnections);
		server.acceptor.start();
		return server;
	}

	/** The port bound, also when 0 was asked for. */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/** How many client connections are open right now, idle kept-alive ones included. */
	public int openConnections() {
		return this.connections.size();
	}

	private void accept() {
		while (!this.closed.get()) {
			Socket socket;
			try {
				socket = this.serverSocket.accept();
			}
			catch (IOException ex) {
				if (!this.closed.get()) {
					logger.warn("Accepting a connection failed", ex);
					// Out of file descriptors, say: no busy loop while it lasts.
					LockSupport.parkNanos(ACCEPT_RETRY_PAUSE_NANOS);
				}
				continue;
			}
			this.connections.add(socket);
			try {
				socket.setTcpNoDelay(true);
				this.workers.execute(new HttpConnection(socket, this.handler, () -> this.connections.remove(socket)));
			}
			catch (RejectedExecutionException | SocketException ex) {
				refuse(socket);
			}
		}
	}

	/** Too many connections (or stopping): 503, then close. */
	private void refuse(Socket socket) {
		try (socket) {
			if (!this.closed.get()) {
				HttpConnection.writeError(new BufferedOutputStream(socket.getOutputStream()), 503,
						"Too many connections");
			}
		}
		catch (IOException ex) {
			logger.trace("Refusing a connection failed", ex);
		}
		finally {
			this.connections.remove(socket);
		}
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			logger.debug("Closing the server socket failed", ex);
		}
		closeConnections();
		this.workers.shutdownNow();
		// Again, for one accepted while stopping (a blocked read ends only when its
		// socket closes).
		closeConnections();
		try {
			this.workers.awaitTermination(5, TimeUnit.SECONDS);
			this.acceptor.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void closeConnections() {
		for (Socket socket : this.connections) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				logger.trace("Closing a connection failed", ex);
			}
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
