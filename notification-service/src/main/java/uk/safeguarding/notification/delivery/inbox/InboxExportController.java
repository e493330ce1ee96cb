package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.shared.security.InboxPeople;
import uk.safeguarding.notification.shared.security.InboxPerson;

import uk.safeguarding.notification.shared.vocabulary.AlertIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Export of one alert as a printable plain-text file, for the organisation it is addressed to only (any other id
 * answers 404 like the alert page). Every export is a disclosure: recorded in the audit trail (ALERT_EXPORTED)
 * before the file is sent.
 */
@Controller
@RequestMapping("/inbox/alerts")
public class InboxExportController {

    private static final Logger log = LoggerFactory.getLogger(InboxExportController.class);

    private final InboxAlerts alerts;
    private final InboxPeople people;
    private final AlertLooks looks;
    private final Clock clock;

    public InboxExportController(InboxAlerts alerts, InboxPeople people, AlertLooks looks,
                                 Clock clock) {
        this.alerts = alerts;
        this.people = people;
        this.looks = looks;
        this.clock = clock;
    }

    @GetMapping("/{alertId}/export")
    ResponseEntity<byte[]> export(@PathVariable("alertId") String alertId, Authentication authentication) {
        InboxPerson person = people.current(authentication);
        Optional<UUID> id = AlertIds.parse(alertId);
        Optional<InboxAlerts.Detail> detail = id.flatMap(i -> alerts.find(person.organisationId(), i));
        if (detail.isEmpty()) {
            // another organisation's alert: answered like no alert, and the look is recorded
            id.ifPresent(i -> looks.refused(i, person.personId(), person.organisationId(), clock.instant()));
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Not found\n".getBytes(StandardCharsets.UTF_8));
        }
        looks.exported(id.get(), person.personId(), clock.instant());
        log.info("Alert {} exported from the inbox by person {}", id.get(), person.personId());
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(AlertExport.fileName(id.get())).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(AlertExport.text(detail.get()).getBytes(StandardCharsets.UTF_8));
    }
}
