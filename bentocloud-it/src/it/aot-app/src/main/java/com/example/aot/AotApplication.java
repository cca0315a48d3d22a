package com.example.aot;

import dev.bentocloud.spring.service.EnableBentoServices;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@EnableBentoServices(clients = Summarizer.class)
public class AotApplication {

	public static void main(String[] args) {
		SpringApplication.run(AotApplication.class, args);
	}

}
