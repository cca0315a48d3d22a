package dev.bentocloud.sample.cli;

import java.time.Duration;
import java.util.List;

import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BlockingBentoCloudClient;
import org.jspecify.annotations.Nullable;

/**
 * What the commands need: the client, a few facts about how it was configured, and the
 * credentials file. The Spring path ({@link SpringCliServices}) and the lean path
 * ({@link LeanCliServices}) supply it; the commands' logic is the same for both.
 */
interface CliServices {

	/**
	 * The client.
	 * @return the blocking client
	 * @throws CliException when no client is configured
	 */
	BlockingBentoCloudClient client();

	/**
	 * The management endpoint in use,
	 * {@linkplain dev.bentocloud.client.support.BentoCloudEndpoints#displayable(String)
	 * displayable} (for dashboard links).
	 * @return the endpoint
	 */
	String endpoint();

	/**
	 * Where the credentials came from (the connection details' source), never the token.
	 * @return the source, or {@code null}
	 */
	@Nullable String credentialsSource();

	/**
	 * The configured secrets, to mask in failure messages.
	 * @return the secrets (may contain {@code null}s)
	 */
	List<@Nullable String> secrets();

	/**
	 * The credentials file and BentoML's variables, for the {@code cloud} commands.
	 * @return the contexts
	 */
	CloudContexts cloudContexts();

	/**
	 * A builder for a client of another token ({@code cloud login}): the application's,
	 * with its connector, SSL bundle, timeouts and retry, on the Spring path.
	 * @return a new builder
	 */
	BentoCloudClientBuilder clientBuilder();

	/**
	 * How long {@code cloud login} waits for a token on standard input or in a file.
	 * @return the timeout
	 * @throws CliException when the setting is not a positive duration
	 */
	Duration tokenReadTimeout();

}
