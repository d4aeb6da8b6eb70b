package org.cityos.iot.web;

import java.util.List;
import java.util.Locale;
import org.cityos.iot.Gb28181Check;
import org.cityos.iot.Gb28181Code;
import org.cityos.iot.Gb28181Id;
import org.cityos.iot.Gb28181Validator;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Checks a GB/T 28181 id: its parts with their names when valid, otherwise each wrong part and why. */
@RestController
@RequestMapping(path = "/api/gb28181", produces = MediaType.APPLICATION_JSON_VALUE)
public class Gb28181Controller {
    private final Gb28181Validator validator;
    private final MessageSource messages;

    public Gb28181Controller(Gb28181Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    public record Parts(
            String centre,
            String province,
            String city,
            String district,
            String unit,
            Gb28181Code industry,
            Gb28181Code type,
            Gb28181Code network,
            String serial) {
        static Parts of(Gb28181Id id) {
            String c = id.centre();
            return new Parts(
                    c,
                    c.substring(0, 2),
                    c.substring(2, 4),
                    c.substring(4, 6),
                    c.substring(6, 8),
                    id.industry(),
                    id.type(),
                    id.network(),
                    id.serial());
        }
    }

    public record Error(String part, String code, String message) {}

    public record Validation(String id, boolean valid, Parts parts, List<Error> errors) {}

    @GetMapping("/validate")
    public Validation validate(Actor actor, @RequestParam String id, Locale locale) {
        actor.require(Permission.DIVISION_READ);
        Gb28181Check check = validator.check(id);
        return new Validation(
                id,
                check.valid(),
                check.id().map(Parts::of).orElse(null),
                check.issues().stream()
                        .map(i -> new Error(
                                i.part(),
                                i.messageKey(),
                                messages.getMessage(i.messageKey(), i.args().toArray(), i.messageKey(), locale)))
                        .toList());
    }

    /** The code tables ({@code industry}, {@code type}, {@code network}) the validator accepts. */
    @GetMapping("/codes")
    public List<Gb28181Code> codes(Actor actor, @RequestParam String part) {
        actor.require(Permission.DIVISION_READ);
        return validator.codes(part);
    }
}
