package dev.bentocloud.spring.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.bentocloud.client.BentoCloudApiException;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.client.DeploymentNotReadyException;
import dev.bentocloud.client.support.SecretScrubber;
import org.jspecify.annotations.Nullable;

/**
 * Turns a service that is not ready, or a failed check, into DOWN details: a stable
 * {@code error} code, the {@code reason}, the {@code action}, and {@code status} when the
 * service answered. Every text is scrubbed of the service token.
 */
final class ServiceHealthFailures {

	private final String prefix;

	private final SecretScrubber scrubber;

	private final @Nullable ReadinessAnswers answers;

	private final Duration timeout;

	ServiceHealthFailures(String name, @Nullable String token, @Nullable ReadinessAnswers answers, Duration timeout) {
		this.prefix = "bentocloud.services." + name;
		this.scrubber = SecretScrubber.of(token);
		this.answers = answers;
		this.timeout = timeout;
	}

	/**
	 * The details of a DOWN result.
	 * @param ex the failure, or {@code null} when {@code GET /readyz} did not answer 200
	 * @return the details
	 */
	Map<String, Object> describe(@Nullable Throwable ex) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (ex == null) {
			notReady(details);
		}
		else if (ex instanceof LookupFailure lookup) {
			lookupFailed(details, lookup.failure());
		}
		else if (ex instanceof BentoCloudUnauthenticatedException api) {
			details.put("error", "unauthenticated");
			details.put("reason", "The service refused the token with status " + api.getStatusCode() + ".");
			details.put("action", "Protected deployments need a token with Protected Endpoint Access: set "
					+ this.prefix + ".token or bentocloud.service.token (not the management API token).");
			details.put("status", api.getStatusCode());
		}
		else if (ex instanceof TimeoutException) {
			details.put("error", "timeout");
			details.put("reason", "No answer to GET /readyz within " + this.timeout + " (bentocloud.health.timeout).");
			details.put("action", "Check connectivity to the service; raise bentocloud.health.timeout if it is "
					+ "just slow from here (a deployment scaled to zero may take longer to wake up).");
		}
		else {
			details.put("error", "unexpected");
			details.put("reason", "Unexpected failure while checking the service.");
			details.put("action", "See the exception detail and the application log.");
		}
		if (ex != null) {
			Throwable shown = (ex instanceof LookupFailure lookup) ? lookup.failure() : ex;
			details.put("exception", shown.getClass().getName() + ": " + scrub(String.valueOf(shown.getMessage())));
		}
		details.replaceAll((key, value) -> (value instanceof String text) ? scrub(text) : value);
		return details;
	}

	private void notReady(Map<String, Object> details) {
		ReadinessAnswers.Answer answer = (this.answers != null) ? this.answers.last() : null;
		details.put("error", (answer != null && answer.status() == null) ? "unreachable" : "not-ready");
		details.put("reason", "GET /readyz did not answer 200" + ((answer != null) ? " (" + answer + ")" : "") + ".");
		details.put("action",
				(answer != null && answer.status() == null)
						? "Check the service's URL and the network between this application and the service."
						: "The service is starting, scaling up or failing; see its status and logs in BentoCloud.");
		if (answer != null && answer.status() != null) {
			details.put("status", answer.status());
		}
	}

	private void lookupFailed(Map<String, Object> details, Throwable cause) {
		if (cause instanceof BentoCloudNotFoundException) {
			details.put("error", "deployment-not-found");
			details.put("reason", "BentoCloud has no such deployment.");
			details.put("action", "Check " + this.prefix + ".deployment and " + this.prefix + ".cluster.");
		}
		else if (cause instanceof DeploymentNotReadyException notReady) {
			details.put("error", "deployment-not-ready");
			details.put("reason", "The deployment is " + notReady.getLastStatus() + " or has no single URL yet.");
			details.put("action", "Wait for the deployment to run; see its status in BentoCloud.");
		}
		else {
			details.put("error", "deployment-lookup-failed");
			details.put("reason", "Could not look up the deployment's URL in BentoCloud"
					+ ((cause instanceof BentoCloudApiException api) ? " (status " + api.getStatusCode() + ")" : "")
					+ ".");
			details.put("action", "The lookup uses the BentoCloud API token, not the service token; see the "
					+ "bentocloud health component.");
		}
	}

	/** Masks the service token wherever it occurs. */
	String scrub(String text) {
		return this.scrubber.scrub(text);
	}

	/** A failure to find a deployment's URL, before the service itself is asked. */
	static final class LookupFailure extends RuntimeException {

		private final Throwable failure;

		LookupFailure(Throwable failure) {
			super(failure.getMessage(), failure, false, false);
			this.failure = failure;
		}

		Throwable failure() {
			return this.failure;
		}

	}

}
