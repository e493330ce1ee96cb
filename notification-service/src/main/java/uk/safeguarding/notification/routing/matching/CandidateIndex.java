package uk.safeguarding.notification.routing.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory directory indexed by {@link BlockingKeys}: what a directory query by those keys would return. */
public final class CandidateIndex {

    private final Map<BlockingKeys.Key, List<Candidate>> byKey = new HashMap<>();

    public CandidateIndex(Collection<Candidate> directory) {
        for (Candidate c : directory) {
            for (BlockingKeys.Key k : BlockingKeys.forDirectoryChild(c.details())) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
            }
        }
    }

    /** The distinct candidates under any of the incident child's keys. */
    public List<Candidate> candidatesFor(ChildDetails incident) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (BlockingKeys.Key k : BlockingKeys.forIncidentChild(incident)) {
            for (Candidate c : byKey.getOrDefault(k, List.of())) {
                out.putIfAbsent(c.id(), c);
            }
        }
        return new ArrayList<>(out.values());
    }
}
