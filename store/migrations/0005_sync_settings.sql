-- Where this terminal sends its outbox: the central server's URL and the terminal's token (from
-- counterline-server terminal enroll). One row, written by counterline-cli enroll.
CREATE TABLE sync_settings (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    server_url  TEXT NOT NULL,
    token       TEXT NOT NULL,
    enrolled_at TEXT NOT NULL
);
