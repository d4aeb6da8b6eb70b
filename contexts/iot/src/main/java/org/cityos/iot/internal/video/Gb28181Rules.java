package org.cityos.iot.internal.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.Gb28181Check;
import org.cityos.iot.Gb28181Code;
import org.cityos.iot.Gb28181Id;
import org.cityos.iot.Gb28181Issue;

/**
 * Checks the structure of a 20-digit GB/T 28181 id against the code tables and the deployment's
 * district. Every wrong part is reported, not only the first, so a data steward fixes a row in one go.
 */
public final class Gb28181Rules {
    private final String districtDigits;
    private final Gb28181Codes codes;

    /** @param districtCode the deployment's 12-digit district code; its first 6 digits bind every id */
    public Gb28181Rules(String districtCode, Gb28181Codes codes) {
        if (districtCode == null || !districtCode.matches("\\d{6}.*")) {
            throw new IllegalArgumentException("district code must start with 6 digits: " + districtCode);
        }
        this.districtDigits = districtCode.substring(0, 6);
        this.codes = codes;
    }

    public Gb28181Check check(String input) {
        String id = input == null ? "" : input.strip();
        List<Gb28181Issue> issues = new ArrayList<>();
        if (id.length() != 20) {
            issues.add(Gb28181Issue.of("id", "gb28181.length", String.valueOf(id.length())));
            return new Gb28181Check(input, Optional.empty(), issues);
        }
        String centre = id.substring(0, 8);
        String industry = id.substring(8, 10);
        String type = id.substring(10, 13);
        String network = id.substring(13, 14);
        String serial = id.substring(14, 20);
        if (digits(centre, "centre", issues)) {
            if (!centre.startsWith(districtDigits)) {
                issues.add(Gb28181Issue.of(
                        "centre", "gb28181.centre-outside-district", centre.substring(0, 6), districtDigits));
            }
        }
        Gb28181Code industryCode = code(industry, "industry", issues);
        Gb28181Code typeCode = code(type, "type", issues);
        Gb28181Code networkCode = code(network, "network", issues);
        digits(serial, "serial", issues);
        if (!issues.isEmpty()) {
            return new Gb28181Check(input, Optional.empty(), issues);
        }
        return new Gb28181Check(
                input, Optional.of(new Gb28181Id(id, centre, industryCode, typeCode, networkCode, serial)), List.of());
    }

    private Gb28181Code code(String value, String part, List<Gb28181Issue> issues) {
        if (!digits(value, part, issues)) {
            return null;
        }
        Optional<Gb28181Code> found = codes.find(part, value);
        if (found.isEmpty()) {
            issues.add(Gb28181Issue.of(part, "gb28181.unknown-" + part, value));
        }
        return found.orElse(null);
    }

    private static boolean digits(String value, String part, List<Gb28181Issue> issues) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                issues.add(Gb28181Issue.of(part, "gb28181.not-digits", value));
                return false;
            }
        }
        return true;
    }
}
