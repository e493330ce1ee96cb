package uk.safeguarding.notification.routing.policy;

import uk.safeguarding.notification.shared.audit.DisclosedItems;

import org.apache.avro.Schema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.Consent;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.serde.GeneratedAvroClasses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The information-sharing policy (a YAML file, {@code policy/information-sharing.yml}): for each kind of recipient,
 * which items of an incident it is told and the lawful basis recorded. No framework: parsed from text, applied to
 * alerts as a pure function.
 *
 * <p>Alerts are built by {@link #disclose}: the router makes a candidate alert holding everything known, and the
 * policy keeps only what the recipient's kind may receive, stamping {@code policyVersion} and {@code lawfulBasis}.
 * {@link #redact} applies the same filter to an alert that other steps enriched afterwards, so anything added later
 * is filtered too. A kind the policy does not list receives nothing beyond ids (fail closed). Consent is recorded in
 * the basis and never withholds a share.
 */
public final class SharingPolicy {

    static {
        GeneratedAvroClasses.trust(); // builders fill enum defaults through Avro's class check
    }

    /** The policy shipped with the service (classpath). */
    public static final String DEFAULT_RESOURCE = "policy/information-sharing.yml";

    /** Alert-level items (named once, with the audit: {@link DisclosedItems}). */
    public static final String HOUSEHOLD_CHILDREN = DisclosedItems.HOUSEHOLD_CHILDREN;
    public static final String FAMILY_HISTORY = DisclosedItems.FAMILY_HISTORY;

    /** Every item a policy may list: the fields of {@link Disclosure} and the alert-level items. */
    public static final Set<String> ITEMS;

    static {
        Set<String> items = new LinkedHashSet<>();
        Disclosure.getClassSchema().getFields().forEach(f -> items.add(f.name()));
        items.add(HOUSEHOLD_CHILDREN);
        items.add(FAMILY_HISTORY);
        ITEMS = Collections.unmodifiableSet(items);
    }

    /** What one kind of recipient receives, and the basis recorded for it. */
    public record Rule(String lawfulBasis, Set<String> items) {
        public Rule {
            items = Collections.unmodifiableSet(new LinkedHashSet<>(items));
        }

        public boolean allows(String item) {
            return items.contains(item);
        }
    }

    private static volatile SharingPolicy standard;

    private final String version;
    private final String consentBasis;
    private final Map<AgencyKind, Rule> rules;

    public SharingPolicy(String version, String consentBasis, Map<AgencyKind, Rule> rules) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the policy has no version");
        }
        this.version = version;
        this.consentBasis = consentBasis == null || consentBasis.isBlank()
                ? "safeguarding: consent not required" : consentBasis;
        this.rules = rules.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(rules));
    }

    /** The policy shipped with the service, read once. */
    public static SharingPolicy standard() {
        if (standard == null) {
            synchronized (SharingPolicy.class) {
                if (standard == null) {
                    try (InputStream in = SharingPolicy.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("no " + DEFAULT_RESOURCE + " on the classpath");
                        }
                        standard = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                                "classpath:" + DEFAULT_RESOURCE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return standard;
    }

    /**
     * Reads a policy file. Anything it does not understand (an unknown kind or item, a kind without a lawful basis, a
     * missing version) is an {@link InvalidPolicyException} naming the file and the problem: a policy that cannot be
     * read exactly must stop the service, not be half applied.
     */
    public static SharingPolicy parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidPolicyException(source, "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new InvalidPolicyException(source, "expected a mapping with version and recipients");
        }
        for (Object key : top.keySet()) {
            if (!List.of("version", "consent-basis", "recipients").contains(String.valueOf(key))) {
                throw new InvalidPolicyException(source, "unknown key '" + key
                        + "' (expected version, consent-basis, recipients)");
            }
        }
        Object version = top.get("version");
        if (version == null || String.valueOf(version).isBlank()) {
            throw new InvalidPolicyException(source, "no version");
        }
        Object recipients = top.get("recipients");
        if (!(recipients instanceof Map<?, ?> byKind)) {
            throw new InvalidPolicyException(source, "no recipients mapping");
        }
        Map<AgencyKind, Rule> rules = new EnumMap<>(AgencyKind.class);
        for (Map.Entry<?, ?> e : byKind.entrySet()) {
            String kindName = String.valueOf(e.getKey());
            AgencyKind kind;
            try {
                kind = AgencyKind.valueOf(kindName);
            } catch (IllegalArgumentException ex) {
                kind = AgencyKind.UNKNOWN;
            }
            if (kind == AgencyKind.UNKNOWN) {
                throw new InvalidPolicyException(source, "unknown recipient kind '" + kindName + "' (known: "
                        + knownKinds() + ")");
            }
            if (!(e.getValue() instanceof Map<?, ?> rule)) {
                throw new InvalidPolicyException(source, kindName + ": expected lawful-basis and fields");
            }
            for (Object key : rule.keySet()) {
                if (!List.of("lawful-basis", "fields").contains(String.valueOf(key))) {
                    throw new InvalidPolicyException(source, kindName + ": unknown key '" + key
                            + "' (expected lawful-basis, fields)");
                }
            }
            Object basis = rule.get("lawful-basis");
            if (basis == null || String.valueOf(basis).isBlank()) {
                throw new InvalidPolicyException(source, kindName + ": no lawful-basis");
            }
            Object fields = rule.get("fields");
            List<?> list = fields == null ? List.of() : fields instanceof List<?> l ? l : null;
            if (list == null) {
                throw new InvalidPolicyException(source, kindName + ": fields must be a list");
            }
            Set<String> items = new LinkedHashSet<>();
            for (Object item : list) {
                String name = String.valueOf(item);
                if (!ITEMS.contains(name)) {
                    throw new InvalidPolicyException(source, kindName + ": unknown field '" + name + "' (known: "
                            + String.join(", ", ITEMS) + ")");
                }
                items.add(name);
            }
            rules.put(kind, new Rule(String.valueOf(basis), items));
        }
        Object consentBasis = top.get("consent-basis");
        return new SharingPolicy(String.valueOf(version), consentBasis == null ? null : String.valueOf(consentBasis),
                rules);
    }

    public String version() {
        return version;
    }

    public Optional<Rule> rule(AgencyKind kind) {
        return Optional.ofNullable(rules.get(kind));
    }

    public Set<AgencyKind> kinds() {
        return rules.keySet();
    }

    /**
     * The alert the recipient receives, built from a candidate holding everything known: only the items the
     * recipient's kind may receive, this policy's version, and the lawful basis with what police recorded about
     * consent (which never withholds the share).
     */
    public AgencyAlert disclose(AgencyAlert candidate, Consent consent) {
        return apply(candidate, lawfulBasis(candidate.getRecipient().getKind(), consent));
    }

    /**
     * The same filter for an alert that is already built and may have been enriched since (family history, household
     * children): call it last, before the alert is recorded and sent. Idempotent. Keeps the alert's lawful basis when
     * it has one (it carries the consent recorded when it was built).
     */
    public AgencyAlert redact(AgencyAlert alert) {
        if (conforms(alert)) {
            return alert; // the usual case: nothing was added that the kind may not see; no copy
        }
        String basis = alert.getLawfulBasis() != null && rules.containsKey(alert.getRecipient().getKind())
                ? alert.getLawfulBasis() : lawfulBasis(alert.getRecipient().getKind(), null);
        return apply(alert, basis);
    }

    /** Whether the alert already carries only what its (listed) kind may receive, with this policy's stamp. */
    private boolean conforms(AgencyAlert alert) {
        Rule rule = rules.get(alert.getRecipient().getKind());
        if (rule == null || !version.equals(alert.getPolicyVersion()) || alert.getLawfulBasis() == null) {
            return false;
        }
        Disclosure d = alert.getDisclosed();
        if (d != null) {
            for (Schema.Field f : Disclosure.getClassSchema().getFields()) {
                if (d.get(f.pos()) != null && !rule.allows(f.name())) {
                    return false;
                }
            }
        }
        return (rule.allows(HOUSEHOLD_CHILDREN) || alert.getHouseholdChildren() == null
                || alert.getHouseholdChildren().isEmpty())
                && (rule.allows(FAMILY_HISTORY) || alert.getFamilyHistory() == null);
    }

    /** The lawful basis recorded for a share with this kind of recipient. */
    public String lawfulBasis(AgencyKind kind, Consent consent) {
        Rule rule = rules.get(kind);
        if (rule == null) {
            return "none: " + kind + " is not in information-sharing policy " + version + "; nothing disclosed";
        }
        return rule.lawfulBasis() + "; " + consentBasis + " (" + consentWords(consent) + ")";
    }

    static String consentWords(Consent consent) {
        if (consent == null || consent.getStatus() == null) {
            return "consent not recorded";
        }
        return switch (consent.getStatus()) {
            case GIVEN -> "consent given";
            case REFUSED -> "consent refused: shared without consent";
            case NOT_SOUGHT -> "consent not sought";
            default -> "consent not recorded";
        };
    }

    private AgencyAlert apply(AgencyAlert in, String lawfulBasis) {
        Rule rule = rules.get(in.getRecipient().getKind());
        Disclosure source = in.getDisclosed();
        Disclosure kept = new Disclosure(); // every field null: not disclosed
        if (rule != null && source != null) {
            for (Schema.Field f : Disclosure.getClassSchema().getFields()) {
                if (rule.allows(f.name())) {
                    kept.put(f.pos(), source.get(f.pos()));
                }
            }
        }
        AgencyAlert.Builder out = AgencyAlert.newBuilder(in)
                .setDisclosed(kept)
                .setHouseholdChildren(rule != null && rule.allows(HOUSEHOLD_CHILDREN) && in.getHouseholdChildren() != null
                        ? in.getHouseholdChildren() : new ArrayList<>())
                .setFamilyHistory(rule != null && rule.allows(FAMILY_HISTORY) ? in.getFamilyHistory() : null)
                .setPolicyVersion(version)
                .setLawfulBasis(lawfulBasis);
        if (rule == null) {
            // fail closed: ids, the routing reason and the deadline; not even the child's name
            out.setChild(AlertChild.newBuilder().setChildId(in.getChild().getChildId()).setGivenName("")
                            .setFamilyName("").setDateOfBirth(null).build())
                    .setMatch(null).setUpdate(null).setResponse(null).setConcern(null);
        }
        return out.build();
    }

    private static String knownKinds() {
        List<String> kinds = new ArrayList<>();
        for (AgencyKind k : AgencyKind.values()) {
            if (k != AgencyKind.UNKNOWN) {
                kinds.add(k.name());
            }
        }
        return String.join(", ", kinds);
    }

    @Override
    public String toString() {
        return "SharingPolicy[" + version + ", " + rules.keySet() + "]";
    }
}
