package org.cityos.spatial.internal.partition;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Plausible, unique Chinese names for synthetic communities and villages, drawn from a seeded random source. */
final class Names {
    private static final String FIRST = "东西南北新兴康安和富乐永长宏庆义德福丰盛瑞祥泰华春秋枣柳桃李杨马张王刘赵孙周吴郑";
    private static final String SECOND = "园庄营店屯里苑城桥台湾河岗坊堡村寨园府苑林";
    private final Random random;
    private final Set<String> used = new HashSet<>();

    Names(Random random) {
        this.random = random;
    }

    String community(boolean village) {
        String suffix = village ? "村" : "社区";
        for (int attempt = 0; attempt < 1000; attempt++) {
            String base = pick(FIRST) + pick(SECOND);
            if (attempt > 200) {
                base = pick(FIRST) + base;
            }
            if (used.add(base + suffix)) {
                return base + suffix;
            }
        }
        throw new IllegalStateException("ran out of synthetic names");
    }

    private String pick(String chars) {
        return String.valueOf(chars.charAt(random.nextInt(chars.length())));
    }
}
