package org.cityos.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Every package has a package-info with one sentence of purpose. */
final class PackageInfo {
    private PackageInfo() {}

    static ArchCondition<JavaClass> present() {
        return new ArchCondition<>("live in a package with a package-info") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String name = item.getPackageName() + ".package-info";
                boolean present =
                        Thread.currentThread().getContextClassLoader().getResource(name.replace('.', '/') + ".class")
                                != null;
                if (!present) {
                    events.add(SimpleConditionEvent.violated(item, "no package-info in " + item.getPackageName()));
                }
            }
        };
    }
}
