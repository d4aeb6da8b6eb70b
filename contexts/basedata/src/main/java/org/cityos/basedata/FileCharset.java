package org.cityos.basedata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cityos.kernel.problem.InvalidInput;

/**
 * The character set of a department's file: named by the importer, or guessed from its first 64 KB —
 * UTF-8 when they decode as UTF-8, else GBK (what Chinese office software writes by default). The
 * guess only picks a decoder; the decoder reports any malformed byte later in the file, so a wrong
 * guess refuses the file instead of storing garbled names.
 */
final class FileCharset {
    static final Charset GBK = Charset.forName("GBK");
    private static final int SNIFF = 64 << 10;

    private FileCharset() {}

    static Charset named(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "GB18030", "CP936" -> GBK;
            default -> throw InvalidInput.of("charset", "problem.unknown-charset", name);
        };
    }

    static Charset guess(BufferedInputStream in) throws IOException {
        in.mark(SNIFF + 1);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        int length = head.length;
        if (length == SNIFF) {
            // the last character may be cut in two by the 64 KB boundary
            while (length > 0 && (head[length - 1] & 0xC0) == 0x80) {
                length--;
            }
            if (length > 0 && (head[length - 1] & 0x80) != 0) {
                length--;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(head, 0, length));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GBK;
        }
    }

    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
