package org.cityos.casework;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.cityos.casework.internal.CaseViews;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.persistence.AttachmentRepository;
import org.cityos.casework.persistence.AttachmentRow;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;

/**
 * Photos and documents of a case: the report's photos, the reply's photos, the on-site check's after-photos with
 * GPS. Only images (JPEG, PNG, WebP) and PDF are taken, recognised by their bytes, never by the name they claim.
 */
public class CaseAttachments {
    /** A stored file, recognised from its first bytes. */
    public record Content(String fileName, String mediaType, byte[] bytes) {}

    private final CaseWork work;
    private final AttachmentRepository repository;
    private final long maxBytes;

    public CaseAttachments(CaseWork work, AttachmentRepository repository, long maxBytes) {
        this.work = work;
        this.repository = repository;
        this.maxBytes = maxBytes;
    }

    public AttachmentInfo add(
            Actor actor, CaseId id, AttachmentStage stage, String fileName, byte[] bytes, GeoPoint point) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInput.of("file", "validation.required");
        }
        if (bytes.length > maxBytes) {
            throw new CaseProblems.AttachmentTooLarge(bytes.length, maxBytes);
        }
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
        if (name.length() > 200 || name.contains("/") || name.contains("\\") || name.contains("<")) {
            throw InvalidInput.of("fileName", "validation.pattern");
        }
        String mediaType = mediaType(bytes);
        if (mediaType == null) {
            throw new CaseProblems.AttachmentRefused(name);
        }
        Permission permission = switch (stage) {
            case INTAKE -> Permission.CASE_INTAKE;
            case REPLY -> Permission.CASE_HANDLE;
            case VERIFY -> Permission.CASE_VERIFY;
        };
        String attachmentId =
                "att_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        AttachmentRow[] stored = new AttachmentRow[1];
        work.run(actor, permission, id, null, (a, turn) -> {
            AttachmentRow row = new AttachmentRow(
                    attachmentId,
                    id.value(),
                    stage.name(),
                    name,
                    mediaType,
                    bytes.length,
                    HexFormat.of().formatHex(digest(bytes)),
                    bytes,
                    point == null ? null : point.lon(),
                    point == null ? null : point.lat(),
                    a.id(),
                    turn.now());
            repository.insert(row);
            turn.file().stay(CaseAction.ATTACHED, null, null, name, stage.name());
            stored[0] = row;
        });
        return CaseViews.attachment(stored[0]);
    }

    public Content get(Actor actor, CaseId id, String attachmentId) {
        actor.require(Permission.CASE_READ);
        work.load(actor, id);
        AttachmentRow row = repository
                .content(id.value(), attachmentId)
                .orElseThrow(() -> new NotFound("attachment", attachmentId));
        return new Content(row.fileName(), row.mediaType(), row.content());
    }

    /** The media type the bytes are, or null for anything that is not an image or a PDF. */
    static String mediaType(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && new String(b, 8, 4).equals("WEBP")) {
            return "image/webp";
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
