package dev.bentocloud.spring.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Makes a bean of each {@link dev.bentocloud.client.service.interfaces.BentoService
 * &#64;BentoService} interface, calling the service its annotation names, as Spring's
 * {@code @ImportHttpServices} does for {@code @HttpExchange} interfaces.
 *
 * <pre class="code">
 * &#64;SpringBootApplication
 * &#64;EnableBentoServices
 * public class MyApplication { }
 *
 * &#64;BentoService("summarizer")        // bentocloud.services.summarizer.url=...
 * public interface Summarizer {
 *     String summarize(String text);
 * }
 * </pre>
 *
 * Without attributes the package of the annotated class and its sub-packages are scanned.
 * Each interface is checked against its service's {@code /schema.json} at startup as
 * {@code bentocloud.service-interfaces.verify} says (default {@code warn}).
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(BentoServicesRegistrar.class)
public @interface EnableBentoServices {

	/**
	 * Packages to scan for {@code @BentoService} interfaces; an alias of
	 * {@link #basePackages()}.
	 * @return the packages
	 */
	String[] value() default {};

	/**
	 * Packages to scan for {@code @BentoService} interfaces, with their sub-packages.
	 * @return the packages
	 */
	String[] basePackages() default {};

	/**
	 * Classes whose packages are scanned, a type-safe alternative to
	 * {@link #basePackages()}.
	 * @return the classes
	 */
	Class<?>[] basePackageClasses() default {};

	/**
	 * {@code @BentoService} interfaces to make beans of without scanning. When only these
	 * are given, no package is scanned.
	 * @return the interfaces
	 */
	Class<?>[] clients() default {};

}
