package com.example.tokens;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.ApiTokenScope;
import dev.bentocloud.client.model.CreateApiTokenRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The README's quick start service, word for word ({@code ReadmeSnippetsTests} checks
 * that the README shows this code).
 */
@Service
public class TokenJanitor {

	private final BentoCloudClient bentoCloud;

	public TokenJanitor(BentoCloudClient bentoCloud) {
		this.bentoCloud = bentoCloud;
	}

	public Mono<ApiToken> createCiToken() {
		return this.bentoCloud.apiTokens()
			.create(CreateApiTokenRequest.named("ci")
				.withDescription("CI pipeline")
				.withScopes(ApiTokenScope.API)
				.withExpiry("30d")); // 30d, 1w, 24h, 2026-12-31, 2026-12-31T10:00:00
	}

	public Flux<ApiToken> expired() { // pages through every token, not just the first 100
		return this.bentoCloud.apiTokens().list().filter(ApiToken::expired);
	}

}
