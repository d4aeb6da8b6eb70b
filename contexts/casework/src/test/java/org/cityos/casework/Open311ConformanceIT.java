package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.casework.Open311Client.child;
import static org.cityos.casework.Open311Client.children;
import static org.cityos.casework.Open311Client.list;
import static org.cityos.casework.Open311Client.object;
import static org.cityos.casework.Open311Client.text;
import static org.cityos.casework.Open311Client.xml;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Element;

/**
 * GeoReport v2 field by field, in JSON and XML, for every endpoint: element names and their order as in the spec's
 * examples, the root elements, types, ISO 8601 datetimes with the +08:00 offset, and the format chosen by extension
 * or Accept header. Requests are made without any credentials: the endpoints are public.
 */
class Open311ConformanceIT {
    static final List<String> SERVICE =
            List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
    static final List<String> ATTRIBUTE = List.of(
            "variable", "code", "datatype", "required", "datatype_description", "order", "description", "values");
    static final List<String> REQUEST = List.of(
            "service_request_id",
            "status",
            "status_notes",
            "service_name",
            "service_code",
            "description",
            "agency_responsible",
            "service_notice",
            "requested_datetime",
            "updated_datetime",
            "expected_datetime",
            "address",
            "address_id",
            "zipcode",
            "lat",
            "long",
            "media_url");
    static final String ISO_LOCAL = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";

    static Open311Fixture f;
    static Open311Client client;
    static Map<String, Object> posted;

    @BeforeAll
    static void start() throws Exception {
        f = new Open311Fixture();
        client = new Open311Client(f.mvc());
        posted = client.report("路面有个大坑");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void discoveryNamesTheSpecificationTheEndpointAndBothFormats() throws Exception {
        Map<String, Object> json = object(client.get("/open311/v2/discovery.json"));
        assertThat(json.keySet()).containsExactly("changeset", "contact", "key_service", "endpoints");
        @SuppressWarnings("unchecked")
        Map<String, Object> endpoint = ((List<Map<String, Object>>) json.get("endpoints")).get(0);
        assertThat(endpoint.keySet()).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(endpoint.get("specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat((String) endpoint.get("url")).endsWith("/open311/v2");
        assertThat(endpoint.get("formats")).isEqualTo(List.of("text/xml", "application/json"));

        MockHttpServletResponse r = client.get("/open311/v2/discovery.xml");
        assertThat(r.getContentType()).startsWith("text/xml");
        Element root = xml(r).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("discovery");
        assertThat(children(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
        Element e = child(child(root, "endpoints"), "endpoint");
        assertThat(children(e)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(children(child(e, "formats"))).containsExactly("format", "format");
        assertThat(text(root, "changeset")).matches(ISO_LOCAL);
    }

    @Test
    void theCatalogueListsTheSeededServicesWithTheSpecsFields() throws Exception {
        MockHttpServletResponse r = client.get("/open311/v2/services.json");
        assertThat(r.getContentType()).startsWith("application/json");
        List<?> services = list(r);
        assertThat(services).hasSize(12);
        @SuppressWarnings("unchecked")
        Map<String, Object> road = services.stream()
                .map(s -> (Map<String, Object>) s)
                .filter(s -> s.get("service_code").equals("road-damage"))
                .findFirst()
                .orElseThrow();
        assertThat(road.keySet()).containsExactlyElementsOf(SERVICE);
        assertThat(road.get("service_name")).isEqualTo("道路破损");
        assertThat(road.get("metadata")).isEqualTo(true);
        assertThat(road.get("type")).isEqualTo("realtime");

        Element root = xml(client.get("/open311/v2/services.xml")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        assertThat(children(root)).hasSize(12).containsOnly("service");
        Element first = child(root, "service");
        assertThat(children(first)).containsExactlyElementsOf(SERVICE);
        assertThat(text(first, "metadata")).isIn("true", "false");
    }

    @Test
    void aServiceDefinitionListsItsAttributesWithValues() throws Exception {
        Map<String, Object> json = object(client.get("/open311/v2/services/road-damage.json"));
        assertThat(json.keySet()).containsExactly("service_code", "attributes");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = ((List<Map<String, Object>>) json.get("attributes")).get(0);
        assertThat(a.keySet()).containsExactlyElementsOf(ATTRIBUTE);
        assertThat(a.get("variable")).isEqualTo(true);
        assertThat(a.get("datatype")).isEqualTo("singlevaluelist");
        assertThat(a.get("order")).isEqualTo(1);
        assertThat(a.get("values"))
                .isEqualTo(List.of(Map.of("key", "small", "name", "小于1平方米"), Map.of("key", "large", "name", "1平方米以上")));

        Element root = xml(client.get("/open311/v2/services/road-damage.xml")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_definition");
        assertThat(children(root)).containsExactly("service_code", "attributes");
        Element attribute = child(child(root, "attributes"), "attribute");
        assertThat(children(attribute)).containsExactlyElementsOf(ATTRIBUTE);
        Element value = child(child(attribute, "values"), "value");
        assertThat(children(value)).containsExactly("key", "name");
        assertThat(text(value, "key")).isEqualTo("small");
    }

    @Test
    void postingAnswersTheIdTheNoticeTheAccountAndTheToken() throws Exception {
        assertThat(posted.keySet()).containsExactly("service_request_id", "service_notice", "account_id", "token");
        assertThat((String) posted.get("service_request_id")).isNotBlank();
        assertThat(posted.get("account_id")).isEqualTo("app-42");
        assertThat((String) posted.get("token")).matches("[0-9a-f]{32}");

        MockHttpServletResponse r = client.post(
                "/open311/v2/requests.xml", "service_code", "street-light", "lat", "39.73", "long", "116.33");
        assertThat(r.getStatus()).isEqualTo(201);
        Element root = xml(r).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element request = child(root, "request");
        assertThat(children(request)).containsExactly("service_request_id", "service_notice", "account_id", "token");
        assertThat(child(request, "account_id").hasChildNodes()).isFalse();
    }

    @Test
    void aRequestReadsBackByIdWithEveryFieldInOrder() throws Exception {
        String id = (String) posted.get("service_request_id");
        List<?> json = list(client.get("/open311/v2/requests/" + id + ".json"));
        assertThat(json).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) json.get(0);
        assertThat(r.keySet()).containsExactlyElementsOf(REQUEST);
        assertThat(r.get("service_request_id")).isEqualTo(id);
        assertThat(r.get("status")).isEqualTo("open");
        assertThat(r.get("service_code")).isEqualTo("road-damage");
        assertThat(r.get("service_name")).isEqualTo("道路破损");
        assertThat(r.get("description")).isEqualTo("路面有个大坑");
        assertThat(r.get("address")).isEqualTo("黄村镇兴华大街 1 号");
        assertThat(r.get("lat")).isEqualTo(39.73);
        assertThat(r.get("long")).isEqualTo(116.33);
        assertThat(r.get("media_url")).isEqualTo("https://img.example.org/p/1.jpg");
        assertThat((String) r.get("requested_datetime")).matches(ISO_LOCAL).startsWith("2026-11-24T09:00:00");
        assertThat((String) r.get("updated_datetime")).matches(ISO_LOCAL);

        Element root = xml(client.get("/open311/v2/requests/" + id + ".xml")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element request = child(root, "request");
        assertThat(children(request)).containsExactlyElementsOf(REQUEST);
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "long")).isEqualTo("116.33");
        assertThat(child(request, "zipcode").hasChildNodes()).isFalse();
    }

    @Test
    void theListFiltersByIdsAndServiceInBothFormats() throws Exception {
        String first = (String) posted.get("service_request_id");
        String second = (String) client.report("井边路面塌了").get("service_request_id");
        List<?> byIds = list(client.get("/open311/v2/requests.json?service_request_id=" + first + "," + second));
        List<Object> ids = byIds.stream()
                .map(r -> (Object) ((Map<?, ?>) r).get("service_request_id"))
                .toList();
        assertThat(ids).containsOnly(first, second);

        Element root = xml(client.get("/open311/v2/requests.xml?service_code=road-damage&status=open"))
                .getDocumentElement();
        assertThat(children(root)).contains("request").containsOnly("request");
        assertThat(list(client.get("/open311/v2/requests.json?service_code=street-light&status=closed")))
                .isEmpty();
    }

    @Test
    void aTokenLeadsToItsRequest() throws Exception {
        String token = (String) posted.get("token");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>)
                list(client.get("/open311/v2/tokens/" + token + ".json")).get(0);
        assertThat(json.keySet()).containsExactly("service_request_id", "token");
        assertThat(json.get("service_request_id")).isEqualTo(posted.get("service_request_id"));
        Element request =
                child(xml(client.get("/open311/v2/tokens/" + token + ".xml")).getDocumentElement(), "request");
        assertThat(children(request)).containsExactly("service_request_id", "token");
    }

    @Test
    void withoutAnExtensionTheAcceptHeaderChoosesAndXmlIsTheDefault() throws Exception {
        MockHttpServletResponse json = client.perform(Open311Client.accept("/open311/v2/services", "application/json"));
        assertThat(json.getContentType()).startsWith("application/json");
        assertThat(list(json)).hasSize(12);
        MockHttpServletResponse plain = client.get("/open311/v2/services");
        assertThat(plain.getContentType()).startsWith("text/xml");
        assertThat(xml(plain).getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(plain.getContentAsString()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }
}
