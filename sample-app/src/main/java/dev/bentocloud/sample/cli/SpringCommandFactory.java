package dev.bentocloud.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * Lets picocli create command classes through Spring, so that commands get beans such as
 * the BentoCloud client by constructor injection. Everything else picocli needs
 * (converters, collections) comes from picocli's own factory.
 */
final class SpringCommandFactory implements IFactory {

	private final AutowireCapableBeanFactory beanFactory;

	SpringCommandFactory(AutowireCapableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		if (type.isAnnotationPresent(Command.class)) {
			return this.beanFactory.createBean(type);
		}
		return CommandLine.defaultFactory().create(type);
	}

}
