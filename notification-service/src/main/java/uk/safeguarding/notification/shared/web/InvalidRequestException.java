package uk.safeguarding.notification.shared.web;

import java.util.List;

/** Input that is well-formed but inconsistent (unknown or wrong-kind references, repeated ids). */
public class InvalidRequestException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
