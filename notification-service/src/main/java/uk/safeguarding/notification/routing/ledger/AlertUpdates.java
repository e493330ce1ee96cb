package uk.safeguarding.notification.routing.ledger;

import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.AlertUpdate;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.RevisionKind;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.serde.GeneratedAvroClasses;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a newer revision's alert changes for a recipient who had an alert about the same child for an earlier
 * revision: the fields that changed, in words, never their values (a risk level, an enum, says from what to what).
 */
public final class AlertUpdates {

    static {
        GeneratedAvroClasses.trust();
    }

    /** The change for a recipient that had an alert for an earlier revision but none for this one. */
    public static final String NO_LONGER_CONCERNS = "no longer concerns this recipient";

    private AlertUpdates() {
    }

    public static AlertUpdate of(AgencyAlert previous, AgencyAlert current, RevisionKind kind) {
        return AlertUpdate.newBuilder()
                .setPreviousRevision(previous.getIncidentRevision())
                .setPreviousAlertId(previous.getAlertId())
                .setRevisionKind(kind == null ? RevisionKind.UPDATE : kind)
                .setChanges(new ArrayList<>(changes(previous, current)))
                .build();
    }

    /** The changes, in the order a reader meets them on the alert. */
    public static List<String> changes(AgencyAlert previous, AgencyAlert current) {
        List<String> changes = new ArrayList<>();
        Disclosure a = previous.getDisclosed();
        Disclosure b = current.getDisclosed();
        field(changes, a, b, Disclosure::getOccurredAt, "when it happened");
        field(changes, a, b, Disclosure::getReportedAt, "when police reported it");
        if (!Objects.equals(a.getRiskLevel(), b.getRiskLevel())) {
            changes.add(riskChange(a.getRiskLevel(), b.getRiskLevel()));
        }
        field(changes, a, b, Disclosure::getChildPresent, "whether the child was present");
        field(changes, a, b, Disclosure::getChildSpokenTo, "whether the child was spoken to");
        field(changes, a, b, d -> str(d.getVoiceOfChild()), "child's words");
        field(changes, a, b, Disclosure::getAdultPresentWhenSpokenTo, "whether another adult was there when the child was spoken to");
        field(changes, a, b, Disclosure::getWelfareCheckMade, "whether a welfare check was made");
        field(changes, a, b, d -> str(d.getCircumstances()), "circumstances");
        field(changes, a, b, Disclosure::getLocation, "location");
        field(changes, a, b, Disclosure::getAttendingOfficer, "police contact");
        field(changes, a, b, Disclosure::getSupervisedAdult, "supervised adult");
        if (!Objects.equals(children(previous), children(current))) {
            changes.add("children of the household changed");
        }
        if (previous.getConcern() != null && current.getConcern() != null
                && previous.getConcern().getRule() != current.getConcern().getRule()) {
            changes.add("concern rule changed from " + previous.getConcern().getRule() + " to "
                    + current.getConcern().getRule());
        } else if (previous.getConcern() != null && current.getConcern() != null
                && !Objects.equals(str(previous.getConcern().getDetail()), str(current.getConcern().getDetail()))) {
            changes.add("concern findings changed");
        }
        return changes;
    }

    static String riskChange(RiskLevel from, RiskLevel to) {
        if (from == null) {
            return "risk level now " + to;
        }
        if (to == null) {
            return "risk level no longer given";
        }
        String direction = to.ordinal() > from.ordinal() && from != RiskLevel.UNKNOWN ? "raised"
                : to.ordinal() < from.ordinal() && to != RiskLevel.UNKNOWN ? "lowered" : "changed";
        return "risk level " + direction + " from " + from + " to " + to;
    }

    private static <T> void field(List<String> changes, Disclosure a, Disclosure b, Function<Disclosure, T> get,
                                  String name) {
        if (!Objects.equals(get.apply(a), get.apply(b))) {
            changes.add(name + " changed");
        }
    }

    private static List<String> children(AgencyAlert a) {
        return a.getHouseholdChildren() == null ? List.of()
                : a.getHouseholdChildren().stream().map(AlertChild::getChildId).map(Object::toString).sorted().toList();
    }

    private static String str(CharSequence s) {
        return s == null ? null : s.toString();
    }
}
