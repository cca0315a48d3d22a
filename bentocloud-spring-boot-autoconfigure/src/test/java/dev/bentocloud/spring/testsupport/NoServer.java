package dev.bentocloud.spring.testsupport;

/**
 * An endpoint where no server listens, for tests that check wiring only: their beans
 * point at it and nothing calls them, so a call made by mistake fails with a refused
 * connection instead of passing against a server.
 */
public final class NoServer {

	/**
	 * A loopback URL on port 1, which nothing listens on.
	 */
	public static final String ENDPOINT = "http://127.0.0.1:1";

	private NoServer() {
	}

}
