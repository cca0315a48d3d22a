/**
 * JUnit Jupiter support for the BentoCloud emulator.
 */
@NullMarked
package dev.bentocloud.emulator.junit;

import org.jspecify.annotations.NullMarked;
