package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.notification.routing.router.Deadlines;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.routing.directory.OrganisationRepository;
import uk.safeguarding.notification.routing.router.DirectoryView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Schools' calendars and the bank holidays, in PostgreSQL through the Micronaut Data repositories, and the
 * {@link Deadlines} for a batch: read once per batch (a fixed number of queries, whatever the batch size), so every
 * instance sees a calendar as soon as the admin API has changed it.
 */
@Service
public class SchoolCalendars {

    private static final int CHUNK = 1000;

    private final CalendarDefaults defaults;
    private final SchoolCalendarRepository calendars;
    private final SchoolTermRepository terms;
    private final SchoolClosureRepository closures;
    private final ExtraBankHolidayRepository extraHolidays;
    private final OrganisationRepository organisations;
    private final Clock clock;

    public SchoolCalendars(CalendarDefaults defaults, SchoolCalendarRepository calendars, SchoolTermRepository terms,
                           SchoolClosureRepository closures, ExtraBankHolidayRepository extraHolidays,
                           OrganisationRepository organisations, Clock clock) {
        this.clock = clock;
        this.defaults = defaults;
        this.calendars = calendars;
        this.terms = terms;
        this.closures = closures;
        this.extraHolidays = extraHolidays;
        this.organisations = organisations;
    }

    /** Deadlines for a batch routed with this directory view: the calendars of its schools are read once. */
    @Transactional(readOnly = true)
    public Deadlines deadlinesFor(DirectoryView view) {
        return deadlinesFor(view.organisations().values().stream()
                .filter(o -> o.kind() == AgencyKind.SCHOOL).map(DirectoryView.Organisation::id).toList());
    }

    /** Deadlines knowing the calendars of these schools (others follow the area's default). */
    @Transactional(readOnly = true)
    public Deadlines deadlinesFor(Collection<String> schoolIds) {
        return new CalendarDeadlines(defaults.policy(), bankHolidays(), defaults.areaDefault(),
                ownCalendars(new LinkedHashSet<>(schoolIds)));
    }

    /** The bank holidays now: the configured files' and the area's additions. */
    @Transactional(readOnly = true)
    public BankHolidays bankHolidays() {
        Map<LocalDate, String> extra = new TreeMap<>();
        extraHolidays.findAll().forEach(h -> extra.put(h.holidayDate(), h.name()));
        return defaults.configuredBankHolidays().plus(extra);
    }

    /** The school's calendar (its own, or the area's default), or empty if the directory has no such school. */
    @Transactional(readOnly = true)
    public Optional<SchoolCalendarDocument> school(String organisationId) {
        if (!isSchool(organisationId)) {
            return Optional.empty();
        }
        SchoolCalendar own = ownCalendars(List.of(organisationId)).get(organisationId);
        return Optional.of(own == null
                ? SchoolCalendarDocument.of(organisationId, SchoolCalendarDocument.SOURCE_AREA_DEFAULT, defaults.areaDefault())
                : SchoolCalendarDocument.of(organisationId, SchoolCalendarDocument.SOURCE_SCHOOL, own));
    }

    public SchoolCalendarDocument areaDefault() {
        return SchoolCalendarDocument.of(null, SchoolCalendarDocument.SOURCE_AREA_DEFAULT, defaults.areaDefault());
    }

    /**
     * Replaces the school's own calendar (terms and closures as given), or answers empty if the directory has no
     * such school.
     *
     * @throws uk.safeguarding.notification.shared.web.InvalidRequestException naming every bad field
     */
    @Transactional
    public Optional<SchoolCalendarDocument> put(String organisationId, SchoolCalendarDocument document) {
        if (!isSchool(organisationId)) {
            return Optional.empty();
        }
        if (document.organisationId() != null && !document.organisationId().equals(organisationId)) {
            throw new uk.safeguarding.notification.shared.web.InvalidRequestException(List.of(
                    new uk.safeguarding.notification.shared.web.InvalidRequestException.FieldProblem(
                            "organisationId", "must equal the id in the path")));
        }
        SchoolCalendar calendar = document.toCalendar(defaults.defaultDayStartsAt());
        SchoolCalendarEntity row = new SchoolCalendarEntity(organisationId, calendar.dayStartsAt(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (calendars.existsById(organisationId)) {
            calendars.update(row);
            terms.deleteByOrganisationId(organisationId);
            closures.deleteByOrganisationId(organisationId);
        } else {
            calendars.save(row);
        }
        terms.saveAll(calendar.terms().stream()
                .map(t -> new SchoolTermEntity(null, organisationId, t.name(), t.start(), t.end())).toList());
        closures.saveAll(calendar.closures().stream()
                .map(c -> new SchoolClosureEntity(null, organisationId, c.date(), c.reason())).toList());
        return Optional.of(SchoolCalendarDocument.of(organisationId, SchoolCalendarDocument.SOURCE_SCHOOL, calendar));
    }

    /** Removes the school's own calendar (it follows the area's default again); false if it had none. */
    @Transactional
    public boolean delete(String organisationId) {
        if (!calendars.existsById(organisationId)) {
            return false;
        }
        calendars.deleteById(organisationId); // terms and closures cascade
        return true;
    }

    @Transactional(readOnly = true)
    public List<BankHolidayDocument> bankHolidayList(Integer year) {
        Map<LocalDate, BankHolidayDocument> all = new TreeMap<>();
        LocalDate publishedThrough = defaults.configuredBankHolidays().publishedThrough();
        if (year != null && year > publishedThrough.getYear()) {
            RegularBankHolidays.of(year).forEach((date, name) -> all.put(date,
                    new BankHolidayDocument(date.toString(), name, BankHolidayDocument.SOURCE_RULES)));
        }
        defaults.configuredBankHolidays().byDate().forEach((date, name) -> all.put(date,
                new BankHolidayDocument(date.toString(), name, BankHolidayDocument.SOURCE_CONFIGURED)));
        extraHolidays.findAll().forEach(h -> all.put(h.holidayDate(),
                new BankHolidayDocument(h.holidayDate().toString(), h.name(), BankHolidayDocument.SOURCE_AREA)));
        return all.entrySet().stream().filter(e -> year == null || e.getKey().getYear() == year)
                .map(Map.Entry::getValue).toList();
    }

    /** Adds (or renames) an area's own bank holiday. */
    @Transactional
    public BankHolidayDocument putExtraBankHoliday(LocalDate date, String name) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<ExtraBankHolidayEntity> existing = extraHolidays.findByHolidayDate(date);
        if (existing.isPresent()) {
            extraHolidays.update(new ExtraBankHolidayEntity(existing.get().id(), date, name, now));
        } else {
            extraHolidays.save(new ExtraBankHolidayEntity(null, date, name, now));
        }
        return new BankHolidayDocument(date.toString(), name, BankHolidayDocument.SOURCE_AREA);
    }

    /** Removes an area's own bank holiday; false if there was none on that date (configured ones stay). */
    @Transactional
    public boolean deleteExtraBankHoliday(LocalDate date) {
        if (extraHolidays.findByHolidayDate(date).isEmpty()) {
            return false;
        }
        extraHolidays.deleteByHolidayDate(date);
        return true;
    }

    private boolean isSchool(String organisationId) {
        return organisations.findById(organisationId).map(o -> o.kind() == OrganisationKind.SCHOOL).orElse(false);
    }

    private Map<String, SchoolCalendar> ownCalendars(Collection<String> schoolIds) {
        if (schoolIds.isEmpty()) {
            return Map.of();
        }
        List<SchoolCalendarEntity> rows = new ArrayList<>();
        chunks(schoolIds).forEach(c -> rows.addAll(calendars.findByOrganisationIdIn(c)));
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<String> withCalendar = rows.stream().map(SchoolCalendarEntity::organisationId).toList();
        Map<String, List<SchoolCalendar.Term>> termsBySchool = new HashMap<>();
        Map<String, List<SchoolCalendar.Closure>> closuresBySchool = new HashMap<>();
        chunks(withCalendar).forEach(c -> {
            terms.findByOrganisationIdIn(c).forEach(t -> termsBySchool.computeIfAbsent(t.organisationId(),
                    k -> new ArrayList<>()).add(new SchoolCalendar.Term(t.name(), t.startDate(), t.endDate())));
            closures.findByOrganisationIdIn(c).forEach(x -> closuresBySchool.computeIfAbsent(x.organisationId(),
                    k -> new ArrayList<>()).add(new SchoolCalendar.Closure(x.closureDate(), x.reason())));
        });
        Map<String, SchoolCalendar> result = new HashMap<>();
        for (SchoolCalendarEntity row : rows) {
            result.put(row.organisationId(), new SchoolCalendar(row.dayStartsAt(),
                    termsBySchool.getOrDefault(row.organisationId(), List.of()),
                    closuresBySchool.getOrDefault(row.organisationId(), List.of())));
        }
        return result;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        all.sort(Comparator.naturalOrder());
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
