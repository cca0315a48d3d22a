package dev.bentocloud.sample.web;

import java.util.List;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /whoami}: the user and organization of the token the service is configured
 * with. Shared and briefly cached through {@link UpstreamCalls}.
 */
@RestController
public class WhoAmIController {

	private final BentoCloudClient client;

	private final UpstreamCalls upstream;

	public WhoAmIController(BentoCloudClient client, UpstreamCalls upstream) {
		this.client = client;
		this.upstream = upstream;
	}

	@GetMapping("/whoami")
	public Mono<WhoAmI> whoami() {
		return this.upstream.get(List.of("whoami"),
				() -> Mono.zip(this.client.currentUser(), this.client.currentOrganization())
					.map((both) -> WhoAmI.of(both.getT1(), both.getT2())));
	}

	/**
	 * The answer of {@code /whoami}.
	 *
	 * @param user the user name
	 * @param displayName "first last", or the user name
	 * @param email the e-mail address
	 * @param organization the organization name
	 */
	public record WhoAmI(String user, String displayName, String email, String organization) {

		static WhoAmI of(User user, Organization organization) {
			return new WhoAmI(user.name(), user.displayName(), user.email(), organization.name());
		}

	}

}
