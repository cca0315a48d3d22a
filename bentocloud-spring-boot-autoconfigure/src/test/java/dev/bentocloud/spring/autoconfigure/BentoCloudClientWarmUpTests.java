package dev.bentocloud.spring.autoconfigure;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudCredentialsException;
import dev.bentocloud.client.model.User;
import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import dev.bentocloud.spring.testsupport.FirstToStop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The warm-up after ready prepares the client without any request or connection to
 * BentoCloud, unseen by the application's filters and observations, and a first call that
 * races it works.
 */
class BentoCloudClientWarmUpTests {

	@RegisterExtension
	static final BentoCloudEmulatorExtension emulator = new BentoCloudEmulatorExtension();

	private final AtomicInteger filtered = new AtomicInteger();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class, BentoCloudAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(WebClientCustomizer.class, () -> (builder) -> builder.filter((request, next) -> {
			this.filtered.incrementAndGet();
			return next.exchange(request);
		}))
		.withPropertyValues("bentocloud.endpoint=" + emulator.get().endpoint(),
				"bentocloud.api-token=" + emulator.get().apiToken());

	@Test
	void warmUpAfterReadySendsNothingAndTheClientWorksAfterwards() {
		this.runner.run((context) -> {
			emulator.get().clearRequests();
			ready(context);
			awaitWarmUp();
			assertThat(emulator.get().requests()).isEmpty();
			assertThat(emulator.get().requestCount("*", "/api/v1/auth/current")).isZero();
			assertThat(emulator.get().openConnections()).isZero();
			assertThat(this.filtered).hasValue(0);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("http.client.requests").timer()).isNull();
			User user = context.getBean(BentoCloudClient.class).blocking().currentUser();
			assertThat(user.name()).isEqualTo("demo");
			assertThat(emulator.get().requests()).hasSize(1);
			assertThat(this.filtered).hasValue(1);
			assertThat(registry.find("http.client.requests").tag("uri", "/api/v1/auth/current").timer()).isNotNull()
				.satisfies((timer) -> assertThat(timer.count()).isOne());
		});
	}

	@Test
	void firstCallsRacingTheWarmUpWork() throws Exception {
		this.runner.run((context) -> {
			BentoCloudClientBuilder builder = context.getBean(BentoCloudClientBuilder.class);
			emulator.get().clearRequests();
			int clients = 8;
			// Threads of its own: the common pool may have a single
			// worker (2 CPUs), which the barrier would block.
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				for (int i = 0; i < clients; i++) {
					BentoCloudClient client = builder.build();
					CyclicBarrier start = new CyclicBarrier(3);
					CompletableFuture<Void> warmUp = CompletableFuture.runAsync(() -> {
						await(start);
						client.warmUp();
					}, threads);
					CompletableFuture<User> blocking = CompletableFuture.supplyAsync(() -> {
						await(start);
						return client.blocking().currentUser();
					}, threads);
					await(start);
					User reactive = client.currentUser().block(Duration.ofSeconds(30));
					warmUp.get(30, TimeUnit.SECONDS);
					assertThat(blocking.get(30, TimeUnit.SECONDS).name()).isEqualTo("demo");
					assertThat(reactive).isNotNull().extracting(User::name).isEqualTo("demo");
				}
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(emulator.get().requests()).hasSize(2 * clients);
			assertThat(this.filtered).hasValue(2 * clients);
		});
	}

	@Test
	void warmUpIsIdempotent() {
		this.runner.run((context) -> {
			BentoCloudClient client = context.getBean(BentoCloudClient.class);
			emulator.get().clearRequests();
			client.warmUp();
			client.warmUp();
			assertThat(emulator.get().requests()).isEmpty();
			assertThat(client.blocking().currentUser().name()).isEqualTo("demo");
		});
	}

	@Test
	void warmUpWithoutTokenSucceedsAndCallsStillExplainWhatToDo() {
		this.runner.withPropertyValues("bentocloud.api-token=").run((context) -> {
			BentoCloudClient client = context.getBean(BentoCloudClient.class);
			emulator.get().clearRequests();
			client.warmUp();
			assertThat(emulator.get().requests()).isEmpty();
			assertThatExceptionOfType(BentoCloudCredentialsException.class)
				.isThrownBy(() -> client.blocking().currentUser());
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("bentocloud.warm-up.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BentoCloudClientWarmUp.class);
			ready(context);
			assertThat(warmUpThreads()).isEmpty();
		});
	}

	@Test
	void aClientOfTheApplicationIsLeftAlone() {
		BentoCloudClient own = BentoCloudClient.builder().endpoint(emulator.get().endpoint()).build();
		this.runner.withBean(BentoCloudClient.class, () -> own).run((context) -> {
			emulator.get().clearRequests();
			ready(context);
			awaitWarmUp();
			assertThat(emulator.get().requests()).isEmpty();
		});
	}

	@Test
	void aCloseDuringTheWarmUpWaitsForItBeforeStoppingAnything() {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean ended = new AtomicBoolean();
		AtomicReference<@Nullable Boolean> endedWhenStopping = new AtomicReference<>();
		this.runner.withBean(BentoCloudClient.class, () -> slowWarmUp(started, ended, Duration.ofMillis(500)))
			.withBean(FirstToStop.class, () -> new FirstToStop(() -> endedWhenStopping.set(ended.get())))
			.run((context) -> {
				ready(context);
				assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			});
		assertThat(ended).isTrue();
		assertThat(endedWhenStopping).hasValue(true);
	}

	@Test
	void aCloseWaitsForAStuckWarmUpOnlyForAWhile() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(BentoCloudClient.class,
					() -> slowWarmUp(started, new AtomicBoolean(), Duration.ofMinutes(10)));
			context.refresh();
			BentoCloudClientWarmUp warmUp = new BentoCloudClientWarmUp(context.getBeanProvider(BentoCloudClient.class),
					Duration.ofMillis(200));
			warmUp.setApplicationContext(context);
			warmUp.onApplicationEvent(
					new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			long start = System.nanoTime();
			warmUp.onApplicationEvent(new ContextClosedEvent(context));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150),
					Duration.ofSeconds(5));
		}
		finally {
			for (Thread thread : warmUpThreads()) {
				thread.interrupt();
				thread.join(30_000);
			}
		}
	}

	@Test
	void aCloseBeforeTheWarmUpStartsPreventsIt() {
		AtomicInteger created = new AtomicInteger();
		AtomicInteger warmUps = new AtomicInteger();
		this.runner.withBean(BentoCloudClient.class, () -> {
			created.incrementAndGet();
			return countingWarmUps(warmUps);
		})
			// Runs before the warm-up's listener, as a
			// signal or another ready listener might.
			.withBean(ClosingOnReady.class)
			.run((context) -> {
				ready(context);
				assertThat(context.getSourceApplicationContext().isActive()).isFalse();
			});
		assertThat(warmUpThreads()).isEmpty();
		assertThat(created).hasValue(1);
		assertThat(warmUps).hasValue(0);
	}

	@Test
	void aReadyEventWhileTheContextClosesStartsNothing() {
		AtomicInteger warmUps = new AtomicInteger();
		AtomicReference<@Nullable AssertableApplicationContext> closing = new AtomicReference<>();
		// The context is still active while its lifecycle beans stop,
		// as when a signal's close races the end of startup.
		this.runner.withBean(BentoCloudClient.class, () -> countingWarmUps(warmUps))
			.withBean(FirstToStop.class, () -> new FirstToStop(() -> ready(closing.get())))
			.run(closing::set);
		assertThat(warmUpThreads()).isEmpty();
		assertThat(warmUps).hasValue(0);
	}

	@Test
	void aChildContextsReadyEventStartsNothingInTheParent() {
		AtomicInteger warmUps = new AtomicInteger();
		this.runner.withBean(BentoCloudClient.class, () -> countingWarmUps(warmUps)).run((parent) -> {
			try (GenericApplicationContext child = new GenericApplicationContext(
					parent.getSourceApplicationContext())) {
				child.refresh();
				child.publishEvent(
						new ApplicationReadyEvent(new SpringApplication(), new String[0], child, Duration.ZERO));
				awaitWarmUp();
				assertThat(warmUps).hasValue(0);
			}
			ready(parent);
			awaitWarmUp();
			assertThat(warmUps).hasValue(1);
		});
	}

	/** Closes the context on ready, before any listener of lower precedence runs. */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class ClosingOnReady implements ApplicationListener<ApplicationReadyEvent> {

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			event.getApplicationContext().close();
		}

	}

	/** A client of the emulator that counts its warm-ups. */
	private static BentoCloudClient countingWarmUps(AtomicInteger warmUps) {
		return slowWarmUp(new CountDownLatch(1), new AtomicBoolean(), Duration.ZERO, warmUps);
	}

	/**
	 * A client of the application whose warm-up takes {@code duration}; everything else
	 * goes to a client of the emulator.
	 */
	private static BentoCloudClient slowWarmUp(CountDownLatch started, AtomicBoolean ended, Duration duration) {
		return slowWarmUp(started, ended, duration, new AtomicInteger());
	}

	private static BentoCloudClient slowWarmUp(CountDownLatch started, AtomicBoolean ended, Duration duration,
			AtomicInteger warmUps) {
		BentoCloudClient delegate = BentoCloudClient.builder()
			.endpoint(emulator.get().endpoint())
			.apiToken(emulator.get().apiToken())
			.build();
		return (BentoCloudClient) Proxy.newProxyInstance(BentoCloudClient.class.getClassLoader(),
				new Class<?>[] { BentoCloudClient.class }, (proxy, method, args) -> {
					if (!method.getName().equals("warmUp")) {
						return method.invoke(delegate, args);
					}
					warmUps.incrementAndGet();
					started.countDown();
					Thread.sleep(duration.toMillis());
					ended.set(true);
					return null;
				});
	}

	private static void ready(AssertableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
				context.getSourceApplicationContext(), Duration.ZERO));
	}

	private static void awaitWarmUp() throws InterruptedException {
		for (Thread thread : warmUpThreads()) {
			thread.join(30_000);
			assertThat(thread.isAlive()).isFalse();
		}
	}

	private static List<Thread> warmUpThreads() {
		List<Thread> threads = new ArrayList<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().equals(BentoCloudClientWarmUp.THREAD_NAME)) {
				threads.add(thread);
			}
		}
		return threads;
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
