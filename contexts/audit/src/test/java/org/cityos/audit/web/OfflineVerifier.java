package org.cityos.audit.web;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a third party would write from the documented format alone, sharing no code with CityOS:
 * recompute every hash and link from an export, then check each checkpoint's signature and hash.
 */
final class OfflineVerifier {
    private OfflineVerifier() {}

    static boolean verify(List<JsonNode> lines) throws Exception {
        JsonNode header = lines.get(0);
        PublicKey key = publicKey(header.get("publicKeyPem").asString());
        Map<Long, byte[]> hashes = new HashMap<>();
        byte[] prev = new byte[32];
        long expected = header.get("fromSeq").asLong();
        boolean first = true;
        for (JsonNode line : lines.subList(1, lines.size())) {
            if (line.get("type").asString().equals("record")) {
                long seq = line.get("seq").asLong();
                byte[] storedPrev = HexFormat.of().parseHex(line.get("prevHash").asString());
                if (seq != expected || (!first && !Arrays.equals(storedPrev, prev))) {
                    return false;
                }
                byte[] hash = recordHash(storedPrev, line);
                if (!Arrays.equals(
                        hash, HexFormat.of().parseHex(line.get("hash").asString()))) {
                    return false;
                }
                hashes.put(seq, hash);
                prev = hash;
                expected++;
                first = false;
            } else {
                byte[] hash = HexFormat.of().parseHex(line.get("hash").asString());
                long seq = line.get("seq").asLong();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                text(out, "cityos-audit-checkpoint-v1");
                out.writeLong(seq);
                out.writeInt(hash.length);
                out.write(hash);
                out.writeLong(line.get("signedAtMicros").asLong());
                text(out, line.get("keyId").asString());
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(bytes.toByteArray());
                if (!verifier.verify(
                                Base64.getDecoder().decode(line.get("signature").asString()))
                        || !Arrays.equals(hashes.get(seq), hash)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] recordHash(byte[] prev, JsonNode r) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        text(out, "cityos-audit-record-v1");
        out.writeInt(prev.length);
        out.write(prev);
        out.writeLong(r.get("seq").asLong());
        out.writeLong(r.get("id").asLong());
        out.writeLong(r.get("occurredAtMicros").asLong());
        for (String field : List.of(
                "actorId",
                "actorKind",
                "actorName",
                "action",
                "targetType",
                "targetId",
                "divisionCode",
                "details",
                "requestId")) {
            JsonNode value = r.get(field);
            text(out, value == null || value.isNull() ? null : value.asString());
        }
        return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
