/**
 * Profile {@code emulator}: the sample against an embedded BentoCloud emulator, wired in
 * through the connection details.
 */
@NullMarked
package dev.bentocloud.sample.emulator;

import org.jspecify.annotations.NullMarked;
