package uk.safeguarding.notification.routing.directory;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.safeguarding.notification.shared.onboarding.People;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The directory admin API. {@code POST} creates (409 if the id exists), {@code PUT /{id}} creates or updates,
 * {@code GET /{id}} reads; {@code POST /import} upserts a whole {@link DirectoryDocument}. People (an organisation's
 * key adults and deputies) are made without a password and invited to choose one (package shared.onboarding).
 */
@RestController
@RequestMapping("/api/v1/directory")
public class DirectoryController {

    private final DirectoryService directory;
    private final People people;

    public DirectoryController(DirectoryService directory, People people) {
        this.directory = directory;
        this.people = people;
    }

    @PostMapping("/import")
    public DirectoryDocument.ImportCounts importDirectory(@Valid @RequestBody DirectoryDocument document) {
        return directory.importDocument(document);
    }

    // ---- organisations

    @PostMapping("/organisations")
    public ResponseEntity<Object> createOrganisation(@Valid @RequestBody DirectoryDocument.Organisation body) {
        if (directory.organisationExists(body.id())) {
            return conflict("organisation", body.id());
        }
        directory.upsertSingle(new DirectoryDocument(List.of(body), null, null, null));
        return created("organisations", body.id(), directory.organisation(body.id()));
    }

    @PutMapping("/organisations/{id}")
    public ResponseEntity<Object> putOrganisation(@PathVariable String id,
                                                  @Valid @RequestBody DirectoryDocument.Organisation body) {
        if (!id.equals(body.id())) {
            return idMismatch();
        }
        directory.upsertSingle(new DirectoryDocument(List.of(body), null, null, null));
        return ResponseEntity.of(directory.organisation(id).map(Object.class::cast));
    }

    @GetMapping("/organisations/{id}")
    public ResponseEntity<DirectoryDocument.Organisation> organisation(@PathVariable String id) {
        return ResponseEntity.of(directory.organisation(id));
    }

    // ---- children

    @PostMapping("/children")
    public ResponseEntity<Object> createChild(@Valid @RequestBody DirectoryDocument.Child body) {
        if (directory.childExists(body.id())) {
            return conflict("child", body.id());
        }
        directory.upsertSingle(new DirectoryDocument(null, List.of(body), null, null));
        return created("children", body.id(), directory.child(body.id()));
    }

    @PutMapping("/children/{id}")
    public ResponseEntity<Object> putChild(@PathVariable String id, @Valid @RequestBody DirectoryDocument.Child body) {
        if (!id.equals(body.id())) {
            return idMismatch();
        }
        directory.upsertSingle(new DirectoryDocument(null, List.of(body), null, null));
        return ResponseEntity.of(directory.child(id).map(Object.class::cast));
    }

    @GetMapping("/children/{id}")
    public ResponseEntity<DirectoryDocument.Child> child(@PathVariable String id) {
        return ResponseEntity.of(directory.child(id));
    }

    @GetMapping("/children/{id}/household-links")
    public ResponseEntity<List<DirectoryDocument.HouseholdLink>> householdOfChild(@PathVariable String id) {
        return directory.childExists(id) ? ResponseEntity.ok(directory.householdOfChild(id)) : ResponseEntity.notFound().build();
    }

    // ---- adults

    @PostMapping("/adults")
    public ResponseEntity<Object> createAdult(@Valid @RequestBody DirectoryDocument.Adult body) {
        if (directory.adultExists(body.id())) {
            return conflict("adult", body.id());
        }
        directory.upsertSingle(new DirectoryDocument(null, null, List.of(body), null));
        return created("adults", body.id(), directory.adult(body.id()));
    }

    @PutMapping("/adults/{id}")
    public ResponseEntity<Object> putAdult(@PathVariable String id, @Valid @RequestBody DirectoryDocument.Adult body) {
        if (!id.equals(body.id())) {
            return idMismatch();
        }
        directory.upsertSingle(new DirectoryDocument(null, null, List.of(body), null));
        return ResponseEntity.of(directory.adult(id).map(Object.class::cast));
    }

    @GetMapping("/adults/{id}")
    public ResponseEntity<DirectoryDocument.Adult> adult(@PathVariable String id) {
        return ResponseEntity.of(directory.adult(id));
    }

    @GetMapping("/adults/{id}/household-links")
    public ResponseEntity<List<DirectoryDocument.HouseholdLink>> householdOfAdult(@PathVariable String id) {
        return directory.adultExists(id) ? ResponseEntity.ok(directory.householdOfAdult(id)) : ResponseEntity.notFound().build();
    }

    // ---- household links (identified by child and adult)

    @PutMapping("/household-links")
    public DirectoryDocument.HouseholdLink putHouseholdLink(@Valid @RequestBody DirectoryDocument.HouseholdLink body) {
        directory.upsertSingle(new DirectoryDocument(null, null, null, List.of(body)));
        return body;
    }

    // ---- people of an organisation (key adults, deputies; the local authority's roles). Created without a password:
    // each is emailed a single-use link to choose one (shared.onboarding). Answers carry status and the invitation.

    @GetMapping("/organisations/{id}/people")
    public ResponseEntity<List<People.View>> peopleOf(@PathVariable String id) {
        return directory.organisationExists(id) ? ResponseEntity.ok(people.ofOrganisation(id))
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/people")
    public ResponseEntity<Object> createPerson(@Valid @RequestBody DirectoryDocument.Person body) {
        if (people.find(body.id()).isPresent()) {
            return conflict("person", body.id());
        }
        directory.upsertSingle(new DirectoryDocument(null, null, null, null, List.of(body)));
        return created("people", body.id(), people.find(body.id()));
    }

    @PutMapping("/people/{id}")
    public ResponseEntity<Object> putPerson(@PathVariable String id, @Valid @RequestBody DirectoryDocument.Person body) {
        if (!id.equals(body.id())) {
            return idMismatch();
        }
        directory.upsertSingle(new DirectoryDocument(null, null, null, null, List.of(body)));
        return ResponseEntity.of(people.find(id).map(Object.class::cast));
    }

    @GetMapping("/people/{id}")
    public ResponseEntity<People.View> person(@PathVariable String id) {
        return ResponseEntity.of(people.find(id));
    }

    /** A new invitation (the earlier links stop working): for an expired one, or a forgotten password. */
    @PostMapping("/people/{id}/invitation")
    public ResponseEntity<People.View> invite(@PathVariable String id) {
        if (!people.invite(id)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.accepted().body(people.find(id).orElseThrow());
    }

    @DeleteMapping("/people/{id}")
    public ResponseEntity<Void> removePerson(@PathVariable String id) {
        return people.remove(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    // ----

    private static ResponseEntity<Object> created(String collection, String id, Optional<?> body) {
        return ResponseEntity.created(URI.create("/api/v1/directory/" + collection + "/" + id)).body(body.orElseThrow());
    }

    private static ResponseEntity<Object> conflict(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A " + what + " with id " + id + " exists; PUT to update it");
        problem.setTitle("Already exists");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static ResponseEntity<Object> idMismatch() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "1 invalid field(s)");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(java.util.Map.of("field", "id", "message", "must equal the id in the path")));
        return ResponseEntity.badRequest().body(problem);
    }
}
