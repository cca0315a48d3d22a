/**
 * BentoML's credential chain: environment variables and the
 * {@code ~/.bentoml/.yatai.yaml} contexts file.
 */
@NullMarked
package dev.bentocloud.client.credentials;

import org.jspecify.annotations.NullMarked;
