package org.occam.io;

import java.nio.file.Path;

/** A process that locks a folder, says so on stdout, and holds the lock until it is killed (for FolderLockTest). */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        FolderLock lock = FolderLock.acquire(Path.of(args[0]), "lock holder for a test");
        System.out.println("locked " + lock.holder());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
