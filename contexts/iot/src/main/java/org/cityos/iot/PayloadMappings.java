package org.cityos.iot;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.internal.ingest.DecodingRule;
import org.cityos.iot.persistence.PayloadMappingRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How each device type's payloads are read — a form and a declarative mapping, configured without code and
 * validated against the type before they are kept. Cached per node; a change applies to the next message.
 */
public class PayloadMappings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PayloadMappingRepository repository;
    private final DeviceTypes types;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, DecodingRule> cache = new ConcurrentHashMap<>();

    public PayloadMappings(PayloadMappingRepository repository, DeviceTypes types, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.types = types;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored form and mapping of a type (both may be absent: detect, no mapping). */
    public record TypeMapping(String typeCode, PayloadForm form, JsonNode mapping) {}

    public TypeMapping get(Actor actor, String typeCode) {
        actor.require(Permission.DEVICE_READ);
        types.get(actor, typeCode);
        return repository
                .find(typeCode)
                .map(s -> new TypeMapping(
                        typeCode,
                        s.form() == null ? null : PayloadForm.valueOf(s.form()),
                        s.mappingJson() == null ? null : JSON.readTree(s.mappingJson())))
                .orElse(new TypeMapping(typeCode, null, null));
    }

    /** Validates the mapping against the type (field errors otherwise) and keeps it. */
    @Transactional
    public TypeMapping put(Actor actor, String typeCode, PayloadForm form, JsonNode mapping) {
        actor.require(Permission.DEVICE_WRITE);
        DeviceType type = types.get(actor, typeCode);
        if (mapping != null && !mapping.isNull()) {
            PayloadMapping.parse(mapping).check(type);
        }
        String json = mapping == null || mapping.isNull() ? null : JSON.writeValueAsString(mapping);
        repository.put(typeCode, form == null ? null : form.name(), json, clock.instant());
        cache.remove(typeCode);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("form", form == null ? "" : form.name());
        details.put("mapping", json == null ? "" : json);
        audit.record(actor, "iot.payload-mapping.put", "iot.device-type", typeCode, details);
        return new TypeMapping(typeCode, form, mapping);
    }

    /** The rule the decoder applies to this type's messages. */
    public DecodingRule rule(String typeCode) {
        DecodingRule cached = cache.get(typeCode);
        if (cached != null) {
            return cached;
        }
        DecodingRule rule = load(typeCode).orElse(DecodingRule.DETECT);
        cache.put(typeCode, rule);
        return rule;
    }

    private Optional<DecodingRule> load(String typeCode) {
        return repository
                .find(typeCode)
                .map(s -> new DecodingRule(
                        s.form() == null ? null : PayloadForm.valueOf(s.form()),
                        s.mappingJson() == null ? null : PayloadMapping.parse(JSON.readTree(s.mappingJson()))));
    }
}
