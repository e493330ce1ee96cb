package uk.safeguarding.notification.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import uk.safeguarding.notification.shared.web.InboxFormat;

/**
 * The pages every process with people's pages serves, whichever module it runs: sign-in, the answer to a form posted
 * without its CSRF token, and the not-found page a refused person sees (the same as for an alert not theirs).
 */
@Controller
@RequestMapping("/inbox")
public class SignInPages {

    /** Session attribute holding the email typed in a sign-in that failed, shown once on the sign-in page. */
    static final String TYPED_EMAIL = SignInPages.class.getName() + ".typedEmail";
    /** Longer than any email address (RFC 5321: 254): anything longer is not offered again. */
    static final int EMAIL_MAX_LENGTH = 320;

    private final InboxPeople people;

    public SignInPages(InboxPeople people) {
        this.people = people;
    }

    /**
     * Keeps the email typed in a failed form sign-in for the page it is sent back to. Only the email: the password is
     * never kept or shown again.
     */
    static void rememberTypedEmail(HttpServletRequest request) {
        String email = request.getParameter("email");
        if (email != null && !email.isBlank() && email.strip().length() <= EMAIL_MAX_LENGTH) {
            request.getSession().setAttribute(TYPED_EMAIL, email.strip());
        }
    }

    /** The email kept by {@link #rememberTypedEmail}, once: taken out of the session as it is read. */
    private static String typedEmail(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object email = session.getAttribute(TYPED_EMAIL);
        session.removeAttribute(TYPED_EMAIL);
        return email instanceof String s ? s : null;
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(name = "error", required = false) String error,
                  @RequestParam(name = "signed-out", required = false) String signedOut,
                  @RequestParam(name = "timed-out", required = false) String timedOut,
                  @RequestParam(name = "throttled", required = false) Integer throttledMinutes,
                  @RequestParam(name = "password-set", required = false) String passwordSet,
                  HttpServletRequest request, Model model) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        String email = typedEmail(request);
        model.addAttribute("email", error != null || throttledMinutes != null ? email : null);
        model.addAttribute("error", error != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("timedOut", timedOut != null);
        // after choosing a password through an invitation (shared.onboarding)
        model.addAttribute("passwordSet", passwordSet != null && error == null);
        model.addAttribute("throttledMinutes", throttledMinutes == null ? null : Math.max(1, Math.min(throttledMinutes, 60)));
        return "inbox/sign-in";
    }

    /**
     * Where the security configuration sends a form posted without its valid CSRF token: 403, saying what happened
     * (the form came from a page no longer valid) and that nothing was changed.
     */
    @RequestMapping("/form-expired")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String formExpired(Model model) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        return "inbox/form-expired";
    }

    /** Where the security configuration sends a signed-in person refused a page: the same 404 as an alert not theirs. */
    @RequestMapping("/not-found")
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String refused(Authentication authentication, Model model) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        model.addAttribute("person", people.current(authentication));
        return "inbox/not-found";
    }
}
