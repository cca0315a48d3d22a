package dev.bentocloud.spring.autoconfigure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a {@code bentocloud.*} value must be. A value that does not convert fails binding
 * with the fix ({@link CheckedValueConverter}); one that converts but does not fit stops
 * startup once bound ({@link BentoCloudPropertiesCheck}). Either way Boot's failure
 * report names the property, its value as written, where it was set and the fix.
 */
final class CheckedValue {

	private CheckedValue() {
	}

	/** A duration, size or number above zero. */
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Positive {

	}

	/** A duration or number of zero or more. */
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface NotNegative {

	}

	/** An absolute http(s) URL with a host. */
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface HttpUrl {

		/**
		 * A URL of the kind expected, shown in the fix.
		 * @return e.g. {@code https://acme.cloud.bentoml.com}
		 */
		String example();

	}

}
