/**
 * BentoML's credentials as a Spring {@code Environment} property source, with the failure
 * analysis of a bad file.
 */
@NullMarked
package dev.bentocloud.spring.credentials;

import org.jspecify.annotations.NullMarked;
