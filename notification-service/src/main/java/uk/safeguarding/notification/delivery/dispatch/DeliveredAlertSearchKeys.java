package uk.safeguarding.notification.delivery.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once at start: gives the alerts kept before V120 their search keys (police reference, child), so the alerts API
 * finds them by those too. Alerts received since are kept with their keys.
 */
@Component
public class DeliveredAlertSearchKeys {

    private static final Logger log = LoggerFactory.getLogger(DeliveredAlertSearchKeys.class);
    private static final int BATCH = 500;

    private final DeliveredAlerts alerts;

    public DeliveredAlertSearchKeys(DeliveredAlerts alerts) {
        this.alerts = alerts;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void fillMissing() {
        int total = 0;
        for (int n = alerts.fillMissingSearchKeys(BATCH); n > 0; n = alerts.fillMissingSearchKeys(BATCH)) {
            total += n;
        }
        if (total > 0) {
            log.info("Search keys given to {} alerts kept before they existed", total);
        }
    }
}
