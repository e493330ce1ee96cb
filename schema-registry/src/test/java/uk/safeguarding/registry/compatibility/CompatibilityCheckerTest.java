package uk.safeguarding.registry.compatibility;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The levels' rules, without a server: which evolutions each level allows. */
class CompatibilityCheckerTest {

    private static final Schema V1 = parse("""
            {"type":"record","name":"Alert","fields":[
              {"name":"alertId","type":"string"},
              {"name":"agency","type":"string"}]}""");
    private static final Schema ADDED_OPTIONAL = parse("""
            {"type":"record","name":"Alert","fields":[
              {"name":"alertId","type":"string"},
              {"name":"agency","type":"string"},
              {"name":"note","type":["null","string"],"default":null}]}""");
    private static final Schema ADDED_REQUIRED = parse("""
            {"type":"record","name":"Alert","fields":[
              {"name":"alertId","type":"string"},
              {"name":"agency","type":"string"},
              {"name":"priority","type":"int"}]}""");
    private static final Schema REMOVED_REQUIRED = parse("""
            {"type":"record","name":"Alert","fields":[
              {"name":"alertId","type":"string"}]}""");
    private static final Schema AGENCY_AS_INT = parse("""
            {"type":"record","name":"Alert","fields":[
              {"name":"alertId","type":"string"},
              {"name":"agency","type":"int","default":0}]}""");

    private final CompatibilityChecker checker = new CompatibilityChecker();

    /**
     * Adding a field with a default is fine every way; adding a required one breaks new readers of old data
     * (BACKWARD); removing a required one breaks old readers of new data (FORWARD).
     */
    @ParameterizedTest(name = "{0}: optional added {1}, required added {2}, required removed {3}")
    @CsvSource({
            "NONE,                true, true,  true",
            "BACKWARD,            true, false, true",
            "BACKWARD_TRANSITIVE, true, false, true",
            "FORWARD,             true, true,  false",
            "FORWARD_TRANSITIVE,  true, true,  false",
            "FULL,                true, false, false",
            "FULL_TRANSITIVE,     true, false, false"})
    void eachLevelAllowsTheEvolutionsItsDirectionPermits(CompatibilityLevel level, boolean optionalAdded,
                                                         boolean requiredAdded, boolean requiredRemoved) {
        List<PreviousSchema> previous = List.of(new PreviousSchema(1, V1));

        assertThat(checker.check(level, ADDED_OPTIONAL, previous).compatible()).isEqualTo(optionalAdded);
        assertThat(checker.check(level, ADDED_REQUIRED, previous).compatible()).isEqualTo(requiredAdded);
        assertThat(checker.check(level, REMOVED_REQUIRED, previous).compatible()).isEqualTo(requiredRemoved);
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void anythingIsCompatibleWithNoEarlierVersions(CompatibilityLevel level) {
        assertThat(checker.check(level, ADDED_REQUIRED, List.of()).compatible()).isTrue();
    }

    @Test
    void nonTransitiveLevelsLookOnlyAtTheNewestVersionWhateverTheOrderGiven() {
        // given v1 had agency as a string, v2 dropped it
        List<PreviousSchema> previous = List.of(new PreviousSchema(2, REMOVED_REQUIRED), new PreviousSchema(1, V1));

        // when agency comes back as an int with a default
        CompatibilityResult latestOnly = checker.check(CompatibilityLevel.BACKWARD, AGENCY_AS_INT, previous);
        CompatibilityResult transitive = checker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, AGENCY_AS_INT, previous);

        // then only the transitive check sees that v1 data has a string there
        assertThat(latestOnly.compatible()).isTrue();
        assertThat(transitive.compatible()).isFalse();
        assertThat(transitive.messages()).anyMatch(m -> m.contains("TYPE_MISMATCH"))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD_TRANSITIVE'}");
    }

    @Test
    void anIncompatibilityNamesTheErrorTypeTheFieldAndTheDirection() {
        CompatibilityResult result = checker.check(CompatibilityLevel.BACKWARD, ADDED_REQUIRED,
                List.of(new PreviousSchema(3, V1)));

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages().get(0))
                .contains("errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
                .contains("the new schema cannot read data written by version 3")
                .contains("'priority'");
    }

    @Test
    void fullReportsBothDirectionsWhenBothBreak() {
        // a type change with no promotion breaks reading either way
        Schema agencyAsBoolean = parse("""
                {"type":"record","name":"Alert","fields":[
                  {"name":"alertId","type":"string"},
                  {"name":"agency","type":"boolean"}]}""");

        CompatibilityResult result = checker.check(CompatibilityLevel.FULL, agencyAsBoolean,
                List.of(new PreviousSchema(1, V1)));

        assertThat(result.messages()).anyMatch(m -> m.contains("the new schema cannot read data written by version 1"))
                .anyMatch(m -> m.contains("version 1 cannot read data written by the new schema"));
    }

    @Test
    void levelsParseCaseInsensitivelyAndRejectUnknownNames() {
        assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse(" Backward ")).contains(CompatibilityLevel.BACKWARD);
        assertThat(CompatibilityLevel.parse("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
        assertThat(CompatibilityLevel.DEFAULT).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
