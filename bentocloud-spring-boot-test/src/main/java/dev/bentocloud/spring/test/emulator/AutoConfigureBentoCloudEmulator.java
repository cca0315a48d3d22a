package dev.bentocloud.spring.test.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;
import org.springframework.test.context.TestPropertySource;

/**
 * Points the application's BentoCloud client and health indicator at a
 * {@link dev.bentocloud.emulator.BentoCloudEmulator} started in the test JVM, on a random
 * port of 127.0.0.1, for {@code @SpringBootTest} and slice tests:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureBentoCloudEmulator
 * class TokenJanitorTests {
 *
 *     &#64;Autowired BentoCloudEmulator emulator;   // seed it, inject faults, check requests()
 *
 *     &#64;Autowired TokenJanitor janitor;          // uses the auto-configured BentoCloudClient
 * }
 * </pre>
 *
 * The emulator is a bean, closed with the application context; its
 * {@code BentoCloudConnectionDetails} (source {@code emulator}) replace the ones from
 * properties. BentoML's own sources ({@code BENTO_CLOUD_API_KEY},
 * {@code BENTO_CLOUD_API_ENDPOINT}, {@code .yatai.yaml}) are not read at all
 * ({@code bentocloud.credentials.bentoml-sources=false}): a developer's real credentials
 * are never sent anywhere, and a broken credentials file cannot stop the test's
 * application from starting.
 * <p>
 * The application's own credentials are not used either: a
 * {@code BentoCloudConnectionDetails} bean of the application's (from a secrets manager,
 * say) is replaced by the emulator's, every {@code BentoCloudClientBuilder} bean gets the
 * emulator's endpoint and token, and while the context is open
 * {@code BentoCloudCredentialsResolver.bentoml()} resolves to the emulator
 * ({@code TestCredentialsOverride}). A client built with a hard-coded endpoint and token
 * is not covered; see {@code docs/testing.md}.
 * <p>
 * Test classes with the same attributes share a cached application context, and so an
 * emulator. Unless {@link #resetAfterEachTest()} is {@code false}, the emulator is
 * {@linkplain dev.bentocloud.emulator.BentoCloudEmulator#reset() reset} after each test
 * method: recorded requests, fault rules and what the test added are gone.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping(BentoCloudEmulatorTestAutoConfiguration.PROPERTY_PREFIX)
@TestPropertySource(properties = "bentocloud.credentials.bentoml-sources=false")
public @interface AutoConfigureBentoCloudEmulator {

	/**
	 * Whether to reset the emulator after each test method.
	 * @return {@code true} by default
	 */
	boolean resetAfterEachTest() default true;

	/**
	 * Whether to seed the demo data too: API tokens {@code ci} and {@code read-only} and
	 * the running deployment {@code demo-iris}. The user {@code demo} of organization
	 * {@code acme} and its token are always there.
	 * @return {@code false} by default
	 */
	boolean seedDemoData() default false;

	/**
	 * A seed file (YAML or JSON, see {@link dev.bentocloud.emulator.EmulatorSeed}) as a
	 * Spring resource location, e.g. {@code classpath:bentocloud-seed.yaml}; empty for
	 * none.
	 * @return the location
	 */
	String seed() default "";

}
