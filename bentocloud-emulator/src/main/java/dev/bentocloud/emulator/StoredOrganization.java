package dev.bentocloud.emulator;

import java.time.Instant;

/** The single organization the emulator hosts. */
record StoredOrganization(String uid, String name, String description, Instant createdAt) {
}
