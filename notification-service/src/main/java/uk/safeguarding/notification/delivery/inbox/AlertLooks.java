package uk.safeguarding.notification.delivery.inbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.notification.delivery.dispatch.DeliveredAlerts;
import uk.safeguarding.notification.shared.audit.AuditTrail;
import uk.safeguarding.notification.shared.audit.DisclosureEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Looks at an alert that are disclosures in themselves, or refusals, recorded in the disclosure audit. */
@Component
public class AlertLooks {

    private final DeliveredAlerts delivered;
    private final AuditTrail audit;

    public AlertLooks(DeliveredAlerts delivered, AuditTrail audit) {
        this.delivered = delivered;
        this.audit = audit;
    }

    /**
     * A refused look at an alert of another organisation, recorded in its own transaction (the refusal itself
     * commits nothing). An id that names no alert at all is not recorded: there is nothing about a child in it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(UUID alertId, String personId, String organisationId, Instant at) {
        delivered.find(alertId).filter(a -> !a.getRecipient().getOrganisationId().equals(organisationId))
                .ifPresent(a -> audit.recordAll(List.of(DisclosureEvent.accessRefused(a, personId, organisationId, at))));
    }

    /** A person read the whole alert through the API. */
    @Transactional
    public void viewed(UUID alertId, String personId, Instant at) {
        delivered.find(alertId).ifPresent(a -> audit.recordAll(List.of(DisclosureEvent.alertViewed(a, personId, at))));
    }

    /** A person exported the alert as a printable file. */
    @Transactional
    public void exported(UUID alertId, String personId, Instant at) {
        delivered.find(alertId).ifPresent(a -> audit.recordAll(List.of(DisclosureEvent.alertExported(a, personId, at))));
    }
}
