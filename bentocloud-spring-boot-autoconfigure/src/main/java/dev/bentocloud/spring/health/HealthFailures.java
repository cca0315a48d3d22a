package dev.bentocloud.spring.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.bentocloud.client.BentoCloudApiException;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.BentoCloudCredentialsException;
import dev.bentocloud.client.BentoCloudMalformedResponseException;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.BentoCloudTransportException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.client.support.BentoCloudCredentialsGuidance;
import dev.bentocloud.client.support.SecretScrubber;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failed check into DOWN details a person can act on: a stable {@code error}
 * code, the {@code reason}, the {@code action} to take, and
 * {@code status}/{@code traceId} when BentoCloud answered. The exception's own message
 * goes to {@code exception}; no stack traces, and every text is scrubbed of the API
 * token.
 */
final class HealthFailures {

	static final String RELOGIN = "Run `bentoml cloud login` to get a new token, or set BENTO_CLOUD_API_KEY "
			+ "or bentocloud.api-token to a valid API token, then restart the application.";

	private final SecretScrubber scrubber;

	private final Duration timeout;

	HealthFailures(@Nullable String token, Duration timeout) {
		this.scrubber = SecretScrubber.of(token);
		this.timeout = timeout;
	}

	Map<String, Object> describe(Throwable ex, BentoCloudCredentials credentials) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (ex instanceof BentoCloudCredentialsException) {
			details.put("error", "no-credentials");
			details.put("reason", "No BentoCloud API token is configured.");
			if (!credentials.searched().isEmpty()) {
				details.put("searched", scrub(String.join("; ", credentials.searched())));
			}
			details.put("action", BentoCloudCredentialsGuidance.HOW_TO_FIX_SPRING_BOOT);
		}
		else if (ex instanceof BentoCloudUnauthenticatedException api) {
			details.put("error", "unauthenticated");
			details.put("reason", "Unable to get current user: BentoCloud rejected the API token ("
					+ api.getStatusCode() + "); it is wrong, revoked or expired.");
			details.put("action", RELOGIN);
			putStatus(details, api);
		}
		else if (ex instanceof BentoCloudNotFoundException api) {
			details.put("error", "user-not-found");
			details.put("reason", "Unable to get current user: BentoCloud answered " + api.getStatusCode() + " to "
					+ api.getOperation() + ".");
			details.put("action", "Check that bentocloud.endpoint is your organization's BentoCloud endpoint and that "
					+ "the token belongs to it; " + RELOGIN);
			putStatus(details, api);
		}
		else if (ex instanceof BentoCloudApiException api && api.getStatusCode() >= 500) {
			details.put("error", "server-error");
			details.put("reason",
					"BentoCloud failed on " + api.getOperation() + " with status " + api.getStatusCode() + ".");
			details.put("action", (api.getTraceId() != null)
					? "Usually transient. If it persists, report it to BentoML support (https://bentoml.com/support) "
							+ "with trace ID " + api.getTraceId() + "."
					: "Usually transient. If it persists, contact BentoML support (https://bentoml.com/support).");
			putStatus(details, api);
		}
		else if (ex instanceof BentoCloudApiException api) {
			details.put("error", (api.getStatusCode() == 429) ? "rate-limited" : "api-error");
			details.put("reason", "BentoCloud answered " + api.getStatusCode() + " to " + api.getOperation() + ".");
			details.put("action", (api.getStatusCode() == 429)
					? "Too many requests with this token; raise bentocloud.health.cache-ttl or reduce other calls."
					: "Check bentocloud.endpoint and the token's scopes.");
			putStatus(details, api);
		}
		else if (ex instanceof BentoCloudTransportException transport && transport.isConnectFailure()) {
			details.put("error", "unreachable");
			details.put("reason", "Could not connect to BentoCloud.");
			details.put("action", "Check bentocloud.endpoint, DNS, proxies and firewalls between this application "
					+ "and BentoCloud.");
		}
		else if (ex instanceof BentoCloudTransportException) {
			details.put("error", "transport-error");
			details.put("reason", "No complete response from BentoCloud.");
			details.put("action", "Usually a network problem; check connectivity to bentocloud.endpoint.");
		}
		else if (ex instanceof TimeoutException) {
			details.put("error", "timeout");
			details.put("reason", "No answer from BentoCloud within " + this.timeout
					+ " (bentocloud.health.timeout), retries included.");
			details.put("action", "Check connectivity to bentocloud.endpoint; raise bentocloud.health.timeout if "
					+ "BentoCloud is just slow from here.");
		}
		else if (ex instanceof BentoCloudMalformedResponseException) {
			details.put("error", "malformed-response");
			details.put("reason", "BentoCloud answered with a body that is not the expected JSON.");
			details.put("action",
					"Check that bentocloud.endpoint points at the BentoCloud API, not a proxy or " + "login page.");
		}
		else {
			details.put("error", "unexpected");
			details.put("reason", "Unexpected failure while checking BentoCloud.");
			details.put("action", "See the exception detail and the application log.");
		}
		details.put("exception", ex.getClass().getName() + ": " + scrub(String.valueOf(ex.getMessage())));
		details.replaceAll((key, value) -> (value instanceof String text) ? scrub(text) : value);
		return details;
	}

	private static void putStatus(Map<String, Object> details, BentoCloudApiException api) {
		details.put("status", api.getStatusCode());
		if (api.getTraceId() != null) {
			details.put("traceId", api.getTraceId());
		}
	}

	/** Masks the API token wherever it occurs, should a server ever echo it back. */
	String scrub(String text) {
		return this.scrubber.scrub(text);
	}

}
