package dev.bentocloud.client.service.interfaces;

import java.lang.reflect.Proxy;

import dev.bentocloud.client.service.BentoServiceClient;

import org.springframework.util.Assert;

/**
 * Makes the implementation of a {@link BentoService} interface: a JDK proxy whose
 * abstract methods call the routes of one deployed service through a
 * {@link BentoServiceClient}, the way Spring's {@code HttpServiceProxyFactory} makes
 * {@code @HttpExchange} interfaces call a REST API.
 *
 * <pre>{@code
 * BentoServiceClient client = BentoServiceClientFactory.builder().build().create(url);
 * Summarizer summarizer = BentoServiceProxyFactory.of(client).create(Summarizer.class);
 * String summary = summarizer.summarize("A long text");
 * }</pre>
 * <p>
 * What each method does follows from its return type:
 * <ul>
 * <li>{@code T} (blocking) or {@code Mono<T>}: calls the route and decodes the answer as
 * {@code T} ({@code String} for text, {@code Path}, {@code Resource}, {@code ServiceFile}
 * or {@code byte[]} for files, anything else from JSON); {@code void} or
 * {@code Mono<Void>} discards it;</li>
 * <li>{@code Flux<String>} or {@code Stream<String>} (blocking; close it): streams the
 * text chunks; {@code Flux<T>} or {@code Stream<T>}: streams JSON values;</li>
 * <li>{@code BentoTask} (blocks until submitted), {@code Mono<BentoTask>} or
 * {@code BlockingBentoTask}: submits a task.</li>
 * </ul>
 * Parameters are the arguments, named as {@link BentoParam} says or by their own names in
 * snake case; a {@code null} argument is not sent, so the service's default applies. A
 * {@code Path}, {@code File}, {@code Resource} or {@code ServiceFile} argument (or a
 * collection of them) makes the call {@code multipart/form-data}. Default methods run as
 * written; {@code equals} is identity, {@code toString} names the interface and the
 * service.
 * <p>
 * The client checks each call against the service's {@code /schema.json} as usual;
 * {@link BentoServiceInterfaceVerifier} checks the whole interface at once.
 *
 * @since 0.1.0
 */
public final class BentoServiceProxyFactory {

	private final BentoServiceClient client;

	private BentoServiceProxyFactory(BentoServiceClient client) {
		this.client = client;
	}

	/**
	 * A factory of proxies calling one service.
	 * @param client the service's client
	 * @return the factory
	 */
	public static BentoServiceProxyFactory of(BentoServiceClient client) {
		Assert.notNull(client, "client must not be null");
		return new BentoServiceProxyFactory(client);
	}

	/**
	 * The implementation of an interface.
	 * @param <S> the interface
	 * @param serviceInterface the interface (its {@link BentoService} annotation, if any,
	 * is not read here: the client says which service is called)
	 * @return the proxy
	 * @throws IllegalStateException when a method cannot call a route (every such method
	 * is named, with the reason)
	 */
	public <S> S create(Class<S> serviceInterface) {
		ServiceInterface described = ServiceInterface.of(serviceInterface);
		Object proxy = Proxy.newProxyInstance(serviceInterface.getClassLoader(), new Class<?>[] { serviceInterface },
				new BentoServiceInvocationHandler(described, this.client));
		return serviceInterface.cast(proxy);
	}

	/**
	 * The client behind a proxy made here, e.g. to read the service's schema.
	 * @param proxy a proxy
	 * @return its client
	 * @throws IllegalArgumentException when it is not such a proxy
	 */
	public static BentoServiceClient clientOf(Object proxy) {
		if (Proxy.isProxyClass(proxy.getClass())
				&& Proxy.getInvocationHandler(proxy) instanceof BentoServiceInvocationHandler handler) {
			return handler.client();
		}
		throw new IllegalArgumentException(proxy.getClass().getName() + " is not a BentoML service proxy");
	}

	@Override
	public String toString() {
		return "BentoServiceProxyFactory[" + this.client + "]";
	}

}
