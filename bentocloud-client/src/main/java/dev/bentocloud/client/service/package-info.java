/**
 * Calls to deployed BentoML services: JSON, text, files, streams and tasks, checked
 * against the service's {@code /schema.json}, reactive and blocking.
 */
@NullMarked
package dev.bentocloud.client.service;

import org.jspecify.annotations.NullMarked;
