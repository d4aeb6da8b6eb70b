package org.cityos.casework;

/**
 * What posting a request answers: the case number as {@code service_request_id}, the app's account id echoed, and
 * the token with which the citizen follows the request without signing in.
 */
public record PostedRequest(String serviceRequestId, String accountId, String token) {}
