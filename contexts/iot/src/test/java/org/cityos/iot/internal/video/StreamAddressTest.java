package org.cityos.iot.internal.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rtsp://10.1.2.3:554/Streaming/Channels/101",
                "rtsps://media.example.gov.cn/live/11011500001320000001",
                "https://media.example.gov.cn/hls/11011500001320000001/index.m3u8",
                "webrtc://media.example.gov.cn/live/11011500001320000001",
                "wss://media.example.gov.cn/rtc/11011500001320000001"
            })
    void acceptsStreamingAddresses(String url) {
        assertThat(StreamAddress.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "rtsp://admin:12345@10.1.2.3/live, video.stream-url-credentials",
        "ftp://media.example.gov.cn/x, video.stream-url-scheme",
        "javascript:alert(1), video.stream-url-scheme",
        "/relative/path, video.stream-url-scheme",
        "'rtsp://host/a b', video.stream-url-characters",
        "rtsp:///nohost, video.stream-url-host",
        "'  ', validation.required"
    })
    void refusesOthers(String url, String key) {
        assertThat(StreamAddress.problem(url)).contains(key);
    }
}
