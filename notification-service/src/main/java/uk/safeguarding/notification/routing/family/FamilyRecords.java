package uk.safeguarding.notification.routing.family;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.safeguarding.avro.RiskLevel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL edge of family history: records which directory persons each routed incident revision involved
 * ({@code family_incident}), and reads, for a whole batch, each incident's family (its persons and their households:
 * a child's adults, and those adults' children, i.e. siblings; an adult's children) and the family's incidents in a
 * window. A fixed number of statements per batch, whatever its size: no round trip per child.
 */
@Component
public class FamilyRecords {

    /**
     * The most incidents read per family member and window (newest first): counts are exact up to this many per
     * member, so a pathological family (thousands of incidents a year) costs a bounded read per batch.
     */
    public static final int INCIDENTS_PER_PERSON = 25;

    /** pg advisory lock: one routing transaction at a time between recording a batch's families and committing. */
    static final long FAMILY_LOCK = 0x5eed_0060L;

    private final JdbcTemplate jdbc;

    public FamilyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The directory persons one incident revision involved, with the incident's facts. */
    public record Involvement(String incidentId, int revision, Instant occurredAt, RiskLevel riskLevel,
                              String forceCode, Set<Person> persons) {
    }

    /** A child of a family as the directory holds it. */
    public record FamilyChild(String id, String givenName, String familyName, LocalDate dateOfBirth) {
    }

    /** One incident's family: its members, its children's details, and every incident of any member in the window. */
    public record Family(Set<Person> members, Map<String, FamilyChild> children, List<FamilyIncident> incidents) {
    }

    /**
     * Upserts one row per (person, incident): a newer revision updates the incident's facts, and the rows of persons
     * an incident no longer names (a corrected revision) are removed. Two statements per batch.
     *
     * <p>First waits for the family lock, held until the caller's transaction ends: routing threads (and instances)
     * then record and read families one transaction at a time, so a batch always reads the families another batch
     * routing at the same moment has committed, never missing each other's incidents. Matching, routing and
     * publishing still run side by side; only this step to the commit is taken in turn.
     */
    public void record(List<Involvement> involvements) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("family records are written inside the routing transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, FAMILY_LOCK);
        List<Object[]> rows = new ArrayList<>();
        Map<String, Integer> revised = new LinkedHashMap<>();
        for (Involvement i : involvements) {
            for (Person p : i.persons()) {
                rows.add(new Object[]{p.kind().name(), p.id(), i.incidentId(), i.revision(), Timestamp.from(i.occurredAt()),
                        risk(i.riskLevel()), i.forceCode()});
            }
            if (i.revision() > 1) {
                revised.merge(i.incidentId(), i.revision(), Math::max);
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into family_incident (person_kind, person_id, incident_id, revision, occurred_at,"
                    + " risk_level, force_code) values (?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (person_kind, person_id, incident_id) do update set revision = excluded.revision,"
                    + " occurred_at = excluded.occurred_at, risk_level = excluded.risk_level,"
                    + " force_code = excluded.force_code where family_incident.revision <= excluded.revision", rows);
        }
        if (!revised.isEmpty()) {
            jdbc.update("delete from family_incident f using unnest(?::text[], ?::int[]) as r(id, rev)"
                            + " where f.incident_id = r.id and f.revision < r.rev",
                    ps -> {
                        ps.setArray(1, array(ps.getConnection(), "text", revised.keySet().toArray()));
                        ps.setArray(2, array(ps.getConnection(), "int4", revised.values().toArray()));
                    });
        }
    }

    /**
     * Each incident's family and the family's incidents that occurred from {@code from[i]} to the incident's
     * occurredAt (the incident itself included: callers leave it out). Two queries per batch.
     *
     * @param from for each involvement, the start of the longest window any reader needs
     */
    public List<Family> familiesOf(List<Involvement> involvements, List<Instant> from) {
        List<Set<Person>> members = new ArrayList<>();
        List<Map<String, FamilyChild>> children = new ArrayList<>();
        List<Integer> seedN = new ArrayList<>();
        List<String> seedKind = new ArrayList<>();
        List<String> seedId = new ArrayList<>();
        for (int n = 0; n < involvements.size(); n++) {
            members.add(new LinkedHashSet<>(involvements.get(n).persons()));
            children.add(new LinkedHashMap<>());
            for (Person p : involvements.get(n).persons()) {
                seedN.add(n);
                seedKind.add(p.kind().name());
                seedId.add(p.id());
            }
        }
        if (!seedN.isEmpty()) {
            // one hop from each person through household links, both ways: a child's adults and an adult's children;
            // and the children of the incident children's adults (siblings)
            jdbc.query("with seed(n, kind, id) as (select * from unnest(?::int[], ?::text[], ?::text[])),"
                            + " adults(n, id) as ("
                            + "  select n, id from seed where kind = 'ADULT'"
                            + "  union select s.n, h.adult_id from seed s join household_link h"
                            + "   on s.kind = 'CHILD' and h.child_id = s.id),"
                            + " kids(n, id) as ("
                            + "  select n, id from seed where kind = 'CHILD'"
                            + "  union select a.n, h.child_id from adults a join household_link h on h.adult_id = a.id)"
                            + " select n, 'ADULT', id, null, null, null from adults"
                            + " union all select k.n, 'CHILD', k.id, c.given_name, c.family_name, c.date_of_birth"
                            + " from kids k join child c on c.id = k.id",
                    ps -> {
                        ps.setArray(1, array(ps.getConnection(), "int4", seedN.toArray()));
                        ps.setArray(2, array(ps.getConnection(), "text", seedKind.toArray()));
                        ps.setArray(3, array(ps.getConnection(), "text", seedId.toArray()));
                    },
                    rs -> {
                        int n = rs.getInt(1);
                        Person p = new Person(Person.Kind.valueOf(rs.getString(2)), rs.getString(3));
                        members.get(n).add(p);
                        if (p.kind() == Person.Kind.CHILD) {
                            children.get(n).put(p.id(), new FamilyChild(p.id(), rs.getString(4), rs.getString(5),
                                    rs.getObject(6, LocalDate.class)));
                        }
                    });
        }

        List<List<FamilyIncident>> incidents = new ArrayList<>();
        List<Integer> n = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Timestamp> los = new ArrayList<>();
        List<Timestamp> his = new ArrayList<>();
        for (int i = 0; i < involvements.size(); i++) {
            incidents.add(new ArrayList<>());
            Timestamp lo = Timestamp.from(from.get(i));
            Timestamp hi = Timestamp.from(involvements.get(i).occurredAt());
            for (Person p : members.get(i)) {
                n.add(i);
                kinds.add(p.kind().name());
                ids.add(p.id());
                los.add(lo);
                his.add(hi);
            }
        }
        if (!n.isEmpty()) {
            // each person's newest incidents only (an index range scan each): a person's history is bounded
            jdbc.query("select distinct f.n, x.incident_id, x.force_code, x.occurred_at, x.risk_level"
                            + " from unnest(?::int[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])"
                            + "  as f(n, kind, id, lo, hi)"
                            + " cross join lateral (select fi.incident_id, fi.force_code, fi.occurred_at, fi.risk_level"
                            + "  from family_incident fi where fi.person_kind = f.kind and fi.person_id = f.id"
                            + "  and fi.occurred_at >= f.lo and fi.occurred_at <= f.hi"
                            + "  order by fi.occurred_at desc limit " + INCIDENTS_PER_PERSON + ") x",
                    ps -> {
                        ps.setArray(1, array(ps.getConnection(), "int4", n.toArray()));
                        ps.setArray(2, array(ps.getConnection(), "text", kinds.toArray()));
                        ps.setArray(3, array(ps.getConnection(), "text", ids.toArray()));
                        ps.setArray(4, array(ps.getConnection(), "timestamptz", los.toArray()));
                        ps.setArray(5, array(ps.getConnection(), "timestamptz", his.toArray()));
                    },
                    rs -> {
                        incidents.get(rs.getInt(1)).add(new FamilyIncident(rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), riskLevel(rs.getString(5))));
                    });
        }
        List<Family> families = new ArrayList<>(involvements.size());
        for (int i = 0; i < involvements.size(); i++) {
            families.add(new Family(members.get(i), children.get(i), incidents.get(i)));
        }
        return families;
    }

    private static String risk(RiskLevel level) {
        return level == null ? RiskLevel.UNKNOWN.name() : level.name();
    }

    private static RiskLevel riskLevel(String name) {
        try {
            return RiskLevel.valueOf(name);
        } catch (IllegalArgumentException e) {
            return RiskLevel.UNKNOWN;
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }
}
