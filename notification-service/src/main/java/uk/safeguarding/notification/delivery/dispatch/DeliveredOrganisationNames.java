package uk.safeguarding.notification.delivery.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.shared.security.OrganisationNames;

import java.util.Optional;

/** Organisation names as the latest alert delivered to each named its recipient. */
@Component
class DeliveredOrganisationNames implements OrganisationNames {

    private final JdbcTemplate jdbc;

    DeliveredOrganisationNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> nameOf(String organisationId) {
        return Optional.ofNullable(jdbc.query("select organisation_name from delivered_alert where organisation_id = ?"
                + " order by routed_at desc limit 1", rs -> rs.next() ? rs.getString(1) : null, organisationId));
    }
}
