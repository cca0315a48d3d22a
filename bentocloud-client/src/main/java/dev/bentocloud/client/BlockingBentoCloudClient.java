package dev.bentocloud.client;

import java.util.List;

import dev.bentocloud.client.model.InstanceType;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;
import org.jspecify.annotations.Nullable;

/**
 * The operations of {@link BentoCloudClient}, blocking, for Servlet (MVC) applications
 * and command-line tools. Do not call it from a reactive (event loop) thread.
 *
 * @since 0.1.0
 */
public interface BlockingBentoCloudClient {

	/**
	 * Blocking {@link BentoCloudClient#currentUser()}.
	 * @return the user the API token belongs to
	 */
	User currentUser();

	/**
	 * Blocking {@link BentoCloudClient#currentOrganization()}.
	 * @return the organization of the API token
	 */
	Organization currentOrganization();

	/**
	 * Blocking {@link BentoCloudClient#apiTokens()}.
	 * @return the API token operations
	 */
	BlockingApiTokenOperations apiTokens();

	/**
	 * Blocking {@link BentoCloudClient#deployments()}.
	 * @return the deployment operations
	 */
	BlockingDeploymentOperations deployments();

	/**
	 * Blocking {@link BentoCloudClient#secrets()}.
	 * @return the secret operations
	 */
	BlockingSecretOperations secrets();

	/**
	 * Blocking {@link BentoCloudClient#clusters()}.
	 * @return the cluster operations
	 */
	BlockingClusterOperations clusters();

	/**
	 * Instance types available in the default cluster.
	 * @return the instance types
	 */
	default List<InstanceType> instanceTypes() {
		return instanceTypes(null);
	}

	/**
	 * Instance types available in {@code cluster}.
	 * @param cluster the cluster, or {@code null} for the default one
	 * @return the instance types
	 */
	List<InstanceType> instanceTypes(@Nullable String cluster);

}
