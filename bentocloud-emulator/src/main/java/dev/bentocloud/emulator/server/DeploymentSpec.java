package dev.bentocloud.emulator.server;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What a create or update request asks for: the target config, labels and bento. */
record DeploymentSpec(ObjectNode config, ArrayNode labels, String bentoRepository, String bentoVersion) {
}
