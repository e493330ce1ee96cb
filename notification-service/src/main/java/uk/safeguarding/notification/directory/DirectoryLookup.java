package uk.safeguarding.notification.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.notification.routing.ChildMatcher;
import uk.safeguarding.notification.routing.DirectoryView;
import uk.safeguarding.notification.routing.Names;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks up everything a batch of incidents needs from the directory in a fixed number of queries (arrays with
 * {@code = ANY(?)} and {@code unnest}), whatever the batch size: children by identifier, by normalised name and date
 * of birth, adults likewise, and the organisations they link to (with each school's nursing team).
 */
@Component
public class DirectoryLookup {

    private final JdbcTemplate jdbc;

    public DirectoryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DirectoryView viewFor(Collection<IncidentReported> incidents) {
        Set<String> childIdentifierValues = new LinkedHashSet<>();
        List<String> childNames = new ArrayList<>();
        List<LocalDate> childBirths = new ArrayList<>();
        Set<String> pncValues = new LinkedHashSet<>();
        List<String> adultNames = new ArrayList<>();
        List<LocalDate> adultBirths = new ArrayList<>();
        for (IncidentReported incident : incidents) {
            for (IncidentChild c : incident.getChildren()) {
                for (PersonIdentifier id : c.getIdentifiers()) {
                    if (ChildMatcher.CHILD_SCHEMES.contains(id.getScheme())) {
                        childIdentifierValues.add(Names.normaliseIdentifier(id.getValue()));
                    }
                }
                if (c.getDateOfBirth() != null) {
                    childNames.add(Names.normalisedFullName(c.getGivenName(), c.getFamilyName()));
                    childBirths.add(c.getDateOfBirth());
                }
            }
            for (IncidentAdult a : incident.getAdults()) {
                for (PersonIdentifier id : a.getIdentifiers()) {
                    if (id.getScheme() == IdentifierScheme.PNC_ID) {
                        pncValues.add(Names.normaliseIdentifier(id.getValue()));
                    }
                }
                if (a.getDateOfBirth() != null) {
                    adultNames.add(Names.normalisedFullName(a.getGivenName(), a.getFamilyName()));
                    adultBirths.add(a.getDateOfBirth());
                }
            }
        }

        Map<String, List<String>> childIdsByIdentifier = new HashMap<>();
        Set<String> childIds = new LinkedHashSet<>();
        if (!childIdentifierValues.isEmpty()) {
            jdbc.query("select scheme, value, child_id from child_identifier where value = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", childIdentifierValues.toArray())),
                    rs -> {
                        String id = rs.getString(3);
                        childIdsByIdentifier.computeIfAbsent(DirectoryView.identifierKey(rs.getString(1), rs.getString(2)),
                                k -> new ArrayList<>()).add(id);
                        childIds.add(id);
                    });
        }
        Map<String, List<String>> childIdsByNameAndBirth = new HashMap<>();
        if (!childNames.isEmpty()) {
            jdbc.query("select c.id, c.normalised_name, c.date_of_birth from child c"
                            + " join (select distinct n, d from unnest(?::text[], ?::date[]) as k(n, d)) k"
                            + " on c.normalised_name = k.n and c.date_of_birth = k.d",
                    ps -> {
                        ps.setArray(1, ps.getConnection().createArrayOf("text", childNames.toArray()));
                        ps.setArray(2, ps.getConnection().createArrayOf("date", dates(childBirths)));
                    },
                    rs -> {
                        String id = rs.getString(1);
                        childIdsByNameAndBirth.computeIfAbsent(rs.getString(2) + "|" + rs.getObject(3, LocalDate.class),
                                k -> new ArrayList<>()).add(id);
                        childIds.add(id);
                    });
        }
        Map<String, DirectoryView.Child> children = new HashMap<>();
        Set<String> orgIds = new LinkedHashSet<>();
        loadChildren(childIds, children, orgIds);

        Map<String, List<String>> adultIdsByPnc = new HashMap<>();
        Set<String> adultIds = new LinkedHashSet<>();
        if (!pncValues.isEmpty()) {
            jdbc.query("select value, adult_id from adult_identifier where scheme = 'PNC_ID' and value = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", pncValues.toArray())),
                    rs -> {
                        adultIdsByPnc.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                        adultIds.add(rs.getString(2));
                    });
        }
        Map<String, List<String>> adultIdsByNameAndBirth = new HashMap<>();
        if (!adultNames.isEmpty()) {
            jdbc.query("select a.id, a.normalised_name, a.date_of_birth from adult a"
                            + " join (select distinct n, d from unnest(?::text[], ?::date[]) as k(n, d)) k"
                            + " on a.normalised_name = k.n and a.date_of_birth = k.d",
                    ps -> {
                        ps.setArray(1, ps.getConnection().createArrayOf("text", adultNames.toArray()));
                        ps.setArray(2, ps.getConnection().createArrayOf("date", dates(adultBirths)));
                    },
                    rs -> {
                        adultIdsByNameAndBirth.computeIfAbsent(rs.getString(2) + "|" + rs.getObject(3, LocalDate.class),
                                k -> new ArrayList<>()).add(rs.getString(1));
                        adultIds.add(rs.getString(1));
                    });
        }
        Map<String, DirectoryView.Adult> adults = new HashMap<>();
        if (!adultIds.isEmpty()) {
            List<DirectoryView.Adult> found = new ArrayList<>();
            jdbc.query("select id, given_name, family_name, date_of_birth, probation_org_id, probation_case_reference"
                            + " from adult where id = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", adultIds.toArray())),
                    rs -> {
                        found.add(new DirectoryView.Adult(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)));
                    });
            // probation hears of every child in a supervised adult's household, not only those the police named
            Map<String, List<String>> householdChildIds = householdChildrenOf(found.stream()
                    .filter(a -> a.probationDeliveryUnitId() != null).map(DirectoryView.Adult::id).toList());
            // kept apart from the matching candidates: these children were not named by police
            Map<String, DirectoryView.Child> household = new HashMap<>();
            Set<String> householdIds = new LinkedHashSet<>();
            householdChildIds.values().forEach(householdIds::addAll);
            loadChildren(householdIds, household, new LinkedHashSet<>());
            for (DirectoryView.Adult a : found) {
                adults.put(a.id(), new DirectoryView.Adult(a.id(), a.givenName(), a.familyName(), a.dateOfBirth(),
                        a.probationDeliveryUnitId(), a.probationCaseReference(),
                        householdChildIds.getOrDefault(a.id(), List.of()).stream().map(household::get)
                                .filter(java.util.Objects::nonNull).toList()));
                addIfPresent(orgIds, a.probationDeliveryUnitId());
            }
        }

        Map<String, DirectoryView.Organisation> organisations = new HashMap<>();
        if (!orgIds.isEmpty()) {
            jdbc.query("select o.id, o.name, o.kind, o.school_nurse_org_id, n.id, n.name, n.kind from organisation o"
                            + " left join organisation n on n.id = o.school_nurse_org_id where o.id = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", orgIds.toArray())),
                    rs -> {
                        organisations.put(rs.getString(1), organisation(rs, 1));
                        if (rs.getString(5) != null) {
                            organisations.putIfAbsent(rs.getString(5), organisation(rs, 5));
                        }
                    });
        }
        return new DirectoryView(childIdsByIdentifier, childIdsByNameAndBirth, children, adultIdsByPnc,
                adultIdsByNameAndBirth, adults, organisations);
    }

    private void loadChildren(Set<String> ids, Map<String, DirectoryView.Child> children, Set<String> orgIds) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.query("select id, given_name, family_name, date_of_birth, school_org_id, gp_org_id,"
                        + " health_visiting_org_id, early_years_org_id, college_org_id, home_educated,"
                        + " local_authority_org_id from child where id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())),
                rs -> {
                    DirectoryView.Child c = new DirectoryView.Child(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11));
                    children.put(c.id(), c);
                    addIfPresent(orgIds, c.schoolId());
                    addIfPresent(orgIds, c.gpPracticeId());
                    addIfPresent(orgIds, c.healthVisitingTeamId());
                    addIfPresent(orgIds, c.earlyYearsSettingId());
                    addIfPresent(orgIds, c.collegeId());
                    addIfPresent(orgIds, c.localAuthorityId());
                });
    }

    /** The children linked through a household to each of these adults, in a stable order (child id). */
    private Map<String, List<String>> householdChildrenOf(List<String> adultIds) {
        Map<String, List<String>> byAdult = new HashMap<>();
        if (adultIds.isEmpty()) {
            return byAdult;
        }
        jdbc.query("select adult_id, child_id from household_link where adult_id = any(?) order by adult_id, child_id",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", adultIds.toArray())),
                rs -> {
                    byAdult.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return byAdult;
    }

    private static DirectoryView.Organisation organisation(ResultSet rs, int first) throws SQLException {
        return new DirectoryView.Organisation(rs.getString(first), rs.getString(first + 1),
                AgencyKind.valueOf(rs.getString(first + 2)), first == 1 ? rs.getString(4) : null);
    }

    private static Object[] dates(List<LocalDate> dates) {
        return dates.stream().map(Date::valueOf).toArray();
    }

    private static void addIfPresent(Set<String> set, String id) {
        if (id != null) {
            set.add(id);
        }
    }
}
