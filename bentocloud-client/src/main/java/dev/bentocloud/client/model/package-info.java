/**
 * Model of the BentoCloud management API: the JSON objects its calls send and return.
 */
@NullMarked
package dev.bentocloud.client.model;

import org.jspecify.annotations.NullMarked;
