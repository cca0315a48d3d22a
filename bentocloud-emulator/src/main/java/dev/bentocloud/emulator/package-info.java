/**
 * In-process emulator of the BentoCloud management API and of deployed BentoML services,
 * for tests: {@link dev.bentocloud.emulator.BentoCloudEmulator}, its seed, fault rules,
 * recorded requests and service APIs. The server behind it is in
 * {@code dev.bentocloud.emulator.server} (not API); the JUnit extension in
 * {@code dev.bentocloud.emulator.junit}.
 */
@NullMarked
package dev.bentocloud.emulator;

import org.jspecify.annotations.NullMarked;
