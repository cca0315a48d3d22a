/**
 * Actuator health indicator of the BentoCloud management API.
 */
@NullMarked
package dev.bentocloud.spring.health;

import org.jspecify.annotations.NullMarked;
