package org.cityos.iot.internal.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.iot.Gb28181Code;

/**
 * The GB/T 28181 industry, device type and network code tables, read from {@code gb28181/codes.csv}
 * so that a deployment can admit a reserved or extension code by editing data, not code.
 */
public final class Gb28181Codes {
    public static final String RESOURCE = "gb28181/codes.csv";
    private static final Gb28181Codes STANDARD = load(RESOURCE);

    private final Map<String, Gb28181Code> byPartAndCode;

    public Gb28181Codes(Collection<Gb28181Code> codes) {
        Map<String, Gb28181Code> map = new LinkedHashMap<>();
        for (Gb28181Code c : codes) {
            map.put(c.part() + ":" + c.code(), c);
        }
        this.byPartAndCode = Map.copyOf(map);
    }

    /** The tables shipped with CityOS. */
    public static Gb28181Codes standard() {
        return STANDARD;
    }

    public Optional<Gb28181Code> find(String part, String code) {
        return Optional.ofNullable(byPartAndCode.get(part + ":" + code));
    }

    public List<Gb28181Code> all(String part) {
        return byPartAndCode.values().stream()
                .filter(c -> c.part().equals(part))
                .sorted(java.util.Comparator.comparing(Gb28181Code::code))
                .toList();
    }

    static Gb28181Codes load(String resource) {
        InputStream in = Gb28181Codes.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing code table " + resource);
        }
        List<Gb28181Code> codes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                codes.add(new Gb28181Code(f[0], f[1], f[2], f[3], f.length > 4 && "yes".equals(f[4].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Gb28181Codes(codes);
    }
}
