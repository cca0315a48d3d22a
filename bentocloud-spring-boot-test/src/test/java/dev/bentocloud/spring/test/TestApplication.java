package dev.bentocloud.spring.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application under test: only the auto-configuration (the starter and Actuator). */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

}
