package dev.bentocloud.spring.test.emulator;

import dev.bentocloud.client.BlockingBentoCloudClient;
import dev.bentocloud.emulator.BentoCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Context caching and the reset switch, through Spring's own test context machinery (the
 * same cache that test classes share in one JVM).
 */
class ContextCachingTests {

	@Test
	void theSameAnnotationSharesOneContextAndEmulator() {
		ApplicationContext first = contextOf(First.class);
		ApplicationContext second = contextOf(Second.class);
		assertThat(second).isSameAs(first);
		assertThat(second.getBean(BentoCloudEmulator.class)).isSameAs(first.getBean(BentoCloudEmulator.class));
		ApplicationContext other = contextOf(NoReset.class);
		assertThat(other).isNotSameAs(first);
		assertThat(other.getBean(BentoCloudEmulator.class).port())
			.isNotEqualTo(first.getBean(BentoCloudEmulator.class).port());
	}

	@Test
	void requestsAreClearedAfterEachTestUnlessResetIsOff() throws Exception {
		assertThat(requestsLeftAfterATest(First.class)).isZero();
		assertThat(requestsLeftAfterATest(NoReset.class)).isEqualTo(1);
	}

	private static int requestsLeftAfterATest(Class<?> testClass) throws Exception {
		TestContextManager manager = new TestContextManager(testClass);
		Object instance = testClass.getDeclaredConstructor().newInstance();
		manager.prepareTestInstance(instance);
		TestContext testContext = manager.getTestContext();
		BentoCloudEmulator emulator = testContext.getApplicationContext().getBean(BentoCloudEmulator.class);
		emulator.clearRequests();
		manager.beforeTestMethod(instance, Example.METHOD);
		testContext.getApplicationContext().getBean(BlockingBentoCloudClient.class).currentUser();
		manager.afterTestMethod(instance, Example.METHOD, null);
		return emulator.requests().size();
	}

	private static ApplicationContext contextOf(Class<?> testClass) {
		return new TestContextManager(testClass).getTestContext().getApplicationContext();
	}

	@SpringBootTest
	@AutoConfigureBentoCloudEmulator
	static class First {

	}

	@SpringBootTest
	@AutoConfigureBentoCloudEmulator
	static class Second {

	}

	@SpringBootTest
	@AutoConfigureBentoCloudEmulator(resetAfterEachTest = false)
	static class NoReset {

	}

	static final class Example {

		static final java.lang.reflect.Method METHOD;

		static {
			try {
				METHOD = Example.class.getDeclaredMethod("test");
			}
			catch (NoSuchMethodException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		void test() {
		}

	}

}
