/**
 * Test support for typed service interfaces: checks against a saved {@code schema.json}
 * and the emulator's routes derived from an interface.
 */
@NullMarked
package dev.bentocloud.spring.test.service;

import org.jspecify.annotations.NullMarked;
