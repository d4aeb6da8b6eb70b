package org.cityos.spatial;

/**
 * Who may read a layer. PUBLIC: any signed-in actor; INTERNAL: any signed-in staff member (holders of
 * DIVISION_READ); RESTRICTED: members of the owner department or of a listed reader department, and
 * system administrators.
 */
public enum LayerAccess {
    PUBLIC,
    INTERNAL,
    RESTRICTED
}
