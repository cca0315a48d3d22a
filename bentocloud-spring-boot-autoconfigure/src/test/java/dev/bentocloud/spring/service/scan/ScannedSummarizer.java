package dev.bentocloud.spring.service.scan;

import dev.bentocloud.client.service.interfaces.BentoService;

/** Found by scanning this package. */
@BentoService("example")
public interface ScannedSummarizer {

	String summarize(String text);

}
