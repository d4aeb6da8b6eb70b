package org.cityos.basedata.internal;

/** How two written names agree: the same, alike in sound (a homophone character), or not at all. */
public enum NameAgreement {
    SAME(1.0),
    HOMOPHONE(0.9),
    DIFFERENT(0.0);

    private final double score;

    NameAgreement(double score) {
        this.score = score;
    }

    public double score() {
        return score;
    }

    /**
     * Names of the same length whose characters are each the same or homophones; clerks type a name by
     * its sound, so a slip gives a character read alike (张伟 / 张炜), never one of another length.
     */
    public static NameAgreement of(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return DIFFERENT;
        }
        if (a.equals(b)) {
            return SAME;
        }
        if (a.length() != b.length()) {
            return DIFFERENT;
        }
        for (int i = 0; i < a.length(); i++) {
            if (!Pinyin.homophones(a.charAt(i), b.charAt(i))) {
                return DIFFERENT;
            }
        }
        return HOMOPHONE;
    }
}
