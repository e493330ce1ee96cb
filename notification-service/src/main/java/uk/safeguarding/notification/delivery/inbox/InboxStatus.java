package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.avro.DeliveryState;

import java.time.Instant;

/** An alert's state as the inbox shows it to the recipient organisation. */
public enum InboxStatus {
    NEW("New", "new"),
    OVERDUE("Overdue", "overdue"),
    ESCALATED("Escalated", "escalated"),
    OPENED("Opened", "opened"),
    ACTIONED("Actioned", "actioned");

    private final String label;
    private final String cssClass;

    InboxStatus(String label, String cssClass) {
        this.label = label;
        this.cssClass = cssClass;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return cssClass;
    }

    /**
     * Opened and actioned are what the organisation did; until it opens the alert, a deadline passed (or a recorded
     * breach) shows as overdue before an escalation, which shows before new.
     */
    public static InboxStatus of(DeliveryState state, Instant dueBy, Instant now) {
        if (state == DeliveryState.ACTIONED) {
            return ACTIONED;
        }
        if (state == DeliveryState.OPENED) {
            return OPENED;
        }
        if (state == DeliveryState.BREACHED || (dueBy != null && now.isAfter(dueBy))) {
            return OVERDUE;
        }
        if (state == DeliveryState.ESCALATED) {
            return ESCALATED;
        }
        return NEW;
    }
}
