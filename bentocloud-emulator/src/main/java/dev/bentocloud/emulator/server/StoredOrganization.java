package dev.bentocloud.emulator.server;

import java.time.Instant;

/** The single organization the emulator hosts. */
record StoredOrganization(String uid, String name, String description, Instant createdAt) {
}
