package dev.bentocloud.client.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-modify-write of one private file: under an exclusive lock (a {@link FileLock} on
 * the sibling lock file plus an in-process lock, since a {@link FileLock} is per JVM),
 * the new content written to a temporary file in the same folder, forced to disk and
 * renamed over the file with {@link StandardCopyOption#ATOMIC_MOVE}, so that readers see
 * the old or the new file, never half of one. On POSIX file systems the file is
 * {@code 0600} and a folder created for it {@code 0700}. A symbolic link is written
 * through.
 */
final class LockedFileWriter {

	private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

	private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

	private LockedFileWriter() {
	}

	/**
	 * Runs the update under the exclusive lock of the file, creating its folder first.
	 * @param <T> what the update returns
	 * @param target the file, as returned by {@link #writeTarget(Path)}
	 * @param lockSuffix the suffix of the sibling lock file
	 * @param update reads and writes the file
	 * @return what the update returned
	 * @throws IOException when the lock cannot be taken or the update fails to write
	 */
	static <T> T locked(Path target, String lockSuffix, LockedUpdate<T> update) throws IOException {
		Path folder = target.getParent();
		if (folder == null) {
			throw new IllegalArgumentException("Not a file: " + target);
		}
		createFolder(folder);
		Path lockFile = folder.resolve(target.getFileName() + lockSuffix);
		ReentrantLock localLock = LOCAL_LOCKS.computeIfAbsent(lockFile, (key) -> new ReentrantLock());
		localLock.lock();
		try (FileChannel channel = FileChannel.open(lockFile,
				Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), fileAttributes());
				FileLock lock = channel.lock()) {
			return update.run();
		}
		finally {
			localLock.unlock();
		}
	}

	/**
	 * Replaces the file's content, unless it already is {@code content}.
	 * @param target the file
	 * @param content the new content
	 * @throws IOException when the file cannot be written
	 */
	static void writeIfChanged(Path target, byte[] content) throws IOException {
		if (!Files.exists(target) || !Arrays.equals(content, Files.readAllBytes(target))) {
			replace(target, content);
		}
	}

	/**
	 * The file to replace: the target of a symbolic link, so that the link survives.
	 * @param file the file as given
	 * @return the absolute file to write
	 */
	static Path writeTarget(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		try {
			if (Files.isSymbolicLink(absolute)) {
				return absolute.toRealPath();
			}
		}
		catch (IOException ex) {
			// A dangling link: write through it like Python's open("w") would.
			try {
				Path link = Files.readSymbolicLink(absolute);
				return absolute.resolveSibling(link).toAbsolutePath().normalize();
			}
			catch (IOException ignored) {
				// fall through
			}
		}
		return absolute;
	}

	private static void createFolder(Path folder) {
		if (Files.isDirectory(folder)) {
			return;
		}
		try {
			List<Path> missing = new ArrayList<>();
			for (Path candidate = folder; candidate != null
					&& !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); candidate = candidate.getParent()) {
				missing.add(candidate);
			}
			Files.createDirectories(folder);
			if (isPosix()) {
				// createDirectories' attributes pass through
				// the umask; set the mode explicitly.
				for (Path created : missing) {
					Files.setPosixFilePermissions(created, FOLDER_PERMISSIONS);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the folder " + folder
					+ " for the BentoCloud credentials file: " + ex.getClass().getSimpleName() + " " + ex.getMessage(),
					ex);
		}
	}

	private static void replace(Path target, byte[] content) throws IOException {
		Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp", fileAttributes());
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			if (isPosix()) {
				Files.setPosixFilePermissions(temporary, FILE_PERMISSIONS);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	private static FileAttribute<?>[] fileAttributes() {
		return isPosix() ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS) }
				: new FileAttribute<?>[0];
	}

	/**
	 * An update run under the lock.
	 *
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	interface LockedUpdate<T> {

		T run() throws IOException;

	}

}
