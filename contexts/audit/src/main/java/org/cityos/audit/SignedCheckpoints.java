package org.cityos.audit;

import java.util.Base64;
import java.util.HexFormat;
import org.cityos.audit.persistence.StoredCheckpoint;

/** Stored checkpoints in their published form: hex hash, base64 signature. */
final class SignedCheckpoints {
    private SignedCheckpoints() {}

    static SignedCheckpoint of(StoredCheckpoint c) {
        return new SignedCheckpoint(
                c.chainSeq(),
                HexFormat.of().formatHex(c.hash()),
                c.signedAt(),
                c.keyId(),
                Base64.getEncoder().encodeToString(c.signature()));
    }
}
