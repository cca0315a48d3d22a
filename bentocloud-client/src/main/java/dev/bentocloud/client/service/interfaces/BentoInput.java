package dev.bentocloud.client.service.interfaces;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the only parameter of a method as the route's whole input instead of one
 * argument: a record's components are the arguments (named as parameters are, in snake
 * case or by {@link BentoParam} on the component), a {@code Map}'s entries are sent as
 * they are.
 *
 * <pre class="code">
 * record SummaryRequest(String text, int maxWords) { }
 *
 * String summarize(&#64;BentoInput SummaryRequest request); // {"text": ..., "max_words": ...}
 * </pre>
 * <p>
 * Without it a record parameter is one argument whose value is the record as a JSON
 * object, as a Python parameter typed with a pydantic model takes it.
 *
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BentoInput {

}
