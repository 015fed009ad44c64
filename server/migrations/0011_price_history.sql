-- Every price a product has had (issue 20): the server compares a paid sale with its catalog as
-- of the sale — as of the catalog version the till had (the order's catalog_version, the cursor
-- of its last catalog pull), or else as of the sale's time. One row per product per change of
-- price, currency or tax rate, with the catalog number and time it took effect; prices imported
-- before this step are known from the beginning of time ('').
CREATE TABLE price_history (
    sku          TEXT NOT NULL REFERENCES products (sku),
    change_seq   {{bigint}} NOT NULL,
    price_minor  {{bigint}} NOT NULL,
    currency     TEXT NOT NULL,
    tax_rate_ppm {{bigint}} NOT NULL,
    valid_from   TEXT NOT NULL,
    PRIMARY KEY (sku, change_seq)
);
INSERT INTO price_history (sku, change_seq, price_minor, currency, tax_rate_ppm, valid_from)
SELECT sku, change_seq, price_minor, currency, tax_rate_ppm, '' FROM products;

ALTER TABLE orders ADD COLUMN catalog_version {{bigint}};
