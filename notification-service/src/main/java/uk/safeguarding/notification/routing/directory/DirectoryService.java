package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.shared.web.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.notification.routing.directory.DirectoryDocument.Count;
import uk.safeguarding.notification.routing.directory.DirectoryDocument.ImportCounts;
import uk.safeguarding.notification.shared.web.InvalidRequestException.FieldProblem;
import uk.safeguarding.notification.shared.vocabulary.Names;
import uk.safeguarding.notification.shared.onboarding.People;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes and reads the directory through the Micronaut Data repositories, in Spring transactions. Every write is an
 * idempotent upsert by id, checked first: references must name an existing organisation of the right kind (in the same
 * document or already in the directory), and ids must not repeat.
 */
@Service
public class DirectoryService {

    private static final int CHUNK = 1000;

    private final OrganisationRepository organisations;
    private final ChildRepository children;
    private final ChildIdentifierRepository childIdentifiers;
    private final AdultRepository adults;
    private final AdultIdentifierRepository adultIdentifiers;
    private final HouseholdLinkRepository links;
    private final ChildBlockingKeyIndex blockingKeys;
    private final People people;

    private final Clock clock;

    public DirectoryService(OrganisationRepository organisations, ChildRepository children,
                            ChildIdentifierRepository childIdentifiers, AdultRepository adults,
                            AdultIdentifierRepository adultIdentifiers, HouseholdLinkRepository links,
                            ChildBlockingKeyIndex blockingKeys, People people, Clock clock) {
        this.clock = clock;
        this.people = people;
        this.organisations = organisations;
        this.children = children;
        this.childIdentifiers = childIdentifiers;
        this.adults = adults;
        this.adultIdentifiers = adultIdentifiers;
        this.links = links;
        this.blockingKeys = blockingKeys;
    }

    /** Upserts a whole document; problems are reported with paths such as {@code children[3].schoolId}. */
    @Transactional
    public ImportCounts importDocument(DirectoryDocument document) {
        return upsert(document, false);
    }

    /** Upserts one item wrapped in a document; problems are reported with the item's own field names. */
    @Transactional
    public ImportCounts upsertSingle(DirectoryDocument document) {
        return upsert(document, true);
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return organisations.count() == 0 && children.count() == 0 && adults.count() == 0;
    }

    @Transactional(readOnly = true)
    public boolean organisationExists(String id) {
        return organisations.existsById(id);
    }

    @Transactional(readOnly = true)
    public boolean childExists(String id) {
        return children.existsById(id);
    }

    @Transactional(readOnly = true)
    public boolean adultExists(String id) {
        return adults.existsById(id);
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryDocument.Organisation> organisation(String id) {
        return organisations.findById(id).map(DirectoryService::toDto);
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryDocument.Child> child(String id) {
        return children.findById(id).map(c -> toDto(c, childIdentifiers.findByChildIdIn(List.of(id)).stream()
                .map(i -> new DirectoryDocument.Identifier(i.scheme(), i.value())).toList()));
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryDocument.Adult> adult(String id) {
        return adults.findById(id).map(a -> toDto(a, adultIdentifiers.findByAdultIdIn(List.of(id)).stream()
                .map(i -> new DirectoryDocument.Identifier(i.scheme(), i.value())).toList()));
    }

    @Transactional(readOnly = true)
    public List<DirectoryDocument.HouseholdLink> householdOfChild(String childId) {
        return links.findByChildId(childId).stream().map(DirectoryService::toDto).toList();
    }

    @Transactional(readOnly = true)
    public List<DirectoryDocument.HouseholdLink> householdOfAdult(String adultId) {
        return links.findByAdultId(adultId).stream().map(DirectoryService::toDto).toList();
    }

    private ImportCounts upsert(DirectoryDocument doc, boolean single) {
        check(doc, single);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        Count orgCount = upsert(doc.organisations().stream().map(o -> toEntity(o, now)).toList(),
                OrganisationEntity::id, organisations::findByIdIn, organisations::updateAll, organisations::saveAll);

        Count childCount = upsert(doc.children().stream().map(c -> toEntity(c, now)).toList(),
                ChildEntity::id, children::findByIdIn, children::updateAll, children::saveAll);
        List<String> childIds = doc.children().stream().map(DirectoryDocument.Child::id).toList();
        chunks(childIds).forEach(childIdentifiers::deleteByChildIdIn);
        List<ChildIdentifierEntity> childIds2 = doc.children().stream().flatMap(c -> c.identifiers().stream()
                .map(i -> new ChildIdentifierEntity(null, c.id(), i.scheme(), Names.normaliseIdentifier(i.value()))))
                .toList();
        chunks(childIds2).forEach(childIdentifiers::saveAll);
        blockingKeys.rekey(childIds); // fuzzy matching finds the child from the moment this transaction commits

        Count adultCount = upsert(doc.adults().stream().map(a -> toEntity(a, now)).toList(),
                AdultEntity::id, adults::findByIdIn, adults::updateAll, adults::saveAll);
        List<String> adultIds = doc.adults().stream().map(DirectoryDocument.Adult::id).toList();
        chunks(adultIds).forEach(adultIdentifiers::deleteByAdultIdIn);
        List<AdultIdentifierEntity> adultIds2 = doc.adults().stream().flatMap(a -> a.identifiers().stream()
                .map(i -> new AdultIdentifierEntity(null, a.id(), i.scheme(), Names.normaliseIdentifier(i.value()))))
                .toList();
        chunks(adultIds2).forEach(adultIdentifiers::saveAll);

        Count linkCount = upsert(doc.householdLinks().stream().map(l -> new HouseholdLinkEntity(
                        HouseholdLinkEntity.idOf(l.childId(), l.adultId()), l.childId(), l.adultId(), l.relationship()))
                        .toList(),
                HouseholdLinkEntity::id, links::findByIdIn, links::updateAll, links::saveAll);
        // people last: their organisations exist by now; new people are invited once this transaction commits
        People.Upserted madePeople = people.upsert(doc.people().stream().map(DirectoryService::toSpec).toList());
        Count peopleCount = new Count(madePeople.created().size(), madePeople.updated().size());
        return new ImportCounts(orgCount, childCount, adultCount, linkCount, peopleCount);
    }

    static People.Spec toSpec(DirectoryDocument.Person p) {
        return new People.Spec(p.id(), p.organisationId(), p.displayName(), p.email(), p.role());
    }

    private static <E> Count upsert(List<E> items, Function<E, String> id,
                                    Function<Collection<String>, List<E>> findByIds,
                                    java.util.function.Consumer<List<E>> updateAll,
                                    java.util.function.Consumer<List<E>> saveAll) {
        if (items.isEmpty()) {
            return new Count(0, 0);
        }
        Set<String> existing = new HashSet<>();
        for (List<E> chunk : chunks(items)) {
            findByIds.apply(chunk.stream().map(id).toList()).forEach(e -> existing.add(id.apply(e)));
        }
        List<E> toUpdate = items.stream().filter(e -> existing.contains(id.apply(e))).toList();
        List<E> toCreate = items.stream().filter(e -> !existing.contains(id.apply(e))).toList();
        chunks(toUpdate).forEach(updateAll);
        chunks(toCreate).forEach(saveAll);
        return new Count(toCreate.size(), toUpdate.size());
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    private void check(DirectoryDocument doc, boolean single) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, OrganisationKind> orgKinds = new HashMap<>();
        doc.organisations().forEach(o -> orgKinds.put(o.id(), o.kind()));
        Set<String> referenced = new LinkedHashSet<>();
        doc.organisations().forEach(o -> addIfPresent(referenced, o.schoolNurseOrganisationId()));
        doc.children().forEach(c -> OrganisationKind.linkedFromChild().forEach(kind ->
                addIfPresent(referenced, c.link(kind))));
        doc.adults().forEach(a -> addIfPresent(referenced, a.probationDeliveryUnitId()));
        doc.people().forEach(p -> addIfPresent(referenced, p.organisationId()));
        referenced.removeAll(orgKinds.keySet());
        for (List<String> chunk : chunks(new ArrayList<>(referenced))) {
            organisations.findByIdIn(chunk).forEach(o -> orgKinds.put(o.id(), o.kind()));
        }

        repeated(doc.organisations(), DirectoryDocument.Organisation::id, "organisations", single, problems);
        repeated(doc.children(), DirectoryDocument.Child::id, "children", single, problems);
        repeated(doc.adults(), DirectoryDocument.Adult::id, "adults", single, problems);
        repeated(doc.householdLinks(), l -> HouseholdLinkEntity.idOf(l.childId(), l.adultId()), "householdLinks",
                single, problems);

        for (int i = 0; i < doc.organisations().size(); i++) {
            DirectoryDocument.Organisation o = doc.organisations().get(i);
            String at = path("organisations", i, single);
            reference(orgKinds, o.schoolNurseOrganisationId(), OrganisationKind.SCHOOL_NURSE,
                    at + "schoolNurseOrganisationId", problems);
            if (o.schoolNurseOrganisationId() != null && o.kind() != OrganisationKind.SCHOOL) {
                problems.add(new FieldProblem(at + "schoolNurseOrganisationId", "only a SCHOOL links to a school nursing team"));
            }
        }
        for (int i = 0; i < doc.children().size(); i++) {
            DirectoryDocument.Child c = doc.children().get(i);
            String at = path("children", i, single);
            for (OrganisationKind kind : OrganisationKind.linkedFromChild()) {
                reference(orgKinds, c.link(kind), kind, at + kind.link().field(), problems);
            }
            if (c.educatedAtHome() && (c.localAuthorityId() == null || c.localAuthorityId().isBlank())) {
                problems.add(new FieldProblem(at + "localAuthorityId",
                        "required for a child educated at home (its officer is told in place of a school)"));
            }
            schemesOnce(c.identifiers(), at + "identifiers", problems);
        }
        for (int i = 0; i < doc.adults().size(); i++) {
            DirectoryDocument.Adult a = doc.adults().get(i);
            String at = path("adults", i, single);
            reference(orgKinds, a.probationDeliveryUnitId(), OrganisationKind.PROBATION, at + "probationDeliveryUnitId",
                    problems);
            schemesOnce(a.identifiers(), at + "identifiers", problems);
            if (a.probationCaseReference() != null && a.probationDeliveryUnitId() == null) {
                problems.add(new FieldProblem(at + "probationDeliveryUnitId",
                        "required when a probation case reference is given"));
            }
        }
        repeated(doc.people(), DirectoryDocument.Person::id, "people", single, problems);
        for (int i = 0; i < doc.people().size(); i++) {
            DirectoryDocument.Person p = doc.people().get(i);
            String at = path("people", i, single);
            OrganisationKind kind = orgKinds.get(p.organisationId());
            if (kind == null) {
                problems.add(new FieldProblem(at + "organisationId", "no organisation with id " + p.organisationId()));
            } else if ((p.role() == PersonRole.LA_EDUCATION_SAFEGUARDING_LEAD
                    || p.role() == PersonRole.UNRESOLVED_CASEWORKER) && kind != OrganisationKind.LOCAL_AUTHORITY) {
                problems.add(new FieldProblem(at + "role", p.role() + " is a role at a LOCAL_AUTHORITY, not at a "
                        + kind));
            }
        }
        people.check(doc.people().stream().map(DirectoryService::toSpec).toList()).forEach(problem -> problems.add(
                new FieldProblem(path("people", problem.index(), single) + problem.field(), problem.message())));
        if (!doc.householdLinks().isEmpty()) {
            Set<String> childIds = doc.children().stream().map(DirectoryDocument.Child::id).collect(Collectors.toSet());
            Set<String> adultIds = doc.adults().stream().map(DirectoryDocument.Adult::id).collect(Collectors.toSet());
            List<String> otherChildren = doc.householdLinks().stream().map(DirectoryDocument.HouseholdLink::childId)
                    .filter(id -> !childIds.contains(id)).distinct().toList();
            List<String> otherAdults = doc.householdLinks().stream().map(DirectoryDocument.HouseholdLink::adultId)
                    .filter(id -> !adultIds.contains(id)).distinct().toList();
            chunks(otherChildren).forEach(chunk -> children.findByIdIn(chunk).forEach(c -> childIds.add(c.id())));
            chunks(otherAdults).forEach(chunk -> adults.findByIdIn(chunk).forEach(a -> adultIds.add(a.id())));
            for (int i = 0; i < doc.householdLinks().size(); i++) {
                DirectoryDocument.HouseholdLink l = doc.householdLinks().get(i);
                String at = path("householdLinks", i, single);
                if (!childIds.contains(l.childId())) {
                    problems.add(new FieldProblem(at + "childId", "no child with id " + l.childId()));
                }
                if (!adultIds.contains(l.adultId())) {
                    problems.add(new FieldProblem(at + "adultId", "no adult with id " + l.adultId()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static String path(String list, int index, boolean single) {
        return single ? "" : list + "[" + index + "].";
    }

    private static void addIfPresent(Set<String> set, String id) {
        if (id != null && !id.isBlank()) {
            set.add(id);
        }
    }

    private static void reference(Map<String, OrganisationKind> kinds, String id, OrganisationKind expected,
                                  String field, List<FieldProblem> problems) {
        if (id == null || id.isBlank()) {
            return;
        }
        OrganisationKind kind = kinds.get(id);
        if (kind == null) {
            problems.add(new FieldProblem(field, "no organisation with id " + id));
        } else if (kind != expected) {
            problems.add(new FieldProblem(field, "organisation " + id + " is a " + kind + ", not a " + expected));
        }
    }

    private static void schemesOnce(List<DirectoryDocument.Identifier> identifiers, String field,
                                    List<FieldProblem> problems) {
        Set<IdentifierScheme> seen = new HashSet<>();
        for (DirectoryDocument.Identifier i : identifiers) {
            if (i != null && i.scheme() != null && !seen.add(i.scheme())) {
                problems.add(new FieldProblem(field, "more than one " + i.scheme() + " identifier"));
            }
        }
    }

    private static <T> void repeated(List<T> items, Function<T, String> id, String list, boolean single,
                                     List<FieldProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (!seen.add(value)) {
                problems.add(new FieldProblem(path(list, i, single) + "id", "id " + value + " appears more than once"));
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }

    // ---- mapping ------------------------------------------------------------------------------------------------

    static OrganisationEntity toEntity(DirectoryDocument.Organisation o, Instant now) {
        return new OrganisationEntity(o.id(), o.name(), o.kind(), o.phase(), blankToNull(o.schoolNurseOrganisationId()),
                o.contactName(), o.email(), o.phone(), o.addressLine(), o.postcode(), now);
    }

    static ChildEntity toEntity(DirectoryDocument.Child c, Instant now) {
        return new ChildEntity(c.id(), c.givenName(), c.familyName(), Names.normalisedFullName(c.givenName(), c.familyName()),
                c.dateOfBirth(), c.postcode(), blankToNull(c.schoolId()), blankToNull(c.gpPracticeId()),
                blankToNull(c.healthVisitingTeamId()), blankToNull(c.earlyYearsSettingId()), blankToNull(c.collegeId()),
                c.educatedAtHome(), blankToNull(c.localAuthorityId()), now);
    }

    static AdultEntity toEntity(DirectoryDocument.Adult a, Instant now) {
        return new AdultEntity(a.id(), a.givenName(), a.familyName(), Names.normalisedFullName(a.givenName(), a.familyName()),
                a.dateOfBirth(), blankToNull(a.probationDeliveryUnitId()), a.probationCaseReference(), now);
    }

    static DirectoryDocument.Organisation toDto(OrganisationEntity o) {
        return new DirectoryDocument.Organisation(o.id(), o.name(), o.kind(), o.phase(), o.schoolNurseOrgId(),
                o.contactName(), o.email(), o.phone(), o.addressLine(), o.postcode());
    }

    static DirectoryDocument.Child toDto(ChildEntity c, List<DirectoryDocument.Identifier> identifiers) {
        return new DirectoryDocument.Child(c.id(), c.givenName(), c.familyName(), c.dateOfBirth(), c.postcode(),
                identifiers, c.schoolOrgId(), c.gpOrgId(), c.healthVisitingOrgId(), c.earlyYearsOrgId(), c.collegeOrgId(),
                c.homeEducated() ? Boolean.TRUE : null, c.localAuthorityOrgId());
    }

    static DirectoryDocument.Adult toDto(AdultEntity a, List<DirectoryDocument.Identifier> identifiers) {
        return new DirectoryDocument.Adult(a.id(), a.givenName(), a.familyName(), a.dateOfBirth(), identifiers,
                a.probationOrgId(), a.probationCaseReference());
    }

    static DirectoryDocument.HouseholdLink toDto(HouseholdLinkEntity l) {
        return new DirectoryDocument.HouseholdLink(l.childId(), l.adultId(), l.relationship());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
