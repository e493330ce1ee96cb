package uk.safeguarding.notification.routing.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic (seeded) synthetic directory of school-age children in households: realistic English given and
 * family names (frequency-weighted, with accents, apostrophes and double-barrelled names), siblings (some with
 * another family name), twins, postcodes clustered in a few dozen outward codes, UPNs and some NHS numbers. Names
 * in a household are never variants or typos of each other (real parents do not name twins William and Liam).
 */
public final class SyntheticDirectory {

    static final String[] BOYS = {"Oliver", "Jack", "Harry", "George", "Noah", "Charlie", "Jacob", "Alfie", "Freddie",
            "Oscar", "Leo", "Logan", "Archie", "Theo", "Thomas", "James", "Joshua", "Henry", "William", "Max", "Lucas",
            "Ethan", "Arthur", "Mason", "Isaac", "Harrison", "Teddy", "Finley", "Daniel", "Riley", "Edward", "Joseph",
            "Alexander", "Adam", "Reggie", "Samuel", "Jaxon", "Sebastian", "Elijah", "Harley", "Toby", "Arlo", "Dylan",
            "Jude", "Benjamin", "Rory", "Tommy", "Jake", "Louie", "Carter", "Jenson", "Hugo", "Bobby", "Frankie",
            "Ollie", "Zachary", "David", "Albie", "Lewis", "Luca", "Ronnie", "Jasper", "Matthew", "Ryan", "Callum",
            "Kian", "Connor", "Nathan", "Liam", "Tyler", "Kai", "Aaron", "Owen", "Mohammed", "Muhammad", "Ibrahim",
            "Yusuf", "Ahmed", "Michael", "Patrick", "Aidan", "Cameron", "Christopher", "Jamie", "Luke", "Ben", "Sam",
            "Reuben", "Stanley", "Elliot", "Felix", "Gabriel", "Caleb", "Jayden", "Kayden", "Leon", "Marcus", "Jordan",
            "Kieran", "Declan"};
    static final String[] GIRLS = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie",
            "Sophia", "Grace", "Freya", "Willow", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte",
            "Evelyn", "Sienna", "Sofia", "Daisy", "Phoebe", "Sophie", "Alice", "Harper", "Matilda", "Ruby", "Emilia",
            "Maya", "Millie", "Isabelle", "Eva", "Luna", "Scarlett", "Esme", "Chloë", "Jessica", "Lucy", "Zoë",
            "Hannah", "Holly", "Megan", "Lola", "Imogen", "Erin", "Katie", "Maisie", "Eleanor", "Layla", "Lexi",
            "Amber", "Summer", "Niamh", "Aoife", "Bethany", "Abigail", "Chloe", "Ellie", "Georgia", "Leah", "Molly",
            "Paige", "Rebecca", "Sarah", "Victoria", "Caitlin", "Lauren", "Jasmine", "Aisha", "Fatima", "Zara",
            "Amelie", "Hollie", "Nancy", "Violet", "Iris", "Beatrice", "Margaret", "Elizabeth", "Catherine",
            "Alexandra", "Harriet", "Natalie", "Samantha", "Josephine", "Penelope", "Mary-Jane", "Lily-Mae",
            "Ava-Rose", "Renée", "Orla", "Tilly", "Darcey", "Thea", "Ada", "Nell"};
    static final String[] FAMILIES = {"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
            "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
            "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper",
            "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James",
            "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell",
            "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox",
            "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
            "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell",
            "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell",
            "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "O'Brien", "O'Connor", "O'Neill",
            "McDonald", "MacKenzie", "D'Souza", "Ahmed", "Rahman", "Kowalski", "Nowak", "Nguyen", "Okafor",
            "Mensah", "Fernández", "Gonçalves", "Smyth", "Thomson", "Stephens", "Reid", "Graham", "Pearson", "Hart",
            "Fox", "Doyle", "Byrne", "Lynch", "Quinn", "Nolan", "Walsh", "Brennan", "Kavanagh", "Sutton", "Holt",
            "Pritchard", "Pugh", "Rees", "Vaughan", "Llewellyn", "Ashworth", "Sutcliffe", "Hargreaves", "Greenwood",
            "Whitehead", "Ackroyd", "Haigh", "Illingworth", "Rowbotham"};
    static final String[] OUTWARD = {"LS6", "LS8", "LS9", "LS11", "LS12", "BD3", "BD5", "BD7", "BD8", "HX1", "HX3",
            "HD1", "HD2", "WF1", "WF2", "WF10", "S2", "S5", "S6", "S10", "M8", "M14", "M16", "M40", "OL1", "OL9",
            "BL1", "BL3", "WN5", "PR1", "BB1", "BB2", "YO10", "YO24", "HU3", "HU5", "DN4", "DN31", "NE4", "NE6"};
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    public record Household(String familyName, String postcode, List<Candidate> children) {
    }

    private final List<Household> households = new ArrayList<>();
    private final List<Candidate> children = new ArrayList<>();
    private final Random random;
    private final Nicknames nicknames;
    private final int schoolYear;

    /**
     * The school year (from 1 September) of the matcher's evaluation. Matching never reads today's date, so its
     * published figures come from this one fixed year.
     */
    static final int EVALUATION_SCHOOL_YEAR = 2025;

    private SyntheticDirectory(long seed, Nicknames nicknames, int schoolYear) {
        this.random = new Random(seed);
        this.nicknames = nicknames;
        this.schoolYear = schoolYear;
    }

    /** At least {@code size} children (households are filled whole), of school age in the evaluation's year. */
    public static SyntheticDirectory generate(long seed, int size) {
        return generate(seed, size, EVALUATION_SCHOOL_YEAR);
    }

    /** At least {@code size} children of school age on {@code today} (a benchmark's incidents happen now). */
    public static SyntheticDirectory generate(long seed, int size, LocalDate today) {
        return generate(seed, size, today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1);
    }

    private static SyntheticDirectory generate(long seed, int size, int schoolYear) {
        SyntheticDirectory d = new SyntheticDirectory(seed, Nicknames.defaults(), schoolYear);
        int n = 0;
        while (d.children.size() < size) {
            d.addHousehold("H" + (n++));
        }
        return d;
    }

    public List<Household> households() {
        return households;
    }

    public List<Candidate> children() {
        return children;
    }

    private void addHousehold(String householdId) {
        String family = family(random);
        String postcode = postcode(random);
        int r = random.nextInt(100);
        int count = r < 40 ? 1 : r < 75 ? 2 : r < 93 ? 3 : 4;
        List<Candidate> kids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String given = freshGivenName(random, names, nicknames);
            names.add(given);
            LocalDate dob;
            if (i == 1 && random.nextInt(100) < 6) {
                dob = kids.get(0).details().dateOfBirth(); // twins
            } else {
                dob = dateOfBirth(random);
            }
            String childFamily = random.nextInt(100) < 12 ? family(random) : family; // half-siblings
            String id = householdId + "-C" + i;
            String upn = random.nextInt(100) < 95 ? upn(random) : null;
            String nhs = random.nextInt(100) < 60 ? nhs(random) : null;
            Candidate c = new Candidate(id, new ChildDetails(given, childFamily, dob, postcode, upn, nhs));
            kids.add(c);
            children.add(c);
        }
        households.add(new Household(family, postcode, List.copyOf(kids)));
    }

    /** A given name unlike (not equal, not a variant, not within a typo of) any of {@code taken}. */
    static String freshGivenName(Random random, List<String> taken, Nicknames nicknames) {
        for (int attempt = 0; ; attempt++) {
            String[] pool = random.nextBoolean() ? BOYS : GIRLS;
            String candidate = weighted(random, pool);
            boolean clash = false;
            for (String t : taken) {
                String a = MatchText.name(candidate);
                String b = MatchText.name(t);
                if (a.equals(b) || nicknames.areVariants(a, b) || MatchText.withinTypo(a, b)
                        || a.startsWith(b) || b.startsWith(a)) {
                    clash = true;
                    break;
                }
            }
            if (!clash || attempt > 200) {
                return candidate;
            }
        }
    }

    /** Zipf-like: early entries of the list are more common. */
    static String weighted(Random random, String[] pool) {
        double u = random.nextDouble();
        int index = (int) Math.floor(pool.length * Math.pow(u, 1.8));
        return pool[Math.min(index, pool.length - 1)];
    }

    static String family(Random random) {
        if (random.nextInt(100) < 3) {
            return weighted(random, FAMILIES) + "-" + weighted(random, FAMILIES);
        }
        return weighted(random, FAMILIES);
    }

    static String postcode(Random random) {
        String outward = OUTWARD[random.nextInt(OUTWARD.length)];
        return outward + " " + (1 + random.nextInt(9)) + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    }

    /**
     * School age in the directory's school year, reception to year 12: for the year from September 2025, born
     * 1 September 2008 to 31 August 2021.
     */
    LocalDate dateOfBirth(Random random) {
        LocalDate start = LocalDate.of(schoolYear - 17, 9, 1);
        return start.plusDays(random.nextInt(13 * 365 + 3));
    }

    static String upn(Random random) {
        StringBuilder s = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 12; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    static String nhs(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }
}
