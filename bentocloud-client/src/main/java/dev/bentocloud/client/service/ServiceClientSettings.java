package dev.bentocloud.client.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import dev.bentocloud.client.BentoCloudConnectorFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * What a {@link BentoServiceClientFactory.Builder} was given, as one immutable value, so
 * that later changes to the builder do not reach a factory built from it. See the builder
 * for the meaning of each.
 *
 * @param webClientBuilder supplies the builder to clone, or {@code null} for a plain one
 * @param connectorFactory creates connectors
 * @param connectTimeout the TCP (and TLS) connect timeout
 * @param callTimeout the longest one call may take
 * @param streamIdleTimeout the longest a stream may go without a chunk
 * @param maxResponseSize the largest answer held in memory
 * @param checkCalls whether calls are checked against the schema
 * @param defaultToken the default Bearer token, or {@code null}
 * @param allowInsecureEndpoint whether a token may go over plain http to a remote host
 * @param tempDirectory where file outputs are written, or {@code null} for the JVM's
 * @param jsonMapper the JSON mapper, or {@code null} for a plain one
 * @param deploymentHosts the trusted domains of deployment URLs
 */
record ServiceClientSettings(Supplier<WebClient.@Nullable Builder> webClientBuilder,
		BentoCloudConnectorFactory connectorFactory, Duration connectTimeout, Duration callTimeout,
		Duration streamIdleTimeout, long maxResponseSize, boolean checkCalls, @Nullable String defaultToken,
		boolean allowInsecureEndpoint, @Nullable Path tempDirectory, @Nullable JsonMapper jsonMapper,
		List<String> deploymentHosts) {

}
