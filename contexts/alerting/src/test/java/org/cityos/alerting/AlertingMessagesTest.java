package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the alerting code names has an English and a Chinese text, and the two bundles match. */
class AlertingMessagesTest {
    @Test
    void everyKeyInTheCodeHasBothTexts() throws Exception {
        Properties en = load("i18n/alerting/messages.properties");
        Properties zh = load("i18n/alerting/messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        Set<String> named = new TreeSet<>();
        Pattern key = Pattern.compile("\"(alerting\\.(?:rule|alarm|dry-run|param)\\.[a-z-]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/cityos/alerting"))) {
            for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(p));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        // Audit actions share the prefix but are names, not messages.
        named.removeIf(k -> k.matches("alerting\\.rule\\.(created|changed|enabled|disabled|deleted|failed)"));
        assertThat(named).hasSizeGreaterThan(30);
        assertThat(en.stringPropertyNames()).containsAll(named);
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = AlertingMessagesTest.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
