/**
 * Sample Spring Boot application using the BentoCloud starter.
 */
@NullMarked
package dev.bentocloud.sample;

import org.jspecify.annotations.NullMarked;
