package org.cityos.basedata;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cityos.spatial.StandardAddress;

/**
 * Synthetic people for demos and benchmarks — every one of them made up, and imported with the
 * synthetic label. A seeded generator: the same seed and addresses give the same files. It writes the
 * public security register (every person, 18-digit ID numbers, household and residence address from
 * the given standard addresses) and two department files of planted duplicates of a share of them,
 * four kinds in turn: a homophone character in the name, no birth date, the household address written
 * another way (prefix dropped, full-width digits, spaces), all three without ID number (civil affairs'
 * community registers have none); and the old 15-digit ID number (human resources' old files).
 */
public final class SyntheticPeople {
    /** The kinds of planted duplicate. */
    public enum Kind {
        HOMOPHONE,
        NO_BIRTH_DATE,
        ADDRESS_WRITTEN_ELSE,
        OLD_ID_NUMBER
    }

    public static final String HEADER = "身份证号,姓名,性别,出生日期,户籍地址,居住地址,联系电话\n";
    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    /** Given-name characters in groups that sound alike, so a homophone slip always has a partner. */
    private static final String[] ALIKE = {
        "伟炜玮", "静婧靖", "丽莉俐", "明铭鸣", "华桦骅", "军君钧", "平萍苹", "芳方舫", "杰洁婕", "敏闽", "磊蕾", "涛韬", "斌彬", "艳燕妍", "娟鹃", "英瑛", "红虹鸿",
        "玲凌铃", "琳林霖", "霞侠", "勇咏泳", "刚钢", "辉晖徽", "峰锋丰", "婷亭庭", "佳嘉家", "欣馨新", "宇雨羽", "浩昊皓", "博波", "鹏朋", "晨辰琛", "思丝",
        "建健剑", "国果", "志智致", "文雯", "桂贵", "兰岚", "梅媚", "云芸", "飞菲", "金今", "晶精", "成诚城", "东冬", "立力", "荣蓉融", "俊骏", "慧惠", "宁凝",
        "涵晗", "子紫梓", "轩萱宣", "怡仪宜", "一依", "睿瑞锐", "然冉", "玉钰", "振震", "山珊", "毅义", "阳扬洋", "帆凡"
    };
    /** Where people were first registered: mostly the district itself. */
    private static final String[] AREAS = {"110115", "110102", "130102", "370102", "410105"};

    private static final LocalDate EPOCH = LocalDate.of(1940, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2010, 12, 31).toEpochDay() - EPOCH.toEpochDay());
    private static final char[] FULL_WIDTH = "０１２３４５６７８９".toCharArray();

    private SyntheticPeople() {}

    /**
     * What was written and the planted truth.
     *
     * @param originalOf for each department file (civil affairs, human resources), for each of its data rows
     *     in order, the register row (0-based person index) it duplicates
     * @param kindOf the kind of each duplicate, in the same order
     */
    public record Generated(int people, List<int[]> originalOf, List<Kind[]> kindOf, Map<Kind, Integer> planted) {}

    /**
     * @param share of the people planted once more (0.05 for 5%)
     * @param register the public security register (UTF-8 or any charset the writer has)
     * @param civilAffairs duplicates of the first three kinds
     * @param humanResources duplicates of the fourth kind
     */
    public static Generated write(
            long seed,
            int people,
            double share,
            List<StandardAddress> addresses,
            Writer register,
            Writer civilAffairs,
            Writer humanResources)
            throws IOException {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no addresses to live at");
        }
        SplittableRandom random = new SplittableRandom(seed);
        BitSet taken = new BitSet();
        List<Integer> civilRows = new ArrayList<>();
        List<Kind> civilKinds = new ArrayList<>();
        List<Integer> hrRows = new ArrayList<>();
        Map<Kind, Integer> planted = new EnumMap<>(Kind.class);
        register.write(HEADER);
        civilAffairs.write(HEADER);
        humanResources.write(HEADER);
        int turn = 0;
        StringBuilder row = new StringBuilder(256);
        for (int i = 0; i < people; i++) {
            int area = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(AREAS.length - 1);
            int day = random.nextInt(DAYS);
            boolean male = random.nextBoolean();
            int sequence = freeSequence(taken, area, day, male, random);
            LocalDate born = EPOCH.plusDays(day);
            String body = AREAS[area] + born.toString().replace("-", "") + String.format("%03d", sequence);
            String id = body + IdNumber.checkChar(body);
            String name = name(random);
            StandardAddress home = addresses.get(random.nextInt(addresses.size()));
            StandardAddress lives = random.nextInt(10) < 7 ? home : addresses.get(random.nextInt(addresses.size()));
            String phone = random.nextInt(10) < 6 ? "1" + (3 + random.nextInt(7)) + digits(random, 9) : "";
            String gender = male ? "男" : "女";
            String household = written(home);
            line(row, id, name, gender, born.toString(), household, written(lives), phone);
            register.append(row);
            if (random.nextDouble() >= share) {
                continue;
            }
            Kind kind = Kind.values()[turn++ % 4];
            if (kind == Kind.OLD_ID_NUMBER && born.getYear() >= 2000) {
                kind = Kind.HOMOPHONE;
            }
            planted.merge(kind, 1, Integer::sum);
            switch (kind) {
                case HOMOPHONE -> line(row, "", homophone(name, random), gender, born.toString(), household, "", "");
                case NO_BIRTH_DATE -> line(row, "", name, gender, "", household, "", phone);
                case ADDRESS_WRITTEN_ELSE ->
                    line(row, "", name, gender, born.toString().replace('-', '/'), otherwise(home, random), "", "");
                case OLD_ID_NUMBER ->
                    line(row, id.substring(0, 6) + id.substring(8, 17), name, gender, "", household, "", phone);
            }
            if (kind == Kind.OLD_ID_NUMBER) {
                humanResources.append(row);
                hrRows.add(i);
            } else {
                civilAffairs.append(row);
                civilRows.add(i);
                civilKinds.add(kind);
            }
        }
        Kind[] hrKinds = new Kind[hrRows.size()];
        java.util.Arrays.fill(hrKinds, Kind.OLD_ID_NUMBER);
        return new Generated(
                people,
                List.of(
                        civilRows.stream().mapToInt(Integer::intValue).toArray(),
                        hrRows.stream().mapToInt(Integer::intValue).toArray()),
                List.of(civilKinds.toArray(new Kind[0]), hrKinds),
                planted);
    }

    /** The address as the register writes it: city, district, town, road, house. */
    static String written(StandardAddress a) {
        return "北京市" + a.text();
    }

    /** The same door written otherwise: no city and district, full-width digits, spaces between parts. */
    static String otherwise(StandardAddress a, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        boolean wide = random.nextBoolean();
        boolean spaced = random.nextBoolean();
        if (a.town() != null) {
            out.append(a.town());
        }
        if (spaced) {
            out.append(' ');
        }
        if (a.road() != null) {
            out.append(a.road());
        }
        if (spaced) {
            out.append(' ');
        }
        String house = a.houseText();
        if (wide) {
            StringBuilder w = new StringBuilder(house.length());
            for (int i = 0; i < house.length(); i++) {
                char c = house.charAt(i);
                w.append(c >= '0' && c <= '9' ? FULL_WIDTH[c - '0'] : c);
            }
            house = w.toString();
        }
        return out.append(house).toString();
    }

    private static String name(SplittableRandom random) {
        // the first surnames are the commonest: a skewed pick, as in life
        int s = (int) (Math.pow(random.nextDouble(), 2) * SURNAMES.length());
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(s));
        int given = random.nextInt(10) < 3 ? 1 : 2;
        for (int g = 0; g < given; g++) {
            String group = ALIKE[random.nextInt(ALIKE.length)];
            name.append(group.charAt(random.nextInt(group.length())));
        }
        return name.toString();
    }

    /** One given-name character replaced by another that sounds alike. */
    static String homophone(String name, SplittableRandom random) {
        int at = 1 + random.nextInt(name.length() - 1);
        for (String group : ALIKE) {
            int in = group.indexOf(name.charAt(at));
            if (in >= 0) {
                char other = group.charAt((in + 1 + random.nextInt(group.length() - 1)) % group.length());
                return name.substring(0, at) + other + name.substring(at + 1);
            }
        }
        throw new IllegalStateException("every given-name character belongs to a group of two or more");
    }

    private static int freeSequence(BitSet taken, int area, int day, boolean male, SplittableRandom random) {
        int base = (area * DAYS + day) * 1000;
        int start = random.nextInt(500);
        for (int k = 0; k < 500; k++) {
            int sequence = ((start + k) % 500) * 2 + (male ? 1 : 0);
            if (!taken.get(base + sequence)) {
                taken.set(base + sequence);
                return sequence;
            }
        }
        throw new IllegalStateException("more than 500 people of one sex born on one day in one area");
    }

    private static String digits(SplittableRandom random, int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static void line(StringBuilder row, String... cells) {
        row.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cells[i]);
        }
        row.append('\n');
    }
}
