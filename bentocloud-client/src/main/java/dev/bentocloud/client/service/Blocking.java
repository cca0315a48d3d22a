package dev.bentocloud.client.service;

import java.util.Objects;

import reactor.core.publisher.Mono;

/** Blocks on a Mono that always has a value. */
final class Blocking {

	private Blocking() {
	}

	static <T> T get(Mono<T> mono) {
		return Objects.requireNonNull(mono.block(), "no value");
	}

}
