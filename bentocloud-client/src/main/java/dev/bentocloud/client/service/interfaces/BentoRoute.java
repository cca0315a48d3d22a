package dev.bentocloud.client.service.interfaces;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route a method of a {@link BentoService} interface calls, when its name is not the
 * method's name in snake case ({@code longJob} calls {@code long_job} without this
 * annotation).
 *
 * <pre class="code">
 * &#64;BentoRoute("classify_v2")
 * ClassifyResult classify(List&lt;Double&gt; input);
 * </pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BentoRoute {

	/**
	 * The route's name as {@code /schema.json} lists it (or its path).
	 * @return the name, or empty for the method's name in snake case
	 */
	String value() default "";

	/**
	 * Whether the route takes a single root input (its {@code /schema.json} input has
	 * {@code root_input: true}): the method's one parameter is the request body itself.
	 * The client finds this in the schema on its own; saying it here lets the
	 * verification check it and the emulator of the test support serve it.
	 * @return whether the input is a root input
	 */
	boolean rootInput() default false;

}
