package dev.bentocloud.client.service;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import dev.bentocloud.client.DeploymentNotReadyException;
import dev.bentocloud.client.model.Deployment;
import dev.bentocloud.client.support.BentoCloudEndpoints;
import org.jspecify.annotations.Nullable;

/**
 * The service URL of a deployment, and whether a token may go there: a URL a deployment
 * names is the server's word, so its host must be loopback or under a trusted domain.
 */
final class DeploymentUrls {

	private final List<String> trustedDomains;

	/**
	 * Creates the check.
	 * @param trustedDomains the domains whose hosts may receive the token; {@code *}
	 * trusts any host
	 */
	DeploymentUrls(List<String> trustedDomains) {
		this.trustedDomains = trustedDomains;
	}

	/**
	 * The URL of a deployment that is running (or scaled to zero) and has exactly one
	 * URL, on a trusted host.
	 * @param deployment the deployment
	 * @return its URL
	 * @throws DeploymentNotReadyException when it is not running or has no single URL
	 * @throws IllegalStateException when its host is not trusted
	 */
	URI urlOf(Deployment deployment) {
		if (!deployment.isReady()) {
			throw new DeploymentNotReadyException(
					"Deployment " + deployment.name() + " is " + deployment.status()
							+ ", not running: its service cannot be called yet",
					deployment.name(), deployment.status(), false);
		}
		if (deployment.urls().size() != 1) {
			throw new DeploymentNotReadyException("Deployment " + deployment.name() + " has " + deployment.urls().size()
					+ " URLs; its endpoint URL is not ready", deployment.name(), deployment.status(), false);
		}
		URI url = URI.create(deployment.urls().get(0));
		if (!trusted(url.getHost())) {
			throw new IllegalStateException("Deployment " + deployment.name() + " names the URL "
					+ BentoCloudEndpoints.displayable(url.toString()) + ", whose host is not under a trusted domain "
					+ this.trustedDomains + ": the service token is not sent there. Configure the URL "
					+ "yourself, or add its domain with BentoServiceClientFactory.Builder.deploymentHosts(...)");
		}
		return url;
	}

	private boolean trusted(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (BentoCloudEndpoints.isLoopback(name)) {
			return true;
		}
		for (String domain : this.trustedDomains) {
			if (domain.equals("*") || name.equals(domain) || name.endsWith("." + domain)) {
				return true;
			}
		}
		return false;
	}

}
