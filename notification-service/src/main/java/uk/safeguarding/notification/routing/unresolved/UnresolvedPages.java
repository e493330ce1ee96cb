package uk.safeguarding.notification.routing.unresolved;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.web.InvalidRequestException;
import uk.safeguarding.notification.routing.directory.IdentifierScheme;
import uk.safeguarding.notification.routing.directory.OrganisationSearch;
import uk.safeguarding.notification.shared.web.InboxFormat;
import uk.safeguarding.notification.shared.security.InboxPeople;
import uk.safeguarding.notification.shared.security.InboxPerson;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working list in the inbox, for the local authority's caseworkers and directory admins: {@code /inbox/unresolved}
 * (open children, the most urgent first) and {@code /inbox/unresolved/{id}} (the police's details, a directory search
 * with the matcher's scores and reasons, "This is the child", and a form to create the child, whose school, GP
 * practice and health visiting team are found by name or postcode: the form's search buttons post it back with
 * what was typed kept and the organisations found offered as choices, so it works without JavaScript). Anyone else
 * gets the inbox's not-found page. Forms are CSRF-protected by the inbox's security.
 */
@Controller
@RequestMapping("/inbox/unresolved")
public class UnresolvedPages {

    /** At most this many organisations are offered per search. */
    static final int SEARCH_RESULTS = 10;

    private final UnresolvedWorkingList workingList;
    private final InboxPeople people;
    private final Validator validator;
    private final Clock clock;
    private final OrganisationSearch organisations;

    public UnresolvedPages(UnresolvedWorkingList workingList, InboxPeople people, Validator validator, Clock clock,
                           OrganisationSearch organisations) {
        this.workingList = workingList;
        this.people = people;
        this.validator = validator;
        this.clock = clock;
        this.organisations = organisations;
    }

    /**
     * One of the form's links to an organisation: the field, its kind, the words on the page, and the search typed for
     * it. The choices offered are the one chosen (if any) and what the search found.
     */
    public enum Link {
        SCHOOL("schoolId", "schoolQuery", OrganisationKind.SCHOOL, "School", "schools", "No school"),
        GP("gpPracticeId", "gpQuery", OrganisationKind.GP, "GP practice", "GP practices", "No GP practice"),
        HEALTH_VISITING("healthVisitingTeamId", "healthVisitingQuery", OrganisationKind.HEALTH_VISITING,
                "Health visiting team", "health visiting teams", "No health visiting team");

        private final String field;
        private final String queryField;
        private final OrganisationKind kind;
        private final String label;
        private final String plural;
        private final String none;

        Link(String field, String queryField, OrganisationKind kind, String label, String plural, String none) {
            this.field = field;
            this.queryField = queryField;
            this.kind = kind;
            this.label = label;
            this.plural = plural;
            this.none = none;
        }

        public String field() { return field; }
        public String queryField() { return queryField; }
        public String label() { return label; }
        public String plural() { return plural; }
        public String none() { return none; }
        public String searchValue() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
    }

    /** What the form shows for one link: the choices, the one chosen, the search and whether it found nothing. */
    public record LinkChoices(Link link, List<OrganisationSearch.Found> options, String chosen, String query,
                              boolean searched, int found) {
        public boolean nothingFound() {
            return searched && found == 0;
        }
    }

    /** Not a caseworker, or no such row: the same answer. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    /** The "Create a new child" form. */
    public static class NewChildForm {
        public String id = "";
        public String givenName = "";
        public String familyName = "";
        public String dateOfBirth = "";
        public String postcode = "";
        public String upn = "";
        public String nhsNumber = "";
        public String schoolId = "";
        public String gpPracticeId = "";
        public String healthVisitingTeamId = "";
        public String schoolQuery = "";
        public String gpQuery = "";
        public String healthVisitingQuery = "";

        public String getId() { return id; }
        public void setId(String v) { id = v; }
        public String getGivenName() { return givenName; }
        public void setGivenName(String v) { givenName = v; }
        public String getFamilyName() { return familyName; }
        public void setFamilyName(String v) { familyName = v; }
        public String getDateOfBirth() { return dateOfBirth; }
        public void setDateOfBirth(String v) { dateOfBirth = v; }
        public String getPostcode() { return postcode; }
        public void setPostcode(String v) { postcode = v; }
        public String getUpn() { return upn; }
        public void setUpn(String v) { upn = v; }
        public String getNhsNumber() { return nhsNumber; }
        public void setNhsNumber(String v) { nhsNumber = v; }
        public String getSchoolId() { return schoolId; }
        public void setSchoolId(String v) { schoolId = v; }
        public String getGpPracticeId() { return gpPracticeId; }
        public void setGpPracticeId(String v) { gpPracticeId = v; }
        public String getHealthVisitingTeamId() { return healthVisitingTeamId; }
        public void setHealthVisitingTeamId(String v) { healthVisitingTeamId = v; }
        public String getSchoolQuery() { return schoolQuery; }
        public void setSchoolQuery(String v) { schoolQuery = v; }
        public String getGpQuery() { return gpQuery; }
        public void setGpQuery(String v) { gpQuery = v; }
        public String getHealthVisitingQuery() { return healthVisitingQuery; }
        public void setHealthVisitingQuery(String v) { healthVisitingQuery = v; }

        String chosen(Link link) {
            return switch (link) {
                case SCHOOL -> schoolId;
                case GP -> gpPracticeId;
                case HEALTH_VISITING -> healthVisitingTeamId;
            };
        }

        String query(Link link) {
            return switch (link) {
                case SCHOOL -> schoolQuery;
                case GP -> gpQuery;
                case HEALTH_VISITING -> healthVisitingQuery;
            };
        }

        static NewChildForm from(UnresolvedChildView v) {
            NewChildForm f = new NewChildForm();
            f.givenName = v.givenName();
            f.familyName = v.familyName();
            f.dateOfBirth = v.dateOfBirth() == null ? "" : v.dateOfBirth().toString();
            f.postcode = v.postcode() == null ? "" : v.postcode();
            return f;
        }

        DirectoryDocument.Child toChild(Map<String, String> errors) {
            LocalDate dob = null;
            try {
                dob = dateOfBirth.isBlank() ? null : LocalDate.parse(dateOfBirth.strip());
            } catch (DateTimeParseException e) {
                errors.put("dateOfBirth", "Enter the date of birth as year-month-day, for example 2016-05-04");
            }
            List<DirectoryDocument.Identifier> ids = new ArrayList<>();
            if (!upn.isBlank()) {
                ids.add(new DirectoryDocument.Identifier(IdentifierScheme.UPN, upn.strip()));
            }
            if (!nhsNumber.isBlank()) {
                ids.add(new DirectoryDocument.Identifier(IdentifierScheme.NHS_NUMBER, nhsNumber.strip()));
            }
            return new DirectoryDocument.Child(id.strip(), givenName.strip(), familyName.strip(), dob,
                    blank(postcode), ids, blank(schoolId), blank(gpPracticeId), blank(healthVisitingTeamId));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
    }

    private InboxPerson caseworker(Authentication authentication) {
        InboxPerson person = people.current(authentication);
        if (!person.worksUnresolved()) {
            throw new NotFound();
        }
        return person;
    }

    @GetMapping({"", "/"})
    String list(Authentication authentication, Model model) {
        InboxPerson person = caseworker(authentication);
        model.addAttribute("person", person);
        model.addAttribute("now", clock.instant());
        model.addAttribute("children", workingList.list(UnresolvedChildren.Status.OPEN, null, null, 500));
        return "inbox/unresolved-list";
    }

    @GetMapping("/{id}")
    String one(@PathVariable("id") long id, @RequestParam(name = "q", required = false) String q,
               Authentication authentication, Model model) {
        InboxPerson person = caseworker(authentication);
        UnresolvedChildView child = workingList.find(id).orElseThrow(NotFound::new);
        return page(model, person, child, q, NewChildForm.from(child), Map.of());
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable("id") long id, @RequestParam("childId") String childId,
                   Authentication authentication, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        InboxPerson person = caseworker(authentication);
        return resolved(id, childId, null, person, model, response, redirect, new NewChildForm());
    }

    @PostMapping("/{id}/new-child")
    String newChild(@PathVariable("id") long id, @ModelAttribute("form") NewChildForm form,
                    @RequestParam(name = "find", required = false) String find,
                    Authentication authentication, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        InboxPerson person = caseworker(authentication);
        if (find != null) {
            // a search button (or Enter in a field): every search typed is run, nothing is created
            UnresolvedChildView row = workingList.find(id).orElseThrow(NotFound::new);
            return page(model, person, row, null, form, Map.of(), true);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        DirectoryDocument.Child child = form.toChild(errors);
        for (ConstraintViolation<DirectoryDocument.Child> v : validator.validate(child)) {
            errors.putIfAbsent(v.getPropertyPath().toString().replaceAll("\\[.*", ""), label(v));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            UnresolvedChildView row = workingList.find(id).orElseThrow(NotFound::new);
            return page(model, person, row, null, form, errors);
        }
        return resolved(id, null, child, person, model, response, redirect, form);
    }

    private String resolved(long id, String childId, DirectoryDocument.Child child, InboxPerson person, Model model,
                            HttpServletResponse response, RedirectAttributes redirect, NewChildForm form) {
        try {
            UnresolvedWorkingList.Resolved done = workingList.resolve(id, childId, child, person.email());
            redirect.addFlashAttribute("resolvedAlerts", done.alerts());
            return "redirect:/inbox/unresolved/" + id;
        } catch (UnresolvedWorkingList.ResolutionRefused refused) {
            if (refused.why() == UnresolvedWorkingList.ResolutionRefused.Why.NOT_FOUND) {
                throw new NotFound();
            }
            boolean conflict = refused.why() == UnresolvedWorkingList.ResolutionRefused.Why.ALREADY_RESOLVED
                    || refused.why() == UnresolvedWorkingList.ResolutionRefused.Why.CHILD_ID_TAKEN;
            response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
            UnresolvedChildView row = workingList.find(id).orElseThrow(NotFound::new);
            String field = refused.why() == UnresolvedWorkingList.ResolutionRefused.Why.CHILD_ID_TAKEN ? "id" : "resolution";
            return page(model, person, row, null, form, Map.of(field, refused.getMessage()));
        } catch (InvalidRequestException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(p -> errors.putIfAbsent(p.field().isEmpty() ? "resolution" : p.field(),
                    p.message()));
            UnresolvedChildView row = workingList.find(id).orElseThrow(NotFound::new);
            return page(model, person, row, null, form, errors);
        }
    }

    private String page(Model model, InboxPerson person, UnresolvedChildView child, String q, NewChildForm form,
                        Map<String, String> errors) {
        return page(model, person, child, q, form, errors, false);
    }

    private String page(Model model, InboxPerson person, UnresolvedChildView child, String q, NewChildForm form,
                        Map<String, String> errors, boolean search) {
        List<LinkChoices> links = new ArrayList<>();
        for (Link link : Link.values()) {
            String chosen = form.chosen(link) == null ? "" : form.chosen(link).strip();
            String query = form.query(link) == null ? "" : form.query(link).strip();
            List<OrganisationSearch.Found> options = new ArrayList<>();
            organisations.find(link.kind, chosen).ifPresent(options::add);
            boolean searched = search && !query.isEmpty();
            List<OrganisationSearch.Found> found = searched
                    ? organisations.search(link.kind, query, SEARCH_RESULTS) : List.of();
            found.stream().filter(o -> !o.id().equals(chosen)).forEach(options::add);
            if (!chosen.isEmpty() && options.stream().noneMatch(o -> o.id().equals(chosen))) {
                // an id not in the directory (or of another kind): offered as typed, so the check can name it
                options.add(0, new OrganisationSearch.Found(chosen, chosen, null, null));
            }
            links.add(new LinkChoices(link, options, chosen, query, searched, found.size()));
        }
        model.addAttribute("links", links);
        model.addAttribute("person", person);
        model.addAttribute("now", clock.instant());
        model.addAttribute("child", child);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("candidates", "OPEN".equals(child.status())
                ? workingList.candidates(child.id(), q, 20).orElse(List.of()) : List.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "inbox/unresolved";
    }

    private static String label(ConstraintViolation<?> v) {
        String field = v.getPropertyPath().toString();
        return switch (field.replaceAll("\\[.*", "")) {
            case "id" -> "Enter a directory id: letters, digits and . _ : - only";
            case "givenName" -> "Enter the given name";
            case "familyName" -> "Enter the family name";
            case "dateOfBirth" -> "Enter a date of birth that is not in the future";
            default -> "Check this field: " + v.getMessage();
        };
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Authentication authentication, Model model) {
        model.addAttribute("fmt", InboxFormat.INSTANCE);
        model.addAttribute("person", people.current(authentication));
        return "inbox/not-found";
    }
}
