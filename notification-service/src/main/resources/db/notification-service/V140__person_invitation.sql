-- Onboarding (package shared.onboarding): a person added through the directory API is sent a single-use invitation
-- to choose their own password; the platform never chooses, sends or shows one. Only the SHA-256 of the invitation's
-- random token is kept: the link in the email is the only copy of the token.
create table person_invitation (
    id               bigserial    primary key,
    person_id        varchar(64)  not null references person (id) on delete cascade,
    token_hash       char(64)     not null unique,         -- hex SHA-256 of the token in the link
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    used_at          timestamptz,                          -- the person chose their password with it
    revoked_at       timestamptz,                          -- a newer invitation to the same person replaced it
    mail_status      varchar(16)  not null default 'PENDING', -- PENDING, SENT, NOT_SENT
    mail_detail      text         not null default ''      -- why not sent, in words (never an address)
);
create index person_invitation_person on person_invitation (person_id, created_at);
