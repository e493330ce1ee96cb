package uk.safeguarding.notification.shared.operations;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.safeguarding.notification.shared.consumers.RecordSkipController;
import uk.safeguarding.notification.shared.consumers.RecordSkips;
import uk.safeguarding.notification.shared.security.Callers;
import uk.safeguarding.notification.shared.security.InboxPeople;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.shared.security.SignedInPerson;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.notification.shared.web.InboxFormat;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The operations console, {@code /operations}: a page for people with the OPERATIONS role (the access matrix lets no
 * one else in; anyone else signed in sees the not-found page). It shows what the platform is doing and what is stuck,
 * and has the two things an operator does about a record: replay a dead letter after a fix, and skip a record that
 * stops its consumer. Both forms carry the session's CSRF token and answer with a redirect back to the page
 * (post/redirect/get), saying what happened.
 */
@Controller
@RequestMapping("/operations")
public class OperationsConsoleController {

    private static final Logger log = LoggerFactory.getLogger(OperationsConsoleController.class);

    /** What the last form did, shown once as a banner. */
    public record Notice(boolean success, String title, String text) {
    }

    private final OperationsConsole console;
    private final DeadLetterReplays replays;
    private final RecordSkips skips;
    private final InboxPeople people;
    private final Callers callers;
    private final Clock clock;

    public OperationsConsoleController(OperationsConsole console, DeadLetterReplays replays, RecordSkips skips,
                                       InboxPeople people, Callers callers, Clock clock) {
        this.console = console;
        this.replays = replays;
        this.skips = skips;
        this.people = people;
        this.callers = callers;
        this.clock = clock;
    }

    @GetMapping
    String page(Authentication authentication, Model model, HttpServletResponse response) {
        return render(authentication, model, response, null, Map.of());
    }

    @PostMapping("/dead-letters/replay")
    String replay(@RequestParam("topic") String topic, @RequestParam("partition") int partition,
                  @RequestParam("offset") long offset, Authentication authentication, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Optional<SignedInPerson> operator = operator(authentication);
        if (operator.isEmpty()) {
            return notFound(authentication, model, response);
        }
        String where = topic + " partition " + partition + " offset " + offset;
        Notice notice;
        try {
            DeadLetterReplays.Outcome outcome = replays.replay(topic, partition, offset,
                    operator.get().caller().personId());
            notice = switch (outcome.verdict()) {
                case REPLAY -> new Notice(true, "Dead letter replayed", "The record of " + where + " is back on "
                        + outcome.letter().originalTopic() + " (partition " + outcome.replay().partition()
                        + ", offset " + outcome.replay().offset() + "). Its consumer reads it again now.");
                case ALREADY_REPLAYED -> new Notice(false, "Already replayed", "The dead letter at " + where
                        + " was replayed before" + (outcome.replay() == null ? "" : " by "
                        + outcome.replay().replayedBy() + ", " + InboxFormat.INSTANCE.shortDateTime(
                        outcome.replay().replayedAt())) + ". Nothing was sent again.");
                case NOT_FOUND -> new Notice(false, "No dead letter there", "There is no dead letter at " + where
                        + ". Nothing was sent.");
                case NOT_CONSUMED_HERE -> new Notice(false, "Not replayed", "The dead letter at " + where
                        + " came from a topic this service does not read. Nothing was sent.");
                case NO_PAYLOAD -> new Notice(false, "Not replayed", "The record's bytes are no longer kept"
                        + " (the dead letter is empty, or retention removed them). Nothing was sent.");
            };
        } catch (RuntimeException e) {
            log.warn("Replay of the dead letter at {} failed: {}", where, uk.safeguarding.platform.failure.Failures
                    .describe(e));
            notice = new Notice(false, "Not replayed", "The dead letter at " + where + " could not be published"
                    + " again: " + uk.safeguarding.platform.failure.Failures.describe(e)
                    + ". Nothing was recorded; try again when Kafka answers.");
        }
        console.changed();
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/operations#dead-letters";
    }

    @PostMapping("/records/skip")
    String skip(@RequestParam(name = "topic", required = false) String topic,
                @RequestParam(name = "partition", required = false) String partition,
                @RequestParam(name = "offset", required = false) String offset,
                @RequestParam(name = "reason", required = false) String reason,
                Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<SignedInPerson> operator = operator(authentication);
        if (operator.isEmpty()) {
            return notFound(authentication, model, response);
        }
        SkipForm form = new SkipForm(topic, partition, offset, reason);
        Map<String, String> problems = form.problems(RecordSkipController.CONSUMED);
        if (!problems.isEmpty()) {
            return render(authentication, model, response, form, problems);
        }
        RecordPosition position = new RecordPosition(topic, form.partitionNumber(), form.offsetNumber());
        String personId = operator.get().caller().personId();
        boolean fresh = skips.request(position, personId, reason.strip(), clock.instant());
        log.warn("Operator {} asked to skip the record at {} to the dead-letter topic{} (console)", personId, position,
                fresh ? "" : " (asked before)");
        console.changed();
        String where = topic + " partition " + position.partition() + " offset " + position.offset();
        redirect.addFlashAttribute("notice", fresh
                ? new Notice(true, "Skip requested", "The consumer sends the record at " + where
                + " to the dead-letter topic the next time it reads it, and goes on with the records behind it.")
                : new Notice(false, "Skip already requested", "A skip of the record at " + where
                + " was asked for before. Nothing changed."));
        return "redirect:/operations#skip";
    }

    private String render(Authentication authentication, Model model, HttpServletResponse response, SkipForm form,
                          Map<String, String> problems) {
        if (operator(authentication).isEmpty()) {
            return notFound(authentication, model, response);
        }
        OperationsConsole.View view = console.view();
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        model.addAttribute("person", people.current(authentication));
        model.addAttribute("console", view);
        model.addAttribute("skipForm", form != null ? form : suggestedSkip(view));
        model.addAttribute("skipProblems", problems);
        return "operations/console";
    }

    /** The first partition behind of a stuck consumer, at the offset it reads next: where its failing batch starts. */
    private static SkipForm suggestedSkip(OperationsConsole.View view) {
        return view.stuck().stream().flatMap(s -> s.behind().stream()).findFirst()
                .map(p -> new SkipForm(p.topic(), Integer.toString(p.partition()),
                        Long.toString(p.next()), ""))
                .orElse(new SkipForm(null, "", "", ""));
    }

    /** The signed-in person, if they hold the OPERATIONS role (with any other). */
    private Optional<SignedInPerson> operator(Authentication authentication) {
        return callers.current(authentication).filter(p -> p.caller().roles().contains(PersonRole.OPERATIONS));
    }

    private String notFound(Authentication authentication, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        model.addAttribute("person", people.current(authentication));
        return "inbox/not-found";
    }
}
