/**
 * The emulator's server side: request handling, one route class per resource, the state
 * and its stores, JSON views, multipart parsing and the answers of deployed services.
 * <p>
 * Not API: its few public types ({@link EmulatorBackend} and the values it takes) exist
 * only for {@code dev.bentocloud.emulator} and may change in any release. Use
 * {@link dev.bentocloud.emulator.BentoCloudEmulator} instead.
 */
@NullMarked
package dev.bentocloud.emulator.server;

import org.jspecify.annotations.NullMarked;
