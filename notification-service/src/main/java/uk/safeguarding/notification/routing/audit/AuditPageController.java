package uk.safeguarding.notification.routing.audit;


import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.shared.web.InboxFormat;
import uk.safeguarding.notification.shared.security.InboxPeople;
import uk.safeguarding.notification.shared.security.InboxPerson;

import java.util.List;

/**
 * The audit page of the inbox ({@code /inbox/audit?child=...}): who has seen what about a child, and when. Only for
 * people with the OPERATIONS role; anyone else gets the inbox's "not found" page, as for an alert not theirs.
 */
@Controller
@RequestMapping("/inbox/audit")
public class AuditPageController {

    static final int PAGE_LIMIT = 500;
    private static final InboxFormat FORMAT = new InboxFormat();

    private final AuditReader trail;
    private final InboxPeople people;

    public AuditPageController(AuditReader trail, InboxPeople people) {
        this.trail = trail;
        this.people = people;
    }

    @GetMapping
    String audit(@RequestParam(name = "child", required = false) String child, Authentication authentication,
                 Model model, HttpServletResponse response) {
        InboxPerson person = people.current(authentication);
        model.addAttribute("fmt", FORMAT);
        model.addAttribute("person", person);
        if (person.role() != PersonRole.OPERATIONS) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "inbox/not-found";
        }
        String childId = child == null ? "" : child.trim();
        model.addAttribute("child", childId);
        model.addAttribute("entries", childId.isEmpty() ? List.of() : trail.forChild(childId, PAGE_LIMIT));
        return "inbox/audit";
    }
}
