/**
 * Runs the sample against an embedded BentoCloud emulator.
 */
@NullMarked
package dev.bentocloud.sample.emulator;

import org.jspecify.annotations.NullMarked;
