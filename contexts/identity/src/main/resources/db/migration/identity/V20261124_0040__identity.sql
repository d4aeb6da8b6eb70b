-- Departments (委办局), users with roles and scopes, login sessions and machine API keys.
CREATE TABLE identity_department (
    code             text PRIMARY KEY,
    name             text NOT NULL UNIQUE,
    short_name       text NOT NULL,
    responsibilities text NOT NULL DEFAULT '',
    active           boolean NOT NULL DEFAULT true,
    version          integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE TABLE identity_user (
    id                   uuid PRIMARY KEY,
    username             text NOT NULL UNIQUE,
    display_name         text NOT NULL,
    phone                text,
    email                text,
    password_hash        text NOT NULL,
    roles                text[] NOT NULL,
    division_scopes      text[] NOT NULL DEFAULT '{}',
    department_scopes    text[] NOT NULL DEFAULT '{}',
    all_departments      boolean NOT NULL DEFAULT false,
    enabled              boolean NOT NULL DEFAULT true,
    must_change_password boolean NOT NULL DEFAULT false,
    failed_logins        integer NOT NULL DEFAULT 0,
    last_failed_at       timestamptz,
    locked_until         timestamptz,
    last_login_at        timestamptz,
    version              integer NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

-- Tokens are never stored, only their SHA-256 digest: a stolen table yields no usable token.
CREATE TABLE identity_session (
    token_digest bytea PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES identity_user (id),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX identity_session_user ON identity_session (user_id);

CREATE TABLE identity_api_key (
    id                uuid PRIMARY KEY,
    name              text NOT NULL,
    key_prefix        text NOT NULL,
    key_digest        bytea NOT NULL UNIQUE,
    roles             text[] NOT NULL,
    division_scopes   text[] NOT NULL DEFAULT '{}',
    department_scopes text[] NOT NULL DEFAULT '{}',
    all_departments   boolean NOT NULL DEFAULT false,
    created_by        uuid REFERENCES identity_user (id),
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz,
    revoked_at        timestamptz
);
