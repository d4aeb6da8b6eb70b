package org.cityos.casework.internal.categories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.casework.internal.categories.SuggestionModel.Document;
import org.cityos.casework.internal.categories.SuggestionModel.Leaf;
import org.cityos.casework.internal.categories.SuggestionModel.Scored;
import org.junit.jupiter.api.Test;

/** The naive Bayes model on its own: precision on held-out synthetic cases, names alone, scores, no guesses. */
class SuggestionModelTest {
    static final TextFeatures FEATURES = new TextFeatures();
    static final Map<String, String> NAMES = Map.of(
            "E0102", "暴露垃圾",
            "E0201", "非法小广告",
            "E0301", "施工扰民",
            "E0405", "城市积水",
            "E0502", "占道经营",
            "H0501", "供暖不热",
            "H0602", "电梯故障",
            "H0701", "拖欠工资");

    static SuggestionModel model(List<LabelledTexts.Text> cases) {
        List<Leaf> leaves = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<Document> documents = new ArrayList<>();
        for (String code : NAMES.keySet().stream().sorted().toList()) {
            index.put(code, leaves.size());
            leaves.add(new Leaf(code, NAMES.get(code), List.of(NAMES.get(code)), 0));
            documents.add(new Document(leaves.size() - 1, FEATURES.of(NAMES.get(code)), 3));
        }
        for (LabelledTexts.Text t : cases) {
            documents.add(new Document(index.get(t.code()), FEATURES.of(t.text()), 1));
        }
        return SuggestionModel.train(leaves, documents);
    }

    @Test
    void learntFrom200CasesItPicksTheRightLeafFirstForAtLeast80PercentOf40NewTexts() {
        SuggestionModel model = model(LabelledTexts.training(25, 7));
        List<LabelledTexts.Text> heldOut = LabelledTexts.heldOut(5, 99);
        assertThat(heldOut).hasSize(40);
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (LabelledTexts.Text t : heldOut) {
            List<Scored> best = model.suggest(FEATURES.of(t.text()), 1);
            if (!best.isEmpty() && best.get(0).leaf().code().equals(t.code())) {
                right++;
            } else {
                wrong.add(t.code() + " " + t.text() + " -> "
                        + (best.isEmpty() ? "-" : best.get(0).leaf().code()));
            }
        }
        assertThat(right / 40.0).as("missed: %s", wrong).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void namesAloneAreEnoughForTextsThatUseThem() {
        SuggestionModel model = model(List.of());
        assertThat(model.suggest(FEATURES.of("小区电梯出故障了"), 1).get(0).leaf().code())
                .isEqualTo("H0602");
        assertThat(model.suggest(FEATURES.of("路口积水严重"), 1).get(0).leaf().code()).isEqualTo("E0405");
    }

    @Test
    void scoresAreProbabilitiesBestFirst() {
        SuggestionModel model = model(LabelledTexts.training(25, 7));
        List<Scored> three = model.suggest(FEATURES.of("工地半夜施工太吵"), 3);
        assertThat(three).hasSize(3);
        assertThat(three.get(0).leaf().code()).isEqualTo("E0301");
        assertThat(three.get(0).score()).isBetween(0.5, 1.0);
        assertThat(three.get(0).score()).isGreaterThanOrEqualTo(three.get(1).score());
        assertThat(three.get(1).score()).isGreaterThanOrEqualTo(three.get(2).score());
        double all = model.suggest(FEATURES.of("工地半夜施工太吵"), 8).stream()
                .mapToDouble(Scored::score)
                .sum();
        assertThat(all).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aTextWithNothingKnownGetsNoSuggestionRatherThanTheCommonestLeaf() {
        SuggestionModel model = model(LabelledTexts.training(25, 7));
        assertThat(model.suggest(FEATURES.of("xyz 123 !!!"), 3)).isEmpty();
        assertThat(SuggestionModel.empty().suggest(FEATURES.of("积水"), 3)).isEmpty();
    }

    @Test
    void bigramsCatchWordsTheDictionaryDoesNotKnow() {
        List<String> features = FEATURES.of("窨井盖丢了");
        assertThat(features).anyMatch(f -> f.endsWith("窨井"));
        assertThat(features).anyMatch(f -> f.endsWith("井盖"));
    }
}
