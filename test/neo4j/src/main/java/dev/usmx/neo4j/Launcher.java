package dev.usmx.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Test-only launcher: starts a real in-process Neo4j 5.26 DBMS (neo4j-harness) with Bolt on
 * 127.0.0.1, HTTP/HTTPS disabled and auth disabled, prints exactly one line
 * {@code NEO4J_READY bolt://127.0.0.1:PORT} to stdout, then blocks until it gets SIGTERM/SIGINT
 * or until its stdin reaches EOF (so a launcher orphaned by a dead parent exits too).
 *
 * <p>Arguments (all optional):
 * <ul>
 *   <li>{@code --port N}           Bolt port; 0 (default) = an ephemeral port chosen by the OS.
 *                                  Pass the previous port to restart "the same" server.</li>
 *   <li>{@code --password PW}      turn auth on; user {@code neo4j} gets password PW (default: auth off).</li>
 *   <li>{@code --data-dir DIR}     keep the store (databases + transaction logs) in DIR instead
 *                                  of the throwaway temp dir, so it survives a stop/start; the
 *                                  launcher never deletes DIR (the caller owns it).</li>
 *   <li>{@code --pagecache-mb N}   page cache size in MiB (default 64).</li>
 *   <li>{@code --no-stdin-watch}   do not exit on stdin EOF (for running by hand with
 *                                  {@code </dev/null} or from a script).</li>
 * </ul>
 * Everything except the ready line goes to stderr; stdout is reserved for that protocol line.
 * The store lives in a fresh temp directory ({@code $TMPDIR/usmx-neo4j-*}) that is deleted on
 * exit; directories left behind by a SIGKILLed launcher are swept at the next start.
 */
public final class Launcher {
    static final String HOST = "127.0.0.1";
    static final String TMP_PREFIX = "usmx-neo4j-";
    static final String PID_FILE = "launcher.pid";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        int port = 0;
        long pagecacheMb = 64;
        boolean watchStdin = true;
        Path dataDir = null;
        String password = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--password":
                    password = args[++i];
                    break;
                case "--port":
                    port = Integer.parseInt(args[++i]);
                    break;
                case "--data-dir":
                    dataDir = Paths.get(args[++i]).toAbsolutePath();
                    break;
                case "--pagecache-mb":
                    pagecacheMb = Long.parseLong(args[++i]);
                    break;
                case "--no-stdin-watch":
                    watchStdin = false;
                    break;
                default:
                    System.err.println("neo4j-test-launcher: unknown argument " + args[i]);
                    System.exit(2);
            }
        }

        // stdout is the protocol channel: keep a handle for the ready line, send all other
        // output (Neo4j, log4j, netty, JVM libraries) to stderr.
        final PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        final Path tmpRoot = Paths.get(System.getProperty("java.io.tmpdir"));
        sweepStaleDirs(tmpRoot);
        final Path workDir = Files.createTempDirectory(tmpRoot, TMP_PREFIX);
        Files.writeString(workDir.resolve(PID_FILE), Long.toString(ProcessHandle.current().pid()));

        final CountDownLatch stopped = new CountDownLatch(1);
        final Neo4j[] holder = new Neo4j[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Neo4j neo = holder[0];
                if (neo != null) {
                    neo.close();
                }
            } catch (Throwable t) {
                System.err.println("neo4j-test-launcher: error while stopping Neo4j: " + t);
            } finally {
                deleteRecursively(workDir);
                stopped.countDown();
            }
        }, "neo4j-test-launcher-shutdown"));

        final long t0 = System.nanoTime();
        final Neo4j neo4j;
        try {
            Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder = builder.withConfig(GraphDatabaseSettings.data_directory, dataDir);
            }
            neo4j = builder
                    .withDisabledServer() // no web server at all (HTTP + HTTPS off)
                    .withConfig(HttpConnector.enabled, false)
                    .withConfig(HttpsConnector.enabled, false)
                    .withConfig(BoltConnector.enabled, true)
                    .withConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .withConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .withConfig(GraphDatabaseSettings.auth_enabled, password != null)
                    .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                    .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .withConfig(GraphDatabaseSettings.debug_log_enabled, false)
                    // Bolt's netty groups otherwise wait a 5 s "quiet period" each (boss + workers)
                    // on shutdown, i.e. ~10 s per stop; a throwaway test server needs none.
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
        } catch (Throwable t) {
            System.err.println("neo4j-test-launcher: Neo4j failed to start");
            t.printStackTrace(System.err);
            // The shutdown hook still deletes workDir.
            System.exit(1);
            return;
        }
        holder[0] = neo4j;
        if (password != null) {
            // Embedded access to the system database bypasses auth: give the default user the
            // test password, so that Bolt clients must present it (and a wrong one is refused).
            try {
                neo4j.databaseManagementService().database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        java.util.Map.of("password", password));
            } catch (RuntimeException e) {
                // A kept --data-dir already has it: Neo4j refuses setting the same password again.
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    System.err.println("neo4j-test-launcher: cannot set the test password");
                    e.printStackTrace(System.err);
                    System.exit(1); // Neo4j's threads would otherwise keep the JVM alive
                }
            }
        }

        int boltPort = neo4j.boltURI().getPort();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.err.println("neo4j-test-launcher: Neo4j " + neo4jVersion() + " up in " + ms
                + " ms, bolt port " + boltPort + ", home " + workDir
                + (dataDir == null ? "" : ", store " + dataDir));
        protocol.println("NEO4J_READY bolt://" + HOST + ":" + boltPort);
        protocol.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // ignore input; we only care about EOF
                    }
                } catch (IOException ignored) {
                    // treat a broken stdin like EOF
                }
                System.err.println("neo4j-test-launcher: stdin closed, shutting down");
                System.exit(0);
            }, "neo4j-test-launcher-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }

        stopped.await(); // released by the shutdown hook (SIGTERM/SIGINT/System.exit)
    }

    private static String neo4jVersion() {
        Package p = Neo4jBuilders.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "5.26.x" : v;
    }

    /** Remove temp dirs of launchers that died without running their shutdown hook (SIGKILL). */
    private static void sweepStaleDirs(Path tmpRoot) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmpRoot, TMP_PREFIX + "*")) {
            for (Path dir : dirs) {
                Path pidFile = dir.resolve(PID_FILE);
                if (!Files.isRegularFile(pidFile)) {
                    continue; // not ours, or still being created
                }
                try {
                    long pid = Long.parseLong(Files.readString(pidFile).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (IOException | NumberFormatException e) {
                    continue;
                }
                deleteRecursively(dir);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
