package dev.bentocloud.spring.service.scan;

/** An interface without {@code @BentoService}: scanning leaves it alone. */
public interface NotAService {

	String summarize(String text);

}
