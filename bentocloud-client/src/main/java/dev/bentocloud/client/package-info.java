/**
 * Reactive and blocking clients of the BentoCloud management API and of deployed BentoML
 * services.
 */
@NullMarked
package dev.bentocloud.client;

import org.jspecify.annotations.NullMarked;
