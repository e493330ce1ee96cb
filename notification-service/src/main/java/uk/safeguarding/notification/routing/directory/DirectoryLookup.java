package uk.safeguarding.notification.routing.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.notification.routing.matching.BlockingKeys;
import uk.safeguarding.notification.routing.matching.ChildDetails;
import uk.safeguarding.notification.routing.router.ChildMatcher;
import uk.safeguarding.notification.routing.router.DirectoryView;
import uk.safeguarding.notification.shared.vocabulary.Names;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks up everything a batch of incidents needs from the directory in a fixed number of queries (arrays with
 * {@code = ANY(?)} and {@code unnest}), whatever the batch size: candidate children under the incident children's
 * {@link BlockingKeys} (identifiers included) with their details for the fuzzy matcher, adults by identifier and by
 * normalised name and date of birth, and the organisations they link to (with each school's nursing team).
 */
@Component
public class DirectoryLookup {

    private final JdbcTemplate jdbc;

    public DirectoryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DirectoryView viewFor(Collection<IncidentReported> incidents) {
        return viewFor(incidents, List.of());
    }

    /** As {@link #viewFor(Collection)}, with these directory children too (a child a person picked). */
    public DirectoryView viewFor(Collection<IncidentReported> incidents, Collection<String> alsoChildIds) {
        Set<String> childKeys = new LinkedHashSet<>();
        Set<String> childIdentifierValues = new LinkedHashSet<>();
        Set<String> pncValues = new LinkedHashSet<>();
        List<String> adultNames = new ArrayList<>();
        List<LocalDate> adultBirths = new ArrayList<>();
        for (IncidentReported incident : incidents) {
            for (IncidentChild c : incident.getChildren()) {
                for (BlockingKeys.Key key : BlockingKeys.forIncidentChild(ChildMatcher.details(c))) {
                    if (key.kind() == BlockingKeys.Kind.UPN || key.kind() == BlockingKeys.Kind.NHS_NUMBER) {
                        childIdentifierValues.add(key.value());
                    } else {
                        childKeys.add(key.toString());
                    }
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

        // 1. candidates: every child under any of the batch's blocking keys (identifiers as "UPN:value" keys)
        Map<String, List<String>> childIdsByKey = new HashMap<>();
        Set<String> childIds = new LinkedHashSet<>();
        if (!childKeys.isEmpty() || !childIdentifierValues.isEmpty()) {
            jdbc.query("select key, child_id from child_blocking_key where key = any(?)"
                            + " union all select scheme || ':' || value, child_id from child_identifier"
                            + " where value = any(?) and scheme in ('UPN', 'NHS_NUMBER')",
                    ps -> {
                        ps.setArray(1, ps.getConnection().createArrayOf("text", childKeys.toArray()));
                        ps.setArray(2, ps.getConnection().createArrayOf("text", childIdentifierValues.toArray()));
                    },
                    rs -> {
                        String id = rs.getString(2);
                        childIdsByKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(id);
                        childIds.add(id);
                    });
        }
        childIds.addAll(alsoChildIds);
        // 2. the candidates' details, identifiers and linked services
        Map<String, DirectoryView.Child> children = new HashMap<>();
        Map<String, ChildDetails> childDetails = new HashMap<>();
        Set<String> orgIds = new LinkedHashSet<>();
        loadChildren(childIds, children, childDetails, orgIds);

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
            loadChildren(householdIds, household, null, new LinkedHashSet<>());
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
        return new DirectoryView(childIdsByKey, childDetails, children, adultIdsByPnc,
                adultIdsByNameAndBirth, adults, organisations);
    }

    /** Children by id with the services they link to; with {@code details}, also what the matcher compares. */
    private void loadChildren(Set<String> ids, Map<String, DirectoryView.Child> children,
                              Map<String, ChildDetails> details, Set<String> orgIds) {
        if (ids.isEmpty()) {
            return;
        }
        List<OrganisationKind> linked = OrganisationKind.linkedFromChild();
        jdbc.query("select c.id, c.given_name, c.family_name, c.date_of_birth, c.home_educated, c.postcode,"
                        + " (select i.value from child_identifier i where i.child_id = c.id and i.scheme = 'UPN'),"
                        + " (select i.value from child_identifier i where i.child_id = c.id and i.scheme = 'NHS_NUMBER')"
                        + CHILD_LINK_COLUMNS + " from child c where c.id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())),
                rs -> {
                    Map<OrganisationKind, String> links = new EnumMap<>(OrganisationKind.class);
                    for (int i = 0; i < linked.size(); i++) {
                        String organisationId = rs.getString(9 + i);
                        if (organisationId != null) {
                            links.put(linked.get(i), organisationId);
                            orgIds.add(organisationId);
                        }
                    }
                    DirectoryView.Child c = new DirectoryView.Child(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), links, rs.getBoolean(5));
                    children.put(c.id(), c);
                    if (details != null) {
                        details.put(c.id(), new ChildDetails(c.givenName(), c.familyName(), c.dateOfBirth(),
                                rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
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

    /** The child's link columns, in {@link OrganisationKind#linkedFromChild()}'s order (names from the declaration). */
    private static final String CHILD_LINK_COLUMNS = OrganisationKind.linkedFromChild().stream()
            .map(kind -> ", c." + kind.link().column()).collect(Collectors.joining());

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
