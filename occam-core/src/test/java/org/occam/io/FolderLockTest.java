package org.occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondThreadIsRefusedWithTheHolderNamedAndTheSameThreadNests() throws Exception {
        Path run = dir.resolve("run");
        try (FolderLock lock = FolderLock.acquire(run, "first")) {
            assertTrue(lock.holder().startsWith("pid " + ProcessHandle.current().pid() + " on "), lock.holder());
            assertTrue(lock.holder().endsWith(": first"), lock.holder());
            assertEquals(lock.holder(), Files.readString(run.resolve(FolderLock.FILE)).strip());
            try (FolderLock nested = FolderLock.acquire(run, "again")) {
                assertEquals(lock.holder(), nested.holder());
            }
            assertTrue(FolderLock.isHeld(run), "the nested close released nothing");
            Exception e = CompletableFuture.supplyAsync(() -> assertThrows(FolderLockedException.class,
                    () -> FolderLock.acquire(run, "second"))).get();
            assertEquals(run + " is in use by " + lock.holder() + "; wait for it to end or stop it, then run this again",
                    e.getMessage());
        }
        assertFalse(FolderLock.isHeld(run));
        try (FolderLock again = FolderLock.acquire(run, "third")) {
            assertTrue(again.holder().endsWith(": third"));
        }
    }

    @Test
    void anotherProcessIsRefusedAndItsLockIsFreeOnceItIsKilled() throws Exception {
        Path run = dir.resolve("run");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), run.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("locked pid " + p.pid() + " on "), String.valueOf(line));
            assertTrue(FolderLock.isHeld(run));
            FolderLockedException e = assertThrows(FolderLockedException.class, () -> FolderLock.acquire(run, "me"));
            assertTrue(e.getMessage().startsWith(run + " is in use by pid " + p.pid() + " on "), e.getMessage());
            assertTrue(e.getMessage().contains(" since ") && e.getMessage().contains(": lock holder for a test;"), e.getMessage());
            assertFalse(FolderLock.isHeld(dir.resolve("other")), "a folder without a lock file is free");
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(FolderLock.isHeld(run), "the kernel released the dead holder's lock");
        try (FolderLock mine = FolderLock.acquire(run, "taken over")) {
            assertEquals(mine.holder(), Files.readString(run.resolve(FolderLock.FILE)).strip(), "the stale line is replaced");
        }
    }
}
