package uk.safeguarding.ingest.submission;

import uk.safeguarding.schemas.contract.FieldProblem;

import java.util.List;

/** The submission breaks the incident contract ({@code IncidentContract}): nothing was recorded or published. */
public class ContractViolationException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public ContractViolationException(List<FieldProblem> problems) {
        super(problems.size() + " field(s) are invalid", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
