package org.cityos.basedata.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.basedata.FieldGroup;
import org.cityos.basedata.FieldLineage;
import org.cityos.basedata.MatchDecision;
import org.cityos.basedata.People;
import org.cityos.basedata.PersonImport;
import org.cityos.basedata.PersonView;
import org.cityos.basedata.SyntheticSeeding;
import org.cityos.basedata.UnmaskGrant;
import org.cityos.http.ProblemWriter;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

/**
 * The population base over HTTP. Reads are masked unless {@code unmask} names field groups
 * ({@code true} for all) the caller may see; every unmasked read is audited.
 */
@RestController
@RequestMapping("/api/basedata")
public class PeopleController {
    private final MessageSource messages;
    private final People people;
    private final SyntheticSeeding synthetic;

    public PeopleController(People people, SyntheticSeeding synthetic, MessageSource messages) {
        this.messages = messages;
        this.people = people;
        this.synthetic = synthetic;
    }

    /** Loads {@code count} synthetic people (5% planted duplicates) for a demo; every record labelled synthetic. */
    @PostMapping("/people/synthetic")
    @ResponseStatus(HttpStatus.CREATED)
    public List<ImportReportView> synthetic(
            Actor actor,
            @RequestParam(defaultValue = "10000") int count,
            @RequestParam(defaultValue = "20261126") long seed) {
        return synthetic.seed(actor, seed, count).stream().map(this::view).toList();
    }

    /** Multipart upload: {@code file}, plus department, charset (UTF-8/GBK, guessed when absent), mapping. */
    @PostMapping(path = "/people/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ImportReportView upload(
            Actor actor,
            @RequestPart("file") MultipartFile file,
            @RequestParam String department,
            @RequestParam(required = false) String charset,
            @RequestParam(required = false) String mapping,
            @RequestParam(defaultValue = "false") boolean synthetic,
            @RequestParam(defaultValue = "true") boolean resolve)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return view(people.importFile(
                    actor,
                    in,
                    new People.ImportFile(department, file.getOriginalFilename(), charset, mapping(mapping), synthetic),
                    resolve));
        }
    }

    /** The file as the request body (text/csv or application/octet-stream). */
    @PostMapping(
            path = "/people/imports",
            consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    public ImportReportView body(
            Actor actor,
            InputStream body,
            @RequestParam String department,
            @RequestParam(defaultValue = "upload.csv") String fileName,
            @RequestParam(required = false) String charset,
            @RequestParam(required = false) String mapping,
            @RequestParam(defaultValue = "false") boolean synthetic,
            @RequestParam(defaultValue = "true") boolean resolve) {
        return view(people.importFile(
                actor,
                body,
                new People.ImportFile(department, fileName, charset, mapping(mapping), synthetic),
                resolve));
    }

    @GetMapping("/people/imports/{batchId}")
    public ImportReportView report(Actor actor, @PathVariable long batchId) {
        return view(people.report(actor, batchId));
    }

    @PostMapping("/people/resolution")
    public PersonImport.Resolved resolve(Actor actor) {
        return people.resolve(actor);
    }

    @GetMapping("/people")
    public List<PersonView> search(
            Actor actor,
            @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String unmask) {
        return people.search(actor, idNumber, name, PageRequest.of(offset, limit), FieldGroup.parse(unmask));
    }

    @GetMapping("/people/{id}")
    public PersonView get(Actor actor, @PathVariable long id, @RequestParam(required = false) String unmask) {
        return people.get(actor, id, FieldGroup.parse(unmask));
    }

    @GetMapping("/people/{id}/matches")
    public List<MatchDecision> matches(Actor actor, @PathVariable long id) {
        return people.matches(actor, id);
    }

    @GetMapping("/people/{id}/lineage")
    public List<FieldLineage> lineage(
            Actor actor, @PathVariable long id, @RequestParam(required = false) String unmask) {
        return people.lineage(actor, id, FieldGroup.parse(unmask));
    }

    /** Body of a field-group grant. */
    public record Grant(String actorId, String group, Instant expiresAt) {}

    @PostMapping("/unmask-grants")
    @ResponseStatus(HttpStatus.CREATED)
    public UnmaskGrant grant(Actor actor, @RequestBody Grant g) {
        if (g.group() == null) {
            throw InvalidInput.of("group", "validation.required");
        }
        return people.grant(actor, g.actorId(), single(g.group()), g.expiresAt());
    }

    @DeleteMapping("/unmask-grants/{actorId}/{group}")
    public ResponseEntity<Void> revoke(Actor actor, @PathVariable String actorId, @PathVariable String group) {
        people.revoke(actor, actorId, single(group));
        return ResponseEntity.noContent().build();
    }

    private static FieldGroup single(String text) {
        var groups = FieldGroup.parse(text);
        if (groups.size() != 1) {
            throw InvalidInput.of("group", "problem.unknown-field-group", text);
        }
        return groups.iterator().next();
    }

    /** {@code 户籍所在地:householdAddress,证件号:idNumber} → header name → field. */
    static Map<String, String> mapping(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw InvalidInput.of("mapping", "problem.mapping-shape", pair);
            }
            out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return out;
    }

    private ImportReportView view(org.cityos.basedata.ImportReport report) {
        // Chinese unless the caller asks for English, as problem details are.
        return ImportReportView.of(
                report,
                messages,
                ProblemWriter.localeOf(
                        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest()));
    }
}
