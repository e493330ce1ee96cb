package uk.safeguarding.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A generated class's own model only knows the logical types of its own fields, so a {@code date} inside a union in
 * a nested record fails to write ("Unknown datum type java.time.LocalDate") or reads back as a bare int. One model
 * per class loader with every standard conversion avoids both.
 */
final class SpecificModels {

    private static final Map<ClassLoader, SpecificData> MODELS = new ConcurrentHashMap<>();
    private static final GenericData PLAIN_GENERIC = new GenericData();

    private SpecificModels() {
    }

    static {
        // Avro's own GenericData.Array.equals/hashCode compare elements through the GenericData.get() singleton: a
        // list of generated records holding a date in a union (IncidentChild.dateOfBirth) then fails to compare.
        addStandardConversions(GenericData.get());
    }

    static SpecificData forClassLoader(ClassLoader loader) {
        return MODELS.computeIfAbsent(loader, l -> {
            SpecificData model = new SpecificData(l);
            addStandardConversions(model);
            return model;
        });
    }

    /** Plain generic model for GenericRecord reads: logical types stay in their underlying form, as in Confluent's. */
    static GenericData plainGeneric() {
        return PLAIN_GENERIC;
    }

    private static void addStandardConversions(GenericData model) {
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        model.addLogicalTypeConversion(new Conversions.UUIDConversion());
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    }
}
