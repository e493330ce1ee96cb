package uk.safeguarding.notification.routing.router;

import uk.safeguarding.notification.shared.vocabulary.Names;

import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.PersonIdentifier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the directory adult an incident names: the PNC id first, else the normalised name and date of birth. Only a
 * single candidate counts: an ambiguous adult is not matched (telling the wrong probation unit would disclose the
 * incident to people with no role).
 */
public final class AdultMatcher {

    private AdultMatcher() {
    }

    public static Optional<DirectoryView.Adult> match(IncidentAdult adult, DirectoryView directory) {
        Set<String> byPnc = new LinkedHashSet<>();
        for (PersonIdentifier id : adult.getIdentifiers()) {
            if (id.getScheme() == IdentifierScheme.PNC_ID) {
                byPnc.addAll(directory.adultIdsByPnc().getOrDefault(Names.normaliseIdentifier(id.getValue()), List.of()));
            }
        }
        if (!byPnc.isEmpty()) {
            return byPnc.size() == 1 ? Optional.ofNullable(directory.adults().get(byPnc.iterator().next())) : Optional.empty();
        }
        String key = Names.nameAndBirthKey(adult.getGivenName(), adult.getFamilyName(), adult.getDateOfBirth());
        if (key == null) {
            return Optional.empty();
        }
        List<String> byName = directory.adultIdsByNameAndBirth().getOrDefault(key, List.of());
        Set<String> distinct = new LinkedHashSet<>(byName);
        return distinct.size() == 1 ? Optional.ofNullable(directory.adults().get(distinct.iterator().next())) : Optional.empty();
    }
}
