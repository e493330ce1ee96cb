package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.platform.failure.SafeMessage;
import uk.safeguarding.schemas.contract.FieldProblem;

import java.util.List;
import java.util.stream.Collectors;

/** An incident record that cannot be routed: dead-lettered with this as the cause (fields and rules, no values). */
public class IncidentRejectedException extends RuntimeException implements SafeMessage {

    public IncidentRejectedException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")), null, false, false);
    }
}
