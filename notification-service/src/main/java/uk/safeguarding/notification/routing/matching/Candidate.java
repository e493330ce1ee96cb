package uk.safeguarding.notification.routing.matching;

/** A directory child that may be the incident child: its directory id and details. */
public record Candidate(String id, ChildDetails details) {
}
