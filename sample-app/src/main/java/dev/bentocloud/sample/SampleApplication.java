package dev.bentocloud.sample;

import dev.bentocloud.sample.cli.SampleCli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two modes. With no command it runs the WebFlux service; with a command (such
 * as {@code api-token list}) it runs BentoML-style CLI commands and exits. Leading
 * {@code --key=value} arguments are Spring properties in both modes.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		if (SampleCli.isCommand(args)) {
			System.exit(SampleCli.run(args, System.out, System.err));
		}
		SpringApplication.run(SampleApplication.class, args);
	}

}
