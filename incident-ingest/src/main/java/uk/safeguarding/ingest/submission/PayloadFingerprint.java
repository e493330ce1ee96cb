package uk.safeguarding.ingest.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a submission's content in a canonical JSON form, stored instead of the content itself (the store keeps
 * no personal data) so a resubmission of a revision can be told apart from a changed report under the same revision.
 *
 * <p>{@code reportedAt} is left out: it stamps the transmission, and a force's retry loop may stamp each attempt
 * anew; that must still count as the same submission. The revision is included with its default applied.
 */
public final class PayloadFingerprint {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PayloadFingerprint() {
    }

    public static String of(IncidentSubmission s) {
        IncidentSubmission content = new IncidentSubmission(s.forceCode(), s.policeReference(), s.revisionOrDefault(),
                s.occurredAt(), null, s.location(), s.riskLevelOrDefault(), s.circumstances(), s.adults(), s.children(),
                s.attendingOfficer(), s.consent(), s.revisionKindOrDefault(), s.revisionNote());
        try {
            ObjectNode tree = CANONICAL.valueToTree(content);
            // fields added later are left out while they hold their defaults, so a revision accepted before they
            // existed still has the same fingerprint when the force retries it
            if (s.consent() == null) {
                tree.remove("consent");
            }
            if (s.revisionNote() == null) {
                tree.remove("revisionNote");
            }
            if (s.revisionKindOrDefault() == IncidentSubmission.RevisionKind.REPORT) {
                tree.remove("revisionKind");
            }
            byte[] canonical = CANONICAL.writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint submission", e);
        }
    }
}
