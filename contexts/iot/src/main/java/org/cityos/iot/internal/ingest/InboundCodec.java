package org.cityos.iot.internal.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.cityos.iot.DeviceId;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestChannel;
import org.cityos.iot.MessageKind;
import org.cityos.iot.PayloadForm;

/** A compact, versioned binary form of an inbound message for the Kafka topic (raw payload kept as is). */
public final class InboundCodec {
    private static final int VERSION = 1;

    private InboundCodec() {}

    public static byte[] encode(InboundMessage m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(m.payload().length + 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            text(out, m.device() == null ? null : m.device().value());
            text(out, m.typeCode());
            out.writeByte(m.kind().ordinal());
            out.writeByte(m.channel().ordinal());
            out.writeByte(m.form() == null ? -1 : m.form().ordinal());
            out.writeLong(m.receivedAt().getEpochSecond());
            out.writeInt(m.receivedAt().getNano());
            text(out, m.messageId());
            text(out, m.integrationId());
            text(out, m.rejection() == null ? null : m.rejection().code());
            text(out, m.rejection() == null ? null : m.rejection().reason());
            out.writeInt(m.payload().length);
            out.write(m.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static InboundMessage decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("inbound message version " + version + " unknown");
            }
            String device = text(in);
            String type = text(in);
            MessageKind kind = MessageKind.values()[in.readByte()];
            IngestChannel channel = IngestChannel.values()[in.readByte()];
            int form = in.readByte();
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String messageId = text(in);
            String integration = text(in);
            String code = text(in);
            String reason = text(in);
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return new InboundMessage(
                    device == null ? null : new DeviceId(device),
                    type,
                    kind,
                    channel,
                    form < 0 ? null : PayloadForm.values()[form],
                    payload,
                    at,
                    messageId,
                    integration,
                    code == null ? null : new InboundMessage.Rejection(code, reason));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
