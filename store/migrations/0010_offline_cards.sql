-- How much this till may take by card while the payment service cannot be reached (BRIEF §7):
-- per sale, in total not yet forwarded to the server, and for how long an offline payment may
-- wait to be forwarded before no more are taken. Amounts in minor units.
CREATE TABLE offline_card_limits (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    max_per_sale_minor  INTEGER NOT NULL CHECK (max_per_sale_minor >= 0),
    max_total_minor     INTEGER NOT NULL CHECK (max_total_minor >= 0),
    max_age_hours       INTEGER NOT NULL CHECK (max_age_hours BETWEEN 1 AND 168)
);
INSERT INTO offline_card_limits (id, max_per_sale_minor, max_total_minor, max_age_hours)
VALUES (1, 5000, 30000, 24);
