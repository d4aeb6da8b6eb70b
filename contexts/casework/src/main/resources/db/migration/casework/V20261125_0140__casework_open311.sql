-- Open311 GeoReport v2: the public service catalogue (kept as data, edited by operators) and the facts a public
-- request brings that a case does not hold (the service asked for, media link, the app's account and device ids,
-- answers to the service's attributes). E-mail addresses are never stored.

create table casework_open311_service (
    service_code  text primary key,
    category_code text not null,
    name          text not null,
    description   text,
    group_name    text,
    keywords      text,
    type          text not null default 'realtime',
    active        boolean not null default true,
    attributes    text,
    version       integer not null default 0,
    updated_at    timestamptz not null
);

create table casework_open311_request (
    case_id      text primary key references casework_case (id),
    service_code text not null references casework_open311_service (service_code),
    media_url    text,
    account_id   text,
    device_id    text,
    attributes   text,
    posted_at    timestamptz not null
);

create index casework_open311_request_service on casework_open311_request (service_code, posted_at);
