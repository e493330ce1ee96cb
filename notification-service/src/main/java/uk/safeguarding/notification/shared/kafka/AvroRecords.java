package uk.safeguarding.notification.shared.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Alerts as stored in the ledger: Avro binary (to re-send unchanged) and plain JSON (for people and the inbox). */
public final class AvroRecords {

    private static final String GENERATED_PACKAGE = "uk.safeguarding.avro";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Avro 1.12 instantiates only trusted classes: trust the platform's generated package.
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                c -> GENERATED_PACKAGE.equals(c.getPackageName())));
    }

    private AvroRecords() {
    }

    /** Makes sure the generated classes are trusted (the static initialiser ran); for code that copies records. */
    public static void trustGeneratedClasses() {
        // the work is done once, in the static initialiser
    }

    // one writer and reader per schema, shared by routing threads (they hold no state between calls): building them
    // per record cost routing more than the encoding itself
    private static final Map<Schema, SpecificDatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();
    private static final Map<Schema, SpecificDatumReader<?>> READERS = new ConcurrentHashMap<>();

    public static byte[] toBinary(SpecificRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            WRITERS.computeIfAbsent(record.getSchema(), SpecificDatumWriter::new).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends SpecificRecord> T fromBinary(byte[] bytes, Schema schema) {
        try {
            @SuppressWarnings("unchecked")
            SpecificDatumReader<T> reader = (SpecificDatumReader<T>) READERS.computeIfAbsent(schema, SpecificDatumReader::new);
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain JSON: records as objects, enums as names, instants and dates in ISO-8601, absent fields as null. */
    public static String toJson(SpecificRecord record) {
        try {
            return JSON.writeValueAsString(plain(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object plain(Object value) {
        if (value instanceof SpecificRecord r) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Schema.Field f : r.getSchema().getFields()) {
                map.put(f.name(), plain(r.get(f.pos())));
            }
            return map;
        }
        if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Instant
                || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }
}
