package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.enumOf;
import static org.cityos.casework.web.CaseParams.id;
import static org.cityos.casework.web.CaseParams.point;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cityos.casework.AttachmentInfo;
import org.cityos.casework.AttachmentStage;
import org.cityos.casework.CaseAttachments;
import org.cityos.casework.CaseNotice;
import org.cityos.casework.Cases;
import org.cityos.casework.InboxItem;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A unit's desk: its inbox, its notices, and the photos and documents of its cases. */
@RestController
public class WorkbenchController {
    private final Cases cases;
    private final CaseAttachments attachments;

    public WorkbenchController(Cases cases, CaseAttachments attachments) {
        this.cases = cases;
        this.attachments = attachments;
    }

    @GetMapping(path = "/api/casework/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<InboxItem> inbox(Actor actor, @RequestParam(required = false) Integer limit) {
        return cases.inbox(actor, limit == null ? 100 : limit);
    }

    @GetMapping(path = "/api/casework/notices", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CaseNotice> notices(
            Actor actor,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Integer limit) {
        return cases.notices(actor, Boolean.TRUE.equals(unread), limit == null ? 50 : limit);
    }

    @PostMapping(path = "/api/casework/notices/{id}/read", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> read(Actor actor, @PathVariable long id) {
        if (!cases.markNoticeRead(actor, id)) {
            throw new NotFound("notice", id);
        }
        return Map.of("id", id, "read", true);
    }

    @PostMapping(
            path = "/api/casework/cases/{id}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AttachmentInfo> attach(
            Actor actor,
            @PathVariable String id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) Double lat)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "validation.required");
        }
        AttachmentInfo info = attachments.add(
                actor,
                id(id),
                enumOf(AttachmentStage.class, "stage", stage, AttachmentStage.INTAKE),
                file.getOriginalFilename(),
                file.getBytes(),
                point("point", lon, lat));
        return ResponseEntity.status(HttpStatus.CREATED).body(info);
    }

    @GetMapping("/api/casework/cases/{id}/attachments/{attachment}")
    public ResponseEntity<byte[]> attachment(Actor actor, @PathVariable String id, @PathVariable String attachment) {
        CaseAttachments.Content content = attachments.get(actor, id(id), attachment);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(content.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }
}
