package org.cityos.alerting.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSmsGatewayTest {
    @Test
    void placeholdersBecomeJsonEscapedValuesInOnePass() {
        String body = HttpSmsGateway.body(
                "{\"PhoneNumbers\":\"{phones}\",\"to\":{phoneArray},\"text\":\"{text}\"}",
                List.of("13812345678", "+85261234567"),
                "积水\"严重\"\n{phones}");
        assertThat(body)
                .isEqualTo("{\"PhoneNumbers\":\"13812345678,+85261234567\",\"to\":[\"13812345678\",\"+85261234567\"],"
                        + "\"text\":\"积水\\\"严重\\\"\\n{phones}\"}");
    }

    @Test
    void formTemplatesWork() {
        assertThat(HttpSmsGateway.body("mobile={phones}&content={text}", List.of("13812345678"), "hi"))
                .isEqualTo("mobile=13812345678&content=hi");
    }
}
