package dev.bentocloud.emulator.server;

import java.time.Instant;

/** A user of the emulated organization. */
record StoredUser(String uid, String name, String email, String firstName, String lastName, Instant createdAt) {
}
