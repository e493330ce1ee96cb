package uk.safeguarding.notification.routing.concern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The referrals the concern rules raised ({@code concern_referral}), one per incident and recipient. */
@Component
public class ConcernReferrals {

    private final JdbcTemplate jdbc;

    public ConcernReferrals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** When each of these incidents that was referred occurred, by incident id (one query). */
    public Map<String, Instant> referred(Collection<String> incidentIds) {
        Map<String, Instant> referred = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return referred;
        }
        jdbc.query("select incident_id, min(occurred_at) from concern_referral where incident_id = any(?) group by incident_id",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", incidentIds.toArray())),
                rs -> {
                    referred.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return referred;
    }

    /** A referral a concern alert made: the alert, when its incident occurred and the rules that fired. */
    public record Referral(AgencyAlert alert, Instant occurredAt, String rules) {
    }

    /** Records (or, for a newer revision, updates) the referral each concern alert made; one statement. */
    public void recordAll(Collection<Referral> referrals, Instant referredAt) {
        if (referrals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into concern_referral (incident_id, recipient_org_id, revision, rules, occurred_at,"
                        + " alert_id, referred_at) values (?, ?, ?, ?, ?, ?::uuid, ?)"
                        + " on conflict (incident_id, recipient_org_id) do update set revision = excluded.revision,"
                        + " rules = excluded.rules, occurred_at = excluded.occurred_at, alert_id = excluded.alert_id,"
                        + " referred_at = excluded.referred_at where concern_referral.revision <= excluded.revision",
                referrals.stream().map(r -> new Object[]{r.alert().getIncidentId(),
                        r.alert().getRecipient().getOrganisationId(), r.alert().getIncidentRevision(), r.rules(),
                        Timestamp.from(r.occurredAt()), r.alert().getAlertId(), Timestamp.from(referredAt)}).toList());
    }

    /** The names of these organisations that the directory holds as children's social care (one query). */
    public Map<String, String> childrensSocialCare(Collection<String> organisationIds) {
        Map<String, String> names = new HashMap<>();
        if (organisationIds.isEmpty()) {
            return names;
        }
        jdbc.query("select id, name from organisation where kind = 'CHILDRENS_SOCIAL_CARE' and id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", organisationIds.toArray())),
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }
}
