package org.cityos.benchmarks.scenarios;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.Api;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.testkit.FreePorts;

/**
 * The kill -9 check for casework, scripted: hotline calls open cases that the default rule table dispatches
 * at once (so each has its deadline timers), until {@code open} cases stand; intake goes on and CityOS is killed
 * with SIGKILL in the middle of it, then restarted on the same data. SQL then checks that every call answered 201
 * left its case, that no case was dispatched twice, that every dispatched case still has its response and
 * resolution timers, and the call centre's retries of all acknowledged tickets create nothing new. Any loss or
 * doubling fails the scenario.
 */
public final class CaseCrashScenario {
    private static final int THREADS = 8;

    private CaseCrashScenario() {}

    public static List<Row> run(Mode mode, Path jar, Path work) throws Exception {
        int open = mode.isFull() ? 10_000 : 300;
        int dbPort = FreePorts.next();
        String dir = "crash-casework";
        List<String> args = List.of("--cityos.db.port=" + dbPort);
        CityOsProcess app = CityOsProcess.start(jar, work.resolve(dir), FreePorts.next(), dir + ".log", args);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong failed = new AtomicLong();
        long began = System.nanoTime();
        try {
            app.awaitReady(Duration.ofMinutes(5));
            Api api = app.api();
            String operator = api.login("operator");
            intake(api, operator, "O", open, acknowledged, failed, new AtomicBoolean(true));
            if (acknowledged.size() < open) {
                throw new IllegalStateException("only " + acknowledged.size() + " of " + open + " cases opened");
            }
            // More calls keep coming while CityOS dies.
            AtomicBoolean going = new AtomicBoolean(true);
            Thread more = new Thread(() -> intake(api, operator, "K", Integer.MAX_VALUE, acknowledged, failed, going));
            more.setDaemon(true);
            more.start();
            Thread.sleep(1_500);
            ProcessHandle.of(app.pid()).ifPresent(p -> {
                p.destroyForcibly();
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.err.println("CityOS did not die on SIGKILL: " + e);
                }
            });
            going.set(false);
            more.join(60_000);
        } finally {
            Cleanup.close(app);
        }
        double loaded = (System.nanoTime() - began) / 1e9;
        CityOsProcess again = Cleanup.register(
                CityOsProcess.start(jar, work.resolve(dir), FreePorts.next(), dir + "-restart.log", args));
        try {
            double restart = again.awaitReady(Duration.ofMinutes(5)).toMillis() / 1e3;
            Api api = again.api();
            String operator = api.login("operator");
            for (String ticket : acknowledged) {
                // The call centre retries: 200 with the case it already made; a 201 (a second case) fails here.
                api.postJson("/api/casework/intake/hotline", operator, call(ticket), 200);
            }
            Checks c = Checks.read(dbPort, acknowledged);
            long bad = c.missing() + c.dispatchedTwice() + c.withoutTimers() + c.doubled();
            String notes = "acknowledged " + Numbers.figure(acknowledged.size()) + " calls (" + failed.get()
                    + " cut by the kill), cases stored " + Numbers.figure(c.stored()) + "; missing " + c.missing()
                    + ", dispatched twice " + c.dispatchedTwice() + ", dispatched without their timers "
                    + c.withoutTimers() + ", tickets with two cases " + c.doubled()
                    + " (every acknowledged ticket retried: 200, no new case)"
                    + "; open dispatched cases " + Numbers.figure(c.running()) + " with "
                    + Numbers.figure(c.timers()) + " deadline timers; loaded in " + Numbers.seconds(loaded)
                    + ", restarted in " + Numbers.seconds(restart);
            System.out.println("  " + notes);
            if (bad > 0) {
                throw new IllegalStateException("kill -9 lost or doubled casework: " + notes);
            }
            return List.of(new Row(
                    "kill -9 with " + Numbers.figure(open) + "+ open cases and running timers: cases or timers lost,"
                            + " or cases dispatched twice, after restart",
                    bad,
                    "cases lost or doubled",
                    "calls acknowledged 201 before or during the kill",
                    acknowledged.size(),
                    notes));
        } finally {
            Cleanup.close(again);
        }
    }

    private static void intake(
            Api api,
            String operator,
            String prefix,
            int count,
            Set<String> acknowledged,
            AtomicLong failed,
            AtomicBoolean going) {
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                long n;
                while (going.get() && (n = next.incrementAndGet()) <= count) {
                    String ticket = prefix + "-" + n;
                    try {
                        api.postJson("/api/casework/intake/hotline", operator, call(ticket), 201);
                        acknowledged.add(ticket);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        if (!going.get() || prefix.equals("K")) {
                            return;
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static Map<String, Object> call(String ticket) {
        return Map.of(
                "ticket", ticket,
                "requestType", "COMPLAINT",
                "title", "井盖破损",
                "content", "路口井盖破损有隐患",
                "category", "0101",
                "urgency", "ROUTINE");
    }

    record Checks(
            long stored,
            long missing,
            long dispatchedTwice,
            long withoutTimers,
            long doubled,
            long running,
            long timers) {
        static Checks read(int dbPort, Set<String> acknowledged) throws Exception {
            try (Connection db = TelemetryCopy.connect(dbPort, "postgres");
                    Statement st = db.createStatement()) {
                st.execute("CREATE TEMP TABLE acked (ticket text PRIMARY KEY)");
                try (var insert = db.prepareStatement("INSERT INTO acked VALUES (?)")) {
                    for (String t : acknowledged) {
                        insert.setString(1, t);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return new Checks(
                        count(st, "SELECT count(*) FROM casework_case WHERE channel = 'HOTLINE'"),
                        count(
                                st,
                                "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM casework_case c"
                                        + " WHERE c.channel = 'HOTLINE' AND c.external_id = a.ticket)"),
                        count(
                                st,
                                "SELECT count(*) FROM (SELECT case_id FROM casework_assignment GROUP BY case_id"
                                        + " HAVING count(*) > 1) d"),
                        count(
                                st,
                                "SELECT count(*) FROM casework_case c WHERE c.status = 'DISPATCHED' AND"
                                        + " (SELECT count(*) FROM workflow_timer t WHERE t.kind = 'casework.deadline' AND"
                                        + " t.subject = c.id AND t.name IN ('response-due', 'resolution-due')) < 2"),
                        count(
                                st,
                                "SELECT count(*) FROM (SELECT external_id FROM casework_case WHERE channel ="
                                        + " 'HOTLINE' GROUP BY external_id HAVING count(*) > 1) d"),
                        count(st, "SELECT count(*) FROM casework_case WHERE status = 'DISPATCHED'"),
                        count(st, "SELECT count(*) FROM workflow_timer WHERE kind = 'casework.deadline'"));
            }
        }

        private static long count(Statement st, String sql) throws Exception {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
