package com.example.aot;

import dev.bentocloud.client.service.interfaces.BentoService;

/**
 * A deployed BentoML service as a typed interface: the service {@code example} of
 * {@code bentocloud.services}.
 */
@BentoService("example")
public interface Summarizer {

	String summarize(String text);

}
