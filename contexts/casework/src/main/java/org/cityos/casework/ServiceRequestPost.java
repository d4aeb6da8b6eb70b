package org.cityos.casework;

import java.util.List;
import java.util.Map;

/**
 * A citizen's request as an Open311 app posts it (GeoReport v2 POST requests). A location is needed: a point or an
 * address. The e-mail address is accepted and dropped (never stored); first/last name and phone become the case's
 * caller, masked wherever shown.
 *
 * @param attributes answers to the service's attributes, by attribute code ({@code attribute[CODE]=value})
 */
public record ServiceRequestPost(
        String serviceCode,
        Double lat,
        Double lon,
        String addressString,
        String email,
        String deviceId,
        String accountId,
        String firstName,
        String lastName,
        String phone,
        String description,
        String mediaUrl,
        Map<String, List<String>> attributes) {}
