package dev.bentocloud.sample.web;

import java.time.Instant;
import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.ApiTokenScope;
import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tokens[?search=]}: the API tokens of the configured account, all pages,
 * never with a token value.
 */
@RestController
public class ApiTokenController {

	private final BentoCloudClient client;

	public ApiTokenController(BentoCloudClient client) {
		this.client = client;
	}

	@GetMapping("/tokens")
	public Flux<TokenSummary> tokens(@RequestParam(required = false) String search) {
		return this.client.apiTokens().list(search).map(TokenSummary::of);
	}

	/**
	 * An API token without its secret value: a type that has no field for it, so no
	 * serializer setting can leak it.
	 *
	 * @param uid the unique id
	 * @param name the name
	 * @param description the description
	 * @param scopes the scopes
	 * @param createdAt when it was created
	 * @param expiredAt when it expires, or {@code null} for never
	 * @param lastUsedAt when it was last used, or {@code null}
	 * @param expired whether BentoCloud considers it expired
	 * @param createdBy the user who created it
	 */
	public record TokenSummary(String uid, String name, String description, List<String> scopes, Instant createdAt,
			Instant expiredAt, Instant lastUsedAt, boolean expired, String createdBy) {

		static TokenSummary of(ApiToken token) {
			return new TokenSummary(token.uid(), token.name(), token.description(),
					token.scopes().stream().map(ApiTokenScope::value).toList(), token.createdAt(), token.expiredAt(),
					token.lastUsedAt(), token.expired(), token.createdBy());
		}

	}

}
