package dev.bentocloud.emulator;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.bentocloud.emulator.junit.BentoCloudEmulatorExtension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API's signatures name no type of the server package, which is not API. */
class ApiSurfaceTests {

	private static final List<Class<?>> API = List.of(BentoCloudEmulator.class, BentoCloudEmulatorBuilder.class,
			BentoCloudEmulatorMain.class, EmulatorSeed.class, Faults.class, FaultRule.class, RecordedRequest.class,
			ServiceApi.class, ApiRoute.class, ServiceCall.class, ServiceErrorAnswer.class, UploadedFile.class,
			BentoCloudEmulatorExtension.class);

	@Test
	void publicSignaturesNameNoServerType() {
		List<String> leaks = new ArrayList<>();
		for (Class<?> type : API) {
			Stream.concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
				.filter((member) -> Modifier.isPublic(member.getModifiers()))
				.filter(ApiSurfaceTests::namesServerType)
				.forEach((member) -> leaks.add(member.toGenericString()));
		}
		assertThat(leaks).isEmpty();
	}

	private static boolean namesServerType(Executable member) {
		return member.toGenericString().contains("dev.bentocloud.emulator.server.");
	}

}
