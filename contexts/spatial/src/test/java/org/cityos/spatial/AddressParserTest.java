package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-written address texts and the parts they must split into. Columns: text | town | community |
 * road | number | compound | building | unit | room (empty = missing). The town names come from the
 * vocabulary below, as they would from the division data.
 */
class AddressParserTest {
    private static final AddressParser PARSER = new AddressParser(new AddressVocabulary(
            List.of("北京市"),
            "大兴区",
            List.of("旧宫地区", "兴丰街道", "林校路街道", "青云店镇", "北臧村镇", "北京经济技术开发区", "大兴国际机场", "亦庄地区"),
            List.of("清源社区", "前辛庄村")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            北京市大兴区旧宫镇旧宫西路88号院3号楼2单元 | 旧宫地区 | | 旧宫西路 | 88 | 88号院 | 3 | 2 |
            北京大兴区旧宫镇旧宫西路88号院3号楼2单元 | 旧宫地区 | | 旧宫西路 | 88 | 88号院 | 3 | 2 |
            大兴区旧宫地区旧宫西路88号 | 旧宫地区 | | 旧宫西路 | 88 | | | |
            旧宫旧宫西路88号 | 旧宫地区 | | 旧宫西路 | 88 | | | |
            旧宫西路88号 | | | 旧宫西路 | 88 | | | |
            旧宫南大街6号 | | | 旧宫南大街 | 6 | | | |
            旧宫 兴华路 12号 | 旧宫地区 | | 兴华路 | 12 | | | |
            北京市大兴区旧宫镇旧宫西路８８号院３号楼２单元 | 旧宫地区 | | 旧宫西路 | 88 | 88号院 | 3 | 2 |
            旧宫镇旧宫西路八十八号 | 旧宫地区 | | 旧宫西路 | 88 | | | |
            旧宫镇旧宫西路一百零五号 | 旧宫地区 | | 旧宫西路 | 105 | | | |
            旧宫镇旧宫西路一零五号 | 旧宫地区 | | 旧宫西路 | 105 | | | |
            旧宫镇旧宫西路十号 | 旧宫地区 | | 旧宫西路 | 10 | | | |
            旧宫镇旧宫西路两百号 | 旧宫地区 | | 旧宫西路 | 200 | | | |
            旧宫镇旧宫西路八十八号院三号楼二单元 | 旧宫地区 | | 旧宫西路 | 88 | 88号院 | 3 | 2 |
            北京市，大兴区　旧宫镇 旧宫西路、88号院 3号楼-2单元 | 旧宫地区 | | 旧宫西路 | 88 | 88号院 | 3 | 2 |
            旧宫西路88院 | | | 旧宫西路 | 88 | 88号院 | | |
            旧宫西路88号富强家园3号楼2单元 | | | 旧宫西路 | 88 | 富强家园 | 3 | 2 |
            旧宫西路88号富强小区 | | | 旧宫西路 | 88 | 富强小区 | | |
            旧宫西路富强小区3号楼 | | | 旧宫西路 | | 富强小区 | 3 | |
            富强家园3号楼2单元 | | | | | 富强家园 | 3 | 2 |
            旧宫西路88号院3栋2单元 | | | 旧宫西路 | 88 | 88号院 | 3 | 2 |
            旧宫西路88号院A座 | | | 旧宫西路 | 88 | 88号院 | A | |
            旧宫西路88号院B座1201室 | | | 旧宫西路 | 88 | 88号院 | B | | 1201
            旧宫西路88号院3号楼2单元301室 | | | 旧宫西路 | 88 | 88号院 | 3 | 2 | 301
            旧宫西路88号院3号楼2单元301户 | | | 旧宫西路 | 88 | 88号院 | 3 | 2 | 301
            旧宫西路88号院3号楼2单元301 | | | 旧宫西路 | 88 | 88号院 | 3 | 2 | 301
            旧宫西路88号3-2-301 | | | 旧宫西路 | 88 | | 3 | 2 | 301
            旧宫西路88号101室 | | | 旧宫西路 | 88 | | | | 101
            兴丰街道兴华大街3号 | 兴丰街道 | | 兴华大街 | 3 | | | |
            兴丰兴华大街3号 | 兴丰街道 | | 兴华大街 | 3 | | | |
            林校路街道康宁路7号 | 林校路街道 | | 康宁路 | 7 | | | |
            林校路康宁路7号 | 林校路街道 | | 康宁路 | 7 | | | |
            青云店镇青云店北路5号 | 青云店镇 | | 青云店北路 | 5 | | | |
            青云店北路5号 | | | 青云店北路 | 5 | | | |
            北臧村镇前辛庄村前辛庄路9号 | 北臧村镇 | 前辛庄村 | 前辛庄路 | 9 | | | |
            北臧村前辛庄路9号 | 北臧村镇 | | 前辛庄路 | 9 | | | |
            大兴区兴丰街道清源社区兴华大街3号 | 兴丰街道 | 清源社区 | 兴华大街 | 3 | | | |
            北京经济技术开发区荣华北路5号 | 北京经济技术开发区 | | 荣华北路 | 5 | | | |
            北京市北京经济技术开发区荣华北路5号 | 北京经济技术开发区 | | 荣华北路 | 5 | | | |
            大兴国际机场榆大路13号 | 大兴国际机场 | | 榆大路 | 13 | | | |
            亦庄镇黄亦路1号 | 亦庄地区 | | 黄亦路 | 1 | | | |
            亦庄地区黄亦路1号 | 亦庄地区 | | 黄亦路 | 1 | | | |
            旧宫西路 | | | 旧宫西路 | | | | |
            旧宫镇 | 旧宫地区 | | | | | | |
            大兴区 | | | | | | | |
            八一路八号 | | | 八一路 | 8 | | | |
            兴华胡同2号 | | | 兴华胡同 | 2 | | | |
            兴华巷2号院 | | | 兴华巷 | 2 | 2号院 | | |
            someone's 兴华路 12 号 | | | SOMEONES兴华路 | 12 | | | |
            """)
    void splits_text_into_parts(
            String text,
            String town,
            String community,
            String road,
            String number,
            String compound,
            String building,
            String unit,
            String room) {
        StandardAddress parsed = PARSER.parse(text);

        assertThat(parsed)
                .extracting(
                        StandardAddress::town,
                        StandardAddress::community,
                        StandardAddress::road,
                        StandardAddress::number,
                        StandardAddress::compound,
                        StandardAddress::building,
                        StandardAddress::unit,
                        StandardAddress::room)
                .containsExactly(town, community, road, number, compound, building, unit, room);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            北京市大兴区旧宫镇旧宫西路88号 | 大兴区
            大兴旧宫西路88号 | 大兴区
            旧宫西路88号 |
            """)
    void recognises_the_district_in_full_or_short(String text, String district) {
        assertThat(PARSER.parse(text).district()).isEqualTo(district);
    }
}
