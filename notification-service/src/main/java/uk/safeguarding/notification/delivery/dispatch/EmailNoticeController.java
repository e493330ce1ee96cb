package uk.safeguarding.notification.delivery.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Email notices the mail server never accepted, after every retry: for operations to follow up. */
@RestController
public class EmailNoticeController {

    private final EmailNotices notices;

    public EmailNoticeController(EmailNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/v1/operations/email-notices/failed")
    @Operation(summary = "Email notices that failed after every retry, newest first (operations)")
    public List<EmailNotices.Failed> failed() {
        return notices.failed(200);
    }
}
