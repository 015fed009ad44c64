-- Issue 21: search finds words inside names ("milch" finds "Hafermilch"). A trigram index over
-- each name folded for search (case, accents and ß folded by the catalog when it writes the name,
-- since SQLite 3.40's trigram tokenizer cannot remove accents), next to the prefix index of
-- migration 9, which still answers words of one or two letters. counterline_fold is the same
-- folding as an SQL function, here only to fold the names already in the catalog.
ALTER TABLE products ADD COLUMN search_name TEXT;
UPDATE products SET search_name = counterline_fold(name);

CREATE VIRTUAL TABLE product_trigrams USING fts5(
    search_name,
    content = 'products', content_rowid = 'rowid',
    tokenize = 'trigram'
);
INSERT INTO product_trigrams (product_trigrams) VALUES ('rebuild');

CREATE TRIGGER products_trigrams_insert AFTER INSERT ON products
BEGIN
    INSERT INTO product_trigrams (rowid, search_name) VALUES (NEW.rowid, NEW.search_name);
END;
CREATE TRIGGER products_trigrams_delete AFTER DELETE ON products
BEGIN
    INSERT INTO product_trigrams (product_trigrams, rowid, search_name)
        VALUES ('delete', OLD.rowid, OLD.search_name);
END;
CREATE TRIGGER products_trigrams_update AFTER UPDATE OF search_name ON products
BEGIN
    INSERT INTO product_trigrams (product_trigrams, rowid, search_name)
        VALUES ('delete', OLD.rowid, OLD.search_name);
    INSERT INTO product_trigrams (rowid, search_name) VALUES (NEW.rowid, NEW.search_name);
END;
