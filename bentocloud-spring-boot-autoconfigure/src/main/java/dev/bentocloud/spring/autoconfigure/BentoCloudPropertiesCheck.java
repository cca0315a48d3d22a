package dev.bentocloud.spring.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import dev.bentocloud.client.support.BentoCloudEndpoints;
import dev.bentocloud.spring.credentials.SafeText;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.unit.DataSize;

/**
 * Checks {@link BentoCloudProperties} as soon as they are bound, before any bean uses
 * them: every value against its {@link CheckedValue} annotation, and the keys against the
 * properties that exist ({@link UnknownBentoCloudProperties}). A value that does not fit
 * throws Boot's {@link InvalidConfigurationPropertyValueException}, whose failure report
 * shows the value as written and where it was set; the reason says the fix.
 */
final class BentoCloudPropertiesCheck implements BeanPostProcessor {

	private final ConfigurableEnvironment environment;

	BentoCloudPropertiesCheck(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof BentoCloudProperties properties) {
			UnknownBentoCloudProperties.reject(this.environment);
			check("bentocloud.", properties);
			properties.getServices().forEach((name, service) -> check("bentocloud.services." + name + ".", service));
		}
		return bean;
	}

	private void check(String prefix, Object properties) {
		for (Field field : properties.getClass().getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
				continue;
			}
			String name = prefix + dashed(field.getName());
			ReflectionUtils.makeAccessible(field);
			Object value = ReflectionUtils.getField(field, properties);
			if (isNested(field.getType()) && value != null) {
				check(name + ".", value);
			}
			else if (value != null && !(value instanceof Map)) {
				check(name, value, field);
			}
		}
	}

	/**
	 * The nested groups, such as {@code retry}; named services are checked on their own.
	 */
	static boolean isNested(Class<?> type) {
		return type.getDeclaringClass() == BentoCloudProperties.class && !type.isEnum()
				&& type != BentoCloudProperties.NamedService.class;
	}

	private void check(String name, Object value, Field field) {
		boolean positive = field.isAnnotationPresent(CheckedValue.Positive.class);
		boolean notNegative = field.isAnnotationPresent(CheckedValue.NotNegative.class);
		CheckedValue.HttpUrl httpUrl = field.getAnnotation(CheckedValue.HttpUrl.class);
		if (value instanceof Duration duration && (positive || notNegative)
				&& (duration.isNegative() || (positive && duration.isZero()))) {
			throw invalid(name, duration,
					positive ? "The duration must be positive: set a positive duration such as 5s or 500ms."
							: "The duration must not be negative: set 0s (none) or a positive duration such as 10s.");
		}
		if (value instanceof DataSize size && positive && size.toBytes() < 1) {
			throw invalid(name, size, "The size must be positive: set a positive size such as 16MB.");
		}
		if (value instanceof Integer number && (positive || notNegative) && (number < 0 || (positive && number == 0))) {
			throw invalid(name, number, positive ? "The number must be at least 1: set a positive number."
					: "The number must not be negative: set 0 (none) or a positive number.");
		}
		// A URL with user info is reported where it is used, without its password.
		if (value instanceof URI url && httpUrl != null && url.getRawUserInfo() == null
				&& !BentoCloudEndpoints.isHttpUrl(url)) {
			String shown = SafeText.endpoint(url.toString());
			if (!shown.equals(url.toString())) {
				// Boot's report would print it as written: escape sequences, thousands of
				// characters, as .yatai.yaml may hold.
				throw InvalidBentoCloudPropertyException.of(name, shown, this.environment,
						"it is not an http(s) URL with a host", "Write the scheme and the host, such as "
								+ httpUrl.example() + " ('localhost:8081' is read as the scheme 'localhost').");
			}
			throw new InvalidConfigurationPropertyValueException(name, shown,
					CheckedValueConverter.notAnHttpUrl(httpUrl.example()));
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String name, Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(name, value, reason);
	}

	private static String dashed(String name) {
		return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

}
