package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.notification.routing.router.Deadlines;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.shared.scheduling.Poller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code notification.calendar.*} and the data files once, at startup; a bad file or setting stops startup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Bean
    CalendarDefaults calendarDefaults(CalendarProperties properties, ResourceLoader resources) {
        LocalTime defaultDayStart = LocalTime.parse(properties.defaultDayStartsAt());
        Map<LocalDate, String> holidays = new TreeMap<>();
        for (String location : properties.bankHolidayFiles()) {
            holidays.putAll(readBankHolidays(resources.getResource(location.trim()), properties.bankHolidayDivision()));
        }
        SchoolCalendar areaDefault = readSchoolCalendar(resources.getResource(properties.defaultTermDates()),
                defaultDayStart);
        DeadlinePolicy policy = policy(properties);
        log.info("Calendars: {} bank holidays from {}, {} default terms from {}, rules {}", holidays.size(),
                properties.bankHolidayFiles(), areaDefault.terms().size(), properties.defaultTermDates(), policy);
        return new CalendarDefaults(policy, BankHolidays.published(holidays), areaDefault, defaultDayStart);
    }

    @Bean
    CalendarCoverage calendarCoverage(CalendarDefaults defaults, Clock clock, MeterRegistry meters) {
        CalendarCoverage coverage = CalendarCoverage.of(defaults);
        for (CalendarCoverage.Data data : CalendarCoverage.Data.values()) {
            Gauge.builder("notification.calendar.data.remaining",
                            () -> coverage.daysLeft(data, LocalDate.ofInstant(clock.instant(), Deadlines.ZONE)))
                    .description("Days until the calendar data ends (negative once past it); deadlines then follow "
                            + "the fixed rules in the README")
                    .baseUnit("days").tag("data", data.tag()).register(meters);
        }
        return coverage;
    }

    /** Says so at startup and once a day, from {@code warn-before} ahead of the data's end. */
    @Bean
    Poller calendarCoverageWarnings(CalendarCoverage coverage, Clock clock,
                                    @Value("${notification.calendar.warn-before:P180D}") Period warnBefore) {
        Runnable warn = () -> coverage.warnings(LocalDate.ofInstant(clock.instant(), Deadlines.ZONE), warnBefore)
                .forEach(log::warn);
        warn.run();
        return new Poller("calendar-coverage", Duration.ofDays(1), true, warn);
    }

    static DeadlinePolicy policy(CalendarProperties properties) {
        DeadlinePolicy standard = DeadlinePolicy.standard();
        Map<AgencyKind, DeadlineRule> rules = new EnumMap<>(standard.rules());
        if (properties.rules() != null) {
            properties.rules().forEach((key, rule) -> {
                AgencyKind kind;
                try {
                    kind = AgencyKind.valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("notification.calendar.rules: unknown recipient kind " + key, e);
                }
                if (rule.type() == null) {
                    throw new IllegalStateException("notification.calendar.rules." + key + ".type is required");
                }
                rules.put(kind, rule.type() == CalendarProperties.RuleType.NEXT_SCHOOL_DAY
                        ? DeadlineRule.nextSchoolDay() : new DeadlineRule.WithinWorkingHours(rule.workingHours()));
            });
        }
        CalendarProperties.WorkingHoursProperties wh = properties.workingHours();
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        wh.days().forEach(d -> days.add(DayOfWeek.valueOf(d.trim().toUpperCase(Locale.ROOT))));
        return new DeadlinePolicy(rules, standard.otherwise(),
                new WorkingHours(LocalTime.parse(wh.startsAt()), LocalTime.parse(wh.endsAt()), days));
    }

    /** Events of one division of a file in GOV.UK's bank-holidays.json shape: {division: {events: [{date, title}]}}. */
    static Map<LocalDate, String> readBankHolidays(Resource file, String division) {
        try (InputStream in = file.getInputStream()) {
            JsonNode events = JSON.readTree(in).path(division).path("events");
            if (!events.isArray()) {
                throw new IllegalStateException("Bank holiday file " + file + " has no " + division + ".events");
            }
            Map<LocalDate, String> holidays = new TreeMap<>();
            events.forEach(e -> holidays.put(LocalDate.parse(e.path("date").asText()), e.path("title").asText()));
            return holidays;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bank holiday file " + file, e);
        }
    }

    /** A file in the admin API's school calendar shape ({@link SchoolCalendarDocument}). */
    static SchoolCalendar readSchoolCalendar(Resource file, LocalTime defaultDayStart) {
        try (InputStream in = file.getInputStream()) {
            return JSON.readValue(in, SchoolCalendarDocument.class).toCalendar(defaultDayStart);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read term dates file " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Term dates file " + file + " is invalid: " + e.getMessage(), e);
        }
    }
}
