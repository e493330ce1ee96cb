package uk.safeguarding.schemas;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.DirectoryChanged;
import uk.safeguarding.avro.DisclosureRecorded;
import uk.safeguarding.avro.IncidentOutcomeChanged;
import uk.safeguarding.avro.IncidentReported;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build-time guard on schema evolution. Every schema the platform has released is kept in
 * {@code schemas/released/<Record>/v<N>.avsc}; the current schema must read everything written with each of them
 * (BACKWARD_TRANSITIVE, stricter than the registry's default BACKWARD, because topics are replayed from the start).
 *
 * <p>Releasing a changed schema: copy the generated class's {@code getClassSchema().toString(true)} into the next
 * {@code v<N>.avsc}; {@link #latestReleasedVersionIsTheCurrentSchema} fails until you do.
 */
class SchemaEvolutionTest {

    static final Path RELEASED = Path.of("released");
    static final Map<String, Schema> CURRENT = Map.of(
            "IncidentReported", IncidentReported.getClassSchema(),
            "AgencyAlert", AgencyAlert.getClassSchema(),
            "ChildUnresolved", ChildUnresolved.getClassSchema(),
            "AlertStatusChanged", AlertStatusChanged.getClassSchema(),
            "DisclosureRecorded", DisclosureRecorded.getClassSchema(),
            "DirectoryChanged", DirectoryChanged.getClassSchema(),
            "IncidentOutcomeChanged", IncidentOutcomeChanged.getClassSchema());

    @TestFactory
    Stream<DynamicTest> currentSchemaReadsEveryReleasedVersion() {
        return CURRENT.entrySet().stream().flatMap(entry -> released(entry.getKey()).stream()
                .map(file -> DynamicTest.dynamicTest(entry.getKey() + " reads " + file.getFileName(), () -> {
                    Schema writer = new Schema.Parser().parse(file.toFile());
                    SchemaCompatibility.SchemaPairCompatibility result =
                            SchemaCompatibility.checkReaderWriterCompatibility(entry.getValue(), writer);
                    assertThat(result.getType())
                            .as("%s can no longer read records written with %s: %s", entry.getKey(),
                                    file, result.getResult().getIncompatibilities())
                            .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
                })));
    }

    @Test
    void latestReleasedVersionIsTheCurrentSchema() {
        CURRENT.forEach((name, current) -> {
            List<Path> versions = released(name);
            assertThat(versions).as("released versions of %s in %s", name, RELEASED.resolve(name)).isNotEmpty();
            Schema latest = parse(versions.get(versions.size() - 1));
            assertThat(latest)
                    .as("%s changed since %s: release it as the next version (see class comment)", name,
                            versions.get(versions.size() - 1))
                    .isEqualTo(current);
        });
    }

    @Test
    void guardRefusesARequiredFieldAddedWithoutDefault() {
        // given the current incident schema with one more required field and no default
        Schema current = IncidentReported.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("mandatoryNewThing", Schema.create(Schema.Type.STRING), "no default", (Object) null));
        Schema evolved = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);

        // then it cannot read what the current schema wrote
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(evolved, current).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void everyRecordAndFieldIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        CURRENT.values().forEach(schema -> collectUndocumented(schema, undocumented, new ArrayList<>()));
        assertThat(undocumented).as("records and fields without a doc").isEmpty();
    }

    private static void collectUndocumented(Schema schema, List<String> undocumented, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) {
                    return;
                }
                seen.add(schema.getFullName());
                if (schema.getDoc() == null || schema.getDoc().isBlank()) {
                    undocumented.add(schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (field.doc() == null || field.doc().isBlank()) {
                        undocumented.add(schema.getFullName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), undocumented, seen);
                }
            }
            case ENUM -> {
                if (schema.getDoc() == null || schema.getDoc().isBlank()) {
                    undocumented.add(schema.getFullName());
                }
            }
            case ARRAY -> collectUndocumented(schema.getElementType(), undocumented, seen);
            case MAP -> collectUndocumented(schema.getValueType(), undocumented, seen);
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, undocumented, seen));
            default -> {
            }
        }
    }

    static List<Path> released(String name) {
        Path dir = RELEASED.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf('.')));
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
