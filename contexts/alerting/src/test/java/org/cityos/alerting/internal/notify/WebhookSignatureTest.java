package org.cityos.alerting.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    static final String SECRET = "whsec-0123456789abcdef";
    static final String BODY = "{\"event\":\"alarm-raised\",\"alarm\":{\"title\":\"积水\"}}";

    @Test
    void theSignatureIsTheHmacOfTimeDotBody() {
        // Computed independently: printf '%s' "1795500000.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(WebhookSignature.header(SECRET, 1_795_500_000L, BODY))
                .isEqualTo("t=1795500000,v1=550535245ebc7e0bf99edba8f358ceba886425d01aca880347e95679adbff972");
    }

    @Test
    void receiversAcceptOnlyTheRightSecretBodyAndARecentTime() {
        String header = WebhookSignature.header(SECRET, 1_795_500_000L, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_795_500_100L, 300))
                .isTrue();
        assertThat(WebhookSignature.verify("another-secret-456789", header, BODY, 1_795_500_100L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("积水", "积雪"), 1_795_500_100L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_795_501_000L, 300))
                .as("a replay")
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=1795500000", BODY, 1_795_500_000L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=x,v1=00", BODY, 1_795_500_000L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, 1_795_500_000L, 300))
                .isFalse();
    }
}
