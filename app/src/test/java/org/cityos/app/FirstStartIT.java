package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityos.testkit.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outside demo mode there is no default password: one admin, a one-time password printed once, changed first. */
class FirstStartIT {

    @Test
    void theFirstStartPrintsAOneTimeAdminPasswordThatMustBeChanged(@TempDir Path dir) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        RunningCityOs city;
        try {
            city = RunningCityOs.start(
                    dir.resolve("audit.key"),
                    Map.of(
                            "cityos.db.url", TestPostgres.newDatabase(),
                            "cityos.identity.demo", "false",
                            "cityos.spatial.gazetteer.addresses", "500",
                            "cityos.spatial.poi.synthetic-count", "0"));
        } finally {
            System.setOut(original);
        }
        try (city) {
            Matcher m = Pattern.compile("password: (\\S+)").matcher(captured.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as("a one-time password was printed").isTrue();
            String oneTime = m.group(1);
            assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("DEMO MODE");
            assertThat(city.api
                            .post(
                                    "/api/auth/login",
                                    null,
                                    Map.of("username", "admin", "password", SystemTest.DEMO_PASSWORD))
                            .status())
                    .isEqualTo(401);
            String token = city.api.login("admin", oneTime);
            assertThat(city.api.get("/api/users", token).json().get("type").asString())
                    .endsWith("/password-change-required");
            assertThat(city.api
                            .post(
                                    "/api/auth/password",
                                    token,
                                    Map.of("currentPassword", oneTime, "newPassword", "Chosen-Secret-2026"))
                            .status())
                    .isEqualTo(204);
            String fresh = city.api.login("admin", "Chosen-Secret-2026");
            assertThat(city.api.get("/api/users", fresh).json().get("total").asLong())
                    .isEqualTo(1);
        }
    }

    /** Writes to the console and keeps a copy. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
