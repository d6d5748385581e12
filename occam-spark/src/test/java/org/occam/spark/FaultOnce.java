package org.occam.spark;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.TaskContext;
import org.occam.shard.Chunk;
import org.occam.shard.ChunkOp;
import org.occam.shard.ChunkRunner;
import org.occam.shard.Payload;
import org.occam.shard.ShardProblem;

/**
 * A chunk op that fails once, on the first attempt of a task, the first time any executor runs it
 * (a marker file, seen by every JVM of this machine, records that it fired): it throws, or halts
 * the executor's JVM as a kill would.
 */
record FaultOnce(ChunkOp inner, String marker, boolean halt) implements ChunkOp {

    @Override
    public double[] apply(ShardProblem.Built problem, Chunk chunk, Payload payload) {
        TaskContext t = TaskContext.get();
        if (t != null && t.attemptNumber() == 0 && fire()) {
            if (halt) {
                Runtime.getRuntime().halt(137);
            }
            throw new IllegalStateException("injected failure of task " + t.taskAttemptId() + " on chunk " + chunk.index());
        }
        return inner.apply(problem, chunk, payload);
    }

    private boolean fire() {
        try {
            Files.createFile(Path.of(marker));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return inner + " (fails once)";
    }

    /** A runner whose {@code n}-th reduction uses the failing op. */
    static final class Runner implements ChunkRunner {
        private final ChunkRunner inner;
        private final int n;
        private final String marker;
        private final boolean halt;
        private int calls;

        Runner(ChunkRunner inner, int n, Path marker, boolean halt) {
            this.inner = inner;
            this.n = n;
            this.marker = marker.toString();
            this.halt = halt;
        }

        @Override
        public double[] sum(ChunkOp op, Payload payload) {
            calls++;
            return inner.sum(calls == n ? new FaultOnce(op, marker, halt) : op, payload);
        }

        @Override
        public ShardProblem problem() {
            return inner.problem();
        }

        @Override
        public int chunks() {
            return inner.chunks();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
        }
    }
}
