package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds directory organisations of one kind by what a person knows of them: words of the name (every word, any
 * order, any case), the postcode or its start (spaces ignored), or the directory id. For the working list's "Create a
 * new child" form, so nobody has to type a raw directory id.
 */
@Component
public class OrganisationSearch {

    /** One organisation found: its id, name, postcode and address line (either may be null). */
    public record Found(String id, String name, String postcode, String addressLine) {
    }

    public static final int MAX_QUERY_LENGTH = 100;

    private final JdbcTemplate jdbc;

    public OrganisationSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} organisations of the kind matching the query, by name; none for a blank query. */
    public List<Found> search(OrganisationKind kind, String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > MAX_QUERY_LENGTH) {
            return List.of();
        }
        List<String> words = Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty())
                .toList();
        StringBuilder nameMatches = new StringBuilder();
        List<Object> args = new ArrayList<>();
        args.add(kind.name());
        for (String word : words) {
            nameMatches.append(nameMatches.isEmpty() ? "" : " and ").append("lower(name) like ? escape '\\'");
            args.add("%" + likeEscaped(word) + "%");
        }
        String postcode = q.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        args.add(likeEscaped(postcode) + "%");
        args.add(q);
        args.add(limit);
        return jdbc.query("select id, name, postcode, address_line from organisation where kind = ? and ((" + nameMatches
                        + ") or replace(upper(coalesce(postcode, '')), ' ', '') like ? escape '\\' or id = ?)"
                        + " order by name, id limit ?",
                (rs, n) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                args.toArray());
    }

    /** The organisation with this id, if it is of this kind. */
    public Optional<Found> find(OrganisationKind kind, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("select id, name, postcode, address_line from organisation where id = ? and kind = ?",
                (rs, n) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                id.strip(), kind.name()).stream().findFirst();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
