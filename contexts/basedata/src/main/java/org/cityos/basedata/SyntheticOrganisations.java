package org.cityos.basedata;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.cityos.spatial.StandardAddress;

/**
 * Synthetic organisations for benchmarks — all made up, imported with the synthetic label. A seeded
 * generator: the market regulator's register (every organisation, a credit code, a name of trade name +
 * industry + legal form, sometimes led by 北京, a legal representative and an address from the given
 * standard addresses) and a tax file holding a share of them once more, without credit code, five kinds in
 * turn: another legal form, the region in brackets instead of in front, a homophone character in the trade
 * name, the address written another way, and the organisation code alone (other name, nothing else).
 */
public final class SyntheticOrganisations {
    /** The kinds of planted duplicate. */
    public enum Kind {
        SUFFIX,
        REGION,
        HOMOPHONE,
        ADDRESS_WRITTEN_ELSE,
        ORGANISATION_CODE_ONLY
    }

    public static final String REGISTRY_HEADER = "统一社会信用代码,企业名称,法定代表人,住所,行业代码,登记状态\n";
    public static final String TAX_HEADER = "统一社会信用代码,组织机构代码,企业名称,法定代表人,住所\n";
    /** Trade-name characters in groups read alike, so a homophone slip always has a partner. */
    private static final String[] ALIKE = {
        "华桦骅", "联连", "兴星", "胜圣", "鑫新欣馨", "源元园", "泰太", "恒衡", "宏鸿虹", "利力立丽", "通同彤", "瑞锐睿", "祥翔", "顺舜", "永勇咏", "安岸", "佳嘉家",
        "和禾", "中忠钟", "隆龙", "丰峰锋", "金今津", "明铭鸣", "辉晖徽", "博波", "鹏朋", "晨辰", "成诚城", "东冬", "荣蓉融", "俊骏", "宁凝", "阳扬洋", "帆凡",
        "天添", "正政", "远苑", "福富", "雅亚", "康慷"
    };

    private static final String[] INDUSTRIES = {
        "科技", "商贸", "餐饮管理", "物流", "建材", "文化传媒", "信息技术", "医药", "服装", "电子", "机械", "装饰工程", "农业发展", "汽车服务", "教育咨询", "环保科技"
    };
    private static final String[] INDUSTRY_CODES = {
        "I6510", "F5191", "H6210", "G5430", "F5165", "R8610", "I6520", "F5151", "F5132", "C3990", "C3490", "E5010",
        "A0511", "O8111", "P8391", "N7721"
    };
    private static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石";
    private static final String GIVEN = "伟静丽明华军平芳杰敏磊涛斌艳娟英红玲琳霞勇刚辉峰婷佳欣宇浩博鹏晨思建国志文桂兰梅云飞晶成东立荣俊慧宁";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private SyntheticOrganisations() {}

    /**
     * What was written and the planted truth.
     *
     * @param originalOf for each data row of the tax file, in order, the register row (0-based) it duplicates
     * @param kindOf the kind of each duplicate, in the same order
     */
    public record Generated(int organisations, int[] originalOf, Kind[] kindOf, Map<Kind, Integer> planted) {}

    public static Generated write(
            long seed, int organisations, double share, List<StandardAddress> addresses, Writer registry, Writer tax)
            throws IOException {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no addresses to register at");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> names = new HashSet<>();
        List<Integer> originals = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        Map<Kind, Integer> planted = new EnumMap<>(Kind.class);
        registry.write(REGISTRY_HEADER);
        tax.write(TAX_HEADER);
        int turn = 0;
        for (int i = 0; i < organisations; i++) {
            String code = creditCode(i);
            int industry = random.nextInt(INDUSTRIES.length);
            String trade;
            do {
                trade = tradeName(random, 2 + random.nextInt(2));
            } while (!names.add(trade + INDUSTRIES[industry]));
            boolean led = random.nextInt(10) < 3;
            String form = FORMS[random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2)];
            String core = trade + INDUSTRIES[industry];
            String name = (led ? "北京" : "") + core + form;
            String representative = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                    + pick(random, GIVEN)
                    + (random.nextBoolean() ? pick(random, GIVEN) : "");
            StandardAddress at = addresses.get(random.nextInt(addresses.size()));
            String address = SyntheticPeople.written(at);
            registry.append(String.join(",", code, name, representative, address, INDUSTRY_CODES[industry], "存续"))
                    .append('\n');
            if (random.nextDouble() >= share) {
                continue;
            }
            Kind kind = Kind.values()[turn++ % Kind.values().length];
            planted.merge(kind, 1, Integer::sum);
            originals.add(i);
            kinds.add(kind);
            String other = FORMS[(java.util.Arrays.asList(FORMS).indexOf(form) + 1 + random.nextInt(2)) % 3];
            String row = switch (kind) {
                case SUFFIX -> line("", name.replace(form, other), random.nextBoolean() ? representative : "", address);
                case REGION -> line("", core + "（北京）" + form, representative, address);
                case HOMOPHONE ->
                    line(
                            "",
                            (led ? "北京" : "") + homophone(trade, random) + INDUSTRIES[industry] + form,
                            representative,
                            address);
                case ADDRESS_WRITTEN_ELSE -> line("", name, representative, SyntheticPeople.otherwise(at, random));
                case ORGANISATION_CODE_ONLY -> line(code.substring(8, 16) + "-" + code.charAt(16), trade + "店", "", "");
            };
            tax.append(row);
        }
        return new Generated(
                organisations,
                originals.stream().mapToInt(Integer::intValue).toArray(),
                kinds.toArray(new Kind[0]),
                planted);
    }

    /**
     * A credit code of the district (法人企业) whose organisation code is the {@code n}-th, valid by both
     * checks: {@code n} is written in base 31 with the credit code's own characters, which the organisation
     * code's alphabet (0–9, A–Z) includes.
     */
    static String creditCode(int n) {
        char[] digits = new char[6];
        for (int i = 5, v = n; i >= 0; i--, v /= 31) {
            digits[i] = ALPHABET.charAt(v % 31);
        }
        String body = "MA" + new String(digits);
        String first17 = "91110115" + body + OrganisationCode.checkChar(body);
        return first17 + CreditCode.checkChar(first17);
    }

    private static String tradeName(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(pick(random, ALIKE[random.nextInt(ALIKE.length)]));
        }
        return out.toString();
    }

    /** One trade-name character replaced by another read alike. */
    static String homophone(String trade, SplittableRandom random) {
        int at = random.nextInt(trade.length());
        for (String group : ALIKE) {
            int in = group.indexOf(trade.charAt(at));
            if (in >= 0) {
                char other = group.charAt((in + 1 + random.nextInt(group.length() - 1)) % group.length());
                return trade.substring(0, at) + other + trade.substring(at + 1);
            }
        }
        throw new IllegalStateException("every trade-name character belongs to a group of two or more");
    }

    private static char pick(SplittableRandom random, String from) {
        return from.charAt(random.nextInt(from.length()));
    }

    private static String line(String organisationCode, String name, String representative, String address) {
        return ",".concat(organisationCode) + "," + name + "," + representative + "," + address + "\n";
    }
}
