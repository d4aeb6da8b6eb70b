package org.cityos.alerting.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    @Test
    void slotsFollowTheOrderOfDeclaration() {
        Vocabulary v = Vocabulary.builder()
                .number("pm25")
                .bool("open")
                .text("line")
                .textList("tags")
                .build();
        assertThat(v.names()).containsExactly("pm25", "open", "line", "tags");
        assertThat(v.size()).isEqualTo(4);
        assertThat(v.slot("line")).isEqualTo(2);
        assertThat(v.type("tags")).isEqualTo(VarType.TEXT_LIST);
        assertThat(v.slot("pm10")).isEqualTo(-1);
        assertThat(v.type("pm10")).isNull();
    }

    @Test
    void namesMustBeCelIdentifiersDeclaredOnce() {
        assertThatThrownBy(() -> Vocabulary.builder().number("pm2.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vocabulary.builder().number("2pm")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vocabulary.builder().bool("in")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> Vocabulary.builder().number("x").text("x")).hasMessageContaining("twice");
    }

    @Test
    void equalDeclarationsMakeEqualVocabularies() {
        Vocabulary a = Vocabulary.builder().number("x").text("y").build();
        assertThat(a).isEqualTo(Vocabulary.builder().number("x").text("y").build());
        assertThat(a).isNotEqualTo(Vocabulary.builder().number("x").bool("y").build());
    }

    @Test
    void factsStartMissingAndClearBackToMissing() {
        Vocabulary v = Vocabulary.builder()
                .number("pm25")
                .bool("open")
                .text("line")
                .textList("tags")
                .build();
        Facts f = new Facts(v);
        assertThat(f.number(0)).isNaN();
        assertThat(f.number(1)).isNaN();
        assertThat(f.text(2)).isNull();
        assertThat(f.texts(3)).isNull();
        f.number(0, 12.5);
        f.bool(1, true);
        f.text(2, "301");
        f.texts(3, List.of("a"));
        assertThat(f.number(0)).isEqualTo(12.5);
        assertThat(f.number(1)).isEqualTo(1);
        assertThat(f.text(2)).isEqualTo("301");
        assertThat(f.texts(3)).containsExactly("a");
        f.clear();
        assertThat(f.number(0)).isNaN();
        assertThat(f.number(1)).isNaN();
        assertThat(f.text(2)).isNull();
        assertThat(f.texts(3)).isNull();
    }

    @Test
    void factsRefuseAValueOfTheWrongType() {
        Facts f = new Facts(Vocabulary.builder().number("pm25").text("line").build());
        assertThatThrownBy(() -> f.text(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.bool(1, true)).hasMessageContaining("line");
    }
}
