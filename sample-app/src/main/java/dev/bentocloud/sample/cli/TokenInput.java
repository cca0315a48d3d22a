package dev.bentocloud.sample.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.bentocloud.client.support.Durations;
import dev.bentocloud.sample.TerminalText;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Reads the API token for {@code cloud login} from standard input or a file: the first
 * line only, bounded in length and in time, and never quoted in a message.
 */
final class TokenInput {

	/**
	 * How long to wait for the token on standard input or in a file, as a Spring property
	 * before the command.
	 */
	static final String READ_TIMEOUT_PROPERTY = "sample.cli.token-read-timeout";

	static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

	private static final int MAX_TOKEN_LENGTH = 4096;

	private TokenInput() {
	}

	/**
	 * The first line of standard input.
	 * @param timeout how long to wait for it
	 * @return the token
	 */
	static String fromStandardInput(Duration timeout) {
		return withTimeout(() -> firstLine(System.in, "standard input"), timeout,
				() -> new CliException("No API token on standard input after " + describe(timeout)
						+ ": pipe it in, e.g. `pass show bentocloud | ... cloud login --api-token-stdin` (or wait "
						+ "longer with --" + READ_TIMEOUT_PROPERTY + "=DURATION before the command)."));
	}

	/**
	 * The first line of a file the caller checked is a regular file; the read gives up
	 * after the timeout (a file swapped for a FIFO after the check, a hung network file
	 * system).
	 * @param file the file
	 * @param timeout how long to wait for it
	 * @return the token
	 */
	static String fromFile(Path file, Duration timeout) {
		String shown = TerminalText.cap(file.toString());
		return withTimeout(() -> {
			try (InputStream in = Files.newInputStream(file)) {
				return firstLine(in, "--api-token-file " + shown);
			}
			catch (IOException ex) {
				throw new CliException("Cannot read --api-token-file " + shown + ": " + ex.getClass().getSimpleName());
			}
		}, timeout, () -> new CliException("Gave up reading --api-token-file " + shown + " after " + describe(timeout)
				+ "; pass a regular file."));
	}

	/**
	 * {@value #READ_TIMEOUT_PROPERTY}, 60 seconds by default.
	 * @param environment where the property is read
	 * @return the timeout
	 */
	static Duration readTimeout(Environment environment) {
		return readTimeout(environment.getProperty(READ_TIMEOUT_PROPERTY));
	}

	/**
	 * {@value #READ_TIMEOUT_PROPERTY} from its value, 60 seconds when unset.
	 * @param value the property's value, or {@code null}
	 * @return the timeout
	 */
	static Duration readTimeout(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_READ_TIMEOUT;
		}
		try {
			Duration timeout = DurationStyle.detectAndParse(value.strip());
			if (Durations.isPositive(timeout)) {
				return timeout;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new CliException(READ_TIMEOUT_PROPERTY + " must be a positive duration such as 30s or 2m, not '"
				+ TerminalText.cap(value) + "'.");
	}

	/**
	 * Runs a read on a daemon thread and waits at most {@code timeout}: a read that
	 * blocks (a terminal where no one types, a FIFO) cannot be interrupted, so it is left
	 * behind and ends with the JVM.
	 */
	private static String withTimeout(Callable<String> read, Duration timeout, Supplier<CliException> timedOut) {
		FutureTask<String> task = new FutureTask<>(read);
		Thread reader = new Thread(task, "cloud-login-token-reader");
		reader.setDaemon(true);
		reader.start();
		try {
			return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			task.cancel(true);
			throw timedOut.get();
		}
		catch (InterruptedException ex) {
			task.cancel(true);
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted while waiting for the API token.");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new CliException("Cannot read the API token: " + ex.getCause().getClass().getSimpleName());
		}
	}

	private static String describe(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 1000 != 0) {
			return millis + " ms";
		}
		long seconds = millis / 1000;
		return seconds + ((seconds == 1) ? " second" : " seconds");
	}

	/**
	 * The first line, at most {@value #MAX_TOKEN_LENGTH} characters; the content never
	 * goes into a message.
	 */
	private static String firstLine(InputStream in, String source) {
		try {
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			char[] buffer = new char[MAX_TOKEN_LENGTH + 1];
			int length = 0;
			int c;
			while (length < buffer.length && (c = reader.read()) != -1 && c != '\n' && c != '\r') {
				buffer[length++] = (char) c;
			}
			if (length > MAX_TOKEN_LENGTH) {
				throw new CliException("The first line of " + source + " is longer than " + MAX_TOKEN_LENGTH
						+ " characters: not an API token.");
			}
			String token = new String(buffer, 0, length).strip();
			if (token.isEmpty()) {
				throw new CliException("No API token on the first line of " + source + ".");
			}
			return token;
		}
		catch (IOException ex) {
			throw new CliException("Cannot read " + source + ": " + ex.getClass().getSimpleName());
		}
	}

}
