package org.cityos.iot;

import java.util.List;
import org.cityos.iot.internal.video.Gb28181Codes;
import org.cityos.iot.internal.video.Gb28181Rules;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.SpatialProperties;
import org.springframework.stereotype.Service;

/** GB/T 28181 ids checked against the standard's code tables and this deployment's district. */
@Service
public class Gb28181Validator {
    private final Gb28181Rules rules;
    private final Gb28181Codes codes;

    public Gb28181Validator(SpatialProperties spatial) {
        this.codes = Gb28181Codes.standard();
        this.rules = new Gb28181Rules(spatial.districtCode(), codes);
    }

    public Gb28181Check check(String id) {
        return rules.check(id);
    }

    /** The code tables of one part ({@code industry}, {@code type}, {@code network}). */
    public List<Gb28181Code> codes(String part) {
        return codes.all(part);
    }

    /**
     * The parts of a valid channel id, or the issues of {@code field} as field errors: the id must be
     * valid and its device type one a video channel can carry.
     */
    public Gb28181Id requireChannel(String field, String id) {
        Gb28181Check check = rules.check(id);
        if (!check.valid()) {
            throw new InvalidInput(issues(field, check));
        }
        Gb28181Id parts = check.id().orElseThrow();
        if (!parts.type().frontEnd()) {
            throw InvalidInput.of(field, "gb28181.not-a-channel-type", parts.typeCode());
        }
        return parts;
    }

    static List<FieldIssue> issues(String field, Gb28181Check check) {
        return check.issues().stream()
                .map(i -> new FieldIssue(field, i.messageKey(), i.args().toArray()))
                .toList();
    }
}
