package com.example.tokens;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the README's quick start and its test, in a package of its own as a
 * user's application would be.
 */
@SpringBootApplication
public class TokenApplication {

}
