package dev.bentocloud.spring.service.scan;

import dev.bentocloud.spring.service.EnableBentoServices;

import org.springframework.context.annotation.Configuration;

/** Scans its own package, as an application class would. */
@Configuration(proxyBeanMethods = false)
@EnableBentoServices
public class ScanConfiguration {

}
