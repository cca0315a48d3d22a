package dev.bentocloud.spring.service;

import java.util.ArrayList;
import java.util.List;

import dev.bentocloud.client.service.interfaces.BentoServiceInterfaceMismatchException;
import dev.bentocloud.client.service.interfaces.BentoServiceInterfaceVerifier;
import dev.bentocloud.client.service.interfaces.BentoServiceMismatch;
import dev.bentocloud.spring.service.BentoServiceInterfacesProperties.Verify;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Checks every {@code @BentoService} interface bean against its service's
 * {@code /schema.json} once all singletons exist: with {@code fail}, during startup,
 * throwing a {@link BentoServiceInterfaceMismatchException} (reported by
 * {@link BentoServiceInterfaceMismatchFailureAnalyzer}); with {@code warn}, in the
 * background, logging mismatches. A schema that cannot be read (the service is down or
 * scaled to zero) is logged and never stops startup: the interface is then unchecked, not
 * wrong. A close of the context cancels a check still running in the background before
 * anything is stopped, so that it neither races the disposal of the HTTP client's
 * resources nor logs their closed connections as failures.
 */
final class BentoServiceInterfaceVerification
		implements SmartInitializingSingleton, ApplicationListener<ContextClosedEvent>, DisposableBean {

	private static final Log logger = LogFactory.getLog(BentoServiceInterfaceVerification.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final BentoServiceInterfacesProperties properties;

	private volatile @Nullable Disposable background;

	BentoServiceInterfaceVerification(ConfigurableListableBeanFactory beanFactory,
			BentoServiceInterfacesProperties properties) {
		this.beanFactory = beanFactory;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Class<?>> interfaces = interfaces();
		if (this.properties.verify() == Verify.OFF || interfaces.isEmpty()) {
			return;
		}
		BentoServiceProxies proxies = this.beanFactory.getBean(BentoServicesRegistrar.PROXIES_BEAN_NAME,
				BentoServiceProxies.class);
		Flux<Outcome> outcomes = Flux.fromIterable(interfaces).flatMap((type) -> verify(proxies, type));
		if (this.properties.verify() == Verify.WARN) {
			this.background = outcomes.subscribe((outcome) -> log(outcome, true));
			return;
		}
		List<BentoServiceInterfaceMismatchException> failures = new ArrayList<>();
		for (Outcome outcome : outcomes.collectList().blockOptional().orElse(List.of())) {
			if (outcome.mismatch() != null) {
				failures.add(outcome.mismatch());
			}
			else {
				log(outcome, false);
			}
		}
		if (!failures.isEmpty()) {
			BentoServiceInterfaceMismatchException first = failures.get(0);
			failures.subList(1, failures.size()).forEach(first::addSuppressed);
			throw first;
		}
	}

	private Mono<Outcome> verify(BentoServiceProxies proxies, Class<?> type) {
		return Mono.defer(() -> proxies.client(type).schema())
			.timeout(this.properties.verifyTimeout())
			.map((schema) -> {
				List<BentoServiceMismatch> mismatches = BentoServiceInterfaceVerifier.verify(type, schema);
				return mismatches.isEmpty() ? new Outcome(type, proxies.describe(type), null, null)
						: new Outcome(type, proxies.describe(type),
								new BentoServiceInterfaceMismatchException(type, proxies.describe(type), mismatches),
								null);
			})
			.onErrorResume((ex) -> Mono.just(new Outcome(type, proxies.describe(type), null, ex)));
	}

	private void log(Outcome outcome, boolean warnMode) {
		if (outcome.mismatch() != null) {
			logger.warn(outcome.mismatch().getMessage() + System.lineSeparator() + "    (set "
					+ "bentocloud.service-interfaces.verify=fail to stop startup on a mismatch)");
		}
		else if (outcome.error() != null) {
			logger.warn("Could not check " + outcome.type().getName() + " against the /schema.json of "
					+ outcome.service() + ": " + outcome.error().getMessage()
					+ (warnMode ? "" : " (startup goes on; calls are checked when the schema can be read)"));
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(outcome.type().getName() + " matches the /schema.json of " + outcome.service());
		}
	}

	/** The interfaces of the beans {@link BentoServicesRegistrar} defined. */
	private List<Class<?>> interfaces() {
		List<Class<?>> interfaces = new ArrayList<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = BentoServicesRegistrar.serviceInterface(this.beanFactory.getBeanDefinition(name));
			if (type != null) {
				interfaces.add(type);
			}
		}
		return interfaces;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext().getAutowireCapableBeanFactory() == this.beanFactory) {
			cancelBackground();
		}
	}

	@Override
	public void destroy() {
		cancelBackground();
	}

	private void cancelBackground() {
		Disposable running = this.background;
		if (running != null) {
			running.dispose();
		}
	}

	/** Whether a check started in the background has neither ended nor been cancelled. */
	boolean checkingInBackground() {
		Disposable running = this.background;
		return running != null && !running.isDisposed();
	}

	private record Outcome(Class<?> type, String service, @Nullable BentoServiceInterfaceMismatchException mismatch,
			@Nullable Throwable error) {
	}

}
