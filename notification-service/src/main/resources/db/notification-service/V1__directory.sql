-- The directory: organisations, children, adults and the households linking them.
-- References to organisations are checked by the service (an import may name them in any order).

create table organisation (
    id                          varchar(64)  primary key,
    name                        varchar(200) not null,
    kind                        varchar(32)  not null,
    phase                       varchar(32),
    school_nurse_org_id         varchar(64),
    contact_name                varchar(200),
    email                       varchar(200),
    phone                       varchar(50),
    address_line                varchar(200),
    postcode                    varchar(16),
    updated_at                  timestamptz  not null default now()
);

create table child (
    id                          varchar(64)  primary key,
    given_name                  varchar(100) not null,
    family_name                 varchar(100) not null,
    normalised_name             varchar(210) not null,
    date_of_birth               date         not null,
    postcode                    varchar(16),
    school_org_id               varchar(64),
    gp_org_id                   varchar(64),
    health_visiting_org_id      varchar(64),
    updated_at                  timestamptz  not null default now()
);
create index child_name_dob on child (normalised_name, date_of_birth);

create table child_identifier (
    id                          bigserial    primary key,
    child_id                    varchar(64)  not null references child (id) on delete cascade,
    scheme                      varchar(32)  not null,
    value                       varchar(64)  not null,
    unique (child_id, scheme)
);
create index child_identifier_value on child_identifier (value);

create table adult (
    id                          varchar(64)  primary key,
    given_name                  varchar(100) not null,
    family_name                 varchar(100) not null,
    normalised_name             varchar(210) not null,
    date_of_birth               date,
    probation_org_id            varchar(64),
    probation_case_reference    varchar(64),
    updated_at                  timestamptz  not null default now()
);
create index adult_name_dob on adult (normalised_name, date_of_birth);

create table adult_identifier (
    id                          bigserial    primary key,
    adult_id                    varchar(64)  not null references adult (id) on delete cascade,
    scheme                      varchar(32)  not null,
    value                       varchar(64)  not null,
    unique (adult_id, scheme)
);
create index adult_identifier_value on adult_identifier (value);

create table household_link (
    id                          varchar(140) primary key,
    child_id                    varchar(64)  not null references child (id) on delete cascade,
    adult_id                    varchar(64)  not null references adult (id) on delete cascade,
    relationship                varchar(32)  not null,
    unique (child_id, adult_id)
);
create index household_link_adult on household_link (adult_id);
