-- Calendars for deadlines (package calendar). A school without a row follows the area's default term dates
-- (calendar/sample-term-dates.json, loaded at startup, not stored). Bank holidays of England and Wales come from
-- calendar/bank-holidays-england-and-wales.json; an area's own additions (one-offs) are rows here.

create table calendar_school (
    organisation_id             varchar(64)  primary key references organisation (id) on delete cascade,
    day_starts_at               time         not null,
    updated_at                  timestamptz  not null default now()
);

create table calendar_school_term (
    id                          bigserial    primary key,
    organisation_id             varchar(64)  not null references calendar_school (organisation_id) on delete cascade,
    name                        varchar(100) not null,
    start_date                  date         not null,
    end_date                    date         not null,
    check (end_date >= start_date)
);
create index calendar_school_term_org on calendar_school_term (organisation_id);

create table calendar_school_closure (
    id                          bigserial    primary key,
    organisation_id             varchar(64)  not null references calendar_school (organisation_id) on delete cascade,
    closure_date                date         not null,
    reason                      varchar(200) not null,
    unique (organisation_id, closure_date)
);

create table calendar_extra_bank_holiday (
    id                          bigserial    primary key,
    holiday_date                date         not null unique,
    name                        varchar(200) not null,
    updated_at                  timestamptz  not null default now()
);
