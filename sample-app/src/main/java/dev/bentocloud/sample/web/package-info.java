/**
 * The sample's web endpoints: REST controllers, problem details and actuator info.
 */
@NullMarked
package dev.bentocloud.sample.web;

import org.jspecify.annotations.NullMarked;
