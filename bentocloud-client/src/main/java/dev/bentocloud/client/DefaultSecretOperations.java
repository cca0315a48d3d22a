package dev.bentocloud.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.bentocloud.client.model.CreateSecretRequest;
import dev.bentocloud.client.model.Secret;
import dev.bentocloud.client.model.SecretContent;
import dev.bentocloud.client.model.SecretItem;
import dev.bentocloud.client.model.UpdateSecretRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link SecretOperations} over the management API.
 */
final class DefaultSecretOperations implements SecretOperations {

	private final ManagementCalls calls;

	DefaultSecretOperations(ManagementCalls calls) {
		this.calls = calls;
	}

	/**
	 * Sends BentoML's parameters ({@code count}, {@code q=}, {@code search},
	 * {@code start}, {@code all=true}) but pages with {@code count=100} through every
	 * secret, where BentoML asks for {@code count=10} once.
	 */
	@Override
	public Flux<Secret> list(@Nullable String search) {
		return this.calls.paged("GET /api/v1/org_secrets",
				(start) -> this.calls.call("GET /api/v1/org_secrets", this.calls.api()
					.listSecrets(ManagementCalls.PAGE_SIZE, "", ManagementCalls.orEmpty(search), start, "true")));
	}

	@Override
	public Mono<Secret> create(CreateSecretRequest request) {
		return Mono.defer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", ManagementCalls.requireText(request.name(), "name"));
			body.put("content", content(request.content()));
			body.put("description", request.description());
			return this.calls
				.call("POST /api/v1/org_secrets",
						this.calls.api().createSecret(request.cluster(), new SecretBody(request.name(), body)))
				.contextWrite(SecretBody.scrubbing(values(request.content())));
		});
	}

	@Override
	public Mono<Secret> get(String name, @Nullable String cluster) {
		return ManagementCalls.absentAsEmpty(this.calls.call("GET /api/v1/org_secrets/{name}",
				this.calls.api().getSecret(ManagementCalls.requireText(name, "name"), cluster)));
	}

	@Override
	public Mono<Secret> update(UpdateSecretRequest request) {
		return Mono.defer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("content", content(request.content()));
			body.put("description", request.description());
			String name = ManagementCalls.requireText(request.name(), "name");
			return this.calls
				.call("PATCH /api/v1/org_secrets/{name}",
						this.calls.api().updateSecret(name, request.cluster(), new SecretBody(name, body)))
				.contextWrite(SecretBody.scrubbing(values(request.content())));
		});
	}

	@Override
	public Mono<Void> delete(String name, @Nullable String cluster) {
		return this.calls.call("DELETE /api/v1/org_secrets/{name}",
				this.calls.api().deleteSecret(ManagementCalls.requireText(name, "name"), cluster));
	}

	private static List<String> values(SecretContent content) {
		return content.items().stream().map(SecretItem::value).filter(Objects::nonNull).toList();
	}

	/** {@code SecretContentSchema} with every key, unset ones as null. */
	private Map<String, Object> content(SecretContent content) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", ManagementCalls.requireText(content.type(), "content.type"));
		json.put("items", content.items().stream().map((item) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("key", ManagementCalls.requireText(item.key(), "item key"));
			entry.put("sub_path", item.subPath());
			entry.put("value", item.value());
			return entry;
		}).toList());
		json.put("path", content.path());
		json.put("stage", content.stage());
		return json;
	}

}
