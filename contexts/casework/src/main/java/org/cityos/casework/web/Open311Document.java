package org.cityos.casework.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoReport v2 answer in either format from one ordered tree (maps keep the spec's element order, lists repeat
 * their singular element): JSON as is, nulls kept; XML under the spec's root element, a null an empty element.
 *
 * @param root the XML root ({@code services}, {@code service_requests}, {@code errors}, …)
 * @param body a {@code Map} (one object) or a {@code List} of them
 */
record Open311Document(String root, Object body) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    ResponseEntity<byte[]> respond(Open311Format format) {
        return respond(format, HttpStatus.OK);
    }

    ResponseEntity<byte[]> respond(Open311Format format, HttpStatus status) {
        byte[] bytes = format == Open311Format.JSON ? JSON.writeValueAsBytes(body) : xml();
        return ResponseEntity.status(status).contentType(format.mediaType()).body(bytes);
    }

    byte[] xml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            element(w, root, body);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(w, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = singular(name);
            for (Object o : list) {
                element(w, item, o);
            }
        } else {
            w.writeCharacters(String.valueOf(value));
        }
        w.writeEndElement();
    }

    /** The element a list repeats: {@code service_requests} holds {@code request}s, others drop their plural s. */
    static String singular(String plural) {
        if (plural.equals("service_requests")) {
            return "request";
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural + "_item";
    }
}
