package dev.bentocloud.spring.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A value that cannot bind (no scheme, not a duration, a negative duration) gets Boot's
 * failure report of the binding: property, value as written, file and line, and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidPropertyValueReportTests {

	@TempDir
	Path dir;

	private CapturedOutput output;

	@BeforeEach
	void captureOutput(CapturedOutput output) {
		this.output = output;
	}

	@Test
	void anEndpointWithoutSchemeNamesTheSchemeToWrite() throws IOException {
		String report = startupFailure("bentocloud.endpoint=127.0.0.1:3001\n");
		assertThat(report).isEqualTo("""
				Description:

				Invalid value '127.0.0.1:3001' for configuration property 'bentocloud.endpoint'. \
				Validation failed for the following reason:

				Set in URL [file:<config>/application.properties] - 1:21, it is not an http(s) URL with a host: \
				write the scheme and the host, such as https://acme.cloud.bentoml.com \
				('localhost:8081' is read as the scheme 'localhost').

				Action:

				Review the value of the property with the provided reason.""");
	}

	@Test
	void aDurationInWordsNamesTheUnitsToWrite() throws IOException {
		String report = startupFailure("bentocloud.connect-timeout=5 seconds\n");
		assertThat(report).isEqualTo("""
				Description:

				Failed to bind properties under 'bentocloud.connect-timeout' to java.time.Duration:

				    Property: bentocloud.connect-timeout
				    Value: "5 seconds"
				    Origin: URL [file:<config>/application.properties] - 1:28
				    Reason: failed to convert java.lang.String to \
				@dev.bentocloud.spring.autoconfigure.CheckedValue.Positive java.time.Duration \
				(caused by java.lang.IllegalArgumentException: It is not a duration: write a number and a unit, \
				such as 5s, 500ms or 2m (units ns, us, ms, s, m, h, d), or an ISO-8601 duration such as PT5S.)

				Action:

				Update your application's configuration""");
	}

	@Test
	void aNegativeDurationIsShownAsWritten() throws IOException {
		String report = startupFailure("bentocloud.response-timeout=-5s\n");
		assertThat(report).isEqualTo("""
				Description:

				Invalid value '-5s' for configuration property 'bentocloud.response-timeout' \
				(originating from 'URL [file:<config>/application.properties] - 1:29'). \
				Validation failed for the following reason:

				The duration must be positive: set a positive duration such as 5s or 500ms.

				Action:

				Review the value of the property with the provided reason.""");
	}

	/** The failure report that Boot printed, from its description on. */
	private String startupFailure(String properties) throws IOException {
		assertThatException()
			.isThrownBy(() -> StarterApplication.run(this.dir, "application.properties", properties, Map.of()).close());
		String printed = this.output.getOut();
		String config = this.dir.resolve("config").toString();
		return printed.substring(printed.lastIndexOf("Description:")).replace(config, "<config>").strip();
	}

}
