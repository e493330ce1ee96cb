package uk.safeguarding.notification.shared.onboarding;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.safeguarding.notification.shared.security.OrganisationNames;
import uk.safeguarding.notification.shared.web.InboxFormat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page an invitation's link opens ({@code /inbox/invitation/{token}}, open to anyone holding the link): the person
 * chooses their password (rules: {@link PasswordRules}; the form is CSRF-protected like every inbox form), the token
 * stops working, and they are sent to sign in. A used, expired, replaced or unknown link gets a page saying so and
 * what to do; nothing is changed.
 */
@Controller
@RequestMapping("/inbox/invitation")
public class InvitationPages {

    private final Invitations invitations;
    private final PasswordEncoder passwords;
    private final List<OrganisationNames> names;

    public InvitationPages(Invitations invitations, PasswordEncoder passwords, List<OrganisationNames> names) {
        this.invitations = invitations;
        this.passwords = passwords;
        this.names = names;
    }

    @GetMapping("/{token}")
    String choose(@PathVariable("token") String token, Model model, HttpServletResponse response) {
        Invitations.State state = invitations.check(token);
        if (state instanceof Invitations.Valid valid) {
            return form(model, token, valid, Map.of());
        }
        return refused(model, response, (Invitations.Refused) state);
    }

    @PostMapping("/{token}")
    String chosen(@PathVariable("token") String token,
                  @RequestParam(name = "password", required = false) String password,
                  @RequestParam(name = "confirmPassword", required = false) String confirmPassword,
                  Model model, HttpServletResponse response) {
        Invitations.State state = invitations.check(token);
        if (!(state instanceof Invitations.Valid valid)) {
            return refused(model, response, (Invitations.Refused) state);
        }
        Map<String, String> errors = PasswordRules.check(password, confirmPassword, valid.email());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, token, valid, errors);
        }
        Invitations.State redeemed = invitations.redeem(token, passwords.encode(password));
        if (!(redeemed instanceof Invitations.Valid)) {
            return refused(model, response, (Invitations.Refused) redeemed);
        }
        return "redirect:/inbox/sign-in?password-set";
    }

    private String form(Model model, String token, Invitations.Valid valid, Map<String, String> errors) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        model.addAttribute("token", token);
        model.addAttribute("email", valid.email());
        model.addAttribute("displayName", valid.displayName());
        model.addAttribute("organisationName", names.stream().map(n -> n.nameOf(valid.organisationId()))
                .flatMap(Optional::stream).findFirst().orElse(valid.organisationId()));
        model.addAttribute("expiresAt", valid.expiresAt());
        model.addAttribute("errors", errors);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordRules.MAX_LENGTH);
        return "inbox/invitation";
    }

    private static String refused(Model model, HttpServletResponse response, Invitations.Refused refused) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        model.addAttribute("why", refused.why().name());
        response.setStatus(refused.why() == Invitations.Why.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND
                : HttpServletResponse.SC_GONE);
        return "inbox/invitation-refused";
    }
}
