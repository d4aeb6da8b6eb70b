package org.cityos.benchmarks.scenarios;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.cityos.benchmarks.ingest.DeviceLogin;
import org.cityos.benchmarks.load.Api;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.mqtt.client.MqttClients;

/**
 * The alarm probe and its stream watch in a JVM of their own. In the suite's JVM the probe shared the heap of the
 * load generator (10,000 MQTT connections at ~10,000 msg/s): the generator's young collections, stretched to 1–3 s
 * on two oversubscribed cores, stopped the probe's clock too, and each such pause was counted as alarm latency
 * (issue 6). Here the probe's heap is small, so its own pauses stay in the milliseconds and what it measures is
 * CityOS. The two talk over the child's stdin/stdout: {@code cross <times> <seed>}, {@code stop}, {@code
 * reconnects}, {@code quit}; results come back as one line of base64-encoded histograms.
 */
final class ProbeProcess implements AutoCloseable {
    private static final String RESULT = "result ";
    private static final String RECONNECTS = "reconnects ";
    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private ProbeProcess(Process process) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "alarm-probe-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the probe JVM on this JVM's class path and waits until its connection and stream are up. */
    static ProbeProcess start(int appPort, int mqttPort, DeviceLogin device, String operatorToken, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // One connection and a few polls a second: a small heap keeps its collections short.
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-Xlog:gc:file=" + log.toAbsolutePath() + ":uptime",
                "-cp",
                System.getProperty("java.class.path"),
                ProbeProcess.class.getName(),
                Integer.toString(appPort),
                Integer.toString(mqttPort),
                device.deviceId(),
                device.token(),
                operatorToken));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ProbeProcess probe = Cleanup.register(new ProbeProcess(p));
        String ready = probe.answers.poll(START.toSeconds(), TimeUnit.SECONDS);
        if (!"ready".equals(ready)) {
            probe.close();
            throw new IllegalStateException("the alarm probe process did not start: " + ready);
        }
        return probe;
    }

    /** As {@link AlarmProbe#cross}, in the probe's JVM; {@code going} is checked here and a stop sent when false. */
    AlarmProbe.Crossings cross(int times, long seed, BooleanSupplier going) throws Exception {
        send("cross " + times + " " + seed);
        boolean stopped = false;
        while (true) {
            String line = answers.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(RESULT)) {
                return decode(line.substring(RESULT.length()));
            }
            if (line == null && !process.isAlive()) {
                throw new IllegalStateException("the alarm probe process exited with " + process.exitValue());
            }
            if (!stopped && !going.getAsBoolean()) {
                send("stop");
                stopped = true;
            }
        }
    }

    int reconnects() throws Exception {
        send("reconnects");
        String line = answers.poll(10, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(RECONNECTS)) {
            throw new IllegalStateException("the alarm probe process did not answer: " + line);
        }
        return Integer.parseInt(line.substring(RECONNECTS.length()));
    }

    private void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    private void readAnswers() {
        try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(RESULT) || line.startsWith(RECONNECTS) || line.equals("ready")) {
                    answers.add(line);
                } else {
                    System.out.println(line); // the probe's progress lines
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        try {
            send("quit");
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The probe JVM: {@code appPort mqttPort deviceId deviceToken operatorToken}. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        DeviceLogin device = new DeviceLogin(args[2], args[3]);
        Api api = new Api(Integer.parseInt(args[0]));
        BlockingQueue<String> todo = new LinkedBlockingQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (MqttClients clients = new MqttClients(1);
                AlarmStreamWatch stream = AlarmStreamWatch.open(Integer.parseInt(args[0]), args[4], device.deviceId());
                AlarmProbe probe =
                        AlarmProbe.connect(clients, Integer.parseInt(args[1]), device, api, args[4], stream)) {
            Thread commands = new Thread(
                    () -> {
                        try (BufferedReader in =
                                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                if (line.equals("stop")) {
                                    stop.set(true);
                                    continue;
                                }
                                if (line.startsWith("cross ")) {
                                    stop.set(false); // before the command is queued, so a later stop is not lost
                                }
                                todo.add(line);
                            }
                        } catch (IOException e) {
                            // parent gone
                        }
                        // The suite ended or was killed: end a running crossing loop too, so no probe outlives it.
                        stop.set(true);
                        todo.add("quit");
                    },
                    "probe-commands");
            commands.setDaemon(true);
            commands.start();
            out.println("ready");
            out.flush();
            for (String line = todo.take(); !line.equals("quit"); line = todo.take()) {
                if (line.equals("reconnects")) {
                    out.println(RECONNECTS + stream.reconnects());
                } else if (line.startsWith("cross ")) {
                    String[] parts = line.split(" ");
                    AlarmProbe.Crossings c = probe.cross(
                            Integer.parseInt(parts[1]), new Random(Long.parseLong(parts[2])), () -> !stop.get());
                    out.println(RESULT + encode(c));
                }
                out.flush();
            }
        }
        System.exit(0);
    }

    static String encode(AlarmProbe.Crossings c) {
        List<String> fields = new ArrayList<>();
        for (Histogram h : List.of(
                c.polled(),
                c.streamed(),
                c.acked(),
                c.ackToPolled(),
                c.polledToStreamed(),
                c.cleared(),
                c.dispatched())) {
            ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            int n = h.encodeIntoCompressedByteBuffer(buffer);
            fields.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), n)));
        }
        fields.add(Integer.toString(c.attempted()));
        fields.add(Integer.toString(c.missedPoll()));
        fields.add(Integer.toString(c.missedStream()));
        fields.add(Integer.toString(c.missedCase()));
        fields.add(Integer.toString(c.listedBeforeAck()));
        fields.add(Double.toString(c.seconds()));
        fields.add(
                c.firstError() == null
                        ? "-"
                        : Base64.getEncoder().encodeToString(c.firstError().getBytes(StandardCharsets.UTF_8)));
        return String.join(" ", fields);
    }

    static AlarmProbe.Crossings decode(String line) throws java.util.zip.DataFormatException {
        String[] f = line.split(" ");
        Histogram[] h = new Histogram[7];
        for (int i = 0; i < h.length; i++) {
            h[i] = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(f[i])), 0);
        }
        String error = f[13].equals("-") ? null : new String(Base64.getDecoder().decode(f[13]), StandardCharsets.UTF_8);
        return new AlarmProbe.Crossings(
                h[0],
                h[1],
                h[2],
                h[3],
                h[4],
                h[5],
                h[6],
                Integer.parseInt(f[7]),
                Integer.parseInt(f[8]),
                Integer.parseInt(f[9]),
                Integer.parseInt(f[10]),
                Integer.parseInt(f[11]),
                Double.parseDouble(f[12]),
                error);
    }
}
