package org.cityos.basedata.internal;

import java.time.LocalDate;
import java.util.Objects;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.SourcePerson;

/**
 * The fuzzy comparison of two source records without a shared ID number. Name, address and birth date
 * each give evidence; a missing birth date or address is neutral (left out of the weighting), never a
 * mismatch; a different birth date, a different gender or names that do not sound alike rule a match out.
 */
public final class PairScore {
    static final double NAME_WEIGHT = 0.45;
    static final double ADDRESS_WEIGHT = 0.35;
    static final double BIRTH_WEIGHT = 0.20;
    /** A pair at or above this is the same person. */
    public static final double THRESHOLD = 0.85;

    private PairScore() {}

    /** The score (0 when ruled out) and how each piece of evidence agreed. */
    public record Outcome(double score, String explanation) {
        boolean accepted() {
            return score >= THRESHOLD;
        }
    }

    public static Outcome of(SourcePerson a, SourcePerson b) {
        NameAgreement name = NameAgreement.of(a.name(), b.name());
        if (name == NameAgreement.DIFFERENT) {
            return new Outcome(0, "name=different");
        }
        if (a.gender() != null && b.gender() != null && !a.gender().equals(b.gender())) {
            return new Outcome(0, "gender=different");
        }
        StringBuilder why = new StringBuilder("name=").append(name == NameAgreement.SAME ? "same" : "homophone");
        if (name == NameAgreement.HOMOPHONE) {
            why.append('(').append(Pinyin.spell(a.name())).append(')');
        }
        double sum = NAME_WEIGHT * name.score();
        double weight = NAME_WEIGHT;
        int evidence = 1;
        LocalDate ba = a.birthDate();
        LocalDate bb = b.birthDate();
        if (ba == null || bb == null) {
            why.append(" birth=missing");
        } else if (ba.equals(bb)) {
            sum += BIRTH_WEIGHT;
            weight += BIRTH_WEIGHT;
            evidence++;
            why.append(" birth=same");
        } else {
            return new Outcome(0, why + " birth=different");
        }
        double address = -1;
        String how = "missing";
        for (AddressLink x : new AddressLink[] {a.household(), a.residence()}) {
            for (AddressLink y : new AddressLink[] {b.household(), b.residence()}) {
                if (x == null || y == null) {
                    continue;
                }
                if (x.linked() && Objects.equals(x.addressId(), y.addressId())) {
                    address = 1;
                    how = "same-standard-address";
                } else if (address < 1) {
                    double s = TextSimilarity.dice(x.canonical(), y.canonical());
                    if (s > address) {
                        address = s;
                        how = s == 1 ? "same-text" : "text-similarity(" + Math.round(s * 100) / 100.0 + ")";
                    }
                }
            }
        }
        why.append(" address=").append(how);
        if (address >= 0) {
            sum += ADDRESS_WEIGHT * address;
            weight += ADDRESS_WEIGHT;
            evidence++;
        }
        if (evidence < 2) {
            return new Outcome(0, why + " (a name alone is not enough)");
        }
        return new Outcome(Math.round(sum / weight * 1000) / 1000.0, why.toString());
    }
}
