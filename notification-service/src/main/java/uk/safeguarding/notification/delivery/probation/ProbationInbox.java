package uk.safeguarding.notification.delivery.probation;

import uk.safeguarding.notification.shared.vocabulary.AlertIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.safeguarding.notification.shared.security.InboxPeople;
import uk.safeguarding.notification.shared.security.InboxPerson;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Records probation's answer from the form on the inbox alert page ({@link ProbationInboxModel}): own organisation only. */
@Controller
public class ProbationInbox {

    private static final Logger log = LoggerFactory.getLogger(ProbationInbox.class);

    private final ProbationResponses responses;
    private final InboxPeople people;
    private final Clock clock;

    public ProbationInbox(ProbationResponses responses, InboxPeople people, Clock clock) {
        this.responses = responses;
        this.people = people;
        this.clock = clock;
    }

    @PostMapping("/inbox/alerts/{alertId}/response")
    String answer(@PathVariable("alertId") String alertId,
                  @RequestParam(name = "childrenConsidered", required = false) String childrenConsidered,
                  @RequestParam(name = "actions", required = false) String actions,
                  Authentication authentication, RedirectAttributes redirect) {
        UUID id = AlertIds.parse(alertId).orElse(null);
        if (id == null) {
            return "redirect:/inbox";
        }
        InboxPerson person = people.current(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"yes".equals(childrenConsidered) && !"no".equals(childrenConsidered)) {
            errors.put("childrenConsidered-yes", "Select whether the children's safeguarding needs were considered");
        }
        if (actions == null || actions.isBlank()) {
            errors.put("actions", "Enter what was done");
        } else if (actions.length() > ProbationAnswer.ACTIONS_MAX_LENGTH) {
            errors.put("actions", "What was done must be " + String.format("%,d", ProbationAnswer.ACTIONS_MAX_LENGTH)
                    + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("responseErrors", errors);
            redirect.addFlashAttribute("responseChildrenConsidered", childrenConsidered);
            redirect.addFlashAttribute("responseActions", actions);
            // no fragment: the page's error summary takes the focus (a fragment in the address would stop autofocus)
            return "redirect:/inbox/alerts/" + id;
        }
        // an alert of another organisation (or none) is NOT_FOUND: the alert page then answers 404 as for any other
        ProbationResponses.Outcome outcome = responses.answer(id, person.organisationId(),
                "yes".equals(childrenConsidered), actions.strip(), person.personId(), clock.instant());
        if (outcome == ProbationResponses.Outcome.RECORDED) {
            log.info("Probation answer recorded for alert {} in the inbox by person {}", id, person.personId());
            redirect.addFlashAttribute("responseRecorded", true);
        } else if (outcome == ProbationResponses.Outcome.ALREADY_ANSWERED) {
            redirect.addFlashAttribute("responseAlreadyRecorded", true);
        }
        return "redirect:/inbox/alerts/" + id;
    }
}
