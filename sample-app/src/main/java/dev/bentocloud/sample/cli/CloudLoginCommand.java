package dev.bentocloud.sample.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import dev.bentocloud.client.BentoCloudApiException;
import dev.bentocloud.client.BentoCloudClientBuilder;
import dev.bentocloud.client.BentoCloudCredentials;
import dev.bentocloud.client.BentoCloudException;
import dev.bentocloud.client.BentoCloudNotFoundException;
import dev.bentocloud.client.BentoCloudUnauthenticatedException;
import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.credentials.BentoMlEnvironment;
import dev.bentocloud.client.credentials.YataiConfig;
import dev.bentocloud.client.credentials.YataiConfigWriter;
import dev.bentocloud.client.credentials.YataiContext;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.client.support.SecretScrubber;
import dev.bentocloud.sample.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cloud login}: checks an API token against BentoCloud (current user, then current
 * organization, as {@code bentoml cloud login} does) with a client built for that token
 * and endpoint, then saves it as a context of the shared credentials file, with the
 * user's email. Nothing is written when the check fails.
 * <p>
 * Like BentoML, it does not switch the current context: {@code login --context prod} adds
 * or replaces {@code prod} and leaves the context in use alone, so a login never silently
 * changes which organization the other tool (or a running app) talks to. One exception,
 * where BentoML leaves the file unusable: when the current context names no saved context
 * (a new file), the new context becomes the current one.
 */
@Command(name = "login", description = { "Check an API token and save it as a context (like `bentoml cloud login`).",
		"Does not switch the current context, except when the current one does not exist yet." })
public class CloudLoginCommand implements Callable<Integer> {

	private final CliServices services;

	@Option(names = "--api-token", paramLabel = "TOKEN",
			description = { "The API token (default: $BENTO_CLOUD_API_KEY). Create one at <endpoint>/api_tokens.",
					"On the command line it is visible to other users in `ps` and kept in shell history: "
							+ "prefer BENTO_CLOUD_API_KEY, --api-token-stdin or --api-token-file." })
	String apiToken;

	@Option(names = "--api-token-stdin", description = {
			"Read the API token from the first line of standard input, e.g. `pass show bentocloud | ... --api-token-stdin`.",
			"Gives up after 60 seconds (--" + TokenInput.READ_TIMEOUT_PROPERTY + "=DURATION before the command)." })
	boolean apiTokenStdin;

	@Option(names = "--api-token-file", paramLabel = "PATH",
			description = "Read the API token from the first line of this regular file (keep it readable only by you: "
					+ "chmod 600).")
	Path apiTokenFile;

	@Option(names = "--endpoint", paramLabel = "URL",
			description = "The organization's endpoint (default: $BENTO_CLOUD_API_ENDPOINT, else "
					+ BentoCloudEndpoints.DEFAULT_ENDPOINT + ").")
	String endpoint;

	@Option(names = "--context", paramLabel = "NAME",
			description = "The context to save (default: the file's current context, else 'default').")
	String context;

	/**
	 * Caught here so that a token typed without --api-token is not echoed in a usage
	 * error.
	 */
	@Parameters(hidden = true, arity = "0..*")
	List<String> unexpected;

	@Spec
	CommandSpec spec;

	public CloudLoginCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		if (this.unexpected != null && !this.unexpected.isEmpty()) {
			throw new CliException("login takes no arguments, only options (the " + this.unexpected.size()
					+ " given are not shown, as they may hold a token): pass the token with --api-token-stdin, --api-token-file PATH or --api-token TOKEN.");
		}
		CloudContexts contexts = this.services.cloudContexts();
		String endpoint = (this.endpoint != null) ? this.endpoint
				: contexts.env(BentoMlEnvironment.API_ENDPOINT).orElse(BentoCloudEndpoints.DEFAULT_ENDPOINT);
		String token = givenToken();
		if (token == null) {
			token = contexts.env(BentoMlEnvironment.API_KEY).orElse(null);
		}
		if (token == null || token.isBlank()) {
			throw new CliException("No API token given. Pass --api-token-stdin, --api-token-file PATH or --api-token "
					+ "TOKEN, or set " + BentoMlEnvironment.API_KEY + "; create a token at "
					+ TerminalText.cap(BentoCloudEndpoints.displayable(endpoint.replaceAll("/+$", "")))
					+ "/api_tokens.");
		}
		token = token.strip();
		URI endpointUri = endpointUri(endpoint, token);
		PrintWriter err = this.spec.commandLine().getErr();
		// Check the folder, read (and reject a broken file) before any network call, so
		// a failure costs nothing.
		contexts.checkWritable();
		contexts.folderWarning().ifPresent((warning) -> err.println(TerminalText.line(warning)));
		String name = (this.context != null) ? this.context : contexts.read().currentContextName();
		if (YataiConfigWriter.ENV_CONTEXT_NAME.equals(name)) {
			throw new CliException("The context name " + name + " is reserved for " + BentoMlEnvironment.API_KEY
					+ "; choose another with --context NAME.");
		}
		User user;
		Organization organization;
		try {
			BlockingBentoCloudClient client = client(endpointUri, token);
			user = client.currentUser();
			if (user == null) {
				throw new CliException("The current user is not found");
			}
			organization = client.currentOrganization();
			if (organization == null) {
				throw new CliException("The current organization is not found");
			}
		}
		catch (BentoCloudNotFoundException ex) {
			throw new CliException((ex.getOperation() != null && ex.getOperation().contains("current_org"))
					? "The current organization is not found" : "The current user is not found");
		}
		catch (BentoCloudException ex) {
			err.println(TerminalText.line(mask("Error validating token: " + describe(ex, endpoint), token)));
			return 1;
		}
		String email = user.email();
		YataiContext saved = new YataiContext(name, endpoint, token, email);
		AtomicReference<String> current = new AtomicReference<>();
		contexts.update((config) -> {
			YataiConfig updated = config.withContext(saved);
			if (config.currentContext().isEmpty()) {
				updated = updated.withCurrentContextName(name);
			}
			current.set(updated.currentContextName());
			return updated;
		});
		PrintWriter out = this.spec.commandLine().getOut();
		if (current.get().equals(name)) {
			out.println("Configured BentoCloud credentials (current-context: " + TerminalText.cap(name) + ")");
		}
		else {
			out.println("Configured BentoCloud credentials (context: " + TerminalText.cap(name)
					+ "; current-context stays " + TerminalText.cap(current.get())
					+ ", switch with `cloud update-current-context " + TerminalText.cap(name) + "`)");
		}
		out.println("Logged in as " + TerminalText.cap((email != null) ? email : user.name()) + " at "
				+ TerminalText.cap(organization.name()) + " organization");
		return 0;
	}

	/**
	 * The token from --api-token, --api-token-stdin or --api-token-file (at most one),
	 * else {@code null}.
	 */
	private String givenToken() {
		int given = ((this.apiToken != null) ? 1 : 0) + (this.apiTokenStdin ? 1 : 0)
				+ ((this.apiTokenFile != null) ? 1 : 0);
		if (given > 1) {
			throw new ParameterException(this.spec.commandLine(),
					"Give the token one way only: --api-token, --api-token-stdin or --api-token-file.");
		}
		if (this.apiTokenStdin) {
			return TokenInput.fromStandardInput(this.services.tokenReadTimeout());
		}
		if (this.apiTokenFile != null) {
			return tokenFromFile(this.apiTokenFile);
		}
		return this.apiToken;
	}

	/**
	 * The first line of a regular file. Anything else (a FIFO, which blocks until someone
	 * writes to it; a device; a folder) is a usage error. A file that others may read or
	 * change gets a warning.
	 */
	private String tokenFromFile(Path file) {
		String shown = TerminalText.cap(file.toString());
		if (Files.exists(file) && !Files.isRegularFile(file)) {
			throw new ParameterException(this.spec.commandLine(), "--api-token-file: not a regular file: " + shown);
		}
		PrivateFiles.tokenFileWarning(file)
			.ifPresent((warning) -> this.spec.commandLine().getErr().println(TerminalText.line(warning)));
		return TokenInput.fromFile(file, this.services.tokenReadTimeout());
	}

	/**
	 * A client for this token and endpoint from the application's builder (on the Spring
	 * path), so that its connector, SSL bundle, timeouts and retry apply.
	 */
	private BlockingBentoCloudClient client(URI endpoint, String token) {
		BentoCloudClientBuilder builder = this.services.clientBuilder()
			.credentials(BentoCloudCredentials.of(endpoint.toString(), token));
		try {
			return builder.build().blocking();
		}
		catch (IllegalStateException ex) {
			throw new CliException(mask(ex.getMessage(), token) + " (as a property before the command: "
					+ "--bentocloud.allow-insecure-endpoint=true)");
		}
	}

	/**
	 * An http(s) URL with a host, as the client needs; without trailing slashes for the
	 * calls.
	 */
	private static URI endpointUri(String endpoint, String token) {
		try {
			URI uri = new URI(endpoint.strip().replaceAll("/+$", ""));
			if (BentoCloudEndpoints.isHttpUrl(uri)) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new CliException(mask("--endpoint must be an http(s) URL such as " + BentoCloudEndpoints.DEFAULT_ENDPOINT
				+ ", not '" + endpoint + "'", token));
	}

	private static String describe(BentoCloudException ex, String endpoint) {
		if (ex instanceof BentoCloudUnauthenticatedException api) {
			return "HTTP " + api.getStatusCode() + ": Bad credentials. " + endpoint
					+ " rejected the API token: it is wrong, revoked or expired, or belongs to another "
					+ "organization's endpoint (--endpoint). Nothing was saved.";
		}
		if (ex instanceof BentoCloudApiException api) {
			return "HTTP " + api.getStatusCode() + ": " + api.getMessage() + " Nothing was saved.";
		}
		return ex.getMessage() + ". Nothing was saved.";
	}

	private static String mask(String message, String token) {
		return SecretScrubber.of(token).scrub(message);
	}

}
