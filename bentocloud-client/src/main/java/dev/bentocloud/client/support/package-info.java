/**
 * Plumbing shared by the management client and the service client: connectors, the token
 * written by the connector, transport failure descriptions. Not API: it may change in any
 * release.
 */
@NullMarked
package dev.bentocloud.client.support;

import org.jspecify.annotations.NullMarked;
