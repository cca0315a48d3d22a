package dev.bentocloud.client.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * BentoCloud endpoints: the default one, which URLs are endpoints, when a token would
 * travel in clear text, and how to show an endpoint in logs and messages.
 *
 * @since 0.1.0
 */
public final class BentoCloudEndpoints {

	/** The public BentoCloud endpoint, BentoML's default. */
	public static final String DEFAULT_ENDPOINT = "https://cloud.bentoml.com";

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	private BentoCloudEndpoints() {
	}

	/**
	 * The URL for logs and messages: without user info, query or fragment, which could
	 * carry secrets.
	 * @param url the URL as configured
	 * @return the displayable URL, or {@code <invalid URL>}
	 */
	public static String displayable(@Nullable String url) {
		if (url == null) {
			return "<none>";
		}
		try {
			URI uri = new URI(url.strip());
			if (uri.getHost() == null) {
				return (uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null) ? url.strip()
						: "<invalid URL>";
			}
			return new URI(uri.getScheme(), (uri.getUserInfo() != null) ? SecretScrubber.MASK : null, uri.getHost(),
					uri.getPort(), uri.getPath(), null, null)
				.toString();
		}
		catch (URISyntaxException | RuntimeException ex) {
			return "<invalid URL>";
		}
	}

	/**
	 * Whether the URL is one a client can call: {@code http} or {@code https} with a
	 * host. {@code localhost:8081} is not (its scheme would be {@code localhost}).
	 * @param url the URL
	 * @return {@code true} for an http(s) URL with a host
	 */
	public static boolean isHttpUrl(@Nullable URI url) {
		if (url == null || url.getHost() == null) {
			return false;
		}
		return "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
	}

	/**
	 * Whether the URL is one a client can call, see {@link #isHttpUrl(URI)}.
	 * @param url the URL as configured, may be {@code null}
	 * @return {@code true} for an http(s) URL with a host
	 */
	public static boolean isHttpUrl(@Nullable String url) {
		if (url == null) {
			return false;
		}
		try {
			return isHttpUrl(new URI(url.strip()));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Whether a token sent to this endpoint would cross the network unencrypted: plain
	 * {@code http} to a host other than loopback.
	 * @param endpoint the endpoint
	 * @return {@code true} when a token would travel in clear text
	 */
	public static boolean exposesToken(URI endpoint) {
		return "http".equalsIgnoreCase(endpoint.getScheme()) && !isLoopback(endpoint.getHost());
	}

	/**
	 * Whether the host is the loopback interface: {@code localhost}, a literal
	 * {@code 127.x.y.z} address or {@code ::1} ({@code 127.example.com} is a remote
	 * name).
	 * @param host the host, may be {@code null}
	 * @return {@code true} for loopback
	 */
	public static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches()
				|| h.equals("[::1]") || h.equals("::1") || h.equals("[0:0:0:0:0:0:0:1]");
	}

}
