-- Issue 21: the till words a refusal for the cashier from the server's problem code (in the
-- cashier's language), not from the server's English detail. The code of the last answer is kept
-- beside last_error ("code: detail"), which stays as it was for operators and scripts.
ALTER TABLE outbox ADD COLUMN last_code TEXT;
-- Entries recorded before this version wrote the code first: "order.totals_mismatch: detail".
UPDATE outbox SET last_code = substr(last_error, 1, instr(last_error, ': ') - 1)
    WHERE last_error GLOB '[a-z]*.[a-z]*: *'
      AND substr(last_error, 1, instr(last_error, ': ') - 1) NOT GLOB '*[^a-z_.]*';
