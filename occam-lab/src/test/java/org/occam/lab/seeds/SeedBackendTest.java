package org.occam.lab.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.claim.Outcome;
import org.occam.lab.clr.ClrSweep;
import org.occam.lab.dal.DalSweep;
import org.occam.lab.eos.EosSweep;
import org.occam.lab.hom.HomSweep;
import org.occam.lab.mgc.MgcSweep;
import org.occam.lab.mm.MaxMarginSweep;
import org.occam.lab.mt.Mt1;
import org.occam.lab.nc.NcSweep;

/**
 * The reproductions built on {@link SeedRuns#reproduce} run their seeds on a {@link SeedBackend}
 * with the outcome of a local run: each seed's run and its result survive Java serialization (what
 * Spark does to a task and its result), and the claims' per-seed values are the same bits.
 */
class SeedBackendTest {

    /** Does to each seed what Spark does: the run is serialized and read back, run, and its result too. */
    static final class SerializingBackend implements SeedBackend {
        int tasks;

        @Override
        public <R extends Serializable> List<R> run(String id, long[] seeds, SeedRun<R> run) {
            List<R> out = new ArrayList<>();
            for (long s : seeds) {
                SeedRun<R> shipped = roundTrip(run);
                out.add(roundTrip(shipped.run(s, line -> { })));
                tasks++;
            }
            return out;
        }

        @Override
        public String describe() {
            return "a serializing test backend";
        }

        @Override
        public void close() {
        }

        @SuppressWarnings("unchecked")
        static <T> T roundTrip(T o) {
            try {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(b)) {
                    out.writeObject(o);
                }
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
                    return (T) in.readObject();
                }
            } catch (IOException | ClassNotFoundException e) {
                throw new UncheckedIOException(new IOException("cannot ship " + o.getClass().getName() + ": " + e, e));
            }
        }
    }

    @Test
    void everyTaskReproductionGivesTheLocalOutcomeOnABackend(@TempDir Path dir) {
        Map<String, BiFunction<Seeds, Path, Outcome>> reproductions = new LinkedHashMap<>();
        reproductions.put("eos", (s, d) -> EosSweep.reproduce(EosSweep.Settings.quick(), s, true, d, line -> { }));
        reproductions.put("mm", (s, d) -> MaxMarginSweep.reproduce(MaxMarginSweep.Settings.quick(), s, true, d, line -> { }));
        reproductions.put("mgc", (s, d) -> MgcSweep.reproduce(MgcSweep.Settings.quick(), s, true, d, line -> { }));
        reproductions.put("nc", (s, d) -> NcSweep.reproduce(NcSweep.Settings.quick(), s, true, d, line -> { }));
        reproductions.put("dal", (s, d) -> DalSweep.reproduce(DalSweep.Settings.quick(), s, true, d, line -> { }));
        reproductions.put("clr", (s, d) -> ClrSweep.reproduce(ClrSweep.Settings.quick(), s, true, d, line -> { }));
        reproductions.put("hom", (s, d) -> HomSweep.reproduce(HomSweep.Settings.quick(), s, true, d, line -> { }));
        for (var e : reproductions.entrySet()) {
            SerializingBackend backend = new SerializingBackend();
            Outcome local = e.getValue().apply(new Seeds(3, 1, 1), dir.resolve(e.getKey() + "-local"));
            Outcome shipped = e.getValue().apply(new Seeds(3, 1, 1, backend), dir.resolve(e.getKey() + "-shipped"));
            assertEquals(1, backend.tasks, e.getKey());
            assertEquals(withoutReport(local), withoutReport(shipped), e.getKey());
        }
    }

    @Test
    void aReproductionWhoseResultsStayHereRefusesABackendBeforeRunning(@TempDir Path dir) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Mt1.reproduce(
                Mt1.Settings.quick(), new Seeds(0, 2, 1, new SerializingBackend()), true, dir, line -> { }));
        assertEquals("MT-1: its seeds cannot run on a serializing test backend (its per-seed results hold the trained"
                + " parameters); run them on this machine with --parallel N", e.getMessage());
        assertTrue(dir.toFile().list().length == 0, "nothing was written");
    }

    /** The outcome's JSON (setting, claims with their per-seed values, extra fields) without the report's path. */
    private static String withoutReport(Outcome o) {
        String json = o.json();
        assertTrue(json.contains("\"report\" : \""), json);
        return json.replaceAll("\"report\" : \"[^\"]*\"", "");
    }
}
