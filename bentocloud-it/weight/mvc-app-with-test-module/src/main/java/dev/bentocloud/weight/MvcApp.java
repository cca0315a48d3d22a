package dev.bentocloud.weight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A fresh Boot MVC application, only packaged to measure what a dependency adds to its
 * jar.
 */
@SpringBootApplication
public class MvcApp {

	public static void main(String[] args) {
		SpringApplication.run(MvcApp.class, args);
	}

}
