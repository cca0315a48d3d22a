package dev.bentocloud.client.service.interfaces;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The argument a parameter (or a component of a {@link BentoInput} record) is sent as,
 * when its name is not the parameter's name in snake case ({@code maxWords} is sent as
 * {@code max_words} without this annotation). Parameter names are read from the class
 * file, so code compiled without {@code -parameters} needs this annotation on every
 * parameter (Spring Boot's Maven and Gradle plugins compile with {@code -parameters}).
 *
 * @since 0.1.0
 */
@Target({ ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BentoParam {

	/**
	 * The argument's name as the route's input schema lists it.
	 * @return the name
	 */
	String value();

}
