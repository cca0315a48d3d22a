package dev.bentocloud.sample.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * Creates picocli's command objects. A command whose constructor takes
 * {@link CliServices} gets the given services, whichever path (Spring or lean) supplies
 * them; everything else picocli needs (converters, mixins, group commands) comes from
 * picocli's own factory.
 */
final class CliCommandFactory implements IFactory {

	private final CliServices services;

	CliCommandFactory(CliServices services) {
		this.services = services;
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		if (type.isAnnotationPresent(Command.class)) {
			Constructor<K> withServices = servicesConstructor(type);
			if (withServices != null) {
				return withServices.newInstance(this.services);
			}
		}
		return CommandLine.defaultFactory().create(type);
	}

	private static <K> Constructor<K> servicesConstructor(Class<K> type) {
		try {
			return type.getConstructor(CliServices.class);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

}
