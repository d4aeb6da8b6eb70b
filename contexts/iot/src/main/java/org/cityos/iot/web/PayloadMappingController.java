package org.cityos.iot.web;

import org.cityos.iot.PayloadMappings;
import org.cityos.kernel.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A device type's payload form and declarative mapping (docs/payloads.md), validated before it is kept. */
@RestController
@RequestMapping(path = "/api/device-types/{code}/payload-mapping", produces = MediaType.APPLICATION_JSON_VALUE)
public class PayloadMappingController {
    private final PayloadMappings mappings;

    public PayloadMappingController(PayloadMappings mappings) {
        this.mappings = mappings;
    }

    /** {@code form} null = detect; {@code mapping} null = none. */
    public record MappingBody(String form, JsonNode mapping) {}

    @GetMapping
    public PayloadMappings.TypeMapping get(Actor actor, @PathVariable String code) {
        return mappings.get(actor, code);
    }

    @PutMapping
    public PayloadMappings.TypeMapping put(Actor actor, @PathVariable String code, @RequestBody MappingBody body) {
        return mappings.put(actor, code, IngestController.form(body.form()), body.mapping());
    }
}
