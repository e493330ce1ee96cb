package uk.safeguarding.notification.shared.operations;

import java.time.Instant;

/**
 * A section of the operations console contributed by an application module, about the tables that module owns
 * (routing: the working list; delivery: deliveries, deadlines). The console's frame lives in {@code shared}, which may
 * not know either module, so each module declares its sections as beans of this type; a process that runs one module
 * only (profiles {@code routing}, {@code delivery}) has that module's sections and no others.
 *
 * <p>What a panel shows is for people with the OPERATIONS role only: counts, states, identifiers, organisations and
 * times. Never a child's or adult's name, date of birth or words, nor anything else an alert says.
 */
public interface OperationsPanel {

    /** A short id, unique on the page, used as the section's anchor ({@code deadlines}). */
    String id();

    /** The section's heading. */
    String title();

    /** The application module whose tables the panel reads ({@code routing} or {@code delivery}). */
    String module();

    /** Where the section goes among the modules' sections: lower first. */
    int order();

    /** What the panel shows as of {@code now} (the platform's clock). */
    PanelView view(Instant now);
}
