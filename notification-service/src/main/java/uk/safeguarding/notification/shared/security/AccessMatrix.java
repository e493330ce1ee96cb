package uk.safeguarding.notification.shared.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static uk.safeguarding.notification.shared.security.PersonRole.DIRECTORY_ADMIN;
import static uk.safeguarding.notification.shared.security.PersonRole.KEY_ADULT;
import static uk.safeguarding.notification.shared.security.PersonRole.LA_EDUCATION_SAFEGUARDING_LEAD;
import static uk.safeguarding.notification.shared.security.PersonRole.OPERATIONS;
import static uk.safeguarding.notification.shared.security.PersonRole.UNRESOLVED_CASEWORKER;
import static uk.safeguarding.notification.shared.security.AccessRule.anyRole;

/**
 * Who may call which path: the service's whole access policy, in one table, read top to bottom, first match wins.
 * Every request of every filter chain (APIs, inbox pages, actuator, API docs) is decided here. A path not listed falls
 * to the last lines, which deny, so a new endpoint is closed until a line is added for it.
 *
 * <p>Organisation-bound data ({@code /api/v1/alerts/**}, {@code /inbox/**}) is open to any signed-in person because
 * every query behind it takes the caller's organisation: another organisation's alert is not found (404), never
 * refused (403), so its existence is not revealed.
 */
public final class AccessMatrix {

    /** One line of the table: methods (empty: any), path template, rule. */
    public record Entry(Set<String> methods, PathTemplate path, AccessRule rule) {
        boolean matches(String method, String requestPath) {
            return (methods.isEmpty() || methods.contains(method.toUpperCase(Locale.ROOT)))
                    && path.match(requestPath).isPresent();
        }
    }

    private static final Set<String> ANY = Set.of();
    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final AccessMatrix STANDARD = new AccessMatrix(List.of(
            // open: signing in, the error page, liveness/readiness
            line(ANY, "/inbox/sign-in", new AccessRule.Public()),
            line(ANY, "/inbox/form-expired", new AccessRule.Public()),
            line(ANY, "/inbox/oauth2/**", new AccessRule.Public()),
            // an invitation's link: whoever holds its single-use token chooses the person's password (shared.onboarding)
            line(ANY, "/inbox/invitation/**", new AccessRule.Public()),
            line(READ, "/inbox/inbox.css", new AccessRule.Public()),
            line(READ, "/inbox/favicon.svg", new AccessRule.Public()),
            line(ANY, "/error", new AccessRule.Public()),
            line(READ, "/favicon.ico", new AccessRule.Public()),
            line(READ, "/actuator/health/**", new AccessRule.Public()),
            // Prometheus scrapes without a person's account: meters carry counts and timings tagged by kinds,
            // states, outcomes, topics and causes, never a child, an organisation or an alert (README "Operations")
            line(READ, "/actuator/prometheus", new AccessRule.Public()),
            line(ANY, "/actuator/**", anyRole(OPERATIONS)),
            line(READ, "/v3/api-docs/**", new AccessRule.SignedIn()),
            line(READ, "/swagger-ui/**", new AccessRule.SignedIn()),
            line(READ, "/swagger-ui.html", new AccessRule.SignedIn()),

            // the organisation's own alerts (and the answers to them, e.g. POST /api/v1/alerts/{id}/response):
            // every query is bound to the caller's organisation
            line(ANY, "/api/v1/alerts/**", new AccessRule.SignedIn()),
            // probation questions left unanswered, across units: for operations
            line(ANY, "/api/v1/probation/**", anyRole(OPERATIONS)),

            line(ANY, "/api/v1/directory/**", anyRole(DIRECTORY_ADMIN)),
            line(READ, "/api/v1/calendars/**", new AccessRule.SignedIn()),
            line(WRITE, "/api/v1/calendars/**", anyRole(DIRECTORY_ADMIN)),
            line(ANY, "/api/v1/delivery/organisations/{organisationId}/**",
                    new AccessRule.OwnOrganisation("organisationId", Set.of(KEY_ADULT), Set.of(DIRECTORY_ADMIN))),
            line(ANY, "/api/v1/breaches/**", anyRole(OPERATIONS, LA_EDUCATION_SAFEGUARDING_LEAD)),
            line(ANY, "/api/v1/unresolved/**", anyRole(UNRESOLVED_CASEWORKER, DIRECTORY_ADMIN)),
            line(ANY, "/api/v1/audit/**", anyRole(OPERATIONS)),
            line(ANY, "/api/v1/retention/**", anyRole(OPERATIONS)),
            // records stuck on a consumer: skip one to the dead-letter topic; organisations nobody can read alerts for
            line(ANY, "/api/v1/operations/**", anyRole(OPERATIONS)),
            // closed by default: an API not listed above answers 401/403 until it is added here
            line(ANY, "/api/**", new AccessRule.Deny()),

            // inbox pages beyond the organisation's own alerts
            line(ANY, "/inbox/breaches/**", anyRole(OPERATIONS, LA_EDUCATION_SAFEGUARDING_LEAD)),
            line(ANY, "/inbox/unresolved/**", anyRole(UNRESOLVED_CASEWORKER, DIRECTORY_ADMIN)),
            line(ANY, "/inbox/audit/**", anyRole(OPERATIONS)),
            line(ANY, "/inbox/**", new AccessRule.SignedIn()),

            // the operations console (pages and its forms: replay a dead letter, skip a record); its JSON is under
            // /api/v1/operations
            line(ANY, "/operations/**", anyRole(OPERATIONS)),

            line(ANY, "/**", new AccessRule.Deny())));

    private final List<Entry> entries;

    AccessMatrix(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static AccessMatrix standard() {
        return STANDARD;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The first line matching the request (there always is one: the table ends with {@code /**}). */
    public Optional<Entry> entryFor(String method, String path) {
        return entries.stream().filter(e -> e.matches(method, path)).findFirst();
    }

    /** Whether {@code caller} (null: nobody signed in) may make this request. */
    public AccessDecision decide(String method, String path, Caller caller) {
        Optional<Entry> entry = entryFor(method, path);
        if (entry.isEmpty()) {
            return new AccessRule.Deny().decide(caller, Map.of());
        }
        Map<String, String> variables = entry.get().path().match(path).orElse(Map.of());
        return entry.get().rule().decide(caller, variables);
    }

    private static Entry line(Set<String> methods, String path, AccessRule rule) {
        return new Entry(methods, PathTemplate.of(path), rule);
    }
}
