package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RegistryMessagesTest {
    @Test
    void everyEnglishKeyHasAChineseText() throws Exception {
        Properties en = load("i18n/iot/messages.properties");
        Properties zh = load("i18n/iot/messages_zh_CN.properties");
        assertThat(en.stringPropertyNames()).contains("problem.illegal-device-transition", "problem.unknown-data-type");
        assertThat(zh.stringPropertyNames()).containsAll(en.stringPropertyNames());
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = RegistryMessagesTest.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
