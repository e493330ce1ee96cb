package uk.safeguarding.notification.delivery.inbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.ArrayList;
import java.util.List;

/**
 * The identity providers people may sign in with, for the sign-in page: one per OIDC client registration
 * ({@code spring.security.oauth2.client.registration.<id>}); none when only local accounts are configured.
 */
@ControllerAdvice(assignableTypes = InboxController.class)
class SignInProviders {

    /** A provider's button: its name and where sign-in with it starts. */
    record Provider(String name, String url) {
    }

    private final List<Provider> providers;

    SignInProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object o : all) {
                if (o instanceof ClientRegistration r) {
                    found.add(new Provider(r.getClientName(), "/inbox/oauth2/authorization/" + r.getRegistrationId()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    @ModelAttribute("identityProviders")
    List<Provider> identityProviders() {
        return providers;
    }
}
