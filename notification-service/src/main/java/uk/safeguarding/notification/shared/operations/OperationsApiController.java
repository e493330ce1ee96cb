package uk.safeguarding.notification.shared.operations;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.notification.shared.security.Callers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console as JSON, for scripts and runbooks ({@code /api/v1/operations/**}: OPERATIONS only, by the access
 * matrix): what the page shows, and the replay of a dead letter.
 */
@RestController
public class OperationsApiController {

    /** A dead letter by its position on a dead-letter topic. */
    public record ReplayRequest(String topic, Integer partition, Long offset) {
    }

    private final OperationsConsole console;
    private final DeadLetterReplays replays;
    private final Callers callers;

    public OperationsApiController(OperationsConsole console, DeadLetterReplays replays, Callers callers) {
        this.console = console;
        this.replays = replays;
        this.callers = callers;
    }

    @GetMapping("/api/v1/operations/console")
    @Operation(summary = "The operations console: topics, consumer lag, dead letters, stuck consumers and the"
            + " sections of the modules this process runs (operations)")
    public OperationsConsole.View view() {
        return console.view();
    }

    @PostMapping("/api/v1/operations/dead-letters/replay")
    @Operation(summary = "Publish a dead letter again on its original topic, once (operations). 200 replayed,"
            + " 409 replayed before, 404 no dead letter there, 422 not replayable here")
    public ResponseEntity<Map<String, Object>> replay(@RequestBody ReplayRequest body, Authentication authentication) {
        if (body == null || body.topic() == null || body.partition() == null || body.offset() == null) {
            return ResponseEntity.badRequest().body(Map.of("title", "Invalid replay request",
                    "detail", "topic, partition and offset of the dead letter are required"));
        }
        DeadLetterReplays.Outcome outcome = replays.replay(body.topic(), body.partition(), body.offset(),
                callers.require(authentication).caller().personId());
        console.changed();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("topic", body.topic());
        answer.put("partition", body.partition());
        answer.put("offset", body.offset());
        answer.put("status", switch (outcome.verdict()) {
            case REPLAY -> "REPLAYED";
            case ALREADY_REPLAYED -> "ALREADY_REPLAYED";
            case NOT_FOUND -> "NOT_FOUND";
            case NOT_CONSUMED_HERE -> "NOT_CONSUMED_HERE";
            case NO_PAYLOAD -> "NO_PAYLOAD";
        });
        if (outcome.letter() != null && outcome.letter().originalTopic() != null) {
            answer.put("originalTopic", outcome.letter().originalTopic());
        }
        if (outcome.replay() != null) {
            answer.put("replay", outcome.replay());
        }
        HttpStatus status = switch (outcome.verdict()) {
            case REPLAY -> HttpStatus.OK;
            case ALREADY_REPLAYED -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_CONSUMED_HERE, NO_PAYLOAD -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return ResponseEntity.status(status).body(answer);
    }
}
