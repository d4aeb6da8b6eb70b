package org.cityos.casework;

/** When an attachment was added: with the report, with the reply, or at the on-site check (after-photos). */
public enum AttachmentStage {
    INTAKE,
    REPLY,
    VERIFY
}
