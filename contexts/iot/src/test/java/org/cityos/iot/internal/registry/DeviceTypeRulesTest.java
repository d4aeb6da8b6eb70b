package org.cityos.iot.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.iot.DeviceDataType;
import org.cityos.iot.DeviceType;
import org.cityos.iot.DeviceTypeComponentClass;
import org.cityos.iot.DeviceTypeDraft;
import org.cityos.iot.DeviceTypeDraft.CommandDraft;
import org.cityos.iot.DeviceTypeDraft.ParameterDraft;
import org.cityos.iot.DeviceTypeDraft.PropertyDraft;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class DeviceTypeRulesTest {
    private static final DeviceTypeRules RULES = new DeviceTypeRules(DeviceTypeCatalogue.classes().stream()
            .map(DeviceTypeComponentClass::code)
            .collect(Collectors.toSet()));

    private static PropertyDraft level() {
        return new PropertyDraft("currentLevel", "m", "NUMBER", 0.0, 3.0, null, 300, "currentLevel");
    }

    private static DeviceTypeDraft draft(List<PropertyDraft> properties, List<CommandDraft> commands) {
        return new DeviceTypeDraft(
                "flood-gauge", "积水尺", "Flood gauge", "water", "0313", "FloodMonitoring", false, properties, commands);
    }

    private static List<String> fields(DeviceTypeDraft d) {
        try {
            RULES.check(d, false, 0);
            return List.of();
        } catch (InvalidInput e) {
            return e.fieldIssues().stream().map(FieldIssue::field).toList();
        }
    }

    @Test
    void aValidDraftBecomesAType() {
        DeviceType t = RULES.check(
                draft(
                        List.of(level()),
                        List.of(new CommandDraft(
                                "calibrate", List.of(new ParameterDraft("offset", "number", -1.0, 1.0, null, null))))),
                false,
                0);
        assertThat(t.property("currentLevel").orElseThrow().dataType()).isEqualTo(DeviceDataType.NUMBER);
        assertThat(t.command("calibrate").orElseThrow().parameters().get(0).required())
                .isTrue();
    }

    @Test
    void reportsEveryBrokenPropertyRuleByField() {
        List<String> fields = fields(draft(
                List.of(
                        level(),
                        new PropertyDraft("currentLevel", "m", "NUMBER", null, null, null, 60, null),
                        new PropertyDraft("speed", "m/s", "FLOAT", null, null, null, 60, null),
                        new PropertyDraft("depth", "m", "NUMBER", 5.0, 1.0, null, 60, null),
                        new PropertyDraft("battery", "%", "NUMBER", 0.0, 100.0, null, 0, null),
                        new PropertyDraft("mode", "", "ENUM", null, null, List.of(), 60, null),
                        new PropertyDraft("ok", "", "BOOLEAN", 0.0, 1.0, null, 60, null),
                        new PropertyDraft("x", "", "NUMBER", null, null, null, 60, "noSuchAttribute")),
                List.of()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "properties[1].name",
                        "properties[2].dataType",
                        "properties[3].min",
                        "properties[4].reportingIntervalSeconds",
                        "properties[5].values",
                        "properties[6].min",
                        "properties[7].modelAttribute");
    }

    @Test
    void checksCodesClassesModelsAndCommands() {
        DeviceTypeDraft bad = new DeviceTypeDraft(
                "Bad Code",
                "",
                "x",
                "water",
                "9999",
                "NoSuchModel",
                false,
                List.of(),
                List.of(
                        new CommandDraft("open", List.of(new ParameterDraft("p", "TEXT", null, null, null, null))),
                        new CommandDraft("open", List.of())));
        assertThat(fields(bad))
                .containsExactlyInAnyOrder(
                        "code",
                        "nameZh",
                        "componentClass",
                        "smartDataModel",
                        "commands[0].parameters[0].dataType",
                        "commands[1].name");
    }

    @Test
    void theSeededCatalogueIsValidAndCoversTheDistrictsKinds() {
        Set<String> classes = DeviceTypeCatalogue.classes().stream()
                .map(DeviceTypeComponentClass::code)
                .collect(Collectors.toSet());
        List<DeviceType> types = DeviceTypeCatalogue.types().stream()
                .map(d -> new DeviceTypeRules(classes).check(d, true, 0))
                .toList();
        assertThat(types).hasSizeGreaterThanOrEqualTo(30);
        assertThat(types.stream().map(DeviceType::code))
                .contains(
                        "smart-light-pole",
                        "hydrant-pressure",
                        "waterlogging-level",
                        "voc-monitor",
                        "heat-pump-controller",
                        "gas-leak-detector",
                        "elderly-wearable",
                        "bridge-health",
                        "camera",
                        "gateway")
                .doesNotHaveDuplicates();
        assertThat(types.stream().map(DeviceType::smartDataModel))
                .contains(SmartDataModels.MODELS.toArray(String[]::new));
        assertThat(types).allSatisfy(t -> assertThat(t.componentClass()).isIn(classes));
        assertThat(types.stream().filter(DeviceType::gateway).map(DeviceType::code))
                .containsExactly("gateway");
    }

    @Test
    void modelAttributesComeFromTheCopiedSchemas() {
        assertThat(SmartDataModels.hasAttribute("FloodMonitoring", "currentLevel"))
                .isTrue();
        assertThat(SmartDataModels.hasAttribute("AirQualityObserved", "pm25")).isTrue();
        assertThat(SmartDataModels.hasAttribute("ParkingSpot", "pm25")).isFalse();
    }

    @Test
    void aClassTableWithAnOrphanSubclassIsRefused() {
        var csv = "code,parent,name_zh,name_en\n01,,公用设施,Utilities\n0201,02,信号灯,Signal\n";
        assertThatThrownBy(() -> DeviceTypeCatalogue.readClasses(
                        new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(org.cityos.iot.DeviceTypeProblems.ComponentClassesRefused.class);
    }
}
