package dev.bentocloud.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated tests only where a Docker engine answers; elsewhere they are
 * skipped, with the reason. With {@code -Dbentocloud.it.require-docker=true} (as CI sets
 * it) a missing engine fails them instead.
 *
 * @see DockerAvailableCondition
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DockerAvailableCondition.class)
public @interface EnabledIfDockerAvailable {

}
