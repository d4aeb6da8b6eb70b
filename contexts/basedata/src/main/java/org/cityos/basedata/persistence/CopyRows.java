package org.cityos.basedata.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, sent to the server in chunks of a few megabytes while the
 * caller goes on writing: a bulk load never holds its whole file in memory, and the server parses one
 * chunk while the next is built.
 */
final class CopyRows implements AutoCloseable {
    private static final int CHUNK = 4 << 20;
    private final CopyIn copy;
    private byte[] bytes = new byte[CHUNK + (64 << 10)];
    private int size;
    private boolean first = true;
    private long rows;

    CopyRows(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    CopyRows text(String s) {
        separate();
        if (s == null) {
            return raw("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> raw("\\\\");
                case '\t' -> raw("\\t");
                case '\n' -> raw("\\n");
                case '\r' -> raw("\\r");
                default -> {
                    ensure(3);
                    if (c < 0x80) {
                        bytes[size++] = (byte) c;
                    } else if (c < 0x800) {
                        bytes[size++] = (byte) (0xC0 | (c >> 6));
                        bytes[size++] = (byte) (0x80 | (c & 0x3F));
                    } else if (!Character.isSurrogate(c)) {
                        // names and addresses are mostly CJK: encoded here, not by a String per character
                        bytes[size++] = (byte) (0xE0 | (c >> 12));
                        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                        bytes[size++] = (byte) (0x80 | (c & 0x3F));
                    } else {
                        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                        raw(s.substring(i, end));
                        i = end - 1;
                    }
                }
            }
        }
        return this;
    }

    CopyRows number(Number n) {
        separate();
        return raw(n == null ? "\\N" : n.toString());
    }

    CopyRows bool(boolean b) {
        separate();
        return raw(b ? "t" : "f");
    }

    /** Ends the row; sends the chunk when it is full. */
    void end() throws SQLException {
        ensure(1);
        bytes[size++] = '\n';
        first = true;
        rows++;
        if (size >= CHUNK) {
            flush();
        }
    }

    /** Sends what is left and completes the COPY; returns the rows written. */
    long finish() throws SQLException {
        flush();
        copy.endCopy();
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (size > 0) {
            copy.writeToCopy(bytes, 0, size);
            size = 0;
        }
    }

    private void separate() {
        if (!first) {
            ensure(1);
            bytes[size++] = '\t';
        }
        first = false;
    }

    private CopyRows raw(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
