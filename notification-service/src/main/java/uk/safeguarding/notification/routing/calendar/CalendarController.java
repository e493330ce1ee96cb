package uk.safeguarding.notification.routing.calendar;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.notification.shared.web.InvalidRequestException;
import uk.safeguarding.notification.shared.web.InvalidRequestException.FieldProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendars admin API: a school's calendar ({@code GET}/{@code PUT}/{@code DELETE /schools/{organisationId}};
 * without its own, a school follows the area's default, {@code GET /default}), and the bank holidays
 * ({@code GET /bank-holidays?year=}, an area's own one-offs with {@code PUT}/{@code DELETE /bank-holidays/{date}}).
 * Invalid input answers 400 problem+json naming every bad field; an id that is not a school in the directory, 404.
 */
@RestController
@RequestMapping("/api/v1/calendars")
public class CalendarController {

    private final SchoolCalendars calendars;

    public CalendarController(SchoolCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/schools/{organisationId}")
    public ResponseEntity<Object> school(@PathVariable String organisationId) {
        return calendars.school(organisationId).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> notASchool(organisationId));
    }

    @PutMapping("/schools/{organisationId}")
    public ResponseEntity<Object> putSchool(@PathVariable String organisationId,
                                            @RequestBody SchoolCalendarDocument body) {
        return calendars.put(organisationId, body).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> notASchool(organisationId));
    }

    @DeleteMapping("/schools/{organisationId}")
    public ResponseEntity<Object> deleteSchool(@PathVariable String organisationId) {
        if (calendars.school(organisationId).isEmpty()) {
            return notASchool(organisationId);
        }
        calendars.delete(organisationId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/default")
    public SchoolCalendarDocument areaDefault() {
        return calendars.areaDefault();
    }

    @GetMapping("/bank-holidays")
    public List<BankHolidayDocument> bankHolidays(@RequestParam(required = false) Integer year) {
        return calendars.bankHolidayList(year);
    }

    @PutMapping("/bank-holidays/{date}")
    public BankHolidayDocument putBankHoliday(@PathVariable String date, @RequestBody BankHolidayDocument.Extra body) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = parseDate(date, problems);
        String name = body == null ? null : body.name();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.trim().length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return calendars.putExtraBankHoliday(day, name.trim());
    }

    @DeleteMapping("/bank-holidays/{date}")
    public ResponseEntity<Object> deleteBankHoliday(@PathVariable String date) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = parseDate(date, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (!calendars.deleteExtraBankHoliday(day)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No bank holiday added by the area on " + day + " (configured ones are changed in their files)");
            problem.setTitle("Not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        return ResponseEntity.noContent().build();
    }

    private static LocalDate parseDate(String value, List<FieldProblem> problems) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(SchoolCalendarDocument.EARLIEST) || date.isAfter(SchoolCalendarDocument.LATEST)) {
                problems.add(new FieldProblem("date", "must be between " + SchoolCalendarDocument.EARLIEST + " and "
                        + SchoolCalendarDocument.LATEST));
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("date", "must be a date (yyyy-mm-dd)"));
            return null;
        }
    }

    private static ResponseEntity<Object> notASchool(String organisationId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No school with id " + organisationId + " in the directory");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
