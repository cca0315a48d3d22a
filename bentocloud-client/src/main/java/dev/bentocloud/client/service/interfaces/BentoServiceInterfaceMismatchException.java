package dev.bentocloud.client.service.interfaces;

import java.util.List;

import dev.bentocloud.client.BentoCloudException;

/**
 * A {@link BentoService} interface does not match its service's {@code /schema.json}:
 * thrown by {@link BentoServiceInterfaceVerifier#assertMatches} and, with
 * {@code bentocloud.service-interfaces.verify=fail}, at startup.
 *
 * @since 0.1.0
 */
public class BentoServiceInterfaceMismatchException extends BentoCloudException {

	private static final long serialVersionUID = 1L;

	private final Class<?> serviceInterface;

	private final String service;

	private final transient List<BentoServiceMismatch> mismatches;

	/**
	 * Creates the exception.
	 * @param serviceInterface the interface
	 * @param service the service, as reports name it (e.g. its name and URL)
	 * @param mismatches what does not match, at least one
	 */
	public BentoServiceInterfaceMismatchException(Class<?> serviceInterface, String service,
			List<BentoServiceMismatch> mismatches) {
		super(message(serviceInterface, service, mismatches));
		this.serviceInterface = serviceInterface;
		this.service = service;
		this.mismatches = List.copyOf(mismatches);
	}

	private static String message(Class<?> serviceInterface, String service, List<BentoServiceMismatch> mismatches) {
		String nl = System.lineSeparator();
		StringBuilder message = new StringBuilder(serviceInterface.getName()).append(" does not match ")
			.append(service)
			.append(" (")
			.append(mismatches.size())
			.append((mismatches.size() == 1) ? " mismatch" : " mismatches")
			.append("):");
		for (BentoServiceMismatch mismatch : mismatches) {
			message.append(nl).append("    - ").append(mismatch.describe());
		}
		return message.toString();
	}

	/**
	 * The interface.
	 * @return the interface
	 */
	public Class<?> getServiceInterface() {
		return this.serviceInterface;
	}

	/**
	 * The service, as the message names it.
	 * @return the service
	 */
	public String getService() {
		return this.service;
	}

	/**
	 * What does not match.
	 * @return the mismatches, one per problem
	 */
	public List<BentoServiceMismatch> getMismatches() {
		return this.mismatches;
	}

}
