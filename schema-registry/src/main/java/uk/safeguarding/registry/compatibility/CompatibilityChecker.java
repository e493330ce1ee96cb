package uk.safeguarding.registry.compatibility;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides whether a new schema may be registered after the existing versions of a subject, using Avro's own
 * {@link SchemaCompatibility} (the same rules Confluent's registry applies to Avro). Free of Spring and storage so
 * the rules can be tested on their own.
 */
public final class CompatibilityChecker {

    /**
     * @param previous the subject's live (not deleted) versions, in any order; a non-transitive level looks only at
     *                 the newest of them
     */
    public CompatibilityResult check(CompatibilityLevel level, Schema candidate, List<PreviousSchema> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return CompatibilityResult.ok();
        }
        List<PreviousSchema> newestFirst = new ArrayList<>(previous);
        newestFirst.sort(Comparator.comparingInt(PreviousSchema::version).reversed());
        List<PreviousSchema> against = level.transitive() ? newestFirst : newestFirst.subList(0, 1);

        List<String> messages = new ArrayList<>();
        for (PreviousSchema old : against) {
            List<String> problems = new ArrayList<>();
            if (level.newReadsOld()) {
                problems.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()),
                        "the new schema cannot read data written by version " + old.version()));
            }
            if (level.oldReadsNew()) {
                problems.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate),
                        "version " + old.version() + " cannot read data written by the new schema"));
            }
            if (!problems.isEmpty()) {
                messages.addAll(problems);
                // Confluent appends these so that an operator can see which version blocked the change
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
                messages.add("{compatibility: '" + level + "'}");
            }
        }
        return messages.isEmpty() ? CompatibilityResult.ok() : new CompatibilityResult(false, messages);
    }

    private static List<String> describe(SchemaPairCompatibility pair, String direction) {
        List<String> out = new ArrayList<>();
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            out.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": "
                    + explain(incompatibility) + "', additionalInfo:'" + incompatibility.getMessage() + "'}");
        }
        return out;
    }

    private static String explain(Incompatibility incompatibility) {
        String at = " at path '" + incompatibility.getLocation() + "'";
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "the field '" + incompatibility.getMessage() + "'" + at
                    + " has no default value and is missing in the writer's schema";
            case TYPE_MISMATCH -> "the types differ" + at;
            case NAME_MISMATCH -> "the names differ" + at;
            case MISSING_ENUM_SYMBOLS -> "the reader's enum lacks symbols" + at;
            case MISSING_UNION_BRANCH -> "the reader's union lacks a branch" + at;
            case FIXED_SIZE_MISMATCH -> "the fixed sizes differ" + at;
            default -> incompatibility.getType() + at;
        };
    }
}
