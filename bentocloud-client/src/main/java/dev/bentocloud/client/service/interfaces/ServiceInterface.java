package dev.bentocloud.client.service.interfaces;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.Assert;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * A {@link BentoService} interface read once: what each of its abstract methods calls.
 * The proxy, the verification and the test support's emulator all read interfaces through
 * this class, so they agree on names and kinds.
 *
 * @since 0.1.0
 */
public final class ServiceInterface {

	// Soft references: an interface's class loader (a test's, DevTools') may go away.
	private static final Map<Class<?>, ServiceInterface> cache = new ConcurrentReferenceHashMap<>();

	private final Class<?> type;

	private final List<ServiceMethod> methods;

	private ServiceInterface(Class<?> type, List<ServiceMethod> methods) {
		this.type = type;
		this.methods = List.copyOf(methods);
	}

	/**
	 * Reads an interface.
	 * @param type the interface
	 * @return what its methods call
	 * @throws IllegalArgumentException when it is not an interface
	 * @throws IllegalStateException when a method cannot be mapped to a route (the
	 * message lists every such method and why)
	 */
	public static ServiceInterface of(Class<?> type) {
		Assert.notNull(type, "type must not be null");
		ServiceInterface known = cache.get(type);
		return (known != null) ? known : cache.computeIfAbsent(type, ServiceInterface::read);
	}

	private static ServiceInterface read(Class<?> type) {
		if (!type.isInterface() || type.isAnnotation()) {
			throw new IllegalArgumentException(type.getName() + " is not an interface: a BentoML service is declared "
					+ "as an interface whose methods are its routes");
		}
		List<String> problems = new ArrayList<>();
		List<ServiceMethod> methods = new ArrayList<>();
		Method[] candidates = type.getMethods();
		Arrays.sort(candidates, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
		for (Method method : candidates) {
			if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.isSynthetic()) {
				continue;
			}
			ServiceMethod parsed = ServiceMethods.parse(type, method, problems);
			if (parsed != null) {
				methods.add(parsed);
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(type.getName() + " cannot call a BentoML service:" + System.lineSeparator()
					+ "    - " + String.join(System.lineSeparator() + "    - ", problems));
		}
		return new ServiceInterface(type, methods);
	}

	/**
	 * The interface.
	 * @return the interface
	 */
	public Class<?> type() {
		return this.type;
	}

	/**
	 * Its abstract methods (default methods run as written), sorted by name.
	 * @return the methods
	 */
	public List<ServiceMethod> methods() {
		return this.methods;
	}

	/**
	 * What a method calls.
	 * @param method a method of the interface
	 * @return what it calls, or empty for a default, static or {@code Object} method
	 */
	public Optional<ServiceMethod> method(Method method) {
		for (ServiceMethod candidate : this.methods) {
			if (candidate.method().equals(method)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "ServiceInterface[" + this.type.getName() + ", " + this.methods.size() + " methods]";
	}

}
