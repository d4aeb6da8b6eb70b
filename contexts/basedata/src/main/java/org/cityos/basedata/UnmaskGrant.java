package org.cityos.basedata;

import java.time.Instant;

/** One user may see one field group unmasked until {@code expiresAt}; given by a PII_UNMASK holder, audited. */
public record UnmaskGrant(String actorId, FieldGroup group, String grantedBy, Instant grantedAt, Instant expiresAt) {}
