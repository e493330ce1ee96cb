package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import uk.safeguarding.ingest.api.ProblemHandler.FieldProblem;
import uk.safeguarding.ingest.submission.IncidentSubmission;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a submission from the JSON tree field by field, so that every problem is found in one go: a field of the
 * wrong type, an unknown enum value or a malformed date is noted and left empty, the rest is read on, and then the
 * Bean Validation rules run over what was read. The refusal lists all of them; a rule broken only because a field was
 * left empty (a required field that had the wrong type) is not listed a second time.
 *
 * <p>Each leaf value is read by the service's own strict ObjectMapper ({@link StrictJson}: no coercion between
 * strings, numbers and booleans), so the rules for one field are the same as when the whole body was bound at once.
 * Records and lists are walked here; unknown keys are ignored, as before.
 */
@Component
public class SubmissionReader {

    /** At most this many problems are listed (a body of a thousand bad children lists the first ones). */
    static final int MAX_LISTED = 100;

    private final ObjectMapper json;
    private final Validator validator;

    public SubmissionReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The submission, or {@link InvalidSubmissionException} listing every problem found. */
    public IncidentSubmission read(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("", "the body must be one JSON object")));
        }
        IncidentSubmission submission = (IncidentSubmission) read(body,
                json.getTypeFactory().constructType(IncidentSubmission.class), "", problems);
        List<String> unread = problems.stream().map(FieldProblem::field).toList();
        for (ConstraintViolation<IncidentSubmission> violation : validator.validate(submission)) {
            String field = field(violation);
            if (unread.stream().noneMatch(u -> within(field, u))) {
                problems.add(new FieldProblem(field, violation.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems.stream().distinct()
                    .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason)).toList());
        }
        return submission;
    }

    private Object read(JsonNode node, JavaType type, String path, List<FieldProblem> problems) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Class<?> raw = type.getRawClass();
        if (raw.isRecord()) {
            if (!node.isObject()) {
                problems.add(new FieldProblem(path, "has the wrong type, expected an object"));
                return null;
            }
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                values[i] = read(node.get(component.getName()),
                        json.getTypeFactory().constructType(component.getGenericType()),
                        path.isEmpty() ? component.getName() : path + "." + component.getName(), problems);
            }
            return construct(raw, types, values);
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                problems.add(new FieldProblem(path, "has the wrong type, expected an array"));
                return null;
            }
            List<Object> elements = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                elements.add(read(node.get(i), type.getContentType(), path + "[" + i + "]", problems));
            }
            return elements;
        }
        try {
            return json.treeToValue(node, type);
        } catch (Exception e) { // whatever a hostile value makes Jackson throw is the client's problem, not a 500
            problems.add(new FieldProblem(path, reason(raw)));
            return null;
        }
    }

    private static Object construct(Class<?> record, Class<?>[] types, Object[] values) {
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + record.getName(), e);
        }
    }

    /** Why a value could not be read as this type, in words a force's developer can act on. */
    static String reason(Class<?> target) {
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 date and time with offset, e.g. 2026-11-20T22:15:00Z";
        }
        if (target == LocalDate.class) {
            return "must be an ISO-8601 date, e.g. 2016-05-04";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "has the wrong type, expected a whole number";
        }
        return "has the wrong type, expected " + jsonType(target);
    }

    static String jsonType(Class<?> target) {
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (target == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** children[0].identifiers[1].value; a list element's own constraint is reported on the element. */
    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", "");
    }

    /** Whether {@code field} is {@code unread} or lies inside it. */
    private static boolean within(String field, String unread) {
        return field.equals(unread) || field.startsWith(unread + ".") || field.startsWith(unread + "[");
    }

    /** The submission cannot be read or breaks a rule: every problem found, by field. */
    public static final class InvalidSubmissionException extends RuntimeException {
        private final transient List<FieldProblem> problems;

        InvalidSubmissionException(List<FieldProblem> problems) {
            super(problems.size() + " field(s) are invalid", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }
}
