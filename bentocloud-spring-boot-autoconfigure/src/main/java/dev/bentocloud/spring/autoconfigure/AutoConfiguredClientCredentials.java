package dev.bentocloud.spring.autoconfigure;

import dev.bentocloud.client.BentoCloudCredentials;

/**
 * The credentials of the auto-configured {@code BentoCloudClient}; absent when the
 * application defines its own client, whose credentials the starter does not know.
 *
 * @param credentials the credentials the client was built with
 */
record AutoConfiguredClientCredentials(BentoCloudCredentials credentials) {
}
