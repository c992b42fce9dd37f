-- Chinook 1.4.4 (a digital media store), written out in Slipway's desired-state form.
-- Source and what differs from the upstream script: SOURCE.md.

create table artist (
  artist_id integer primary key,
  name varchar(120)
);

create table album (
  album_id integer primary key,
  title varchar(160) not null,
  artist_id integer not null references artist (artist_id)
);
create index on album (artist_id);

create table employee (
  employee_id integer primary key,
  last_name varchar(20) not null,
  first_name varchar(20) not null,
  title varchar(30),
  reports_to integer references employee (employee_id),
  birth_date timestamp,
  hire_date timestamp,
  address varchar(70),
  city varchar(40),
  state varchar(40),
  country varchar(40),
  postal_code varchar(10),
  phone varchar(24),
  fax varchar(24),
  email varchar(60)
);
create index on employee (reports_to);

create table customer (
  customer_id integer primary key,
  first_name varchar(40) not null,
  last_name varchar(20) not null,
  company varchar(80),
  address varchar(70),
  city varchar(40),
  state varchar(40),
  country varchar(40),
  postal_code varchar(10),
  phone varchar(24),
  fax varchar(24),
  email varchar(60) not null,
  support_rep_id integer references employee (employee_id)
);
create index on customer (support_rep_id);

create table genre (
  genre_id integer primary key,
  name varchar(120)
);

create table media_type (
  media_type_id integer primary key,
  name varchar(120)
);

create table invoice (
  invoice_id integer primary key,
  customer_id integer not null references customer (customer_id),
  invoice_date timestamp not null,
  billing_address varchar(70),
  billing_city varchar(40),
  billing_state varchar(40),
  billing_country varchar(40),
  billing_postal_code varchar(10),
  total numeric(10, 2) not null
);
create index on invoice (customer_id);

create table track (
  track_id integer primary key,
  name varchar(200) not null,
  album_id integer references album (album_id),
  media_type_id integer not null references media_type (media_type_id),
  genre_id integer references genre (genre_id),
  composer varchar(220),
  milliseconds integer not null,
  bytes integer,
  unit_price numeric(10, 2) not null
);
create index on track (album_id);
create index on track (genre_id);
create index on track (media_type_id);

create table invoice_line (
  invoice_line_id integer primary key,
  invoice_id integer not null references invoice (invoice_id),
  track_id integer not null references track (track_id),
  unit_price numeric(10, 2) not null,
  quantity integer not null
);
create index on invoice_line (invoice_id);
create index on invoice_line (track_id);

create table playlist (
  playlist_id integer primary key,
  name varchar(120)
);

create table playlist_track (
  playlist_id integer not null references playlist (playlist_id),
  track_id integer not null references track (track_id),
  primary key (playlist_id, track_id)
);
create index on playlist_track (playlist_id);
create index on playlist_track (track_id);
