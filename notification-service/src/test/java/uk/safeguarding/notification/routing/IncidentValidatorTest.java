package uk.safeguarding.notification.routing;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentValidatorTest {

    private static IncidentReported.Builder valid() {
        return SampleIncidents.incident("TST", "V-1").setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Ann", "Lee", LocalDate.of(2015, 1, 1)).build())));
    }

    @Test
    void aCompleteIncidentHasNoProblems() {
        assertThat(IncidentValidator.problems(valid().build())).isEmpty();
    }

    @Test
    void everyProblemIsReported() {
        IncidentReported bad = valid().setIncidentId(" ").setRevision(0).setChildren(new ArrayList<>()).build();
        assertThat(IncidentValidator.problems(bad)).containsExactly("incidentId is missing",
                "revision must be 1 or more, was 0", "children is empty: an incident must name at least one child");
    }

    @Test
    void aChildWithNeitherNameNorIdentifierIsAProblem() {
        IncidentReported bad = valid().setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("", " ", null).build()))).build();
        assertThat(IncidentValidator.problems(bad)).containsExactly("children[0] has neither a name nor an identifier");
    }
}
