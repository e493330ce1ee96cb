package uk.safeguarding.notification.intake;

import java.util.List;

/** An incident that was read but fails validation: dead-lettered with this as the cause. */
public class IncidentRejectedException extends RuntimeException {

    public IncidentRejectedException(List<String> problems) {
        super(String.join("; ", problems));
    }
}
