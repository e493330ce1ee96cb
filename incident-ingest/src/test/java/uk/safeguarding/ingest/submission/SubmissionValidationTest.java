package uk.safeguarding.ingest.submission;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.submission.IncidentSubmission.Child;
import uk.safeguarding.ingest.submission.IncidentSubmission.Identifier;
import uk.safeguarding.ingest.submission.IncidentSubmission.IdentifierScheme;
import uk.safeguarding.ingest.submission.IncidentSubmission.Officer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Bean Validation rules of a submission, on a fixed clock. */
class SubmissionValidationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .clockProvider(() -> Clock.fixed(NOW, ZoneOffset.UTC)).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void validSubmissionHasNoViolations() {
        assertThat(violations(submission(NOW.minusSeconds(3600), null, child(List.of())))).isEmpty();
    }

    @Test
    void occurredAtWithinTheAllowedClockSkewIsAccepted() {
        assertThat(violations(submission(NOW.plusSeconds(120), null, child(List.of())))).isEmpty();
    }

    @Test
    void occurredAtBeyondTheClockSkewIsInTheFuture() {
        assertThat(violations(submission(NOW.plusSeconds(600), null, child(List.of()))))
                .containsExactly("occurredAt: must not be in the future");
    }

    @Test
    void occurredAfterItWasReportedIsRefused() {
        assertThat(violations(submission(NOW.minusSeconds(60), NOW.minusSeconds(3600), child(List.of()))))
                .containsExactly("occurredAt: must not be after reportedAt");
    }

    @Test
    void malformedIdentifiersAreReportedOnTheirValue() {
        Child child = child(List.of(new Identifier(IdentifierScheme.UPN, "A12345"),
                new Identifier(IdentifierScheme.NHS_NUMBER, "9434765918"),
                new Identifier(IdentifierScheme.LOCAL_AUTHORITY_ID, "anything-goes")));

        assertThat(violations(submission(NOW.minusSeconds(60), null, child))).containsExactlyInAnyOrder(
                "children[0].identifiers[0].value: must be a unique pupil number: a capital letter then 12 digits",
                "children[0].identifiers[1].value: must be an NHS number: 10 digits with a valid modulus-11 check digit");
    }

    @Test
    void dateOfBirthTodayOrLaterIsRefused() {
        Child unborn = new Child("Robin", "Sample", LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(1), List.of(), null, true, null, null, null, null);

        assertThat(violations(submission(NOW.minusSeconds(60), null, unborn)))
                .containsExactly("children[0].dateOfBirth: must be in the past");
    }

    private static List<String> violations(IncidentSubmission submission) {
        Set<ConstraintViolation<IncidentSubmission>> violations = validator.validate(submission);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList();
    }

    private static Child child(List<Identifier> identifiers) {
        return new Child("Robin", "Sample", LocalDate.of(2016, 5, 4), identifiers, "EX1 1AA", true, false, null, null, false);
    }

    private static IncidentSubmission submission(Instant occurredAt, Instant reportedAt, Child child) {
        return new IncidentSubmission("WMP", "WMP-1", 1, occurredAt, reportedAt, null, null, null, null,
                List.of(child), new Officer("PC Example", null, "encompass@police.example", null));
    }
}
