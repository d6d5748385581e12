package org.occam.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a run or sweep folder, held for the whole life of the process's work on
 * it: {@code FOLDER/.lock}, locked with {@link FileChannel#tryLock()} (an OS lock that the kernel
 * releases when the process dies, however it dies, so a stale lock of a killed process is free
 * again at once) and holding one line that names the holder: {@code pid 4711 on host since
 * 2026-…Z: what}. A second process refuses at once with {@link FolderLockedException}.
 *
 * <p>The lock file is never deleted (deleting it would let a third process lock a new file while
 * the second still holds the old one). Within one JVM, locks are tracked here as well: the OS lock
 * belongs to the whole process, and opening and closing a second channel on a locked file would
 * release it. A thread that already holds a folder's lock may acquire it again (a nested handle
 * whose close does nothing); another thread of the same process is refused like another process.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name inside the folder. */
    public static final String FILE = ".lock";

    private static final Map<Path, FolderLock> HELD = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner;
    private final String holder;
    private final boolean nested;

    private FolderLock(Path key, FileChannel channel, FileLock lock, String holder, boolean nested) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.owner = Thread.currentThread();
        this.holder = holder;
        this.nested = nested;
    }

    /**
     * Locks {@code folder} (created if missing) for {@code what} (e.g. "./occam train"), or throws
     * {@link FolderLockedException} naming the holder when another process or thread has it.
     *
     * @param folder the run or sweep folder to lock
     * @param what the command holding the lock, written into the lock file for whoever is refused
     * @return the held lock; close it to release
     * @throws UncheckedIOException when the folder or its lock file cannot be created
     */
    public static FolderLock acquire(Path folder, String what) {
        Path key = folder.toAbsolutePath().normalize();
        FolderLock mine = HELD.get(key);
        if (mine != null) {
            if (mine.owner == Thread.currentThread()) {
                return new FolderLock(key, null, null, mine.holder, true);
            }
            throw refused(folder, mine.holder);
        }
        synchronized (HELD) {
            if (HELD.containsKey(key)) {
                throw refused(folder, HELD.get(key).holder);
            }
            FileChannel ch = null;
            try {
                Files.createDirectories(key);
                ch = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    String other = readHolder(ch);
                    ch.close();
                    throw refused(folder, other);
                }
                String line = describe(what);
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(true);
                FolderLock held = new FolderLock(key, ch, l, line, false);
                HELD.put(key, held);
                return held;
            } catch (IOException e) {
                closeQuietly(ch);
                throw new UncheckedIOException("cannot lock " + folder + " (" + key.resolve(FILE) + "): " + e.getMessage(), e);
            }
        }
    }

    /**
     * Whether a live process (this one included) holds the lock of {@code folder}; false when the
     * folder has no lock file (never locked) or its holder has died.
     *
     * @param folder the run or sweep folder
     * @return true while a live process holds its lock
     */
    public static boolean isHeld(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        if (HELD.containsKey(key)) {
            return true;
        }
        synchronized (HELD) {
            if (HELD.containsKey(key)) {
                return true;
            }
            try (FileChannel ch = FileChannel.open(key.resolve(FILE), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock l = ch.tryLock();
                if (l == null) {
                    return true;
                }
                l.release();
                return false;
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException | OverlappingFileLockException e) {
                return true;
            }
        }
    }

    /**
     * Whether {@code folder} has a lock file, i.e. was ever locked (by this version of Occam or later).
     *
     * @param folder the run or sweep folder
     * @return true when its lock file exists
     */
    public static boolean hasLockFile(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /**
     * The line this lock wrote: {@code pid N on HOST since TIME: what}.
     *
     * @return the holder line, as a refused process prints it
     */
    public String holder() {
        return holder;
    }

    /** Releases the lock (the file stays); a nested handle releases nothing. */
    @Override
    public void close() {
        if (nested) {
            return;
        }
        synchronized (HELD) {
            HELD.remove(key, this);
            try {
                lock.release();
            } catch (IOException e) {
                // the channel's close below releases it too
            }
            closeQuietly(channel);
        }
    }

    private static FolderLockedException refused(Path folder, String holder) {
        return new FolderLockedException(folder + " is in use by " + (holder == null || holder.isBlank()
                ? "another process (it has not written its name yet)" : holder)
                + "; wait for it to end or stop it, then run this again");
    }

    private static String readHolder(FileChannel ch) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            ByteBuffer b = ByteBuffer.allocate(1024);
            int n = ch.read(b, 0);
            if (n > 0) {
                String s = new String(b.array(), 0, n, StandardCharsets.UTF_8).strip();
                int nl = s.indexOf('\n');
                return nl < 0 ? s : s.substring(0, nl);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return null;
    }

    private static String describe(String what) {
        long pid = ProcessHandle.current().pid();
        Instant since = ProcessHandle.current().info().startInstant().orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        return "pid " + pid + " on " + host() + " since " + since + ": " + what;
    }

    private static String host() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }
}
