package org.occam.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU load of other processes while a benchmark runs: busy CPU time of the whole machine
 * (from /proc/stat, steal included) minus this process's CPU time, per second of wall time, as
 * bench/torch_bench.py computes it. About 0 on a quiet machine; null where /proc is missing.
 */
final class CpuLoad {
    /** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
    private static final double HZ = 100;

    /** Wall seconds, machine busy seconds (null if unknown), this process's CPU seconds. */
    record Snapshot(double wall, Double busy, double self) {
    }

    private CpuLoad() {
    }

    static Snapshot snapshot() {
        Double busy = null;
        try {
            String[] v = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal
            long ticks = Long.parseLong(v[1]) + Long.parseLong(v[2]) + Long.parseLong(v[3]) + Long.parseLong(v[6])
                    + Long.parseLong(v[7]) + (v.length > 8 ? Long.parseLong(v[8]) : 0);
            busy = ticks / HZ;
        } catch (IOException | RuntimeException e) {
            busy = null;
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Snapshot(System.nanoTime() / 1e9, busy, os.getProcessCpuTime() / 1e9);
    }

    /** Average CPUs used by other processes between two snapshots, or null. */
    static Double otherLoad(Snapshot a, Snapshot b) {
        double dt = b.wall() - a.wall();
        if (a.busy() == null || b.busy() == null || dt <= 0) {
            return null;
        }
        double others = (b.busy() - a.busy()) - (b.self() - a.self());
        return Math.round(Math.max(0, others / dt) * 1000) / 1000.0;
    }
}
