package dev.bentocloud.client.service;

import dev.bentocloud.client.BentoCloudException;

/**
 * A call that the service's schema rejects (unknown route, unknown or missing arguments,
 * a task call on a route that is not a task), or an input the client cannot send. Nothing
 * was sent.
 *
 * @since 0.1.0
 */
public class InvalidServiceCallException extends BentoCloudException {

	/**
	 * Creates an exception.
	 * @param message what is wrong and how to fix it
	 */
	public InvalidServiceCallException(String message) {
		super(message);
	}

}
