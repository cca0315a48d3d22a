package dev.bentocloud.sample.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Write failures of the credentials file as the {@code cloud} commands report them. The
 * end-to-end cases (a folder that is a file, an immutable folder or file, a folder
 * without write permission) are in {@link CloudCommandTests}; a read-only file system
 * cannot be made without mounting one, so its wording is checked here with the exception
 * the JDK throws for {@code EROFS}.
 */
class CloudContextsTests {

	private static final Path FILE = Path.of("/home/u/bentoml/.yatai.yaml");

	@Test
	void aReadOnlyFileSystemIsNamedWithThePathAndTheFix() {
		FileSystemException readOnly = new FileSystemException("/home/u/bentoml/.yatai.yaml.lock", null,
				"Read-only file system");
		assertThat(CloudContexts.cannotWrite(FILE, readOnly, false))
			.hasMessage("Cannot write /home/u/bentoml/.yatai.yaml: read-only file system "
					+ "(/home/u/bentoml/.yatai.yaml.lock). Set BENTOML_HOME to a writable folder. Nothing was saved.");
		assertThat(CloudContexts.cannotWrite(FILE, readOnly, true))
			.hasMessage("Cannot write /home/u/bentoml/.yatai.yaml: read-only file system "
					+ "(/home/u/bentoml/.yatai.yaml.lock). Set bentocloud.config-file to a writable path. "
					+ "Nothing was saved.");
	}

	@Test
	void aPermissionDeniedWhoseMessageIsOnlyAPathSaysWhatFailed() {
		assertThat(
				CloudContexts.cannotWrite(FILE, new AccessDeniedException("/home/u/bentoml/.yatai.yaml.lock"), false))
			.hasMessage("Cannot write /home/u/bentoml/.yatai.yaml: permission denied "
					+ "(/home/u/bentoml/.yatai.yaml.lock). Set BENTOML_HOME to a writable folder. Nothing was saved.");
	}

	@Test
	void aFailedMoveNamesTheCredentialsFileNotTheTemporaryOne() {
		FileSystemException move = new FileSystemException("/home/u/bentoml/.yatai.yaml.123.tmp",
				"/home/u/bentoml/.yatai.yaml", "No space left on device");
		assertThat(CloudContexts.cannotWrite(FILE, move, false)).hasMessageStartingWith(
				"Cannot write /home/u/bentoml/.yatai.yaml: no space left on device (/home/u/bentoml/.yatai.yaml).");
	}

	@Test
	void aFolderThatIsAFileIsNotADirectory() {
		assertThat(CloudContexts.cannotWrite(FILE, new FileAlreadyExistsException("/home/u/bentoml"), false))
			.hasMessageStartingWith("Cannot write /home/u/bentoml/.yatai.yaml: /home/u/bentoml is not a directory.");
		assertThat(CloudContexts.cannotWrite(FILE,
				new FileSystemException("/home/u/bentoml/sub", null, "Not a directory"), false))
			.hasMessageStartingWith("Cannot write /home/u/bentoml/.yatai.yaml: not a directory (/home/u/bentoml/sub).");
	}

}
