/**
 * The BentoCloud emulator as a Testcontainers container, usable with
 * {@code @ServiceConnection}.
 */
@NullMarked
package dev.bentocloud.spring.test.testcontainers;

import org.jspecify.annotations.NullMarked;
