package org.occam.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.occam.cli.dashboard.DashboardServer;
import org.occam.cli.dashboard.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code occam dashboard [DIR]}: a live web page over a run store (docs/dashboard.md). */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve a local web page listing the runs and sweeps under DIR with their status, and live charts",
            "of their metrics (loss, accuracy, sharpness with its stability threshold, GC, any monitor) that update while",
            "runs train; tick runs to overlay them. It only reads the run store. Stop it with Ctrl-C."},
        footer = {"", "Examples:", "  ./occam dashboard runs", "  ./occam dashboard runs --port 8080"})
public final class DashboardCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "runs",
            description = "The folder holding runs and sweeps (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", defaultValue = "0", description = "Port (default: a free one, printed).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}: this"
            + " machine only).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must lie in [0, 65535], got " + port);
        }
        RunStore store = new RunStore(dir);
        try (DashboardServer server = DashboardServer.start(store, host, port)) {
            System.out.println("occam dashboard: " + server.uri() + "  (runs under " + store.root() + "; Ctrl-C stops it)");
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
