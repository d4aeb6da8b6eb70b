package org.cityos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void chinese_and_english_bundles_have_the_same_keys_and_no_empty_text() throws IOException {
        Properties english = load("i18n/audit/messages.properties");
        Properties chinese = load("i18n/audit/messages_zh_CN.properties");

        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames())
                .contains("audit.validation.instant", "audit.validation.from-after-to");
        chinese.values().forEach(text -> assertThat((String) text).isNotBlank());
        english.values().forEach(text -> assertThat((String) text).isNotBlank());
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(
                MessagesTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
