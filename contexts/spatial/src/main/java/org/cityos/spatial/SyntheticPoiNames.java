package org.cityos.spatial;

import java.util.List;
import java.util.Random;

/** Word lists behind {@link SyntheticPois}: generic place words and per-class name patterns ({p} = place word). */
final class SyntheticPoiNames {
    private SyntheticPoiNames() {}

    /** A seeded class, its share of all POIs (per mille) and its name patterns. */
    record Kind(String code, int weight, List<String> patterns) {
        String name(Random random, String place) {
            return patterns.get(random.nextInt(patterns.size())).replace("{p}", place);
        }
    }

    static final List<Kind> CLASSES = List.of(
            new Kind("government", 15, List.of("{p}镇人民政府", "{p}街道办事处", "{p}市场监督管理所", "{p}税务所", "{p}司法所")),
            new Kind("school", 30, List.of("{p}第一小学", "{p}第二小学", "{p}中学", "{p}实验学校", "{p}幼儿园", "{p}职业学校")),
            new Kind("hospital", 15, List.of("{p}人民医院", "{p}中医医院", "{p}社区卫生服务中心", "{p}妇幼保健院", "{p}口腔医院")),
            new Kind("elderly-care", 10, List.of("{p}养老院", "{p}敬老院", "{p}老年公寓", "{p}养老照料中心")),
            new Kind("hazmat-enterprise", 10, List.of("{p}化工有限公司", "{p}燃气储配站", "{p}危险品仓储有限公司", "{p}涂料有限公司")),
            new Kind("bus-stop", 100, List.of("{p}路口东站", "{p}路口西站", "{p}桥北站", "{p}桥南站", "{p}村站", "{p}小区站")),
            new Kind("fuel-station", 15, List.of("{p}加油站", "中国石化{p}加油站", "中国石油{p}加油站")),
            new Kind("mall", 30, List.of("{p}购物中心", "{p}商场", "{p}百货", "{p}广场")),
            new Kind("park", 20, List.of("{p}公园", "{p}森林公园", "{p}湿地公园", "{p}口袋公园")),
            new Kind("community-centre", 20, List.of("{p}社区服务中心", "{p}社区服务站", "{p}党群服务中心")),
            new Kind("police-station", 5, List.of("{p}派出所", "{p}警务工作站")),
            new Kind("fire-station", 4, List.of("{p}消防救援站", "{p}消防站")),
            new Kind("parking", 80, List.of("{p}停车场", "{p}地下停车场", "{p}立体停车库")),
            new Kind("bank", 40, List.of("中国银行{p}支行", "工商银行{p}支行", "建设银行{p}分理处", "农商银行{p}支行", "邮储银行{p}营业所")),
            new Kind("hotel", 40, List.of("{p}宾馆", "{p}大酒店", "{p}快捷酒店", "{p}商务酒店")),
            new Kind("restaurant", 140, List.of("{p}饺子馆", "{p}火锅店", "{p}面馆", "{p}烤鸭店", "{p}小吃店", "{p}家常菜", "{p}咖啡馆")),
            new Kind("farmers-market", 15, List.of("{p}农贸市场", "{p}菜市场", "{p}便民市场")),
            new Kind("factory", 70, List.of("{p}精密机械有限公司", "{p}食品有限公司", "{p}包装有限公司", "{p}电子科技有限公司", "{p}汽车配件有限公司")),
            new Kind("office-building", 50, List.of("{p}大厦", "{p}国际中心", "{p}科技园", "{p}商务楼")),
            new Kind("residential-estate", 100, List.of("{p}家园", "{p}小区", "{p}花园", "{p}苑", "{p}新村")),
            new Kind("scenic-spot", 10, List.of("{p}观光园", "{p}采摘园", "{p}文化园")),
            new Kind("sports-venue", 15, List.of("{p}体育馆", "{p}全民健身中心", "{p}游泳馆", "{p}足球场")),
            new Kind("waste-transfer", 10, List.of("{p}垃圾转运站", "{p}再生资源回收站")),
            new Kind("charging-station", 30, List.of("{p}充电站", "{p}新能源充电站", "{p}超级充电站")));

    private static final List<String> WORDS = List.of(
            "兴旺", "福源", "瑞祥", "丰泽", "嘉和", "泰安", "康乐", "宁远", "安泰", "春晖", "秀水", "翠湖", "锦绣", "荣华", "振兴", "前进", "红星", "育才",
            "文昌", "德胜", "广济", "和平", "幸福", "光明", "东方", "民安", "新城", "阳光", "绿洲", "宏达", "华远", "清源", "永安", "长青", "金星", "康宁",
            "兴华", "惠民", "富民", "祥和", "顺通", "怡景", "明德", "博雅", "云岭", "星河", "朝阳", "晨曦", "润泽", "丰收", "金穗", "碧桂", "紫荆", "玉兰",
            "海棠", "银杏", "柳荫", "松林", "枫香", "桃源");
    private static final List<String> ROADS = List.of("路", "街", "大街", "胡同", "北路", "南路", "东路", "西路");

    static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    static String address(Random random, String place) {
        return place + ROADS.get(random.nextInt(ROADS.size())) + (1 + random.nextInt(300)) + "号（合成）";
    }
}
