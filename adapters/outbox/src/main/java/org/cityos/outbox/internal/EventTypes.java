package org.cityos.outbox.internal;

import org.cityos.kernel.event.EventType;

/** The stored type name of an event class: its {@link EventType} value, else its class name. */
public final class EventTypes {
    // Publishing is hot; read the annotation once per class.
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> eventClass) {
            EventType annotation = eventClass.getAnnotation(EventType.class);
            if (annotation == null) {
                return eventClass.getName();
            }
            if (annotation.value().isBlank()) {
                throw new IllegalStateException("@EventType on " + eventClass.getName() + " is blank");
            }
            return annotation.value();
        }
    };

    private EventTypes() {}

    public static String nameOf(Class<?> eventClass) {
        return NAMES.get(eventClass);
    }
}
