package org.cityos.iot.internal.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.iot.internal.normalise.Catalogue.JSON;
import static org.cityos.iot.internal.normalise.Catalogue.RECEIVED;
import static org.cityos.iot.internal.normalise.Catalogue.mapping;
import static org.cityos.iot.internal.normalise.Catalogue.type;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cityos.iot.PayloadForm;
import org.junit.jupiter.api.Test;

class DetectionAndGatewayTest {

    private static PayloadForm detect(String json) {
        return Normaliser.detect(JSON.readTree(json), null);
    }

    @Test
    void formsAreRecognisedByShape() {
        assertThat(detect("{\"@context\": \"x\", \"id\": \"a\", \"type\": \"T\"}"))
                .isEqualTo(PayloadForm.NGSI_LD);
        assertThat(detect("{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\"}")).isEqualTo(PayloadForm.NGSI_LD);
        assertThat(detect("{\"pm25\": {\"type\": \"Property\", \"value\": 3}}")).isEqualTo(PayloadForm.NGSI_LD);
        assertThat(detect("{\"id\": \"a\", \"type\": \"T\", \"pm25\": 3}")).isEqualTo(PayloadForm.NGSI_V2);
        assertThat(detect("[{\"id\": \"a\", \"type\": \"T\"}]")).isEqualTo(PayloadForm.NGSI_V2);
        assertThat(detect("{\"pm25\": 3}")).isEqualTo(PayloadForm.KEY_VALUES);
        assertThat(detect("[{\"ts\": 1, \"values\": {}}]")).isEqualTo(PayloadForm.KEY_VALUES);
        assertThat(Normaliser.detect(
                        JSON.readTree("{\"id\": \"a\", \"type\": \"T\"}"),
                        mapping("{\"properties\": [{\"path\": \"/a\", \"property\": \"pm25\"}]}")))
                .isEqualTo(PayloadForm.MAPPED);
    }

    @Test
    void gatewayMessagesSplitIntoChildPayloadsThatNormalise() {
        byte[] message = ("{\"Bin 12\": [{\"ts\": 1795485000000, \"values\": {\"fillLevel\": 64}}],"
                        + " \"Bin 13\": [{\"ts\": 1795485000000, \"values\": {\"fillLevel\": 12, \"battery\": 90}}]}")
                .getBytes(StandardCharsets.UTF_8);
        GatewayPayload.Split split = GatewayPayload.split(message);
        assertThat(split).isInstanceOf(GatewayPayload.Children.class);
        var children = ((GatewayPayload.Children) split).payloads();
        assertThat(children).containsOnlyKeys("Bin 12", "Bin 13");
        Normalised n =
                Catalogue.NORMALISER.normalise(type("trash-bin-fill"), null, null, children.get("Bin 13"), RECEIVED);
        assertThat(((Normalised.Readings) n).readings()).hasSize(2);
    }

    @Test
    void brokenGatewayMessagesAreUndecodable() {
        assertThat(reason("")).isEqualTo("empty payload");
        assertThat(reason("{}")).isEqualTo("no child devices");
        assertThat(reason("[1]")).isEqualTo("a gateway message is a JSON object of child devices");
        assertThat(reason("{\"A\": 5}")).isEqualTo("child A: expected an array of samples, got 5");
        assertThat(reason("{\"A\": [")).startsWith("malformed JSON");
    }

    @Test
    void oneNormaliserServesManyThreadsWithTheSameResults() throws Exception {
        String payload = "{\"ts\": 1795485000000, \"values\": {\"pm25\": 35, \"pm10\": 80, \"co\": 0.9}}";
        Normalised expected = Catalogue.run("air-quality-station", null, null, payload);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Normalised>> results = pool.invokeAll(java.util.Collections.nCopies(
                    200, () -> Catalogue.run("air-quality-station", null, null, payload)));
            for (Future<Normalised> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String reason(String message) {
        GatewayPayload.Split s = GatewayPayload.split(message.getBytes(StandardCharsets.UTF_8));
        assertThat(s).isInstanceOf(GatewayPayload.Undecodable.class);
        return ((GatewayPayload.Undecodable) s).reason();
    }
}
