package dev.bentocloud.client.service.interfaces;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a deployed BentoML service: each abstract method calls the route
 * of the same name ({@code longJob} calls {@code long_job}; see {@link BentoRoute}), each
 * parameter is the argument of the same name (see {@link BentoParam}), and the return
 * type says how: a value or {@code Mono} calls the route, a {@code Flux} or
 * {@code Stream} streams it, a {@link dev.bentocloud.client.service.BentoTask} submits a
 * task.
 *
 * <pre class="code">
 * &#64;BentoService("summarizer")
 * public interface Summarizer {
 *
 *     String summarize(String text);
 *
 *     Flux&lt;String&gt; generate(String prompt, int n);
 *
 *     BlockingBentoTask longJob(double seconds);
 *
 * }
 * </pre>
 * <p>
 * {@link BentoServiceProxyFactory} makes the implementation; with the Spring Boot
 * starter, {@code @EnableBentoServices} makes it a bean of the service this annotation
 * names. Exactly one of {@link #value()}, {@link #url()} and {@link #deployment()} is
 * set; a proxy made directly by {@link BentoServiceProxyFactory} ignores them.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BentoService {

	/**
	 * The name of the service under {@code bentocloud.services} (its URL or deployment,
	 * token and timeouts come from there), e.g. {@code summarizer}.
	 * @return the service's name, or empty when {@link #url()} or {@link #deployment()}
	 * is set
	 */
	String value() default "";

	/**
	 * The service's URL, e.g. {@code https://summarizer-acme.mt-guc1.bentoml.ai};
	 * placeholders such as {@code ${summarizer.url}} are resolved. It is called with
	 * {@code bentocloud.service.token} and the {@code bentocloud.service.*} defaults.
	 * @return the URL, or empty
	 */
	String url() default "";

	/**
	 * The name of a BentoCloud deployment whose URL is looked up on first call; it is
	 * called with {@code bentocloud.service.token}. Placeholders are resolved.
	 * @return the deployment's name, or empty
	 */
	String deployment() default "";

	/**
	 * The cluster of {@link #deployment()}, or empty for the default cluster.
	 * @return the cluster
	 */
	String cluster() default "";

}
