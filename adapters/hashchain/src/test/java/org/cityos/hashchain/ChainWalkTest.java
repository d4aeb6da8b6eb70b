package org.cityos.hashchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared walk over an in-memory chain: intact, edited, edited and recomputed, cut short, forged. */
class ChainWalkTest {
    record Link(long seq, String text, byte[] prev, byte[] hash) {}

    static final ChainWalk.Links<Link> LINKS = new ChainWalk.Links<>() {
        @Override
        public long seq(Link l) {
            return l.seq();
        }

        @Override
        public byte[] prevHash(Link l) {
            return l.prev();
        }

        @Override
        public byte[] hash(Link l) {
            return l.hash();
        }

        @Override
        public byte[] recompute(byte[] prev, Link l) {
            return link(prev, l.seq(), l.text());
        }
    };

    static final Instant AT = Instant.parse("2026-11-26T00:00:00Z");

    @TempDir
    static Path keys;

    static ChainSigner signer;

    @BeforeAll
    static void key() {
        signer = ChainSigner.open(keys.resolve("k.key"), "test-checkpoint-v1");
    }

    static byte[] link(byte[] prev, long seq, String text) {
        return Sha256.of(
                CanonicalBytes.tagged("test-link-v1").bytes(prev).number(seq).text(text));
    }

    /** A chain of texts, linked from position {@code from} on with the texts given. */
    static List<Link> chain(String... texts) {
        List<Link> links = new ArrayList<>();
        byte[] prev = Sha256.GENESIS;
        for (int i = 0; i < texts.length; i++) {
            byte[] h = link(prev, i + 1, texts[i]);
            links.add(new Link(i + 1, texts[i], prev, h));
            prev = h;
        }
        return links;
    }

    static Verdict<Link> walk(List<Link> links, List<Checkpoint> checkpoints) {
        return ChainWalk.verify(links.iterator(), checkpoints.iterator(), LINKS, signer);
    }

    @Test
    void anIntactChainWithItsCheckpointsVerifies() {
        List<Link> links = chain("a", "b", "c", "d");
        Verdict<Link> v = walk(
                links,
                List.of(
                        signer.sign(2, links.get(1).hash(), AT),
                        signer.sign(4, links.get(3).hash(), AT)));
        assertThat(v.intact()).isTrue();
        assertThat(v.linksChecked()).isEqualTo(4);
        assertThat(v.checkpointsChecked()).isEqualTo(2);
        assertThat(v.lastCheckpointSeq()).isEqualTo(4);
    }

    @Test
    void anEditInPlaceIsLocatedAtItsPosition() {
        List<Link> links = new ArrayList<>(chain("a", "b", "c"));
        Link b = links.get(1);
        links.set(1, new Link(2, "B", b.prev(), b.hash()));
        Verdict<Link> v = walk(links, List.of());
        assertThat(v.reason()).isEqualTo(Break.RECORD_ALTERED);
        assertThat(v.brokenSeq()).isEqualTo(2);
        assertThat(v.brokenLink().text()).isEqualTo("B");
    }

    @Test
    void anEditWithEveryLaterHashRecomputedIsCaughtByTheNextSignedCheckpoint() {
        List<Link> original = chain("a", "b", "c", "d");
        List<Checkpoint> signed = List.of(
                signer.sign(1, original.get(0).hash(), AT),
                signer.sign(4, original.get(3).hash(), AT));
        Verdict<Link> v = walk(chain("a", "B", "c", "d"), signed);
        assertThat(v.reason()).isEqualTo(Break.CHECKPOINT_MISMATCH);
        assertThat(v.brokenSeq()).isEqualTo(4);
        assertThat(v.suspectFromSeq()).isEqualTo(2);
        assertThat(v.suspectToSeq()).isEqualTo(4);
    }

    @Test
    void aDeletedRowAndACutOffTailAreGaps() {
        List<Link> links = new ArrayList<>(chain("a", "b", "c"));
        links.remove(1);
        assertThat(walk(links, List.of()).reason()).isEqualTo(Break.SEQUENCE_GAP);
        List<Link> full = chain("a", "b", "c");
        Verdict<Link> cut =
                walk(full.subList(0, 2), List.of(signer.sign(3, full.get(2).hash(), AT)));
        assertThat(cut.reason()).isEqualTo(Break.SEQUENCE_GAP);
        assertThat(cut.suspectToSeq()).isEqualTo(3);
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrForAnotherChainIsForged(@TempDir Path other) {
        List<Link> links = chain("a");
        Checkpoint foreign = ChainSigner.open(other.resolve("x.key"), "test-checkpoint-v1")
                .sign(1, links.get(0).hash(), AT);
        assertThat(walk(links, List.of(foreign)).reason()).isEqualTo(Break.CHECKPOINT_SIGNATURE_INVALID);
        Checkpoint otherChain = ChainSigner.open(keys.resolve("k.key"), "another-chain-v1")
                .sign(1, links.get(0).hash(), AT);
        assertThat(walk(links, List.of(otherChain)).reason()).isEqualTo(Break.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void canonicalFieldsCannotBorrowFromEachOther() {
        assertThat(CanonicalBytes.tagged("t").text("ab").text("c").toBytes())
                .isNotEqualTo(CanonicalBytes.tagged("t").text("a").text("bc").toBytes());
        assertThat(CanonicalBytes.tagged("t").text(null).toBytes())
                .isNotEqualTo(CanonicalBytes.tagged("t").text("").toBytes());
        assertThat(CanonicalBytes.tagged("t").instant(null).toBytes())
                .isNotEqualTo(CanonicalBytes.tagged("t").instant(Instant.EPOCH).toBytes());
    }
}
