package org.cityos.basedata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void masksEachKindOfPersonalField() {
        assertThat(Masking.idNumber("110115199003071231")).isEqualTo("110115********1231");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳小明")).isEqualTo("欧**明");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.address("北京市大兴区旧宫镇旧宫西路88号院3号楼")).isEqualTo("北京市大兴区旧宫镇****");
        assertThat(Masking.address("大兴区兴华大街5号")).isEqualTo("大兴区****");
        assertThat(Masking.birthDate("1990-03-07")).isEqualTo("1990-**-**");
    }
}
