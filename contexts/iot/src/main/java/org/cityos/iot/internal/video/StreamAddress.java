package org.cityos.iot.internal.video;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a stream address: RTSP(S), HLS/WebRTC-over-HTTP(S) or a {@code webrtc://}/{@code ws(s)://}
 * signalling address, with a host and no credentials (those belong to the media gateway, not to a
 * catalogue that hands addresses out). Returns the message key of what is wrong, if anything.
 */
public final class StreamAddress {
    public static final int MAX_LENGTH = 500;
    static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "http", "https", "webrtc", "ws", "wss");

    private StreamAddress() {}

    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("validation.required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("video.stream-url-too-long");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"') {
                return Optional.of("video.stream-url-characters");
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("video.stream-url-syntax");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of("video.stream-url-scheme");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("video.stream-url-credentials");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("video.stream-url-host");
        }
        return Optional.empty();
    }
}
