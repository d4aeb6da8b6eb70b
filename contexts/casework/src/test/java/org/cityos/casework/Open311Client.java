package org.cityos.casework;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.json.JsonMapper;

/** Drives the Open311 endpoints as an app would and reads answers: JSON as ordered maps, XML with the JDK's DOM. */
final class Open311Client {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final MockMvc mvc;

    Open311Client(MockMvc mvc) {
        this.mvc = mvc;
    }

    MockHttpServletResponse get(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** POSTs a form-urlencoded request, name/value pairs. */
    MockHttpServletResponse post(String path, String... pairs) throws Exception {
        MockHttpServletRequestBuilder r =
                MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < pairs.length; i += 2) {
            r = r.param(pairs[i], pairs[i + 1]);
        }
        return mvc.perform(r).andReturn().getResponse();
    }

    /** Posts a pothole report inside the district; answers the one element of the POST answer. */
    @SuppressWarnings("unchecked")
    Map<String, Object> report(String description) throws Exception {
        MockHttpServletResponse r = post(
                "/open311/v2/requests.json",
                "service_code",
                "road-damage",
                "lat",
                "39.73",
                "long",
                "116.33",
                "address_string",
                "黄村镇兴华大街 1 号",
                "description",
                description,
                "first_name",
                "三",
                "last_name",
                "张",
                "phone",
                "13900001111",
                "email",
                "zhang.san@example.org",
                "account_id",
                "app-42",
                "media_url",
                "https://img.example.org/p/1.jpg");
        if (r.getStatus() != 201) {
            throw new AssertionError("POST answered " + r.getStatus() + ": " + r.getContentAsString());
        }
        return ((List<Map<String, Object>>) list(r)).get(0);
    }

    static List<?> list(MockHttpServletResponse r) throws Exception {
        return JSON.readValue(r.getContentAsByteArray(), List.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(MockHttpServletResponse r) throws Exception {
        return JSON.readValue(r.getContentAsByteArray(), Map.class);
    }

    static Document xml(MockHttpServletResponse r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.getContentAsByteArray()));
    }

    /** The names of an element's child elements, in document order. */
    static List<String> children(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names;
    }

    static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && child.getTagName().equals(name)) {
                return child;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + e.getTagName() + ">");
    }

    static String text(Element e, String name) {
        return child(e, name).getTextContent();
    }

    static MockHttpServletRequestBuilder accept(String path, String accept) {
        return MockMvcRequestBuilders.get(path).header("Accept", accept);
    }

    static MockHttpServletRequestBuilder postJson(String path, String json) {
        return MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
