package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** docs/configuration.md documents every key of every typed {@code cityos.*} configuration record. */
class ConfigurationReferenceTest {

    @Test
    void everyTypedKeyIsDocumented() throws IOException, ClassNotFoundException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> keys = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.cityos")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            for (RecordComponent component : type.getRecordComponents()) {
                keys.add(prefix + "." + kebab(component.getName()));
            }
        }
        assertThat(keys).hasSizeGreaterThan(25);
        assertThat(keys).allSatisfy(key -> assertThat(doc).as(key).contains("`" + key + "`"));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
