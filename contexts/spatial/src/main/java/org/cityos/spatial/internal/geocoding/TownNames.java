package org.cityos.spatial.internal.geocoding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ways people write a town-level division: 旧宫地区 is also 旧宫镇 and 旧宫; 兴丰街道 is also 兴丰.
 * Names come from the division data; only the administrative suffixes are known here.
 */
public final class TownNames {
    private static final List<String> SUFFIXES = List.of("地区办事处", "街道办事处", "街道", "地区", "镇", "乡");

    private TownNames() {}

    /** The name without its administrative suffix, or the whole name when nothing shorter is safe. */
    public static String shortName(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Every written form of a town name, the full name first. */
    public static Set<String> aliases(String name) {
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add(name);
        String shortName = shortName(name);
        if (!shortName.equals(name)) {
            aliases.add(shortName);
            if (name.endsWith("街道")) {
                aliases.add(shortName + "街道");
            } else {
                // 地区 offices grew out of towns and are still called 镇 (旧宫镇), and the other way round.
                aliases.add(shortName + "镇");
                aliases.add(shortName + "地区");
                aliases.add(shortName + "乡");
            }
        }
        return aliases;
    }

    /** A community or village: 清源社区 is also 清源; 前辛庄村 is also 前辛庄. */
    public static Set<String> communityAliases(String name) {
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add(name);
        for (String suffix : List.of("社区居委会", "村委会", "居委会", "社区", "村")) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                aliases.add(name.substring(0, name.length() - suffix.length()));
                break;
            }
        }
        return aliases;
    }
}
