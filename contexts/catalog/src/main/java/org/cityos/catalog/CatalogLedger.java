package org.cityos.catalog;

import org.cityos.catalog.internal.LedgerChainer;
import org.cityos.catalog.internal.LedgerVerifier;
import org.cityos.hashchain.ChainSigner;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;

/**
 * The catalogue's tamper-evident ledger ("上链"): anyone with catalogue access verifies the whole chain or one
 * entry's history, and fetches the public key that checks the signed checkpoints without CityOS.
 */
public class CatalogLedger {
    private final LedgerVerifier verifier;
    private final LedgerChainer chainer;
    private final ChainSigner signer;

    CatalogLedger(LedgerVerifier verifier, LedgerChainer chainer, ChainSigner signer) {
        this.verifier = verifier;
        this.chainer = chainer;
        this.signer = signer;
    }

    public LedgerVerification verify(Actor actor) {
        actor.require(Permission.CATALOG_READ);
        return verifier.verify();
    }

    public EntryVerification verifyEntry(Actor actor, String code) {
        actor.require(Permission.CATALOG_READ);
        EntryVerification result = verifier.verifyEntry(code);
        if (result.versions().isEmpty()) {
            throw new CatalogProblems.UnknownEntry(code);
        }
        return result;
    }

    /** Links everything recorded so far now instead of at the next tick (tests, benchmarks, shutdown). */
    public int chainNow() {
        return chainer.chainNow();
    }

    public String keyId() {
        return signer.keyId();
    }

    public String publicKeyPem() {
        return signer.publicKeyPem();
    }
}
