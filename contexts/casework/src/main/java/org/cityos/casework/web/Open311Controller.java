package org.cityos.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityos.casework.Open311Service;
import org.cityos.casework.Open311Services;
import org.cityos.casework.PostedRequest;
import org.cityos.casework.PublicRequest;
import org.cityos.casework.PublicRequestFilter;
import org.cityos.casework.PublicRequests;
import org.cityos.casework.ServiceAttribute;
import org.cityos.casework.ServiceRequestPost;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2, public: discovery, the service catalogue and definitions, posting and reading requests, and
 * tokens. Field names, element order and shapes are the spec's; each resource answers in XML or JSON by extension
 * (or Accept). {@code api_key} is accepted and not required here; a deployment that wants keys puts the endpoints
 * behind a gateway that checks them. Failures answer in the spec's error format ({@link Open311Errors}).
 */
@RestController
@RequestMapping("/open311/v2")
public class Open311Controller {
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this endpoint's behaviour last changed, for discovery's {@code changeset}. */
    static final String CHANGESET = "2026-11-25T00:00:00+08:00";

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]{1,40})\\](\\[\\])?");

    private final PublicRequests requests;
    private final Open311Services services;
    private final Open311Texts texts;

    public Open311Controller(
            PublicRequests requests, Open311Services services, ObjectProvider<MessageSource> messages) {
        this.requests = requests;
        this.services = services;
        this.texts = new Open311Texts(messages.getIfAvailable());
    }

    @GetMapping({"/discovery", "/discovery.json", "/discovery.xml"})
    public ResponseEntity<byte[]> discovery(HttpServletRequest request) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put(
                "url",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/open311/v2")
                        .toUriString());
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", CHANGESET);
        d.put("contact", texts.text(request, "open311.contact"));
        d.put("key_service", texts.text(request, "open311.key-service"));
        d.put("endpoints", List.of(endpoint));
        return new Open311Document("discovery", d).respond(Open311Format.of(request));
    }

    @GetMapping({"/services", "/services.json", "/services.xml"})
    public ResponseEntity<byte[]> services(HttpServletRequest request) {
        List<Map<String, Object>> list =
                services.catalogue().stream().map(Open311Controller::service).toList();
        return new Open311Document("services", list).respond(Open311Format.of(request));
    }

    @GetMapping("/services/{code}")
    public ResponseEntity<byte[]> definition(HttpServletRequest request, @PathVariable String code) {
        String c = Open311Format.strip(code);
        Open311Service s = services.offered(c).orElseThrow(() -> new NotFound("service", c));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", s.code());
        d.put(
                "attributes",
                s.attributes().stream().map(Open311Controller::attribute).toList());
        return new Open311Document("service_definition", d).respond(Open311Format.of(request));
    }

    @GetMapping({"/requests", "/requests.json", "/requests.xml"})
    public ResponseEntity<byte[]> search(
            HttpServletRequest request,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "status", required = false) String status) {
        List<String> numbers = ids == null || ids.isBlank()
                ? List.of()
                : Arrays.stream(ids.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        List<PublicRequest> found = requests.search(new PublicRequestFilter(
                numbers,
                blankToNull(serviceCode),
                datetime("start_date", start),
                datetime("end_date", end),
                open(status)));
        return list(found).respond(Open311Format.of(request));
    }

    @GetMapping("/requests/{id}")
    public ResponseEntity<byte[]> request(HttpServletRequest request, @PathVariable String id) {
        String number = Open311Format.strip(id);
        PublicRequest r = requests.byNumber(number).orElseThrow(() -> new NotFound("service_request", number));
        return list(List.of(r)).respond(Open311Format.of(request));
    }

    @PostMapping({"/requests", "/requests.json", "/requests.xml"})
    public ResponseEntity<byte[]> post(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form) {
        PostedRequest posted = requests.post(new ServiceRequestPost(
                form.getFirst("service_code"),
                number("lat", form.getFirst("lat")),
                number("long", form.getFirst("long")),
                form.getFirst("address_string"),
                form.getFirst("email"),
                form.getFirst("device_id"),
                form.getFirst("account_id"),
                form.getFirst("first_name"),
                form.getFirst("last_name"),
                form.getFirst("phone"),
                form.getFirst("description"),
                form.getFirst("media_url"),
                attributes(form)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", posted.serviceRequestId());
        r.put("service_notice", texts.text(request, "open311.service-notice", posted.serviceRequestId()));
        r.put("account_id", posted.accountId());
        // Not in the spec's POST answer, which offers a token only while the id is unknown: the id is known at once
        // here, and the token is what lets the citizen follow and rate the request without an account.
        r.put("token", posted.token());
        return new Open311Document("service_requests", List.of(r))
                .respond(Open311Format.of(request), HttpStatus.CREATED);
    }

    @GetMapping("/tokens/{token}")
    public ResponseEntity<byte[]> token(HttpServletRequest request, @PathVariable String token) {
        String t = Open311Format.strip(token);
        String number = requests.numberByToken(t).orElseThrow(() -> new NotFound("token", t));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", number);
        r.put("token", t);
        return new Open311Document("service_requests", List.of(r)).respond(Open311Format.of(request));
    }

    static Map<String, Object> service(Open311Service s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", s.code());
        m.put("service_name", s.name());
        m.put("description", s.description());
        m.put("metadata", s.metadata());
        m.put("type", s.type());
        m.put("keywords", s.keywords());
        m.put("group", s.group());
        return m;
    }

    static Map<String, Object> attribute(ServiceAttribute a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variable", a.variable());
        m.put("code", a.code());
        m.put("datatype", a.datatype());
        m.put("required", a.required());
        m.put("datatype_description", a.datatypeDescription());
        m.put("order", a.order());
        m.put("description", a.description());
        List<Map<String, Object>> values = new ArrayList<>();
        for (ServiceAttribute.Value v : a.values()) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("key", v.key());
            value.put("name", v.name());
            values.add(value);
        }
        m.put("values", values);
        return m;
    }

    private static Open311Document list(List<PublicRequest> found) {
        return new Open311Document(
                "service_requests",
                found.stream().map(Open311Controller::request).toList());
    }

    static Map<String, Object> request(PublicRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.serviceRequestId());
        m.put("status", r.status());
        m.put("status_notes", r.statusNotes());
        m.put("service_name", r.serviceName());
        m.put("service_code", r.serviceCode());
        m.put("description", r.description());
        m.put("agency_responsible", r.agencyResponsible());
        m.put("service_notice", r.serviceNotice());
        m.put("requested_datetime", datetime(r.requestedAt()));
        m.put("updated_datetime", datetime(r.updatedAt()));
        m.put("expected_datetime", datetime(r.expectedAt()));
        m.put("address", r.address());
        m.put("address_id", r.addressId());
        m.put("zipcode", r.zipcode());
        m.put("lat", r.lat());
        m.put("long", r.lon());
        m.put("media_url", r.mediaUrl());
        return m;
    }

    static String datetime(Instant at) {
        return at == null
                ? null
                : DATETIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(LOCAL));
    }

    /** ISO 8601 with an offset, as the spec demands; without one, local (Asia/Shanghai) time is meant. */
    static Instant datetime(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text.strip()).atZone(LOCAL).toInstant();
            } catch (DateTimeParseException again) {
                throw InvalidInput.of(field, "open311.bad-date", text);
            }
        }
    }

    private static Boolean open(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> true;
            case "closed" -> false;
            default -> throw InvalidInput.of("status", "open311.bad-status", status);
        };
    }

    private static Double number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "problem.case-bad-point");
        }
    }

    private static Map<String, List<String>> attributes(MultiValueMap<String, String> form) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                answers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(values);
            }
        });
        return answers;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
