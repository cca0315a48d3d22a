/**
 * {@code @AutoConfigureBentoCloudEmulator}: the BentoCloud emulator in the test JVM,
 * wired in through the connection details.
 */
@NullMarked
package dev.bentocloud.spring.test.emulator;

import org.jspecify.annotations.NullMarked;
