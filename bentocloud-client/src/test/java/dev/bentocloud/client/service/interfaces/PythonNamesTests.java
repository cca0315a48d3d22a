package dev.bentocloud.client.service.interfaces;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Java names to Python names and back, and the closest name of a typo. */
class PythonNamesTests {

	@ParameterizedTest
	@CsvSource({ "summarize, summarize", "longJob, long_job", "maxWords, max_words", "parseURL, parse_url",
			"parseURLText, parse_url_text", "classifyV2, classify_v2", "long_job, long_job", "URL, url",
			"text2Speech, text2_speech" })
	void javaToPython(String java, String python) {
		assertThat(PythonNames.toPython(java)).isEqualTo(python);
	}

	@ParameterizedTest
	@CsvSource({ "long_job, longJob", "max_words, maxWords", "summarize, summarize", "v1-classify, v1_classify",
			"2fast, _2fast", "classify_v2, classifyV2" })
	void pythonToJava(String python, String java) {
		assertThat(PythonNames.toJava(python)).isEqualTo(java);
	}

	@ParameterizedTest
	@CsvSource(value = { "summarise, summarize", "longjob, long_job", "LongJob, long_job", "clasify, classify",
			"render_video, null", "x, null" }, nullValues = "null")
	void closest(String name, String closest) {
		assertThat(PythonNames.closest(name, List.of("summarize", "classify", "long_job", "render")))
			.isEqualTo(closest);
	}

}
