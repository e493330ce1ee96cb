package uk.safeguarding.notification.delivery.dispatch;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.notification.shared.web.InvalidRequestException;

import java.util.List;

/**
 * How each organisation is reached besides its inbox: its own system's webhook (URL, signing secret, on/off) and
 * email notices to its key adults (on unless switched off). The secret is write-only: answers say only whether one
 * is set.
 */
@RestController
@RequestMapping("/api/v1/delivery/organisations/{organisationId}")
public class DeliverySettingsController {

    private final DeliverySettings settings;

    public DeliverySettingsController(DeliverySettings settings) {
        this.settings = settings;
    }

    public record Settings(String organisationId, boolean emailNotices, Webhook webhook) {
    }

    public record Webhook(String url, boolean active, boolean secretSet) {
    }

    public record WebhookRequest(String url, String secret, Boolean active) {
    }

    public record EmailNoticesRequest(Boolean enabled) {
    }

    @GetMapping
    public ResponseEntity<?> get(@PathVariable String organisationId) {
        if (!settings.organisationExists(organisationId)) {
            return notFound(organisationId);
        }
        return ResponseEntity.ok(current(organisationId));
    }

    @PutMapping("/webhook")
    public ResponseEntity<?> putWebhook(@PathVariable String organisationId, @RequestBody WebhookRequest request) {
        if (!settings.organisationExists(organisationId)) {
            return notFound(organisationId);
        }
        List<WebhookEndpointRules.Problem> problems = WebhookEndpointRules.problems(request.url(), request.secret());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream()
                    .map(p -> new InvalidRequestException.FieldProblem(p.field(), p.message())).toList());
        }
        settings.setWebhook(organisationId, request.url().trim(), request.secret(),
                request.active() == null || request.active());
        return ResponseEntity.ok(current(organisationId));
    }

    @DeleteMapping("/webhook")
    public ResponseEntity<?> deleteWebhook(@PathVariable String organisationId) {
        if (!settings.organisationExists(organisationId)) {
            return notFound(organisationId);
        }
        settings.deleteWebhook(organisationId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/email-notices")
    public ResponseEntity<?> putEmailNotices(@PathVariable String organisationId,
                                             @RequestBody EmailNoticesRequest request) {
        if (!settings.organisationExists(organisationId)) {
            return notFound(organisationId);
        }
        if (request.enabled() == null) {
            throw new InvalidRequestException(List.of(
                    new InvalidRequestException.FieldProblem("enabled", "must be true or false")));
        }
        settings.setEmailNotices(organisationId, request.enabled());
        return ResponseEntity.ok(current(organisationId));
    }

    private Settings current(String organisationId) {
        Webhook webhook = settings.webhook(organisationId)
                .map(w -> new Webhook(w.url(), w.active(), w.secret() != null && !w.secret().isEmpty()))
                .orElse(null);
        return new Settings(organisationId, settings.emailNoticesEnabled(organisationId), webhook);
    }

    private static ResponseEntity<Object> notFound(String organisationId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No organisation " + organisationId + " in the directory");
        problem.setTitle("Unknown organisation");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
