package org.cityos.iot.internal.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cityos.iot.Gb28181Check;
import org.cityos.iot.Gb28181Id;
import org.cityos.iot.Gb28181Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gb28181RulesTest {
    private final Gb28181Rules rules = new Gb28181Rules("110115000000", Gb28181Codes.standard());

    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
        // centre   ind type net serial
        "11011500001320000001, 00, 132, 0", // IPC, street public security, surveillance network
        "11011501001310000123, 00, 131, 0", // analogue camera
        "11011502011320999999, 01, 132, 0", // community
        "11011500021110000001, 02, 111, 0", // DVR
        "11011500031120000002, 03, 112, 0", // video server
        "11011500041130000003, 04, 113, 0", // encoder
        "11011500051180000004, 05, 118, 0", // NVR
        "11011500081322000005, 08, 132, 2", // city management on the government network
        "11011500091321000006, 09, 132, 1", // public security information network
        "11011500111323000007, 11, 132, 3", // education on the internet
        "11011500401324000008, 40, 132, 4", // agriculture via social resources network
        "11011500552000000009, 55, 200, 0", // centre signalling server
        "11011500002150000010, 00, 215, 0", // business group
        "11011500002160000011, 00, 216, 0", // virtual organisation
        "11011599001320000000, 00, 132, 0", // grass-roots unit 99, serial zero
        "11011500001380000012, 00, 138, 0", // mobile transmission device
    })
    void validIds(String id, String industry, String type, String network) {
        Gb28181Check check = rules.check(id);
        assertThat(check.issues()).isEmpty();
        Gb28181Id parts = check.id().orElseThrow();
        assertThat(parts.value()).isEqualTo(id);
        assertThat(parts.centre()).isEqualTo(id.substring(0, 8));
        assertThat(parts.districtDigits()).isEqualTo("110115");
        assertThat(parts.industry().code()).isEqualTo(industry);
        assertThat(parts.type().code()).isEqualTo(type);
        assertThat(parts.network().code()).isEqualTo(network);
        assertThat(parts.serial()).isEqualTo(id.substring(14));
    }

    @ParameterizedTest(name = "{0} fails on {1} ({2})")
    @CsvSource({
        "'', id, gb28181.length",
        "1101150000132000000, id, gb28181.length", // 19 digits
        "110115000013200000011, id, gb28181.length", // 21 digits
        "'   ', id, gb28181.length",
        "11011600001320000001, centre, gb28181.centre-outside-district", // neighbouring district
        "11010500001320000001, centre, gb28181.centre-outside-district", // Chaoyang
        "31011500001320000001, centre, gb28181.centre-outside-district", // another province
        "1101150A001320000001, centre, gb28181.not-digits",
        "11011500121320000001, industry, gb28181.unknown-industry", // reserved 12
        "11011500391320000001, industry, gb28181.unknown-industry", // reserved 39
        "11011500561320000001, industry, gb28181.unknown-industry", // reserved 56
        "11011500801320000001, industry, gb28181.unknown-industry", // reserved 80
        "11011500991320000001, industry, gb28181.unknown-industry", // reserved 99
        "110115000X1320000001, industry, gb28181.not-digits",
        "11011500001000000001, type, gb28181.unknown-type", // 100
        "11011500001200000001, type, gb28181.unknown-type", // 120 extension range
        "11011500001400000001, type, gb28181.unknown-type", // 140 extension range
        "11011500002170000001, type, gb28181.unknown-type", // 217
        "11011500009990000001, type, gb28181.unknown-type", // 999
        "110115000013A0000001, type, gb28181.not-digits",
        "11011500001325000001, network, gb28181.unknown-network", // 5 reserved
        "11011500001329000001, network, gb28181.unknown-network", // 9 reserved
        "1101150000132-000001, network, gb28181.not-digits",
        "1101150000132000000a, serial, gb28181.not-digits",
        "11011500001320 00001, serial, gb28181.not-digits",
    })
    void invalidIds(String id, String part, String key) {
        Gb28181Check check = rules.check(id);
        assertThat(check.valid()).isFalse();
        assertThat(check.id()).isEmpty();
        assertThat(check.issues()).extracting(Gb28181Issue::part).containsExactly(part);
        assertThat(check.issues()).extracting(Gb28181Issue::messageKey).containsExactly(key);
    }

    @Test
    void everyWrongPartIsReportedWithItsReason() {
        Gb28181Check check = rules.check("32010699991235567890");
        assertThat(check.issues())
                .containsExactly(
                        Gb28181Issue.of("centre", "gb28181.centre-outside-district", "320106", "110115"),
                        Gb28181Issue.of("industry", "gb28181.unknown-industry", "99"),
                        Gb28181Issue.of("type", "gb28181.unknown-type", "123"),
                        Gb28181Issue.of("network", "gb28181.unknown-network", "5"));
    }

    @Test
    void nullIsAnIssueNotAnException() {
        assertThat(rules.check(null).issues())
                .extracting(Gb28181Issue::messageKey)
                .containsExactly("gb28181.length");
    }

    @Test
    void surroundingSpaceIsIgnored() {
        assertThat(rules.check(" 11011500001320000001 ").valid()).isTrue();
    }

    @Test
    void theDistrictIsDataNotCode() {
        Gb28181Rules chaoyang = new Gb28181Rules("110105000000", Gb28181Codes.standard());
        assertThat(chaoyang.check("11010500001320000001").valid()).isTrue();
        assertThat(chaoyang.check("11011500001320000001").valid()).isFalse();
    }

    @Test
    void theCodeTablesCarryChineseNames() {
        Gb28181Codes codes = Gb28181Codes.standard();
        assertThat(codes.find("type", "131").orElseThrow().nameZh()).isEqualTo("摄像机");
        assertThat(codes.find("type", "132").orElseThrow().frontEnd()).isTrue();
        assertThat(codes.find("type", "200").orElseThrow().frontEnd()).isFalse();
        assertThat(codes.find("industry", "00").orElseThrow().nameZh()).isEqualTo("社会治安路面接入");
        assertThat(codes.all("network")).extracting(c -> c.code()).containsExactly("0", "1", "2", "3", "4");
        assertThat(codes.find("network", "2").orElseThrow().nameZh()).isEqualTo("政务网");
        assertThat(List.of(codes.find("industry", "12"))).allMatch(java.util.Optional::isEmpty);
    }
}
