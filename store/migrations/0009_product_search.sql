-- Search as you type over the catalog: an FTS5 index of product names (external content: the
-- products table holds the text), with prefix indexes so that every keystroke is an index lookup,
-- kept in step with products by triggers. Barcodes and SKUs are searched by prefix on their own
-- B-tree indexes instead: as FTS5 terms, the first digits of a barcode would match every barcode
-- of a big store.
CREATE VIRTUAL TABLE product_search USING fts5(
    name,
    content = 'products', content_rowid = 'rowid',
    prefix = '1 2 3 4',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO product_search (product_search) VALUES ('rebuild');

CREATE TRIGGER products_search_insert AFTER INSERT ON products
BEGIN
    INSERT INTO product_search (rowid, name) VALUES (NEW.rowid, NEW.name);
END;
CREATE TRIGGER products_search_delete AFTER DELETE ON products
BEGIN
    INSERT INTO product_search (product_search, rowid, name) VALUES ('delete', OLD.rowid, OLD.name);
END;
CREATE TRIGGER products_search_update AFTER UPDATE OF name ON products
BEGIN
    INSERT INTO product_search (product_search, rowid, name) VALUES ('delete', OLD.rowid, OLD.name);
    INSERT INTO product_search (rowid, name) VALUES (NEW.rowid, NEW.name);
END;
