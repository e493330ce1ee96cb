package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.avro.AgencyKind;

/** The kinds of organisation the directory holds; each is an agency kind alerts can go to. */
public enum OrganisationKind {
    SCHOOL, SCHOOL_NURSE, GP, HEALTH_VISITING, PROBATION, LOCAL_AUTHORITY, EARLY_YEARS, COLLEGE, CHILDRENS_SOCIAL_CARE;

    public AgencyKind agencyKind() {
        return AgencyKind.valueOf(name());
    }
}
