package org.cityos.iot.web;

import jakarta.servlet.http.HttpServletRequest;

/** The token a device or integration presents: {@code Authorization: Bearer …}, or {@code X-Device-Token}. */
final class BearerToken {
    private BearerToken() {}

    static String of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        return request.getHeader("X-Device-Token");
    }
}
