package org.occam.cli.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dashboard's HTTP server (the JDK's own {@link HttpServer}): the page and its vendored uPlot
 * charting library from the class path, and two read-only JSON endpoints over a {@link RunStore}:
 * {@code /api/runs} and {@code /api/metrics?run=PATH&from=OFFSET}. Bound to one address (127.0.0.1
 * unless told otherwise); only GET is served.
 */
public final class DashboardServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js",
            "/uPlot.iife.min.js", "uPlot.iife.min.js", "/uPlot.min.css", "uPlot.min.css", "/uPlot-LICENSE.txt", "uPlot-LICENSE.txt");

    private final HttpServer server;
    private final ExecutorService pool;

    private DashboardServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Starts serving {@code store} on {@code host}:{@code port} (0: a free port). */
    public static DashboardServer start(RunStore store, String host, int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "occam-dashboard");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(pool);
        s.createContext("/", ex -> handle(ex, store));
        s.start();
        return new DashboardServer(s, pool);
    }

    /** The address a browser opens. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private static void handle(HttpExchange ex, RunStore store) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "only GET is served".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            try {
                switch (path) {
                    case "/api/runs" -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("root", store.root().toString());
                        m.put("runs", store.runs());
                        json(ex, m);
                    }
                    case "/api/metrics" -> json(ex, store.metrics(q.get("run"), parseOffset(q.get("from"))));
                    default -> {
                        String res = STATIC.get(path);
                        if (res == null) {
                            send(ex, 404, "text/plain", ("no such page: " + path).getBytes(StandardCharsets.UTF_8));
                            return;
                        }
                        try (InputStream in = DashboardServer.class.getResourceAsStream(res)) {
                            if (in == null) {
                                throw new IOException("dashboard resource " + res + " is missing from the jar");
                            }
                            send(ex, 200, type(res), in.readAllBytes());
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                send(ex, 400, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static long parseOffset(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("from must be a byte offset, got '" + s + "'");
        }
    }

    private static String type(String res) {
        return res.endsWith(".html") ? "text/html; charset=utf-8" : res.endsWith(".js") ? "text/javascript; charset=utf-8"
                : res.endsWith(".css") ? "text/css; charset=utf-8" : "text/plain; charset=utf-8";
    }

    private static void json(HttpExchange ex, Object body) throws IOException {
        send(ex, 200, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(code, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) {
                m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }
}
