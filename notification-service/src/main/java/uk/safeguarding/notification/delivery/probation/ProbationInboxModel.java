package uk.safeguarding.notification.delivery.probation;

import uk.safeguarding.notification.shared.vocabulary.AlertIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import uk.safeguarding.notification.delivery.inbox.InboxController;
import uk.safeguarding.notification.shared.security.InboxPeople;
import uk.safeguarding.notification.shared.security.InboxPerson;
import uk.safeguarding.notification.delivery.dispatch.DeliveredAlerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The probation section of an inbox alert page: the children of the household, the question, and the answer once
 * given (the form posts to {@link ProbationInbox}). Kept out of the inbox package: the page gets {@code probation} in
 * its model for a probation alert of the signed-in person's own organisation, and nothing otherwise.
 */
@ControllerAdvice(assignableTypes = InboxController.class)
public class ProbationInboxModel {

    private static final Logger log = LoggerFactory.getLogger(ProbationInboxModel.class);

    /** A child of the household as the page lists them. */
    public record HouseholdChild(String name, LocalDate dateOfBirth) {
    }

    /** What the page shows. */
    public record Section(UUID alertId, String question, Instant respondBy, boolean overdue, boolean answered,
                          Boolean childrenConsidered, String actions, Instant answeredAt, String answeredByName,
                          List<HouseholdChild> children, int actionsMaxLength) {
    }

    private final ProbationResponses responses;
    private final InboxPeople people;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public ProbationInboxModel(ProbationResponses responses, InboxPeople people, JdbcTemplate jdbc, ObjectMapper json,
                               Clock clock) {
        this.responses = responses;
        this.people = people;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @ModelAttribute("probation")
    Section section(@PathVariable(name = "alertId", required = false) String alertId, Authentication authentication) {
        UUID id = AlertIds.parse(alertId).orElse(null);
        if (id == null || authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        InboxPerson person = people.current(authentication);
        Optional<ProbationResponses.Response> found = responses.find(id, person.organisationId());
        if (found.isEmpty()) {
            return null;
        }
        ProbationResponses.Response r = found.get();
        String answeredBy = r.answeredBy() == null ? null : jdbc.query("select display_name from person where id = ?",
                rs -> rs.next() ? rs.getString(1) : null, r.answeredBy());
        return new Section(id, r.question(), r.respondBy(), r.overdue(clock.instant()), r.answered(),
                r.childrenConsidered(), r.actions(), r.answeredAt(), answeredBy,
                householdChildren(id, person.organisationId()), ProbationAnswer.ACTIONS_MAX_LENGTH);
    }

    private List<HouseholdChild> householdChildren(UUID alertId, String organisationId) {
        String content = jdbc.query("select payload from delivered_alert where alert_id = ? and organisation_id = ?",
                rs -> rs.next() ? DeliveredAlerts.json(rs.getBytes(1)) : null, alertId, organisationId);
        List<HouseholdChild> children = new ArrayList<>();
        if (content == null) {
            return children;
        }
        try {
            for (JsonNode c : json.readTree(content).path("householdChildren")) {
                String name = (c.path("givenName").asText("") + " " + c.path("familyName").asText("")).strip();
                JsonNode dob = c.get("dateOfBirth");
                LocalDate date = dob == null || dob.isNull() ? null
                        : dob.isNumber() ? LocalDate.ofEpochDay(dob.asLong()) : LocalDate.parse(dob.asText());
                children.add(new HouseholdChild(name, date));
            }
        } catch (Exception e) {
            log.warn("Alert {}: household children unreadable ({})", alertId, e.getClass().getSimpleName());
        }
        return children;
    }
}
