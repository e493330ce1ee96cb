package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.shared.vocabulary.PoliceReferences;
import uk.safeguarding.notification.shared.web.InboxTime;

import java.util.UUID;

/** The printable plain-text summary of one alert, as its page shows it (what was disclosed, nothing more). */
final class AlertExport {

    private AlertExport() {
    }

    static String fileName(UUID alertId) {
        return "alert-" + alertId + ".txt";
    }

    static String text(InboxAlerts.Detail a) {
        StringBuilder s = new StringBuilder();
        s.append("OFFICIAL - SENSITIVE. Safeguarding alert from police (Operation Encompass).\n");
        s.append("Only for the people in your organisation who safeguard children. Do not contact the child's parents or carers about it.\n\n");
        line(s, "For", a.recipientName());
        line(s, "Child", a.childName());
        line(s, "Date of birth", a.childDateOfBirth() == null ? null : InboxTime.date(a.childDateOfBirth()));
        line(s, "Police reference", PoliceReferences.display(a.forceCode(), a.policeReference())
                + (a.revision() > 1 ? " (update " + a.revision() + ")" : ""));
        line(s, "Police force", a.forceCode());
        line(s, "Received", InboxTime.dateTime(a.receivedAt()));
        line(s, "Read by", a.dueBy() == null ? null : InboxTime.dateTime(a.dueBy()));
        s.append("\nThe incident\n");
        a.incident().forEach(f -> line(s, f.label(), f.value()));
        if (a.voiceOfChild() != null && !a.voiceOfChild().isBlank()) {
            s.append("\nWhat the child said\n  \"").append(a.voiceOfChild()).append("\"\n");
        }
        if (!a.officer().isEmpty()) {
            s.append("\nContact at the police force\n");
            a.officer().forEach(f -> line(s, f.label(), f.value()));
        }
        s.append("\nAlert ").append(a.alertId()).append('\n');
        return s.toString();
    }

    private static void line(StringBuilder s, String label, String value) {
        if (value != null && !value.isBlank()) {
            s.append("  ").append(label).append(": ").append(value).append('\n');
        }
    }
}
