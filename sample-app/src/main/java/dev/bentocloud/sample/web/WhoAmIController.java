package dev.bentocloud.sample.web;

import dev.bentocloud.client.BentoCloudClient;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /whoami}: the user and organization of the token the service is configured
 * with.
 */
@RestController
public class WhoAmIController {

	private final BentoCloudClient client;

	public WhoAmIController(BentoCloudClient client) {
		this.client = client;
	}

	@GetMapping("/whoami")
	public Mono<WhoAmI> whoami() {
		return Mono.zip(this.client.currentUser(), this.client.currentOrganization())
			.map((both) -> WhoAmI.of(both.getT1(), both.getT2()));
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
