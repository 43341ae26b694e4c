package io.github.segmentabsmartly.bridge.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Apache Kafka (3.9, the version camel-kafka's kafka-clients is) in KRaft mode, inside the
 * test JVM: one process that is both broker and controller, on two free loopback ports, with its logs in a
 * temporary folder that it formats itself and deletes on {@link #close()}. No Docker, no ZooKeeper.
 *
 * <pre>
 * try (KafkaBroker kafka = KafkaBroker.start()) {
 *     kafka.createTopic("events", 3);
 *     ... "kafka:events?brokers=" + kafka.bootstrapServers() ...
 * }
 * </pre>
 *
 * Tuned for tests on a small machine: replication factor 1 everywhere, one partition for the internal topics,
 * no initial rebalance delay, few threads. While a broker runs, Kafka's {@code Exit.exit}/{@code Exit.halt}
 * (called by its fatal-fault handlers) are turned into exceptions instead of ending the test JVM; a broker
 * that asked for one fails its {@link #close()}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    /** Brokers running in this JVM: Kafka's Exit procedures are replaced while there is at least one. */
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicReference<String> FATAL_EXIT = new AtomicReference<>();

    private final Path dir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Admin admin;
    private final Duration startedIn;
    private boolean closed;

    private KafkaBroker(Path dir, KafkaRaftServer server, String bootstrapServers, Admin admin, Duration startedIn) {
        this.dir = dir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.startedIn = startedIn;
    }

    /** A broker for bench/run.sh: prints its bootstrap address on one line, then runs until it is stopped. */
    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println(broker.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Starts a broker with the test defaults, and returns once it answers on its bootstrap address. */
    public static KafkaBroker start() {
        return start(Map.of());
    }

    /** Starts a broker with the test defaults overridden (or added to) by {@code overrides}, Kafka's own keys. */
    public static KafkaBroker start(Map<String, String> overrides) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(overrides);
            } catch (RuntimeException e) {
                // most likely a free port taken between choosing it and binding it: again on new ports
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
            }
        }
        throw last;
    }

    private static KafkaBroker startOnce(Map<String, String> overrides) {
        long began = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("kafka-broker-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the broker's log folder", e);
        }
        KafkaRaftServer server = null;
        Admin admin = null;
        boolean exitsReplaced = false;
        try {
            int[] ports = freePorts(2);
            String bootstrap = "127.0.0.1:" + ports[0];
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", String.valueOf(NODE_ID));
            props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + ports[1]);
            props.put("listeners", "PLAINTEXT://" + bootstrap + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + ports[1]);
            props.put("advertised.listeners", "PLAINTEXT://" + bootstrap);
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
            props.put("controller.listener.names", CONTROLLER_LISTENER);
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", dir.toString());
            props.put("metadata.log.dir", dir.toString());
            // a single node: nothing can be replicated, and internal topics must not wait for 3 replicas
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("transaction.state.log.num.partitions", "1");
            props.put("default.replication.factor", "1");
            props.put("min.insync.replicas", "1");
            // a consumer group's first member gets its partitions at once, not after 3 s
            props.put("group.initial.rebalance.delay.ms", "0");
            // fewer threads and a small compaction buffer (128 MiB by default) on a 2-core test machine
            props.put("num.network.threads", "2");
            props.put("num.io.threads", "2");
            props.put("background.threads", "2");
            props.put("num.recovery.threads.per.data.dir", "1");
            props.put("num.replica.fetchers", "1");
            props.put("log.cleaner.threads", "1");
            props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
            // the broker registers and is unfenced sooner
            props.put("broker.heartbeat.interval.ms", "500");
            props.putAll(overrides);

            KafkaConfig config = KafkaConfig.fromProps(props, false);
            format(config, dir);

            replaceExitProcedures();
            exitsReplaced = true;
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup(); // returns once the broker is unfenced and its listeners accept connections

            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "kafka-broker-test-admin",
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis()));
            awaitNodes(admin);
            return new KafkaBroker(dir, server, bootstrap, admin, Duration.ofNanos(System.nanoTime() - began));
        } catch (Exception e) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
            if (server != null) {
                stop(server);
            }
            if (exitsReplaced) {
                restoreExitProcedures();
            }
            deleteRecursively(dir);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("the Kafka broker did not start", e);
        }
    }

    /** What {@code kafka-storage.sh format} does: meta.properties and the bootstrap checkpoint in the log folder. */
    private static void format(KafkaConfig config, Path dir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(dir.toString())
                .run();
    }

    private static void awaitNodes(Admin admin) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + READY_TIMEOUT, last);
    }

    /** host:port for the clients' {@code bootstrap.servers} (camel-kafka's {@code brokers}). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** How long {@link #start()} took, from the empty folder to a broker that answers. */
    public Duration startedIn() {
        return startedIn;
    }

    /** The broker's admin client, for checks such as committed offsets; closed with the broker. */
    public Admin admin() {
        return admin;
    }

    /**
     * Creates a topic with replication factor 1, and returns once every partition has a leader, so that a
     * producer or consumer started next finds it whole.
     */
    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (true) {
                try {
                    TopicDescription topic = admin.describeTopics(List.of(name)).allTopicNames()
                            .get(5, TimeUnit.SECONDS).get(name);
                    if (topic.partitions().size() == partitions
                            && topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                        return;
                    }
                } catch (ExecutionException e) {
                    // UnknownTopicOrPartition until the broker's metadata has caught up
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + name + " has no leader for every partition");
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    /** Shuts the broker down (its threads ended when this returns) and deletes its log folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            admin.close(Duration.ofSeconds(5));
            stop(server);
        } finally {
            restoreExitProcedures();
            deleteRecursively(dir);
        }
        String fatal = FATAL_EXIT.getAndSet(null);
        if (fatal != null) {
            throw new IllegalStateException("the Kafka broker asked to end the JVM: " + fatal);
        }
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static synchronized void replaceExitProcedures() {
        if (RUNNING.getAndIncrement() == 0) {
            Exit.setExitProcedure((status, message) -> {
                FATAL_EXIT.compareAndSet(null, "exit(" + status + "): " + message);
                throw new IllegalStateException("Kafka asked to exit(" + status + "): " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                FATAL_EXIT.compareAndSet(null, "halt(" + status + "): " + message);
                throw new IllegalStateException("Kafka asked to halt(" + status + "): " + message);
            });
        }
    }

    private static synchronized void restoreExitProcedures() {
        if (RUNNING.decrementAndGet() == 0) {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    /** Ports free on loopback now; all held open together so that they differ. */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                sockets[i].setReuseAddress(true);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover folder in the temp dir is not worth failing a test for
        }
    }
}
