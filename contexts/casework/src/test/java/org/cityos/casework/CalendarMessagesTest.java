package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CalendarMessagesTest {
    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws IOException {
        Properties en = load("i18n/casework-calendar/messages.properties");
        Properties zh = load("i18n/casework-calendar/messages_zh_CN.properties");
        assertThat(en).isNotEmpty();
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        assertThat(zh.values()).allSatisfy(v -> assertThat((String) v).matches("(?s).*\\p{IsHan}.*"));
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(
                CalendarMessagesTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
