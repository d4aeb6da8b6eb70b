package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
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

/** Every message key the layers code names exists in both languages of its bundle. */
class LayerMessagesTest {
    private static final Pattern KEY = Pattern.compile("\"((?:problem\\.layer|layer\\.[a-z]+)\\.[a-z-]+)\"");

    @Test
    void chinese_and_english_have_the_same_keys_and_cover_every_key_in_the_code() throws IOException {
        Properties english = load("i18n/spatial-layers/messages.properties");
        Properties chinese = load("i18n/spatial-layers/messages_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        chinese.values().forEach(text -> assertThat((String) text).isNotBlank());

        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "org", "cityos", "spatial"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(30);
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(
                LayerMessagesTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
