/**
 * Generation of typed service interfaces from a saved {@code /schema.json}: see
 * {@link BentoServiceInterfaceGenerator}.
 */
@NullMarked
package dev.bentocloud.client.service.codegen;

import org.jspecify.annotations.NullMarked;
