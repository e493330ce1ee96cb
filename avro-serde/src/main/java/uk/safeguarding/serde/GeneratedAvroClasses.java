package uk.safeguarding.serde;

import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load any class it is not told to trust (CVE-2024-47561: a schema naming an arbitrary class).
 * The serde trusts exactly the classes Avro generates (records, enums and fixed types) by what they are, never by a
 * name a registry or a record supplies, so a hostile schema still cannot name a gadget class.
 *
 * <p>Public because a generated builder needs it too: {@code build()} fills an unset field from its schema default,
 * and for an enum (or a record inside an array) Avro loads the generated class through the same check. The
 * {@code Topics} catalogue installs it when it is first used; code that builds records before touching a topic calls
 * {@link #trust()} itself.
 */
public final class GeneratedAvroClasses {

    private static volatile boolean installed;

    private GeneratedAvroClasses() {
    }

    public static void trust() {
        if (installed) {
            return;
        }
        synchronized (GeneratedAvroClasses.class) {
            if (!installed) {
                ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                        GeneratedAvroClasses::isGenerated));
                installed = true;
            }
        }
    }

    static boolean isGenerated(Class<?> c) {
        return SpecificRecord.class.isAssignableFrom(c)
                || SpecificFixed.class.isAssignableFrom(c)
                || (c.isEnum() && GenericEnumSymbol.class.isAssignableFrom(c));
    }
}
