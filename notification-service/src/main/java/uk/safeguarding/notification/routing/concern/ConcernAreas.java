package uk.safeguarding.notification.routing.concern;

import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The configured areas: an incident belongs to the area listing its force, otherwise to the default area (if any). */
public final class ConcernAreas {

    public static final String DEFAULT = "default";

    private final Map<String, ConcernArea> byForce;
    private final ConcernArea fallback;
    private final List<ConcernArea> all;

    public ConcernAreas(Collection<ConcernArea> areas) {
        java.util.HashMap<String, ConcernArea> forces = new java.util.HashMap<>();
        ConcernArea def = null;
        for (ConcernArea a : areas) {
            if (a.name().equals(DEFAULT)) {
                def = a;
                continue;
            }
            for (String f : a.forces()) {
                ConcernArea previous = forces.put(f.toUpperCase(Locale.ROOT), a);
                if (previous != null) {
                    throw new IllegalArgumentException("force " + f + " is in concern areas " + previous.name()
                            + " and " + a.name());
                }
            }
        }
        this.byForce = Map.copyOf(forces);
        this.fallback = def;
        this.all = List.copyOf(new ArrayList<>(areas));
    }

    public Optional<ConcernArea> forForce(String forceCode) {
        ConcernArea a = forceCode == null ? null : byForce.get(forceCode.toUpperCase(Locale.ROOT));
        return Optional.ofNullable(a != null ? a : fallback);
    }

    /** The longest window of any area (the history a batch must read). */
    public Period longestWindow(Period atLeast) {
        Period longest = atLeast;
        for (ConcernArea a : all) {
            if (a.window().toTotalMonths() * 31 + a.window().getDays() > longest.toTotalMonths() * 31 + longest.getDays()) {
                longest = a.window();
            }
        }
        return longest;
    }

    public List<ConcernArea> all() {
        return all;
    }
}
