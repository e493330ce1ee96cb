package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.notification.shared.onboarding.OrganisationsWithoutPeople;
import uk.safeguarding.notification.shared.onboarding.People;
import uk.safeguarding.notification.shared.scheduling.Poller;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Directory organisations nobody can read alerts for: no key adult or deputy with a password. Every directory
 * organisation is a recipient of its kind's alerts (a school's for its pupils, a GP practice's for its patients, and
 * so on), so each one without such a person is a gap. Also the gauge {@code notification.organisations.without.people}
 * by {@code kind} (every kind registered at 0 at start), refreshed by a {@link Poller} with the other gauges.
 */
@Configuration(proxyBeanMethods = false)
public class OrganisationsWithoutPeopleQuery {

    private static final String READER_ROLES = "('" + String.join("', '",
            People.READERS.stream().map(Enum::name).sorted().toList()) + "')";

    /** The query as a bean (the shared interface), for the operations API and console. */
    public static class Query implements OrganisationsWithoutPeople {

        private final JdbcTemplate jdbc;

        Query(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public List<Organisation> list() {
            return jdbc.query("select o.id, o.name, o.kind, o.email, count(p.id) as invited from organisation o"
                            + " left join person p on p.organisation_id = o.id and p.role in " + READER_ROLES
                            + " where not exists (select 1 from person a where a.organisation_id = o.id and a.role in "
                            + READER_ROLES + " and a.password_hash is not null)"
                            + " group by o.id, o.name, o.kind, o.email order by o.kind, o.name, o.id",
                    (rs, n) -> new Organisation(rs.getString("id"), rs.getString("name"), rs.getString("kind"),
                            rs.getInt("invited"), rs.getString("email")));
        }

        /** How many by kind (every kind present, 0 where none). */
        Map<OrganisationKind, Long> countByKind() {
            Map<OrganisationKind, Long> counts = new EnumMap<>(OrganisationKind.class);
            for (OrganisationKind kind : OrganisationKind.values()) {
                counts.put(kind, 0L);
            }
            jdbc.query("select o.kind, count(*) from organisation o where not exists (select 1 from person a"
                    + " where a.organisation_id = o.id and a.role in " + READER_ROLES
                    + " and a.password_hash is not null) group by o.kind", rs -> {
                        counts.put(OrganisationKind.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            return counts;
        }
    }

    /** The gauge's values by kind. */
    public static final class Gauges {
        private final Query query;
        private final Map<OrganisationKind, AtomicLong> byKind = new EnumMap<>(OrganisationKind.class);

        Gauges(Query query, MeterRegistry meters) {
            this.query = query;
            for (OrganisationKind kind : OrganisationKind.values()) {
                AtomicLong value = new AtomicLong();
                byKind.put(kind, value);
                Gauge.builder("notification.organisations.without.people", value, AtomicLong::get)
                        .description("Directory organisations with no key adult or deputy able to sign in to read"
                                + " their alerts")
                        .tag("kind", kind.name())
                        .register(meters);
            }
        }

        public void refresh() {
            query.countByKind().forEach((kind, n) -> byKind.get(kind).set(n));
        }

        public long value(OrganisationKind kind) {
            return byKind.get(kind).get();
        }
    }

    @Bean
    Query organisationsWithoutPeople(JdbcTemplate jdbc) {
        return new Query(jdbc);
    }

    @Bean
    Gauges organisationsWithoutPeopleGauges(Query query, MeterRegistry meters) {
        return new Gauges(query, meters);
    }

    @Bean
    Poller organisationsWithoutPeoplePoller(Gauges gauges,
                                            @Value("${notification.metrics.refresh-interval:PT1M}") Duration interval,
                                            @Value("${notification.metrics.enabled:true}") boolean enabled) {
        return new Poller("organisations-without-people-gauge", interval, enabled, gauges::refresh);
    }
}
