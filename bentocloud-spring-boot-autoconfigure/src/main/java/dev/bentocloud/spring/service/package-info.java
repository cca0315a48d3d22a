/**
 * Typed service interfaces as beans: {@link EnableBentoServices @EnableBentoServices}
 * finds {@code @BentoService} interfaces and makes each a bean calling its service, and
 * {@code bentocloud.service-interfaces.verify} checks them against the services'
 * {@code /schema.json} at startup.
 */
@NullMarked
package dev.bentocloud.spring.service;

import org.jspecify.annotations.NullMarked;
