package dev.bentocloud.sample.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.BentoCloudApiException;
import dev.bentocloud.client.BentoCloudCredentialsException;
import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.BentoCloudTransportException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.client.service.BentoServiceException;
import dev.bentocloud.client.service.InvalidServiceCallException;
import dev.bentocloud.client.support.SecretScrubber;
import dev.bentocloud.sample.TerminalText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * A deployed BentoML service ({@link ServiceController}) is an upstream too, with one
 * difference: its 400 and 422 judge the caller's own input, so they stay 400, as does a
 * call its schema refuses. Its other errors are 502 (503 when it is busy), with its
 * status, message and request ID as {@code upstreamStatus}, {@code serverMessage} and
 * {@code upstreamRequestId}. A 401 is never passed on as 401: that would tell the caller
 * that <em>their</em> credentials are wrong. Problem bodies never contain a token;
 * configured tokens are masked should a client message ever carry one.
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
		return respond(problem.getStatus()).body(problem);
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
		return respond(503).header("Retry-After", "1").body(problem);
	}

	/**
	 * A deployed service answered an error. Its 400 and 422 concern the caller's input
	 * and stay 400; its 429 and 503 become 503 (with its {@code Retry-After}); anything
	 * else is 502. The service's status, message and request ID go with the problem.
	 */
	@ExceptionHandler(BentoServiceException.class)
	public ResponseEntity<ProblemDetail> service(BentoServiceException failure) {
		int upstream = failure.getStatusCode();
		ProblemDetail problem;
		if (upstream == 400 || upstream == 422) {
			problem = problem(HttpStatus.BAD_REQUEST, "The service refused the input", mask(failure.getMessage()),
					null);
		}
		else if (upstream == 429 || upstream == 503) {
			problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "The service is busy", mask(failure.getMessage()), null);
		}
		else {
			problem = problem(HttpStatus.BAD_GATEWAY, "The service call failed", mask(failure.getMessage()), null);
		}
		problem.setProperty("upstreamStatus", upstream);
		if (failure.getRequestId() != null) {
			problem.setProperty("upstreamRequestId", failure.getRequestId());
		}
		if (failure.getServerMessage() != null) {
			problem.setProperty("serverMessage", mask(failure.getServerMessage()));
		}
		if (problem.getStatus() >= 500) {
			logger.warn("Service call failed: " + TerminalText.line(problem.getDetail()));
		}
		ResponseEntity.BodyBuilder response = respond(problem.getStatus());
		Duration retryAfter = failure.getRetryAfter();
		if (retryAfter != null && problem.getStatus() == 503) {
			response.header("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
		}
		return response.body(problem);
	}

	/** A call the service's schema refuses (unknown route or arguments): 400. */
	@ExceptionHandler(InvalidServiceCallException.class)
	public ResponseEntity<ProblemDetail> invalidCall(InvalidServiceCallException failure) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid service call", mask(failure.getMessage()),
				null);
		return respond(400).body(problem);
	}

	/**
	 * The service itself refused this app's service token: 502, with what to set. (A 401
	 * of BentoCloud's management API, e.g. while looking up a deployment's URL, is
	 * {@link #handle(BentoCloudException)}'s.)
	 */
	@ExceptionHandler(DemoService.TokenRejectedException.class)
	public ResponseEntity<ProblemDetail> serviceTokenRejected(DemoService.TokenRejectedException failure) {
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "The service rejected this app's token",
				"The " + DemoService.NAME + " service answered " + failure.getStatusCode()
						+ ": its token is missing, wrong or lacks Protected Endpoint Access. An operator must set "
						+ "bentocloud.services." + DemoService.NAME + ".token.",
				"manage-api-tokens.html");
		problem.setProperty("upstreamStatus", failure.getStatusCode());
		if (failure.getRequestId() != null) {
			problem.setProperty("upstreamRequestId", failure.getRequestId());
		}
		logger.warn("Service call failed: " + TerminalText.line(mask(failure.getMessage())));
		return respond(502).body(problem);
	}

	/** No {@code demo} service is configured: 503, with how to configure one. */
	@ExceptionHandler(DemoService.NotConfiguredException.class)
	public ResponseEntity<ProblemDetail> serviceNotConfigured(DemoService.NotConfiguredException failure) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "The service is not configured",
				failure.getMessage(), null);
		return respond(503).body(problem);
	}

	/**
	 * An upload larger than {@code spring.webflux.multipart.max-disk-usage-per-part}, or
	 * another request body over its limit: 413.
	 */
	@ExceptionHandler(DataBufferLimitException.class)
	public ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException failure) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
				"The request is larger than this service accepts: " + failure.getMessage(), null);
		return respond(413).body(problem);
	}

	/**
	 * A request body that could not be read, such as a multipart request with more parts
	 * than {@code spring.webflux.multipart.max-parts}: 400 (WebFlux would answer 500).
	 */
	@ExceptionHandler(DecodingException.class)
	public ResponseEntity<ProblemDetail> unreadable(DecodingException failure) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed request",
				"The request body could not be read: " + failure.getMessage(), null);
		return respond(400).body(problem);
	}

	// The content type is set, not negotiated: the request may have asked for
	// text/event-stream (ServiceController's stream), which a problem is not.
	private static ResponseEntity.BodyBuilder respond(int status) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
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

	private static ProblemDetail problem(HttpStatus status, String title, String detail, @Nullable String typePage) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (typePage != null) {
			problem.setType(URI.create(TYPE_BASE + typePage));
		}
		return problem;
	}

	private String mask(@Nullable String message) {
		List<@Nullable String> tokens = new ArrayList<>();
		tokens.add(this.environment.getProperty("bentocloud.api-token"));
		tokens.add(this.environment.getProperty("bentocloud.service.token"));
		// bentocloud.services.<name>.token, bound flat: keys such as "demo.token"
		Binder.get(this.environment)
			.bind("bentocloud.services", Bindable.mapOf(String.class, String.class))
			.orElseGet(Map::of)
			.forEach((key, value) -> {
				if (key.endsWith(".token")) {
					tokens.add(value);
				}
			});
		String masked = SecretScrubber.of(tokens.toArray(String[]::new)).scrub(message);
		return (masked != null) ? masked : "";
	}

}
