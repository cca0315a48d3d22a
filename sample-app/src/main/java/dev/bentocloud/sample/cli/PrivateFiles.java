package dev.bentocloud.sample.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.bentocloud.sample.TerminalText;
import org.jspecify.annotations.Nullable;

/**
 * Warnings about files that hold secrets but are open to other users, as OpenSSH gives
 * for keys: one line naming the path and the {@code chmod} that fixes it, with the path
 * {@linkplain TerminalText#cap(String) escaped}. File systems without POSIX permissions
 * get no warning.
 */
final class PrivateFiles {

	private static final Set<PosixFilePermission> READ_BY_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.OTHERS_READ);

	private static final Set<PosixFilePermission> WRITTEN_BY_OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
			PosixFilePermission.OTHERS_WRITE);

	/** What a shell takes as one word without quotes. */
	private static final Pattern SHELL_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

	private static final int STICKY = 01000;

	private PrivateFiles() {
	}

	/**
	 * A warning when a token file can be read or changed by its group or by others.
	 * @param file the token file
	 * @return the warning, or empty
	 */
	static Optional<String> tokenFileWarning(Path file) {
		Set<PosixFilePermission> permissions = permissions(file);
		if (permissions == null) {
			return Optional.empty();
		}
		@Nullable String access = !intersection(permissions, READ_BY_OTHERS).isEmpty() ? "can be read"
				: !intersection(permissions, WRITTEN_BY_OTHERS).isEmpty() ? "can be changed" : null;
		if (access == null) {
			return Optional.empty();
		}
		return Optional.of("Warning: the token file " + TerminalText.cap(file.toString()) + " " + access
				+ " by other users (" + PosixFilePermissions.toString(permissions) + "); make it private: chmod 600 "
				+ TerminalText.cap(shellWord(file.toString())));
	}

	/**
	 * A warning when the folder of the credentials file can be written by its group or by
	 * others: they could replace the file (another endpoint, another token) or plant a
	 * link in its place. A folder that is only readable by others is no warning: the file
	 * in it is {@code 0600}, and BentoML creates its home folder {@code 0755}.
	 * @param folder the folder of the credentials file
	 * @param moveHint what to set to keep the file elsewhere, for a shared folder such as
	 * {@code /tmp}
	 * @return the warning, or empty
	 */
	static Optional<String> credentialsFolderWarning(Path folder, String moveHint) {
		Set<PosixFilePermission> permissions = permissions(folder);
		if (permissions == null || intersection(permissions, WRITTEN_BY_OTHERS).isEmpty()) {
			return Optional.empty();
		}
		String shown = TerminalText.cap(folder.toString());
		if (isSticky(folder)) {
			// /tmp and the like: chmod 700 is not the fix.
			return Optional.of("Warning: the credentials folder " + shown + " is shared with other users ("
					+ PosixFilePermissions.toString(permissions) + ", sticky); keep the credentials in a folder of "
					+ "your own: " + moveHint);
		}
		return Optional.of("Warning: the credentials folder " + shown + " can be written by other users ("
				+ PosixFilePermissions.toString(permissions)
				+ "), who could replace the saved credentials; make it private: chmod 700 "
				+ TerminalText.cap(shellWord(folder.toString())));
	}

	/** The text as one shell word: as it is when safe, else in single quotes. */
	static String shellWord(String text) {
		return SHELL_WORD.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
	}

	private static @Nullable Set<PosixFilePermission> permissions(Path path) {
		try {
			return Files.getPosixFilePermissions(path);
		}
		catch (IOException | UnsupportedOperationException ex) {
			return null;
		}
	}

	private static Set<PosixFilePermission> intersection(Set<PosixFilePermission> permissions,
			Set<PosixFilePermission> wanted) {
		Set<PosixFilePermission> both = EnumSet.noneOf(PosixFilePermission.class);
		both.addAll(permissions);
		both.retainAll(wanted);
		return both;
	}

	private static boolean isSticky(Path folder) {
		try {
			return Files.getAttribute(folder, "unix:mode") instanceof Integer mode && (mode & STICKY) != 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return false;
		}
	}

}
