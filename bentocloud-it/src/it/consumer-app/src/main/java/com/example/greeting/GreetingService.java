package com.example.greeting;

import dev.bentocloud.client.BlockingBentoCloudClient;

import org.springframework.stereotype.Service;

/**
 * The application's own code, on the auto-configured client.
 */
@Service
public class GreetingService {

	private final BlockingBentoCloudClient bentoCloud;

	public GreetingService(BlockingBentoCloudClient bentoCloud) {
		this.bentoCloud = bentoCloud;
	}

	public String greeting() {
		return "Hello, " + this.bentoCloud.currentUser().name() + "!";
	}

}
