package dev.bentocloud.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Binds the {@code bentocloud.*} values marked with a {@link CheckedValue} annotation as
 * Boot does, but a value that does not convert throws with the fix as its message, which
 * Boot's failure report of the binding shows next to the property, its value as written
 * and its origin. Only targets with such an annotation match, so the application's other
 * properties are left to Boot. Whether a converted value fits is checked once bound
 * ({@link BentoCloudPropertiesCheck}): Boot would try its own converters after a
 * converter that refuses a value they accept.
 */
final class CheckedValueConverter implements ConditionalGenericConverter {

	private static final String DURATION_FORMAT = "write a number and a unit, such as 5s, 500ms or 2m (units ns, us, "
			+ "ms, s, m, h, d), or an ISO-8601 duration such as PT5S";

	private final ConversionService delegate = ApplicationConversionService.getSharedInstance();

	/**
	 * A binder that checks values as the properties bean's binding does, for reading
	 * {@code bentocloud.*} before the beans exist.
	 * @param environment the environment
	 * @return the binder
	 */
	static Binder binder(Environment environment) {
		GenericConversionService checked = new GenericConversionService();
		checked.addConverter(new CheckedValueConverter());
		return new Binder(ConfigurationPropertySources.get(environment),
				new PropertySourcesPlaceholdersResolver(environment),
				List.of(checked, ApplicationConversionService.getSharedInstance()), null, null, null);
	}

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(Object.class, Object.class));
	}

	@Override
	public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
		return targetType.hasAnnotation(CheckedValue.Positive.class)
				|| targetType.hasAnnotation(CheckedValue.NotNegative.class)
				|| targetType.hasAnnotation(CheckedValue.HttpUrl.class);
	}

	@Override
	public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null) {
			return null;
		}
		Object value;
		try {
			value = this.delegate.convert(source, sourceType, targetType);
		}
		catch (ConversionFailedException ex) {
			// Without the cause: Boot's report shows the deepest cause's message.
			throw new IllegalArgumentException(unconvertible(targetType));
		}
		return value;
	}

	private static String unconvertible(TypeDescriptor targetType) {
		Class<?> type = targetType.getObjectType();
		if (Duration.class.equals(type)) {
			return "It is not a duration: " + DURATION_FORMAT + ".";
		}
		if (DataSize.class.equals(type)) {
			return "It is not a data size: write a number and a unit, such as 16MB or 512KB (units B, KB, MB, GB, TB).";
		}
		if (URI.class.equals(type)) {
			return notAnHttpUrl(targetType);
		}
		return "It is not a whole number: write digits only, such as 3.";
	}

	private static String notAnHttpUrl(TypeDescriptor targetType) {
		CheckedValue.HttpUrl httpUrl = targetType.getAnnotation(CheckedValue.HttpUrl.class);
		return notAnHttpUrl((httpUrl != null) ? httpUrl.example() : "https://acme.cloud.bentoml.com");
	}

	static String notAnHttpUrl(String example) {
		return "It is not an http(s) URL with a host: write the scheme and the host, such as " + example
				+ " ('localhost:8081' is read as the scheme 'localhost').";
	}

}
