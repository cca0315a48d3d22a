package dev.bentocloud.client.model;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small behaviours of the model records: a hidden secret, unknown scopes kept, the
 * deployment query, display names.
 */
class ModelTests {

	@Test
	void apiTokenToStringHidesTheSecret() {
		ApiToken token = new ApiToken("u1", "ci", null, null, null, null, null, null, null, null, false, null, false,
				false, "secret-value-123", null);
		assertThat(token.toString()).doesNotContain("secret-value-123").contains("token=******");
		assertThat(token.apiToken()).isTrue();
	}

	@Test
	void scopesPassUnknownValuesThrough() {
		assertThat(ApiTokenScope.of("READ_CLUSTER")).isSameAs(ApiTokenScope.READ_CLUSTER);
		assertThat(ApiTokenScope.of("read_secrets").value()).isEqualTo("read_secrets");
		assertThat(ApiTokenScope.of("read_secrets").isDocumented()).isFalse();
		assertThat(ApiTokenScope.API.isDocumented()).isTrue();
	}

	@Test
	void deploymentQueryBuildsQ() {
		assertThat(DeploymentQuery.all().queryString()).isNull();
		assertThat(DeploymentQuery.all()
			.withDev(true)
			.withQueryTerms("foo")
			.withLabel("team", "ml")
			.withLabel("env", "prod")
			.queryString()).isEqualTo("is:dev foo label:env=prod label:team=ml");
	}

	@Test
	void userDisplayName() {
		assertThat(new User("demo", "d@x", "Demo", "User").displayName()).isEqualTo("Demo User");
		assertThat(new User("demo", "d@x", "", null).displayName()).isEqualTo("demo");
	}

	@Test
	void deploymentBentoComesFromMainTarget() {
		Deployment.Target main = new Deployment.Target("t", "main", DeploymentConfig.empty(),
				new Deployment.Bento("b", "abc", "abc", new Deployment.Repository("r", "iris")));
		Deployment.Target canary = new Deployment.Target("t2", "v2", null, null);
		Deployment deployment = new Deployment("d", "n", "running", null, null, null, null, null,
				new Deployment.Revision("r", "r", "active", java.util.List.of(canary, main)), null, null, null);
		assertThat(deployment.bento()).contains("iris:abc");
		assertThat(deployment.isReady()).isTrue();
		assertThat(Map.of()).isEmpty();
	}

}
