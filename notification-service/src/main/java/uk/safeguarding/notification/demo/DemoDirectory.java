package uk.safeguarding.notification.demo;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.routing.directory.IdentifierScheme;
import uk.safeguarding.notification.routing.directory.Relationship;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;

import uk.safeguarding.notification.routing.router.SchoolAge;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic demo directory (same seed, same document): one local authority, two school nursing teams, five
 * schools (three primary, two secondary), three GP practices, a health visiting team and a probation delivery unit,
 * a nursery, a college, children's social care (ORG-CSC-01), and some hundreds of children and adults in households.
 * All names are invented.
 *
 * <p>To submit a demo incident that routes, take a named household: {@link #schoolChildrenHousehold()} (HH-0001: a
 * primary and a secondary pupil, alerts to school, school nurse and GP), {@link #toddlerHousehold()} (HH-0002: a
 * toddler under school age, alerts to GP and health visiting, and a school-age sibling) or
 * {@link #supervisedAdultHousehold()} (HH-0003: a suspect supervised by probation; name that adult with their PNC id
 * and role SUSPECT, and probation is alerted too). By setting: {@link #nurseryHousehold()} (a toddler at the nursery),
 * {@link #collegeHousehold()} (a 16-year-old at the college), {@link #homeEducatedHousehold()} (a child educated at
 * home: the local authority's officer). Name each child with its given name, family name and date of birth
 * (or its UPN / NHS number) exactly as here; an adult with its PNC id or name and date of birth.
 */
public final class DemoDirectory {

    public static final long DEFAULT_SEED = 20_261_120L;
    public static final int DEFAULT_HOUSEHOLDS = 160;
    /**
     * The day of the school year the ages are set on: 1 November, early enough in the autumn term that every child has
     * started the school year they are in, so each school year's directory has the same shape, a year older in dates.
     */
    static final MonthDay AGES_ON = MonthDay.of(11, 1);
    /** The reference date of the first demo directory (the school year 2026-27), whose dates the README shows. */
    private static final LocalDate FIRST_YEAR = AGES_ON.atYear(2026);

    public static final String LOCAL_AUTHORITY = "ORG-LA-01";
    public static final String HEALTH_VISITING = "ORG-HV-01";
    public static final String PROBATION = "ORG-PDU-01";
    public static final String EARLY_YEARS = "ORG-EY-01";
    public static final String COLLEGE = "ORG-COL-01";
    public static final String CHILDRENS_SOCIAL_CARE = "ORG-CSC-01";
    /**
     * The platform's operations team: the organisation the demo operations person is bound to. No child or adult is
     * linked to it and no concern area names it, so it never receives an alert, and operations people, who see counts,
     * states and identifiers across the platform, open no alert's content by belonging to an organisation that does.
     * The directory has no kind for an organisation that receives nothing: it is held as a local authority.
     */
    public static final String PLATFORM_OPERATIONS = "ORG-OPS-01";
    public static final List<String> PRIMARY_SCHOOLS = List.of("ORG-SCH-01", "ORG-SCH-02", "ORG-SCH-03");
    public static final List<String> SECONDARY_SCHOOLS = List.of("ORG-SCH-04", "ORG-SCH-05");
    public static final List<String> GP_PRACTICES = List.of("ORG-GP-01", "ORG-GP-02", "ORG-GP-03");

    private static final List<String> GIVEN = List.of("Amara", "Ben", "Callum", "Daisy", "Elif", "Finn", "Grace",
            "Harvey", "Isla", "Jude", "Kiran", "Lola", "Milo", "Nia", "Oscar", "Priya", "Quinn", "Rosa", "Sami",
            "Tess", "Umar", "Vera", "Wren", "Xander", "Yusuf", "Zoë", "Aled", "Bryony", "Cerys", "Dev", "Esme", "Femi",
            "Hana", "Iwan", "Jasper", "Keira", "Leon", "Maya", "Noor", "Otis", "Poppy", "Rhys", "Sienna", "Theo");
    private static final List<String> FAMILY = List.of("Ashdown", "Brightwell", "Carrow", "Dunmore", "Elsworth",
            "Fenwick-Hale", "Garrod", "Hollins", "Ibbotson", "Jessop", "Kettering", "Lomax", "Marlow", "Nettleton",
            "Okonkwo-Reid", "Pendle", "Quarrie", "Rushby", "Stannard", "Thwaite", "Underhill", "Varley", "Whitlock",
            "Yardley", "Ó Briain", "Dąbrowski", "Castellano", "Farrier", "Gillow", "Hebden");
    private static final List<String> POSTCODES = List.of("EX1 1AA", "EX1 2BB", "EX2 3CD", "EX2 4EF", "EX3 5GH",
            "EX3 6JK", "EX4 7LM", "EX4 8NP");

    /** A household of the demo directory: its children and adults as held in the directory. */
    public record Household(String id, List<DirectoryDocument.Child> children, List<DirectoryDocument.Adult> adults) {

        /** The adults of the household supervised by probation. */
        public List<DirectoryDocument.Adult> supervisedAdults() {
            return adults.stream().filter(a -> a.probationDeliveryUnitId() != null).toList();
        }
    }

    private final LocalDate referenceDate;
    private final DirectoryDocument document;
    private final List<Household> households;

    private DirectoryDocument.Organisation org(String id, String name, OrganisationKind kind, String phase,
                                               String nurse, String email) {
        return new DirectoryDocument.Organisation(id, name, kind, phase, nurse, "Safeguarding lead", email,
                "01234 " + (500000 + Math.abs(id.hashCode()) % 400000), null, POSTCODES.get(Math.abs(id.hashCode()) % POSTCODES.size()));
    }

    /** The organisation of the demo operations people ({@link #PLATFORM_OPERATIONS}). */
    public static DirectoryDocument.Organisation platformOperations() {
        return new DirectoryDocument.Organisation(PLATFORM_OPERATIONS, "Safeguarding Platform Operations",
                OrganisationKind.LOCAL_AUTHORITY, null, null, "Platform operations", "operations@platform.example",
                null, null, null);
    }

    private DemoDirectory(long seed, int householdCount, LocalDate referenceDate) {
        this.referenceDate = referenceDate;
        Random random = new Random(seed);
        List<DirectoryDocument.Organisation> orgs = new ArrayList<>();
        orgs.add(org(LOCAL_AUTHORITY, "Exampleshire County Council Children's Services", OrganisationKind.LOCAL_AUTHORITY,
                null, null, "childrens.services@exampleshire.example"));
        orgs.add(org("ORG-SN-01", "North Exampleshire School Nursing Team", OrganisationKind.SCHOOL_NURSE, null, null,
                "school.nursing.north@nhs.example"));
        orgs.add(org("ORG-SN-02", "South Exampleshire School Nursing Team", OrganisationKind.SCHOOL_NURSE, null, null,
                "school.nursing.south@nhs.example"));
        orgs.add(org("ORG-SCH-01", "Oakfield Primary School", OrganisationKind.SCHOOL, "PRIMARY", "ORG-SN-01",
                "dsl@oakfield.school.example"));
        orgs.add(org("ORG-SCH-02", "Riverside Primary School", OrganisationKind.SCHOOL, "PRIMARY", "ORG-SN-01",
                "dsl@riverside.school.example"));
        orgs.add(org("ORG-SCH-03", "St Aidan's CofE Primary School", OrganisationKind.SCHOOL, "PRIMARY", "ORG-SN-02",
                "dsl@staidans.school.example"));
        orgs.add(org("ORG-SCH-04", "Exampleton Academy", OrganisationKind.SCHOOL, "SECONDARY", "ORG-SN-01",
                "dsl@exampleton-academy.example"));
        orgs.add(org("ORG-SCH-05", "Hillcrest High School", OrganisationKind.SCHOOL, "SECONDARY", "ORG-SN-02",
                "dsl@hillcrest.school.example"));
        orgs.add(org("ORG-GP-01", "Market Street Surgery", OrganisationKind.GP, null, null, "safeguarding.gp01@nhs.example"));
        orgs.add(org("ORG-GP-02", "Elm Tree Medical Centre", OrganisationKind.GP, null, null, "safeguarding.gp02@nhs.example"));
        orgs.add(org("ORG-GP-03", "Riverside Health Centre", OrganisationKind.GP, null, null, "safeguarding.gp03@nhs.example"));
        orgs.add(org(HEALTH_VISITING, "Exampleshire Health Visiting Team", OrganisationKind.HEALTH_VISITING, null, null,
                "health.visiting@nhs.example"));
        orgs.add(org(PROBATION, "Exampleshire Probation Delivery Unit", OrganisationKind.PROBATION, null, null,
                "pdu.exampleshire@probation.example"));
        // added after the first release: appended, so every earlier organisation, person and demo sign-in keeps its id
        orgs.add(org(EARLY_YEARS, "Little Acorns Day Nursery", OrganisationKind.EARLY_YEARS, null, null,
                "manager@littleacorns.nursery.example"));
        orgs.add(org(COLLEGE, "Exampleton College of Further Education", OrganisationKind.COLLEGE, null, null,
                "safeguarding@exampleton-college.example"));
        orgs.add(org(CHILDRENS_SOCIAL_CARE, "Exampleshire Children's Social Care (MASH)",
                OrganisationKind.CHILDRENS_SOCIAL_CARE, null, null, "mash@exampleshire.example"));
        // appended later still, for the same reason; never a recipient (see PLATFORM_OPERATIONS)
        orgs.add(platformOperations());

        List<DirectoryDocument.Child> children = new ArrayList<>();
        List<DirectoryDocument.Adult> adults = new ArrayList<>();
        List<DirectoryDocument.HouseholdLink> links = new ArrayList<>();
        List<Household> households = new ArrayList<>();
        Set<String> usedUpn = new HashSet<>();
        Set<String> usedNhs = new HashSet<>();
        Set<String> usedNameDob = new HashSet<>();
        int[] childSeq = {0};
        int[] adultSeq = {0};
        for (int h = 1; h <= householdCount; h++) {
            String householdId = String.format("HH-%04d", h);
            String family = FAMILY.get(random.nextInt(FAMILY.size()));
            String postcode = POSTCODES.get(random.nextInt(POSTCODES.size()));
            String gp = GP_PRACTICES.get(random.nextInt(GP_PRACTICES.size()));
            // the first three households are the named samples: fixed shapes, random names
            int[] ages = switch (h) {
                case 1 -> new int[]{8, 13};
                case 2 -> new int[]{2, 6};
                case 3 -> new int[]{9};
                default -> randomAges(random);
            };
            boolean supervised = h == 3 || (h > 3 && random.nextInt(100) < 15);
            int adultCount = h <= 3 ? 2 : 1 + (random.nextInt(100) < 70 ? 1 : 0);

            List<DirectoryDocument.Child> householdChildren = new ArrayList<>();
            Set<String> givenInHousehold = new HashSet<>();
            for (int age : ages) {
                String given = distinctGiven(random, givenInHousehold);
                LocalDate dob = uniqueBirth(referenceDate, random, age, given, family, usedNameDob);
                String id = String.format("CH-%05d", ++childSeq[0]);
                boolean underSchoolAge = SchoolAge.isUnderSchoolAge(dob, referenceDate);
                boolean unlinked = h > 3 && random.nextInt(100) < 2;
                String school = null;
                if (!underSchoolAge && !unlinked) {
                    int yearsInSchool = referenceDate.getYear() - SchoolAge.receptionStart(dob).getYear();
                    school = yearsInSchool < 7 ? PRIMARY_SCHOOLS.get(random.nextInt(PRIMARY_SCHOOLS.size()))
                            : SECONDARY_SCHOOLS.get(random.nextInt(SECONDARY_SCHOOLS.size()));
                }
                List<DirectoryDocument.Identifier> ids = new ArrayList<>();
                if (school != null) {
                    ids.add(new DirectoryDocument.Identifier(IdentifierScheme.UPN, unique(usedUpn, () -> upn(random))));
                }
                ids.add(new DirectoryDocument.Identifier(IdentifierScheme.NHS_NUMBER, unique(usedNhs, () -> nhsNumber(random))));
                DirectoryDocument.Child child = new DirectoryDocument.Child(id, given, family, dob, postcode, ids, school,
                        unlinked ? null : gp, underSchoolAge && !unlinked ? HEALTH_VISITING : null);
                children.add(child);
                householdChildren.add(child);
            }
            List<DirectoryDocument.Adult> householdAdults = new ArrayList<>();
            for (int a = 0; a < adultCount; a++) {
                String given = distinctGiven(random, givenInHousehold);
                String adultFamily = a == 1 && random.nextInt(100) < 40 ? FAMILY.get(random.nextInt(FAMILY.size())) : family;
                LocalDate dob = uniqueBirth(referenceDate, random, 22 + random.nextInt(28), given, adultFamily, usedNameDob);
                String id = String.format("AD-%05d", ++adultSeq[0]);
                boolean isSupervised = supervised && a == adultCount - 1;
                List<DirectoryDocument.Identifier> ids = new ArrayList<>();
                if (isSupervised || random.nextInt(100) < 30) {
                    ids.add(new DirectoryDocument.Identifier(IdentifierScheme.PNC_ID, pnc(random, dob)));
                }
                DirectoryDocument.Adult adult = new DirectoryDocument.Adult(id, given, adultFamily, dob, ids,
                        isSupervised ? PROBATION : null,
                        isSupervised ? String.format("PDU-CASE-%05d", 10000 + random.nextInt(90000)) : null);
                adults.add(adult);
                householdAdults.add(adult);
                for (DirectoryDocument.Child c : householdChildren) {
                    links.add(new DirectoryDocument.HouseholdLink(c.id(), id,
                            a == 0 ? Relationship.PARENT : random.nextBoolean() ? Relationship.PARENT
                                    : Relationship.PARENTS_PARTNER));
                }
            }
            households.add(new Household(householdId, List.copyOf(householdChildren), List.copyOf(householdAdults)));
        }
        // Each child by age and setting: three more named households after the generated ones, from a random of
        // their own, so the earlier households (and the ids the launcher and tests use) stay exactly as they were.
        Random settings = new Random(seed + 1);
        String[] settingKinds = {"nursery", "college", "home"};
        for (String kind : settingKinds) {
            String householdId = String.format("HH-%04d", households.size() + 1);
            String family = FAMILY.get(settings.nextInt(FAMILY.size()));
            String postcode = POSTCODES.get(settings.nextInt(POSTCODES.size()));
            String gp = GP_PRACTICES.get(settings.nextInt(GP_PRACTICES.size()));
            Set<String> givenInHousehold = new HashSet<>();
            String given = distinctGiven(settings, givenInHousehold);
            int age = switch (kind) {
                case "nursery" -> 2;
                case "college" -> 16;
                default -> 11;
            };
            LocalDate dob = uniqueBirth(referenceDate, settings, age, given, family, usedNameDob);
            List<DirectoryDocument.Identifier> ids = new ArrayList<>();
            if (!kind.equals("nursery")) {
                ids.add(new DirectoryDocument.Identifier(IdentifierScheme.UPN, unique(usedUpn, () -> upn(settings))));
            }
            ids.add(new DirectoryDocument.Identifier(IdentifierScheme.NHS_NUMBER, unique(usedNhs, () -> nhsNumber(settings))));
            DirectoryDocument.Child child = new DirectoryDocument.Child(String.format("CH-%05d", ++childSeq[0]), given,
                    family, dob, postcode, ids, null, gp, kind.equals("nursery") ? HEALTH_VISITING : null,
                    kind.equals("nursery") ? EARLY_YEARS : null, kind.equals("college") ? COLLEGE : null,
                    kind.equals("home") ? Boolean.TRUE : null, kind.equals("home") ? LOCAL_AUTHORITY : null);
            children.add(child);
            String adultGiven = distinctGiven(settings, givenInHousehold);
            LocalDate adultDob = uniqueBirth(referenceDate, settings, 30 + settings.nextInt(15), adultGiven, family, usedNameDob);
            DirectoryDocument.Adult adult = new DirectoryDocument.Adult(String.format("AD-%05d", ++adultSeq[0]),
                    adultGiven, family, adultDob, List.of(), null, null);
            adults.add(adult);
            links.add(new DirectoryDocument.HouseholdLink(child.id(), adult.id(), Relationship.PARENT));
            households.add(new Household(householdId, List.of(child), List.of(adult)));
        }
        this.document = new DirectoryDocument(List.copyOf(orgs), List.copyOf(children), List.copyOf(adults),
                List.copyOf(links));
        this.households = List.copyOf(households);
    }

    /**
     * The demo directory of the school year {@code today} is in: the same ids, names, households and links every
     * year, with dates of birth that keep each child the age (and so at the school, nursery or college) the samples
     * describe.
     */
    public static DemoDirectory standard(LocalDate today) {
        return generate(DEFAULT_SEED, DEFAULT_HOUSEHOLDS, today);
    }

    public static DemoDirectory generate(long seed, int households, LocalDate today) {
        if (households < 3) {
            throw new IllegalArgumentException("at least 3 households (the named samples)");
        }
        return new DemoDirectory(seed, households, referenceDate(today));
    }

    /** The demo's organisations: the same whatever the date and the number of households. */
    public static List<DirectoryDocument.Organisation> organisations() {
        return generate(DEFAULT_SEED, 3, LocalDate.EPOCH).document().organisations();
    }

    /** The date ages are set on for {@code today}: {@link #AGES_ON} of the school year (from 1 September) it is in. */
    static LocalDate referenceDate(LocalDate today) {
        int schoolYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return AGES_ON.atYear(schoolYear);
    }

    /** The date the ages of this directory are set on. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    public DirectoryDocument document() {
        return document;
    }

    public List<Household> households() {
        return households;
    }

    /** HH-0001: a primary pupil (8) and a secondary pupil (13), both with a GP. */
    public Household schoolChildrenHousehold() {
        return households.get(0);
    }

    /** HH-0002: a toddler (2, under school age: GP and health visiting) and a primary pupil (6). */
    public Household toddlerHousehold() {
        return households.get(1);
    }

    /** HH-0003: a primary pupil (9) and two adults, the second supervised by the probation delivery unit. */
    public Household supervisedAdultHousehold() {
        return households.get(2);
    }

    /** A toddler (2) at the demo nursery: GP, health visiting and the early-years setting. */
    public Household nurseryHousehold() {
        return households.get(households.size() - 3);
    }

    /** A 16-year-old at the demo college: the college and GP (no school). */
    public Household collegeHousehold() {
        return households.get(households.size() - 2);
    }

    /** An 11-year-old educated at home: the local authority's officer and GP (no school). */
    public Household homeEducatedHousehold() {
        return households.get(households.size() - 1);
    }

    // ----

    private static int[] randomAges(Random random) {
        int count = 1 + random.nextInt(3);
        int[] ages = new int[count];
        for (int i = 0; i < count; i++) {
            ages[i] = random.nextInt(100) < 20 ? random.nextInt(4) : 4 + random.nextInt(13);
        }
        return ages;
    }

    private static String distinctGiven(Random random, Set<String> used) {
        String given;
        do {
            given = GIVEN.get(random.nextInt(GIVEN.size()));
        } while (!used.add(given));
        return given;
    }

    /** A birth date making the person {@code age} on the reference date, unique for the name (no ambiguous demo). */
    private static LocalDate uniqueBirth(LocalDate referenceDate, Random random, int age, String given, String family,
                                         Set<String> used) {
        while (true) {
            // drawn in the first directory's year and moved by whole years, so no leap day shifts a birthday across
            // the 1 September line that decides a child's school year
            LocalDate dob = FIRST_YEAR.minusYears(age + 1L).plusDays(1 + random.nextInt(364))
                    .plusYears(referenceDate.getYear() - FIRST_YEAR.getYear());
            if (used.add(given + "|" + family + "|" + dob)) {
                return dob;
            }
        }
    }

    private static String unique(Set<String> used, java.util.function.Supplier<String> next) {
        String value;
        do {
            value = next.get();
        } while (!used.add(value));
        return value;
    }

    private static String upn(Random random) {
        StringBuilder s = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 12; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    /** A 10-digit number with a valid NHS modulus-11 check digit. */
    static String nhsNumber(Random random) {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                d[i] = i == 0 ? 9 : random.nextInt(10);
                sum += d[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            if (check == 11) {
                check = 0;
            }
            StringBuilder s = new StringBuilder();
            for (int x : d) {
                s.append(x);
            }
            return s.append(check).toString();
        }
    }

    private static String pnc(Random random, LocalDate dob) {
        int year = (dob.getYear() + 18 + random.nextInt(10)) % 100;
        return String.format("%02d/%07d%c", year, random.nextInt(10_000_000), (char) ('A' + random.nextInt(26)));
    }
}
