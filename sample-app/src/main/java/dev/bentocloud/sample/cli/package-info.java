/**
 * The sample's command line: a picocli subset of BentoML's {@code bentoml cloud},
 * {@code deployment} and {@code api-token} commands.
 */
@NullMarked
package dev.bentocloud.sample.cli;

import org.jspecify.annotations.NullMarked;
