package uk.safeguarding.notification.shared.onboarding;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.notification.shared.security.LocalAccounts;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people of an organisation as the directory manages them (table {@code person}): key adults, deputies and the
 * local authority's roles. A person made here has no password: {@link Invitations} emails them a link to choose one.
 * Platform roles (operations, directory administrators) are never made or changed through the directory.
 */
@Service
public class People {

    /** The roles the directory gives; the others are the platform's own. */
    public static final Set<PersonRole> MANAGED = EnumSet.of(PersonRole.KEY_ADULT, PersonRole.DEPUTY,
            PersonRole.LA_EDUCATION_SAFEGUARDING_LEAD, PersonRole.UNRESOLVED_CASEWORKER);

    /** The roles that read an organisation's alerts and are emailed about them. */
    public static final Set<PersonRole> READERS = EnumSet.of(PersonRole.KEY_ADULT, PersonRole.DEPUTY);

    /** A person as the directory describes them. */
    public record Spec(String id, String organisationId, String displayName, String email, PersonRole role) {
    }

    /** A problem with the {@code index}th person of a list, on one of its fields. */
    public record Problem(int index, String field, String message) {
    }

    /** Where a person is in signing up. */
    public enum Status {
        /** Has chosen a password (or was given one before onboarding existed): can sign in. */
        ACTIVE,
        /** An invitation is open. */
        INVITED,
        /** The last invitation expired unused: send a new one. */
        INVITATION_EXPIRED,
        /** No open invitation (none sent, or replaced). */
        NOT_INVITED
    }

    /** The latest invitation: when it stops working, whether it was used, and whether the mail server took it. */
    public record Invitation(Instant createdAt, Instant expiresAt, Instant usedAt, String mail, String mailDetail) {
    }

    public record View(String id, String organisationId, String displayName, String email, PersonRole role,
                       Status status, Invitation invitation) {
    }

    /** How many were made and changed. */
    public record Upserted(List<String> created, List<String> updated) {
    }

    private static final String VIEW = "select p.id, p.organisation_id, p.display_name, p.email, p.role,"
            + " p.password_hash is not null as active, i.created_at, i.expires_at, i.used_at, i.revoked_at,"
            + " i.mail_status, i.mail_detail from person p left join lateral (select * from person_invitation inv"
            + " where inv.person_id = p.id order by inv.created_at desc, inv.id desc limit 1) i on true";

    private final JdbcTemplate jdbc;
    private final Invitations invitations;
    private final Clock clock;

    public People(JdbcTemplate jdbc, Invitations invitations, Clock clock) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.clock = clock;
    }

    /**
     * What is wrong with these people beyond their fields' own rules: a platform role, a person the directory does not
     * manage under the same id, an email address twice in the list or already another person's sign-in.
     */
    @Transactional(readOnly = true)
    public List<Problem> check(List<Spec> people) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> emails = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            Spec p = people.get(i);
            if (p.role() != null && !MANAGED.contains(p.role())) {
                problems.add(new Problem(i, "role", "must be one of " + MANAGED + ": " + p.role()
                        + " is not given through the directory"));
            }
            String email = LocalAccounts.normalise(p.email());
            Integer earlier = emails.putIfAbsent(email, i);
            if (earlier != null && !email.isEmpty()) {
                problems.add(new Problem(i, "email", "email " + email + " appears more than once"));
            }
        }
        List<String> ids = people.stream().map(Spec::id).toList();
        Map<String, PersonRole> existingRoles = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, role from person where id = any (?)", rs -> {
                existingRoles.put(rs.getString(1), PersonRole.valueOf(rs.getString(2)));
            }, (Object) ids.toArray(String[]::new));
        }
        Map<String, String> emailOwners = new HashMap<>();
        if (!emails.isEmpty()) {
            jdbc.query("select email, id from person where email = any (?)", rs -> {
                emailOwners.put(rs.getString(1), rs.getString(2));
            }, (Object) emails.keySet().toArray(String[]::new));
        }
        for (int i = 0; i < people.size(); i++) {
            Spec p = people.get(i);
            PersonRole existing = existingRoles.get(p.id());
            if (existing != null && !MANAGED.contains(existing)) {
                problems.add(new Problem(i, "id", "person " + p.id() + " has a platform role (" + existing
                        + ") and is not managed through the directory"));
            }
            String owner = emailOwners.get(LocalAccounts.normalise(p.email()));
            if (owner != null && !owner.equals(p.id())) {
                problems.add(new Problem(i, "email", "another person signs in with this email address"));
            }
        }
        return problems;
    }

    /**
     * Makes or changes each person (by id), in the caller's transaction, after {@link #check}. A new person gets an
     * invitation, emailed once the transaction commits; a changed one keeps their password, if they have chosen one.
     */
    @Transactional
    public Upserted upsert(List<Spec> people) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (Spec p : people) {
            int changed = jdbc.update("update person set organisation_id = ?, display_name = ?, email = ?, role = ?"
                            + " where id = ?", p.organisationId(), p.displayName().strip(),
                    LocalAccounts.normalise(p.email()), p.role().name(), p.id());
            if (changed == 1) {
                updated.add(p.id());
            } else {
                jdbc.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                                + " values (?, ?, ?, ?, ?, null)", p.id(), p.organisationId(), p.displayName().strip(),
                        LocalAccounts.normalise(p.email()), p.role().name());
                created.add(p.id());
            }
        }
        created.forEach(invitations::issue);
        return new Upserted(created, updated);
    }

    @Transactional(readOnly = true)
    public Optional<View> find(String personId) {
        return jdbc.query(VIEW + " where p.id = ?", this::view, personId).stream().findFirst()
                .filter(v -> MANAGED.contains(v.role()));
    }

    /** The organisation's people the directory manages: key adults, deputies, then the others; then by name. */
    @Transactional(readOnly = true)
    public List<View> ofOrganisation(String organisationId) {
        return jdbc.query(VIEW + " where p.organisation_id = ? and p.role = any (?) order by case p.role"
                        + " when 'KEY_ADULT' then 0 when 'DEPUTY' then 1 else 2 end, p.role, p.display_name, p.id",
                this::view, organisationId, (Object) MANAGED.stream().map(Enum::name).toArray(String[]::new));
    }

    /**
     * A new invitation for a person the directory manages (the earlier ones stop working), emailed when this
     * transaction commits. False: no such person.
     */
    @Transactional
    public boolean invite(String personId) {
        if (find(personId).isEmpty()) {
            return false;
        }
        invitations.issue(personId);
        return true;
    }

    /** Removes a person the directory manages, with their invitations. False: no such person. */
    @Transactional
    public boolean remove(String personId) {
        return find(personId).isPresent() && jdbc.update("delete from person where id = ?", personId) == 1;
    }

    private View view(ResultSet rs, int n) throws SQLException {
        Instant now = clock.instant();
        Timestamp created = rs.getTimestamp("created_at");
        Invitation invitation = created == null ? null : new Invitation(created.toInstant(),
                rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")),
                rs.getString("mail_status"), rs.getString("mail_detail"));
        Status status;
        if (rs.getBoolean("active")) {
            status = Status.ACTIVE;
        } else if (invitation == null || rs.getTimestamp("revoked_at") != null || invitation.usedAt() != null) {
            status = Status.NOT_INVITED;
        } else if (!invitation.expiresAt().isAfter(now)) {
            status = Status.INVITATION_EXPIRED;
        } else {
            status = Status.INVITED;
        }
        return new View(rs.getString("id"), rs.getString("organisation_id"), rs.getString("display_name"),
                rs.getString("email"), PersonRole.valueOf(rs.getString("role")), status, invitation);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
