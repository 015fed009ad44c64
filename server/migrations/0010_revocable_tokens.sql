-- Tokens that can be taken back (issue 20). A revoked principal keeps its row (its orders and
-- journal name it) but no token of it signs in; a rotated one has a new token hash. Every
-- revocation or rotation takes the next token generation, which each running server asks for at
-- most every half second: a changed generation empties its cache of recently seen tokens.
ALTER TABLE principals ADD COLUMN revoked_at TEXT;
ALTER TABLE principals ADD COLUMN token_issued_at TEXT;
UPDATE principals SET token_issued_at = created_at;

CREATE TABLE token_generation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation {{bigint}} NOT NULL
);
INSERT INTO token_generation (id, generation) VALUES (1, 0);
