package org.cityos.catalog.web;

import java.util.Map;
import org.cityos.catalog.CatalogLedger;
import org.cityos.catalog.EntryVerification;
import org.cityos.catalog.LedgerVerification;
import org.cityos.hashchain.ChainSigner;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue ledger over HTTP: verify the whole chain or one entry's history; the public key. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
public class LedgerController {
    private final CatalogLedger ledger;

    public LedgerController(CatalogLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger/verify")
    public LedgerVerification verify(Actor actor) {
        return ledger.verify(actor);
    }

    @GetMapping("/entries/{code}/verify")
    public EntryVerification verifyEntry(Actor actor, @PathVariable String code) {
        return ledger.verifyEntry(actor, code);
    }

    /** The key that verifies the ledger's checkpoints, for checking them without CityOS. */
    @GetMapping("/ledger/public-key")
    public Map<String, String> publicKey(Actor actor) {
        actor.require(Permission.CATALOG_READ);
        return Map.of(
                "algorithm", ChainSigner.ALGORITHM, "keyId", ledger.keyId(), "publicKeyPem", ledger.publicKeyPem());
    }
}
