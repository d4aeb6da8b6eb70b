package org.cityos.basedata.internal;

import org.cityos.basedata.AddressLink;
import org.cityos.basedata.SourceOrganisation;

/**
 * The fuzzy comparison of two organisation records without a shared key. The normalised name must agree
 * (the same, a homophone character, or nearly the same text); the address and the legal representative
 * are the evidence that it is the same entity and not a namesake, and a missing one is neutral. A branch
 * never matches its head office, two named regions or two known districts that differ rule a pair out
 * unless the legal representative agrees, and a name alone is never enough.
 */
public final class OrganisationPairScore {
    static final double NAME_WEIGHT = 0.45;
    static final double ADDRESS_WEIGHT = 0.30;
    static final double REPRESENTATIVE_WEIGHT = 0.25;
    /** At or above: the same organisation, merged. */
    public static final double MERGE = 0.88;
    /** At or above (and below {@link #MERGE}): a possible match, left for a steward. */
    public static final double POSSIBLE = 0.70;
    /** Names whose bigram similarity is below this are different names. */
    static final double NAME_SIMILARITY = 0.8;

    private OrganisationPairScore() {}

    /** The score (0 when ruled out) and how each piece of evidence agreed. */
    public record Outcome(double score, String explanation) {
        public boolean merge() {
            return score >= MERGE;
        }

        public boolean possible() {
            return score >= POSSIBLE && score < MERGE;
        }
    }

    public static Outcome of(SourceOrganisation a, SourceOrganisation b) {
        return of(a, OrganisationName.of(a.name()), b, OrganisationName.of(b.name()));
    }

    static Outcome of(SourceOrganisation a, OrganisationName na, SourceOrganisation b, OrganisationName nb) {
        if (na.branch() != nb.branch()) {
            return new Outcome(0, "name=branch-and-head-office");
        }
        if (na.regionDiffers(nb)) {
            return new Outcome(0, "name=other-region");
        }
        double name;
        StringBuilder why = new StringBuilder("name=");
        NameAgreement agreement = NameAgreement.of(na.core(), nb.core());
        if (agreement == NameAgreement.SAME) {
            name = 1;
            why.append(a.name().equals(b.name()) ? "same" : "same-normalised");
        } else if (agreement == NameAgreement.HOMOPHONE) {
            name = agreement.score();
            why.append("homophone(").append(Pinyin.spell(na.core())).append(')');
        } else {
            double similar = TextSimilarity.dice(na.core(), nb.core());
            if (similar < NAME_SIMILARITY) {
                return new Outcome(0, "name=different");
            }
            name = 0.9 * similar;
            why.append("similar(").append(round(similar)).append(')');
        }
        double sum = NAME_WEIGHT * name;
        double weight = NAME_WEIGHT;
        NameAgreement representative = null;
        if (a.legalRepresentative() == null || b.legalRepresentative() == null) {
            why.append(" representative=missing");
        } else {
            representative = NameAgreement.of(a.legalRepresentative(), b.legalRepresentative());
            sum += REPRESENTATIVE_WEIGHT * representative.score();
            weight += REPRESENTATIVE_WEIGHT;
            why.append(" representative=").append(representative.name().toLowerCase(java.util.Locale.ROOT));
        }
        String da = district(a);
        String db = district(b);
        if (da != null && db != null && !da.equals(db)) {
            if (representative == null || representative == NameAgreement.DIFFERENT) {
                return new Outcome(0, why + " district=different");
            }
            why.append(" district=different");
        }
        AddressLink x = a.address();
        AddressLink y = b.address();
        if (x == null || y == null) {
            why.append(" address=missing");
        } else {
            double address;
            if (x.linked() && x.addressId().equals(y.addressId())) {
                address = 1;
                why.append(" address=same-standard-address");
            } else {
                address = TextSimilarity.dice(x.canonical(), y.canonical());
                why.append(address == 1 ? " address=same-text" : " address=text-similarity(" + round(address) + ")");
            }
            sum += ADDRESS_WEIGHT * address;
            weight += ADDRESS_WEIGHT;
        }
        if (weight == NAME_WEIGHT) {
            return new Outcome(0, why + " (a name alone is not enough)");
        }
        return new Outcome(round(sum / weight), why.toString());
    }

    /**
     * The county-level division (6 digits) of the linked address, else null. Not the credit code's area: a
     * city-level registrar's code would read as another district than the address.
     */
    static String district(SourceOrganisation o) {
        AddressLink a = o.address();
        return a != null && a.divisionCode() != null && a.divisionCode().length() >= 6
                ? a.divisionCode().substring(0, 6)
                : null;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
