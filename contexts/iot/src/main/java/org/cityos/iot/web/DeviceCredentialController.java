package org.cityos.iot.web;

import java.time.Duration;
import java.time.Instant;
import org.cityos.iot.DeviceCredential;
import org.cityos.iot.DeviceCredentials;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Device tokens over HTTP: issue/rotate (the secret is in this response only) and revoke. */
@RestController
@RequestMapping(path = "/api/devices/{id}/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeviceCredentialController {
    private final DeviceCredentials credentials;

    public DeviceCredentialController(DeviceCredentials credentials) {
        this.credentials = credentials;
    }

    /** The one response that carries the token; earlier tokens work until {@code previousValidUntil}. */
    public record IssuedView(String deviceId, String token, Instant issuedAt, Instant previousValidUntil) {}

    @PostMapping
    public ResponseEntity<IssuedView> issue(
            Actor actor, @PathVariable String id, @RequestParam(required = false) String overlap) {
        DeviceCredential c = overlap == null
                ? credentials.issue(actor, DeviceParams.id(id))
                : credentials.issue(actor, DeviceParams.id(id), duration(overlap));
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new IssuedView(c.deviceId().value(), c.token(), c.issuedAt(), c.previousValidUntil()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(Actor actor, @PathVariable String id) {
        credentials.revoke(actor, DeviceParams.id(id));
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw InvalidInput.of("overlap", "problem.duration", text);
        }
    }
}
