package dev.bentocloud.spring.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code @BentoService} interfaces that {@link EnableBentoServices} makes
 * beans of.
 *
 * @param verify How each interface is checked against its service's /schema.json at
 * startup: fail stops startup on a mismatch, warn logs it without delaying startup, off
 * reads no schema.
 * @param verifyTimeout How long startup waits for a service's schema when verify is fail;
 * a service that does not answer in time is logged as not checked.
 * @since 0.1.0
 */
@ConfigurationProperties("bentocloud.service-interfaces")
public record BentoServiceInterfacesProperties(@DefaultValue("warn") Verify verify,
		@DefaultValue("10s") Duration verifyTimeout) {

	/**
	 * How interfaces are checked at startup.
	 */
	public enum Verify {

		/**
		 * Read each schema during startup and stop it, with a report naming each method
		 * and route, on a mismatch. A schema that cannot be read is logged, not fatal.
		 */
		FAIL,

		/** Read each schema in the background once started and log mismatches. */
		WARN,

		/** Do not check. */
		OFF

	}

}
