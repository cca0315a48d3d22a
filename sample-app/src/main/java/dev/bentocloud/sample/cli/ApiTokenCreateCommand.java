package dev.bentocloud.sample.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.ApiTokenScope;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import dev.bentocloud.client.model.TokenExpiry;
import dev.bentocloud.sample.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code api-token create NAME [-d DESC] [-s SCOPE]... [--expires 30d|1w|24h|YYYY-MM-DD]}.
 * <p>
 * The token value is shown once. In table mode it is framed at the top of stdout. Unlike
 * BentoML's CLI, json and yaml keep stdout pure (the value is the {@code token} field)
 * and the save-it notice goes to stderr, so {@code create -o json | jq -r .token} works.
 */
@Command(name = "create", description = "Create an API token. Its value is shown only once.")
public class ApiTokenCreateCommand implements Callable<Integer> {

	static final String SAVE_NOTICE = "API Token (save this - it won't be shown again!)";

	private final CliServices services;

	@Parameters(paramLabel = "NAME", description = "The token name.")
	String name;

	@Option(names = { "-d", "--description" }, paramLabel = "TEXT", description = "A description.")
	String description;

	@Option(names = { "-s", "--scope" }, paramLabel = "SCOPE", converter = ScopeConverter.class,
			description = {
					"A scope, repeatable: api, read_organization, write_organization, read_cluster, write_cluster.",
					"Other values are refused (a typo would create a token without the permission you meant); "
							+ "add --allow-unknown-scopes for a scope BentoCloud added after this CLI." })
	List<ApiTokenScope> scopes;

	@Option(names = "--allow-unknown-scopes",
			description = "Pass scopes other than the documented ones to BentoCloud, which then decides.")
	boolean allowUnknownScopes;

	@Option(names = "--expires", paramLabel = "WHEN", converter = ExpiryConverter.class,
			description = { "Expiry: a duration (30d, 1w, 24h) or a date (2030-12-31), in UTC. Default: never.",
					"It must be in the future." })
	Instant expires;

	@Mixin
	OutputOption output;

	@Spec
	CommandSpec spec;

	public ApiTokenCreateCommand(CliServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		List<String> unknown = (this.scopes != null) ? this.scopes.stream()
			.filter((scope) -> !scope.isDocumented())
			.map((scope) -> TerminalText.cap(scope.value()))
			.toList() : List.of();
		if (!unknown.isEmpty() && !this.allowUnknownScopes) {
			throw new ParameterException(this.spec.commandLine(), "Unknown scope " + String.join(", ", unknown)
					+ ". Known scopes: "
					+ String.join(", ", ApiTokenScope.DOCUMENTED.stream().map(ApiTokenScope::value).toList())
					+ ". If BentoCloud has added a scope this CLI does not know yet, add --allow-unknown-scopes.");
		}
		CreateApiTokenRequest request = new CreateApiTokenRequest(this.name, this.description, this.scopes,
				this.expires);
		ApiToken token = this.services.client().apiTokens().create(request);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.format() != OutputFormat.TABLE) {
			this.spec.commandLine().getErr().println(SAVE_NOTICE + ": it is the \"token\" field of the output.");
			StructuredOutput.print(out, this.output.format(), ApiTokenOutput.toDict(token));
			return 0;
		}
		if (token.token() != null && !token.token().isEmpty()) {
			printPanel(out, SAVE_NOTICE, TerminalText.safe(token.token()));
		}
		out.println("Token " + TerminalText.cap(token.name()) + " created successfully");
		out.println("  UID: " + TerminalText.cap(token.uid()));
		if (token.description() != null && !token.description().isEmpty()) {
			out.println("  Description: " + TerminalText.cap(token.description()));
		}
		out.println("  Expires: " + CliDates.tableOrNever(token.expiredAt()));
		out.flush();
		return 0;
	}

	private static void printPanel(PrintWriter out, String title, String content) {
		int width = Math.max(title.length() + 6, content.length() + 2);
		out.println("+-- " + title + " " + "-".repeat(width - title.length() - 4) + "+");
		out.println("| " + content + " ".repeat(width - content.length() - 1) + "|");
		out.println("+" + "-".repeat(width) + "+");
		out.println();
	}

	/**
	 * {@code --expires} through {@link TokenExpiry}, so bad values are usage errors (exit
	 * 2); so is a time that has passed, which would create a token that is expired from
	 * the start.
	 */
	static class ExpiryConverter implements ITypeConverter<Instant> {

		@Override
		public Instant convert(String value) {
			Instant expires;
			try {
				expires = TokenExpiry.parse(value);
			}
			catch (IllegalArgumentException ex) {
				throw new TypeConversionException(TerminalText.line(ex.getMessage()));
			}
			if (!expires.isAfter(Instant.now())) {
				throw new TypeConversionException("'" + TerminalText.cap(value) + "' is in the past (" + expires
						+ "): the token would be expired from the start. Give a later date or a duration such as 30d.");
			}
			return expires;
		}

	}

	/**
	 * {@code --scope} through {@link ApiTokenScope#of(String)}; unknown scopes are
	 * checked in {@link #call()}.
	 */
	static class ScopeConverter implements ITypeConverter<ApiTokenScope> {

		@Override
		public ApiTokenScope convert(String value) {
			try {
				return ApiTokenScope.of(value);
			}
			catch (IllegalArgumentException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

}
