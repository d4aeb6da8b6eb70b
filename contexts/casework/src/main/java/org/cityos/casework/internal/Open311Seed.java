package org.cityos.casework.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.casework.Open311Service;
import org.cityos.casework.Open311Services;
import org.cityos.casework.persistence.Open311ServiceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Fills an empty public catalogue on start from {@code casework/open311-services.csv}; a catalogue with rows is the
 * operators' and is left alone. Services whose category is not a usable leaf are named in the log.
 */
public class Open311Seed implements ApplicationRunner {
    public static final String RESOURCE = "casework/open311-services.csv";
    private static final Logger log = LoggerFactory.getLogger(Open311Seed.class);

    private final Open311Services services;

    public Open311Seed(Open311Services services) {
        this.services = services;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        seed();
    }

    public void seed() throws IOException {
        List<String> unusable = services.seed(read());
        if (!unusable.isEmpty()) {
            log.warn("Open311 services whose category is not a usable leaf (requests wait for the desk): {}", unusable);
        }
    }

    /** The services of the seed file, in its order. */
    public static List<Open311Service> read() throws IOException {
        List<Open311Service> services = new ArrayList<>();
        try (InputStream in = Open311Seed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setCommentMarker('#')
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(reader)) {
                services.add(new Open311Service(
                        row.get("service_code"),
                        row.get("category_code"),
                        row.get("name"),
                        blankToNull(row.get("description")),
                        blankToNull(row.get("group_name")),
                        blankToNull(row.get("keywords")),
                        "realtime",
                        !"false".equalsIgnoreCase(row.get("active")),
                        Open311ServiceRepository.attributes(row.get("attributes")),
                        0));
            }
        }
        return services;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
