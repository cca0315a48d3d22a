package dev.bentocloud.client.service.interfaces;

import org.springframework.core.ResolvableType;

/**
 * One argument a method of a {@link BentoService} interface sends: a parameter, or a
 * component of its {@link BentoInput} record.
 *
 * @param name the argument's name in the route's input schema
 * @param type its Java type
 * @param file whether it is a file or a collection of files ({@code Path}, {@code File},
 * {@code Resource}, {@code ServiceFile}), sent as multipart
 * @param optional whether the Java side may leave it out: the parameter is
 * {@code @Nullable}, and {@code null} is not sent (the service's default applies)
 * @since 0.1.0
 */
public record ServiceArgument(String name, ResolvableType type, boolean file, boolean optional) {

	@Override
	public String toString() {
		return this.name + " (" + this.type + ")";
	}

}
