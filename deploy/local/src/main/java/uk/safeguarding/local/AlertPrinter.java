package uk.safeguarding.local;

import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.Disclosure;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints routed alerts and unresolved children for people: one block each, no raw Avro. */
final class AlertPrinter {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final PrintStream out;

    private final LocalDate today;

    /** Ages are printed as on {@code today}. */
    AlertPrinter(PrintStream out, LocalDate today) {
        this.today = today;
        this.out = out;
    }

    void alert(String topic, AgencyAlert a) {
        out.printf("ALERT  %s  ->  %s%n", topic, a.getRecipient().getKind());
        line("recipient", a.getRecipient().getOrganisationName() + "  [" + a.getRecipient().getOrganisationId() + "]");
        line("child", a.getChild().getGivenName() + " " + a.getChild().getFamilyName()
                + born(a.getChild().getDateOfBirth()) + "  [" + a.getChild().getChildId() + "]");
        line("incident", a.getForceCode() + " " + a.getPoliceReference() + ", revision " + a.getIncidentRevision()
                + "  [" + a.getIncidentId() + "]");
        line("why", a.getRoutingReason() + (a.getRoutingDetail().isBlank() ? "" : ": " + a.getRoutingDetail()));
        if (a.getDueBy() != null) {
            line("read by", DUE.format(a.getDueBy()) + " (London time)");
        }
        String told = disclosed(a.getDisclosed());
        if (!told.isEmpty()) {
            line("told", told);
        }
        if (!a.getHouseholdChildren().isEmpty()) {
            line("children", String.join("; ", a.getHouseholdChildren().stream().map(c -> c.getGivenName() + " "
                    + c.getFamilyName() + born(c.getDateOfBirth()) + "  [" + c.getChildId() + "]").toList()));
        }
        if (a.getResponse() != null) {
            line("asks", a.getResponse().getQuestion() + (a.getResponse().getRespondBy() == null ? ""
                    : "  (answer by " + DUE.format(a.getResponse().getRespondBy()) + ", London time)"));
        }
        line("alert id", a.getAlertId());
        out.println();
    }

    void unresolved(String topic, ChildUnresolved u) {
        out.printf("NOT ROUTED  %s  ->  local authority working list%n", topic);
        line("child", u.getGivenName() + " " + u.getFamilyName() + born(u.getDateOfBirth())
                + "  (child " + (u.getChildIndex() + 1) + " of the incident)");
        line("incident", u.getForceCode() + " " + u.getPoliceReference() + ", revision " + u.getIncidentRevision()
                + "  [" + u.getIncidentId() + "]");
        line("why", u.getReason() + (u.getDetail().isBlank() ? "" : ": " + u.getDetail()));
        out.println();
    }

    private void line(String label, String value) {
        out.printf("    %-10s %s%n", label, value);
    }

    private String born(LocalDate dateOfBirth) {
        if (dateOfBirth == null) {
            return "";
        }
        int age = Period.between(dateOfBirth, today).getYears();
        return ", born " + dateOfBirth + " (" + age + ")";
    }

    private static String disclosed(Disclosure d) {
        List<String> told = new ArrayList<>();
        if (d.getRiskLevel() != null) {
            told.add("risk " + d.getRiskLevel());
        }
        if (d.getChildPresent() != null) {
            told.add(d.getChildPresent() ? "child present" : "child not present");
        }
        if (d.getChildSpokenTo() != null) {
            told.add(d.getChildSpokenTo() ? "spoken to" : "not spoken to");
        }
        if (d.getVoiceOfChild() != null) {
            told.add("said \"" + d.getVoiceOfChild() + "\"");
        }
        if (d.getWelfareCheckMade() != null && d.getWelfareCheckMade()) {
            told.add("welfare check made");
        }
        if (d.getSupervisedAdult() != null) {
            told.add("supervised adult " + d.getSupervisedAdult().getGivenName() + " "
                    + d.getSupervisedAdult().getFamilyName() + " (" + d.getSupervisedAdult().getRole()
                    + (d.getSupervisedAdult().getCaseReference() == null ? "" : ", case "
                    + d.getSupervisedAdult().getCaseReference()) + ")");
        }
        return String.join("; ", told);
    }
}
