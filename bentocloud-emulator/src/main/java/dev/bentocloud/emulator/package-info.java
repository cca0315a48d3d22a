/**
 * In-process emulator of the BentoCloud management API and of deployed BentoML services,
 * for tests.
 */
@NullMarked
package dev.bentocloud.emulator;

import org.jspecify.annotations.NullMarked;
