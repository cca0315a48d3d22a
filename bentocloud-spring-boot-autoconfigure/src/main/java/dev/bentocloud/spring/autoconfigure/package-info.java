/**
 * Spring Boot auto-configuration of the BentoCloud clients.
 */
@NullMarked
package dev.bentocloud.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
