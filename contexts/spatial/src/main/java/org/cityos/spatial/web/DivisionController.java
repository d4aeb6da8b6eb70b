package org.cityos.spatial.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.ChangeDivision;
import org.cityos.spatial.CreateDivision;
import org.cityos.spatial.Division;
import org.cityos.spatial.DivisionImports;
import org.cityos.spatial.Divisions;
import org.cityos.spatial.internal.DivisionFiles;
import org.cityos.spatial.internal.DivisionRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Divisions over HTTP: the tree, search, detail with path, create, change and file import. */
@RestController
@RequestMapping(path = "/api/divisions", produces = MediaType.APPLICATION_JSON_VALUE)
public class DivisionController {
    private final Divisions divisions;
    private final DivisionImports imports;
    private final ImportReportView reports;

    public DivisionController(Divisions divisions, DivisionImports imports, ImportReportView reports) {
        this.divisions = divisions;
        this.imports = imports;
        this.reports = reports;
    }

    @GetMapping("/tree")
    public List<DivisionView.Node> tree(
            Actor actor, @RequestParam(required = false) String root, @RequestParam(defaultValue = "1") int depth) {
        DivisionCode rootCode = root == null ? null : code("root", root);
        return divisions.tree(actor, rootCode, depth).stream()
                .map(DivisionView.Node::of)
                .toList();
    }

    @GetMapping
    public Page<DivisionView> search(
            Actor actor,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        DivisionLevel parsedLevel = level == null ? null : level(level);
        return divisions
                .search(actor, parsedLevel, name, PageRequest.of(offset, limit))
                .map(DivisionView::of);
    }

    @GetMapping("/{code}")
    public DivisionView.Detail get(Actor actor, @PathVariable String code) {
        Division division = divisions.get(actor, code("code", code));
        return DivisionView.Detail.of(division, divisions.path(division.code()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public DivisionView create(Actor actor, @RequestBody DivisionRequest request) {
        DivisionCode code = code("code", request.code());
        return DivisionView.of(divisions.create(
                actor,
                new CreateDivision(code, DivisionRules.kind(request.kind()).orElse(null), request.name())));
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DivisionView change(Actor actor, @PathVariable String code, @RequestBody DivisionRequest request) {
        if (request.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        return DivisionView.of(divisions.change(
                actor,
                new ChangeDivision(
                        code("code", code),
                        DivisionRules.kind(request.kind()).orElse(null),
                        request.name(),
                        request.version())));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReportView.Report importFile(
            Actor actor,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Locale locale)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            var rows = DivisionFiles.read(in, file.getOriginalFilename());
            return reports.of(imports.importRows(actor, rows, dryRun, "import:" + file.getOriginalFilename()), locale);
        }
    }

    private static DivisionCode code(String field, String value) {
        return DivisionRules.code(value)
                .orElseThrow(() -> InvalidInput.of(field, "problem.invalid-division-code", String.valueOf(value)));
    }

    private static DivisionLevel level(String value) {
        try {
            return DivisionLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("level", "problem.unknown-level", value);
        }
    }
}
