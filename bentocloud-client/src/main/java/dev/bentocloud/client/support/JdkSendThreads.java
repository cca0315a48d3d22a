package dev.bentocloud.client.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which every {@link JdkHttpConnector} of the process waits for response
 * heads (one blocking {@code HttpClient.send} each): daemon threads, reused, started only
 * when none is idle, at most {@value #MAX_THREADS}, and ended after a minute idle, so
 * nothing needs shutting down; a request beyond that many waits in line. Shared, because
 * a process may create a connector per deployed service.
 */
final class JdkSendThreads {

	/**
	 * Requests that can wait for their response head at once: as many as a servlet
	 * container's default thread pool makes blocking calls.
	 */
	static final int MAX_THREADS = 200;

	private static final long IDLE_SECONDS = 60;

	private JdkSendThreads() {
	}

	/**
	 * The shared pool, created on first use.
	 * @return the executor
	 */
	static ExecutorService shared() {
		return Holder.SHARED;
	}

	private static final class Holder {

		static final ExecutorService SHARED = create();

		private static ExecutorService create() {
			AtomicInteger count = new AtomicInteger();
			ThreadFactory threads = (task) -> {
				Thread thread = new Thread(task, "bentocloud-http-send-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			};
			// a task goes to an idle thread, else to a new one
			// up to the bound, else in line (a plain bounded pool
			// would start a thread per task up to its core size)
			HandOffQueue queue = new HandOffQueue();
			return new ThreadPoolExecutor(0, MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS, queue, threads,
					(task, executor) -> queue.enqueue(task));
		}

	}

	/**
	 * Offers a task only to a thread waiting for one, so that the pool starts a thread
	 * when none is idle; tasks beyond the bound are {@linkplain #enqueue(Runnable)
	 * queued} by the rejection handler.
	 */
	@SuppressWarnings("serial")
	private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {

		@Override
		public boolean offer(Runnable task) {
			return tryTransfer(task);
		}

		void enqueue(Runnable task) {
			super.offer(task);
		}

	}

}
