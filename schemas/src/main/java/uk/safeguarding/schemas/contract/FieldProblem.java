package uk.safeguarding.schemas.contract;

/**
 * One broken rule: the field's path as the submitter wrote it ({@code children[0].givenName}) and the reason, in words
 * that never repeat the value (a refusal is logged and sent back; the value may be a child's name).
 */
public record FieldProblem(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
