package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.shared.security.InboxPeople;
import uk.safeguarding.notification.shared.web.InboxFormat;
import uk.safeguarding.notification.shared.security.InboxPerson;

import uk.safeguarding.notification.shared.vocabulary.AlertIds;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import uk.safeguarding.notification.delivery.escalation.Breaches;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.delivery.dispatch.DeliveryLog;
import uk.safeguarding.notification.delivery.dispatch.RecipientAction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The secure web inbox: an organisation's alerts, each alert's page (opening it is the acknowledgement), and what the
 * organisation did about it. A person sees only alerts addressed to their own organisation; any other alert id, real
 * or not, answers 404 alike.
 */
@Controller
@RequestMapping("/inbox")
public class InboxController {

    private static final Logger log = LoggerFactory.getLogger(InboxController.class);

    private final InboxAlerts alerts;
    private final InboxPeople people;
    private final DeliveryLog deliveryLog;
    private final Clock clock;

    private final Breaches breaches;
    private final AlertLooks looks;

    public InboxController(InboxAlerts alerts, InboxPeople people, DeliveryLog deliveryLog, Clock clock,
                           Breaches breaches, AlertLooks looks) {
        this.breaches = breaches;
        this.looks = looks;
        this.alerts = alerts;
        this.people = people;
        this.deliveryLog = deliveryLog;
        this.clock = clock;
    }

    /** An alert that is not this organisation's, or does not exist: the same answer for both. */
    static final class AlertNotFound extends RuntimeException {
        AlertNotFound() {
            super(null, null, false, false);
        }
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
    }

    @GetMapping({"", "/"})
    String list(Authentication authentication, Model model) {
        InboxPerson person = people.current(authentication);
        Instant now = clock.instant();
        model.addAttribute("person", person);
        model.addAttribute("now", now);
        List<InboxAlerts.Summary> list = alerts.list(person.organisationId());
        model.addAttribute("alerts", list);
        model.addAttribute("unopened", list.stream().filter(a -> a.state() != DeliveryState.OPENED
                && a.state() != DeliveryState.ACTIONED).count());
        return "inbox/list";
    }

    /**
     * Alerts not opened by their deadline, for operations and the local authority's education safeguarding lead:
     * organisations, kinds and times, never a child. Anyone else gets the same page as for an alert not theirs.
     */
    @GetMapping("/breaches")
    String breaches(Authentication authentication, Model model) {
        InboxPerson person = people.current(authentication);
        if (!person.seesBreaches()) {
            throw new AlertNotFound();
        }
        model.addAttribute("person", person);
        model.addAttribute("breaches", breaches.list(null, null, 500));
        return "inbox/breaches";
    }

    /** Another organisation's alert: the same 404 as no alert, and the look recorded in the disclosure audit. */
    private AlertNotFound refused(UUID id, InboxPerson person) {
        looks.refused(id, person.personId(), person.organisationId(), clock.instant());
        return new AlertNotFound();
    }

    @GetMapping("/alerts/{alertId}")
    String alert(@PathVariable("alertId") String alertId, Authentication authentication, Model model) {
        InboxPerson person = people.current(authentication);
        UUID id = AlertIds.parse(alertId).orElseThrow(AlertNotFound::new);
        InboxAlerts.Detail detail = alerts.find(person.organisationId(), id).orElseThrow(() -> refused(id, person));
        if (!alerts.openedBy(id, person.personId())) {
            // the first opening by anyone at the organisation is the acknowledgement; each person's first is recorded
            deliveryLog.record(id, DeliveryState.OPENED, DeliveryChannel.INBOX, person.personId(), "opened in inbox",
                    clock.instant());
            log.info("Alert {} opened in the inbox by person {}", id, person.personId());
            detail = alerts.find(person.organisationId(), id).orElseThrow(AlertNotFound::new);
        }
        return alertPage(model, person, detail, new ActionForm(), Map.of());
    }

    @PostMapping("/alerts/{alertId}/action")
    String recordAction(@PathVariable("alertId") String alertId, @ModelAttribute("form") ActionForm form,
                        Authentication authentication, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        InboxPerson person = people.current(authentication);
        UUID id = AlertIds.parse(alertId).orElseThrow(AlertNotFound::new);
        InboxAlerts.Detail detail = alerts.find(person.organisationId(), id).orElseThrow(AlertNotFound::new);
        if (detail.actioned()) {
            redirect.addFlashAttribute("alreadyRecorded", true);
            return "redirect:/inbox/alerts/" + id;
        }
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return alertPage(model, person, detail, form, errors);
        }
        Instant now = clock.instant();
        if (!detail.opened()) {
            deliveryLog.record(id, DeliveryState.OPENED, DeliveryChannel.INBOX, person.personId(), "opened in inbox", now);
        }
        deliveryLog.recordAction(id, person.personId(), form.recipientAction(), form.cleanNote(), now);
        log.info("Alert {} actioned in the inbox by person {}: {}", id, person.personId(), form.recipientAction());
        redirect.addFlashAttribute("recorded", true);
        return "redirect:/inbox/alerts/" + id;
    }

    @ExceptionHandler(AlertNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Authentication authentication, Model model) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        model.addAttribute("person", people.current(authentication));
        return "inbox/not-found";
    }

    private String alertPage(Model model, InboxPerson person, InboxAlerts.Detail detail, ActionForm form,
                             Map<String, String> errors) {
        model.addAttribute("person", person);
        model.addAttribute("now", clock.instant());
        model.addAttribute("alert", detail);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("actions", RecipientAction.values());
        model.addAttribute("noteMaxLength", ActionForm.NOTE_MAX_LENGTH);
        return "inbox/alert";
    }
}
