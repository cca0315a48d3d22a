package dev.bentocloud.emulator;

import java.time.Instant;

/** The single organization the emulator hosts. */
record Organization(String uid, String name, String description, Instant createdAt) {
}
