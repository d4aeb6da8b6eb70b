package org.cityos.basedata.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.cityos.basedata.FieldGroup;
import org.cityos.basedata.MatchDecision;
import org.cityos.basedata.OrganisationView;
import org.cityos.basedata.Organisations;
import org.cityos.basedata.People;
import org.cityos.http.ProblemWriter;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

/**
 * The legal-entity base over HTTP: imports, search by credit code or name, one organisation, its match
 * decisions, and the steward's queue of possible matches.
 */
@RestController
@RequestMapping("/api/basedata/organisations")
public class OrganisationController {
    private final MessageSource messages;
    private final Organisations organisations;

    public OrganisationController(Organisations organisations, MessageSource messages) {
        this.messages = messages;
        this.organisations = organisations;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ImportReportView upload(
            Actor actor,
            @RequestPart("file") MultipartFile file,
            @RequestParam String department,
            @RequestParam(required = false) String charset,
            @RequestParam(required = false) String mapping,
            @RequestParam(defaultValue = "false") boolean synthetic)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return view(organisations.importFile(
                    actor,
                    in,
                    new People.ImportFile(
                            department,
                            file.getOriginalFilename(),
                            charset,
                            PeopleController.mapping(mapping),
                            synthetic)));
        }
    }

    @PostMapping(
            path = "/imports",
            consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    public ImportReportView body(
            Actor actor,
            InputStream body,
            @RequestParam String department,
            @RequestParam(defaultValue = "upload.csv") String fileName,
            @RequestParam(required = false) String charset,
            @RequestParam(required = false) String mapping,
            @RequestParam(defaultValue = "false") boolean synthetic) {
        return view(organisations.importFile(
                actor,
                body,
                new People.ImportFile(department, fileName, charset, PeopleController.mapping(mapping), synthetic)));
    }

    @GetMapping
    public List<OrganisationView> search(
            Actor actor,
            @RequestParam(required = false) String creditCode,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String unmask) {
        return organisations.search(actor, creditCode, name, PageRequest.of(offset, limit), FieldGroup.parse(unmask));
    }

    @GetMapping("/{id}")
    public OrganisationView get(Actor actor, @PathVariable long id, @RequestParam(required = false) String unmask) {
        return organisations.get(actor, id, FieldGroup.parse(unmask));
    }

    /** Every match decision touching the organisation's source records. */
    @GetMapping("/{id}/matches")
    public List<MatchDecision> matches(Actor actor, @PathVariable long id) {
        return organisations.matches(actor, id);
    }

    /** The steward's queue of possible matches, best score first. */
    @GetMapping("/possible-matches")
    public List<MatchDecision> possibleMatches(
            Actor actor,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return organisations.possibleMatches(actor, PageRequest.of(offset, limit));
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
