package uk.safeguarding.notification.routing.calendar;

import org.junit.jupiter.api.Test;
import uk.safeguarding.notification.shared.web.InvalidRequestException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SchoolCalendarDocumentTest {

    @Test
    void aValidDocumentBecomesACalendarAndReadsBackTheSame() {
        SchoolCalendarDocument document = new SchoolCalendarDocument(null, null, "08:45",
                List.of(new SchoolCalendarDocument.Term("Autumn", "2026-09-02", "2026-10-23")),
                List.of(new SchoolCalendarDocument.Closure("2026-09-14", "INSET day")));

        SchoolCalendar calendar = document.toCalendar(LocalTime.of(8, 30));

        assertThat(calendar.dayStartsAt()).isEqualTo(LocalTime.of(8, 45));
        assertThat(calendar.closedOn(LocalDate.of(2026, 9, 14))).isTrue();
        assertThat(SchoolCalendarDocument.of("SCH-1", SchoolCalendarDocument.SOURCE_SCHOOL, calendar))
                .isEqualTo(new SchoolCalendarDocument("SCH-1", "SCHOOL", "08:45", document.terms(), document.closures()));
    }

    @Test
    void aDocumentWithoutDayStartOrTermsStartsAtTheDefaultAndFollowsTheAreasTerms() {
        SchoolCalendar calendar = new SchoolCalendarDocument(null, null, null, null,
                List.of(new SchoolCalendarDocument.Closure("2026-09-14", "INSET day"))).toCalendar(LocalTime.of(8, 30));

        assertThat(calendar.dayStartsAt()).isEqualTo(LocalTime.of(8, 30));
        assertThat(calendar.terms()).isEmpty();
        assertThat(calendar.inTerm(LocalDate.of(2026, 9, 15))).isEmpty();
    }

    @Test
    void everyBadFieldIsNamed() {
        SchoolCalendarDocument document = new SchoolCalendarDocument(null, null, "half past eight",
                List.of(new SchoolCalendarDocument.Term("", "2026-09-02", "2026-08-01"),
                        new SchoolCalendarDocument.Term("Autumn", "2026-09-02", "2026-10-23"),
                        new SchoolCalendarDocument.Term("Overlap", "2026-10-01", "2026-11-30"),
                        new SchoolCalendarDocument.Term("Spring", "2027-13-01", null)),
                List.of(new SchoolCalendarDocument.Closure("2026-09-14", " "),
                        new SchoolCalendarDocument.Closure("2026-09-14", "INSET day"),
                        new SchoolCalendarDocument.Closure("1900-01-01", "Too early")));

        InvalidRequestException e = catchThrowableOfType(() -> document.toCalendar(LocalTime.of(8, 30)),
                InvalidRequestException.class);

        assertThat(e.problems()).extracting(InvalidRequestException.FieldProblem::field).containsExactly(
                "dayStartsAt", "terms[0].name", "terms[0].end", "terms[2]", "terms[3].start", "terms[3].end",
                "closures[0].reason", "closures[1].date", "closures[2].date");
    }
}
