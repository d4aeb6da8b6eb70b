package org.cityos.iot.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.iot.DeviceTypeComponentClass;
import org.cityos.iot.DeviceTypeDraft;
import org.cityos.iot.DeviceTypeProblems.ComponentClassesRefused;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The seeded catalogue: device types from JSON and the component-class sample tree from CSV, both on the class path. */
public final class DeviceTypeCatalogue {
    public static final String TYPES = "reference/device-types/device-types.json";
    public static final String CLASSES = "reference/device-types/component-classes.csv";

    private DeviceTypeCatalogue() {}

    public static List<DeviceTypeDraft> types() {
        try (InputStream in = open(TYPES)) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<DeviceTypeDraft>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<DeviceTypeComponentClass> classes() {
        try (InputStream in = open(CLASSES)) {
            return readClasses(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a class table (columns code, parent, name_zh, name_en); codes are 2 digits for a major class
     * and 4 for a subclass whose first two digits name its parent.
     */
    public static List<DeviceTypeComponentClass> readClasses(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        List<DeviceTypeComponentClass> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try {
            for (CSVRecord r : format.parse(reader)) {
                String code = r.get("code");
                String parent = r.get("parent");
                parent = parent == null || parent.isBlank() ? null : parent;
                if (!code.matches("\\d{2}(\\d{2}){0,2}") || !codes.add(code)) {
                    throw new ComponentClassesRefused("row " + r.getRecordNumber() + ": code " + code);
                }
                if ((code.length() == 2) != (parent == null) || (parent != null && !code.startsWith(parent))) {
                    throw new ComponentClassesRefused("row " + r.getRecordNumber() + ": parent " + parent);
                }
                out.add(new DeviceTypeComponentClass(code, parent, r.get("name_zh"), r.get("name_en")));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ComponentClassesRefused(String.valueOf(e.getMessage()));
        }
        for (DeviceTypeComponentClass c : out) {
            if (c.parentCode() != null && !codes.contains(c.parentCode())) {
                throw new ComponentClassesRefused("missing parent " + c.parentCode());
            }
        }
        return out;
    }

    private static InputStream open(String path) {
        InputStream in = DeviceTypeCatalogue.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing classpath:" + path);
        }
        return in;
    }
}
