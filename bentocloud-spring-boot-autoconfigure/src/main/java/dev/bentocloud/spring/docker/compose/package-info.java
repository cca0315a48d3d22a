/**
 * Spring Boot's Docker Compose support for the BentoCloud emulator: a
 * {@code compose.yaml} service running the emulator's image connects the application to
 * it.
 */
@NullMarked
package dev.bentocloud.spring.docker.compose;

import org.jspecify.annotations.NullMarked;
