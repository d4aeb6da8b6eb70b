package org.cityos.casework.internal.categories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic case texts for eight leaves of the seed tree, made from templates with places, numbers and filler
 * phrases. The last template of each leaf is kept for held-out texts only, so the test also sees phrasings the model
 * never learnt.
 */
final class LabelledTexts {
    record Text(String code, String text) {}

    static final Map<String, List<String>> TEMPLATES = Map.of(
            "E0102",
            List.of("{p}路边有垃圾堆放很久没人清理", "{p}门口生活垃圾成堆，气味很大", "{p}附近垃圾暴露，苍蝇蚊子很多", "{p}绿化带旁边扔了好多垃圾袋没人管"),
            "E0201",
            List.of("{p}墙上贴满了小广告", "{p}电线杆上有人乱贴办证小广告", "{p}有人在楼道里喷涂小广告电话", "{p}公交站牌被贴了很多牛皮癣广告"),
            "E0301",
            List.of("{p}工地夜间施工噪音太大", "{p}半夜{n}点还在施工，吵得睡不着", "{p}施工机械凌晨作业扰民", "{p}建筑工地晚上打桩声音影响休息"),
            "E0405",
            List.of("{p}下雨后路面积水很深", "{p}积水严重，车辆无法通行", "{p}下穿桥积水有{n}厘米深", "暴雨过后{p}的路口一片汪洋，行人过不去"),
            "E0502",
            List.of("{p}有摊贩占道卖菜", "{p}商贩在人行道上摆摊经营", "{p}早市占用道路经营，堵塞交通", "{p}路口水果摊把便道占满了"),
            "H0501",
            List.of("家里暖气不热，室温只有{n}度", "{p}小区供暖温度不达标", "{p}暖气片冰凉，供暖不热", "今年冬天{p}家中屋里太冷了，取暖温度上不去"),
            "H0602",
            List.of("{p}电梯坏了好几天没人修", "{p}{n}号楼电梯经常停运困人", "{p}小区电梯故障频发", "{p}楼里升降梯卡在半层，物业不管"),
            "H0701",
            List.of("公司拖欠我{n}个月工资", "{p}工地老板欠薪不给", "{p}一家餐馆拖欠员工工资{n}千元", "干了活一直拿不到报酬，{p}的包工头跑了"));

    private static final List<String> PLACES =
            List.of("兴华大街", "黄村西大街", "清源路", "旧宫镇", "西红门", "亦庄", "天宫院", "康庄路", "林校路", "金星路", "高米店", "枣园小区");
    private static final List<String> FILLERS = List.of("", "请尽快处理。", "希望相关部门管一管。", "已经反映过多次了。", "市民来电反映：", "麻烦派人看看。");

    private LabelledTexts() {}

    /** {@code perLeaf} training texts per leaf from the first three templates. */
    static List<Text> training(int perLeaf, long seed) {
        return make(perLeaf, seed, false);
    }

    /** Held-out texts: the first of every leaf's from the template training never used, the others as training's. */
    static List<Text> heldOut(int perLeaf, long seed) {
        return make(perLeaf, seed, true);
    }

    private static List<Text> make(int perLeaf, long seed, boolean heldOut) {
        Random random = new Random(seed);
        List<Text> out = new ArrayList<>();
        for (String code : TEMPLATES.keySet().stream().sorted().toList()) {
            List<String> templates = TEMPLATES.get(code);
            for (int i = 0; i < perLeaf; i++) {
                int t = heldOut && i == 0 ? 3 : random.nextInt(3);
                String text = templates
                        .get(t)
                        .replace("{p}", PLACES.get(random.nextInt(PLACES.size())))
                        .replace("{n}", String.valueOf(2 + random.nextInt(20)));
                String filler = FILLERS.get(random.nextInt(FILLERS.size()));
                out.add(new Text(code, random.nextBoolean() ? filler + text : text + filler));
            }
        }
        return out;
    }
}
