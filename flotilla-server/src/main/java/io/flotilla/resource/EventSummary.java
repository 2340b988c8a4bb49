package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An event about an object, newest first in lists.
 *
 * @param type Normal or Warning
 * @param last when it last happened (lastTimestamp, eventTime or creation time)
 */
public record EventSummary(String type, String reason, String message, String objectKind, String objectName,
        int count, Instant last, String source) {

    public static EventSummary of(Event e) {
        String when = e.getLastTimestamp() != null ? e.getLastTimestamp()
                : e.getEventTime() != null && e.getEventTime().getTime() != null ? e.getEventTime().getTime()
                : e.getMetadata().getCreationTimestamp();
        Instant last = null;
        if (when != null) {
            try {
                last = Instant.parse(when);
            } catch (RuntimeException ignored) {
                last = OffsetDateTime.parse(when).toInstant();
            }
        }
        return new EventSummary(e.getType(), e.getReason(), e.getMessage(),
                e.getInvolvedObject() == null ? null : e.getInvolvedObject().getKind(),
                e.getInvolvedObject() == null ? null : e.getInvolvedObject().getName(),
                e.getCount() == null ? 1 : e.getCount(), last,
                e.getSource() == null ? e.getReportingComponent() : e.getSource().getComponent());
    }
}
