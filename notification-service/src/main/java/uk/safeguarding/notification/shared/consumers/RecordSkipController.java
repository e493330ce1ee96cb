package uk.safeguarding.notification.shared.consumers;

import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.notification.shared.security.Callers;
import uk.safeguarding.notification.shared.security.SignedInPerson;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.schemas.contract.Text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operations skip a record that stops its consumer: {@code POST /api/v1/operations/records/skip} with the topic,
 * partition and offset (from the stuck consumer's log line or readiness details) and a reason. The consumer sends it
 * to the dead-letter topic the next time it reads it; nothing else stops. Who asked, when and why is kept.
 */
@RestController
public class RecordSkipController {

    private static final Logger log = LoggerFactory.getLogger(RecordSkipController.class);

    /** The topics a consumer of this service reads (also where the operations console may replay a dead letter). */
    public static final Set<String> CONSUMED = consumed();

    public record SkipRequest(String topic, Integer partition, Long offset, String reason) {
    }

    private final RecordSkips skips;
    private final Callers callers;
    private final Clock clock;

    public RecordSkipController(RecordSkips skips, Callers callers, Clock clock) {
        this.skips = skips;
        this.callers = callers;
        this.clock = clock;
    }

    @PostMapping("/api/v1/operations/records/skip")
    @Operation(summary = "Skip one record to the dead-letter topic (operations)")
    public ResponseEntity<Object> skip(@RequestBody SkipRequest body, Authentication authentication) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (body == null || body.topic() == null || !CONSUMED.contains(body.topic())) {
            errors.add(Map.of("field", "topic", "reason", "must be a topic this service consumes: " + CONSUMED));
        }
        if (body == null || body.partition() == null || body.partition() < 0) {
            errors.add(Map.of("field", "partition", "reason", "must be 0 or more"));
        }
        if (body == null || body.offset() == null || body.offset() < 0) {
            errors.add(Map.of("field", "offset", "reason", "must be 0 or more"));
        }
        if (body == null || body.reason() == null || body.reason().isBlank() || body.reason().length() > 500
                || Text.hasControlCharacter(body.reason(), false)) {
            errors.add(Map.of("field", "reason", "reason", "must say why, in at most 500 characters on one line"));
        }
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    errors.size() + " field(s) are invalid.");
            problem.setTitle("Invalid skip request");
            problem.setProperty("errors", errors);
            return ResponseEntity.badRequest().body(problem);
        }
        SignedInPerson person = callers.require(authentication);
        RecordPosition position = new RecordPosition(body.topic(), body.partition(), body.offset());
        boolean fresh = skips.request(position, person.caller().personId(), body.reason().strip(), clock.instant());
        log.warn("Operator {} asked to skip the record at {} to the dead-letter topic{}", person.caller().personId(),
                position, fresh ? "" : " (asked before)");
        return ResponseEntity.status(fresh ? HttpStatus.ACCEPTED : HttpStatus.OK).body(Map.of(
                "topic", position.topic(), "partition", position.partition(), "offset", position.offset(),
                "status", fresh ? "REQUESTED" : "ALREADY_REQUESTED"));
    }

    @GetMapping("/api/v1/operations/records/skips")
    @Operation(summary = "The skips operators asked for, newest first (operations)")
    public List<RecordSkips.Request> skips() {
        return skips.list(200);
    }

    private static Set<String> consumed() {
        Set<String> topics = new java.util.TreeSet<>();
        topics.add(Topics.INCIDENTS.name());
        topics.add(Topics.DIRECTORY_CHANGES.name());
        Topics.alertTopics().values().forEach(t -> topics.add(t.name()));
        return Set.copyOf(topics);
    }
}
