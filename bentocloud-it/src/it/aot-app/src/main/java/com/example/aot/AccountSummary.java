package com.example.aot;

import java.util.List;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.client.model.Deployment;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The application's own code on the auto-configured client: prints who it is and what is
 * deployed when it starts.
 */
@Component
public class AccountSummary implements ApplicationRunner {

	private final BlockingBentoCloudClient bentoCloud;

	public AccountSummary(BlockingBentoCloudClient bentoCloud) {
		this.bentoCloud = bentoCloud;
	}

	@Override
	public void run(ApplicationArguments args) {
		System.out.println("[aot-app] current user: " + currentUser());
		System.out.println("[aot-app] deployments: " + deployments());
	}

	public String currentUser() {
		return this.bentoCloud.currentUser().name();
	}

	public List<String> deployments() {
		return this.bentoCloud.deployments().list().stream().map(Deployment::name).toList();
	}

}
