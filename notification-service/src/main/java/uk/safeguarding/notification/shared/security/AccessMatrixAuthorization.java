package uk.safeguarding.notification.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.UrlPathHelper;

import java.util.function.Supplier;

/**
 * Spring Security's side of the {@link AccessMatrix}: every request of every filter chain is decided by the matrix.
 * A refusal of someone not signed in becomes the chain's sign-in challenge (401, or the inbox's sign-in page); a
 * refusal of someone signed in becomes its access-denied answer (403, or the inbox's not-found page).
 */
final class AccessMatrixAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final AccessMatrix matrix;
    private final Callers callers;

    AccessMatrixAuthorization(AccessMatrix matrix, Callers callers) {
        this.matrix = matrix;
        this.callers = callers;
    }

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        Caller caller = callers.current(authentication.get()).map(SignedInPerson::caller).orElse(null);
        return new AuthorizationDecision(matrix.decide(request.getMethod(), path, caller) == AccessDecision.PERMIT);
    }
}
