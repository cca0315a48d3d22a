package dev.bentocloud.sample.web;

import java.net.URI;

import dev.bentocloud.client.BentoCloudApiException;
import dev.bentocloud.client.BentoCloudCredentialsException;
import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.BentoCloudTransportException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.client.SecretScrubber;
import dev.bentocloud.sample.TerminalText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps BentoCloud client failures to RFC 9457 problem responses for this service's
 * callers.
 * <p>
 * BentoCloud is this service's upstream, so its failures are not the caller's fault:
 * <ul>
 * <li>not found: 404, the caller asked for something that does not exist;</li>
 * <li>BentoCloud rejected our token (401) or answered with another error: 502 Bad
 * Gateway, since retrying will not help until an operator renews the token or BentoCloud
 * recovers;</li>
 * <li>no token configured, or BentoCloud unreachable or too slow: 503 Service
 * Unavailable.</li>
 * </ul>
 * A 401 is never passed on as 401: that would tell the caller that <em>their</em>
 * credentials are wrong. Problem bodies never contain a token; configured tokens are
 * masked should a client message ever carry one.
 */
@RestControllerAdvice
public class BentoCloudProblemHandler {

	private static final Log logger = LogFactory.getLog(BentoCloudProblemHandler.class);

	private static final String TYPE_BASE = "https://docs.bentoml.com/en/latest/scale-with-bentocloud/";

	private final Environment environment;

	public BentoCloudProblemHandler(Environment environment) {
		this.environment = environment;
	}

	@ExceptionHandler(BentoCloudException.class)
	public ResponseEntity<ProblemDetail> handle(BentoCloudException failure) {
		ProblemDetail problem = toProblem(failure);
		if (failure instanceof BentoCloudApiException api) {
			problem.setProperty("upstreamStatus", api.getStatusCode());
			if (api.getTraceId() != null) {
				problem.setProperty("upstreamTraceId", api.getTraceId());
			}
		}
		if (problem.getStatus() >= 500) {
			logger.warn("BentoCloud call failed: " + TerminalText.line(problem.getDetail()));
		}
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/**
	 * More BentoCloud calls at once than {@code sample.upstream.max-concurrent-calls}:
	 * 503 with {@code Retry-After: 1}, at once, rather than queueing work for a
	 * BentoCloud that is already slow.
	 */
	@ExceptionHandler(UpstreamCalls.UpstreamBusyException.class)
	public ResponseEntity<ProblemDetail> busy(UpstreamCalls.UpstreamBusyException busy) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many BentoCloud calls at once",
				busy.getMessage(), null);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(problem);
	}

	private ProblemDetail toProblem(BentoCloudException failure) {
		String detail = mask(failure.getMessage());
		if (failure instanceof BentoCloudNotFoundException) {
			return problem(HttpStatus.NOT_FOUND, "Not found", detail, null);
		}
		if (failure instanceof BentoCloudUnauthenticatedException) {
			return problem(HttpStatus.BAD_GATEWAY, "BentoCloud rejected this service's API token",
					"BentoCloud answered 401: the service's API token is wrong, revoked or expired. An operator must "
							+ "renew it (BENTO_CLOUD_API_KEY or `bentoml cloud login`).",
					"manage-api-tokens.html");
		}
		if (failure instanceof BentoCloudCredentialsException) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "BentoCloud credentials are not configured", detail,
					"manage-api-tokens.html");
		}
		if (failure instanceof BentoCloudTransportException) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "BentoCloud is unreachable", detail, null);
		}
		return problem(HttpStatus.BAD_GATEWAY, "BentoCloud call failed", detail, null);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, String typePage) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (typePage != null) {
			problem.setType(URI.create(TYPE_BASE + typePage));
		}
		return problem;
	}

	private String mask(String message) {
		String masked = SecretScrubber
			.of(this.environment.getProperty("bentocloud.api-token"),
					this.environment.getProperty("bentocloud.service.token"))
			.scrub(message);
		return (masked != null) ? masked : "";
	}

}
