-- Search as you type over the catalog: an FTS5 index of name, SKU and barcode (external content:
-- the products table holds the text), with prefix indexes so that every keystroke is an index
-- lookup, kept in step with products by triggers.
CREATE VIRTUAL TABLE product_search USING fts5(
    name, sku, barcode,
    content = 'products', content_rowid = 'rowid',
    prefix = '1 2 3 4',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO product_search (product_search) VALUES ('rebuild');

CREATE TRIGGER products_search_insert AFTER INSERT ON products
BEGIN
    INSERT INTO product_search (rowid, name, sku, barcode)
    VALUES (NEW.rowid, NEW.name, NEW.sku, NEW.barcode);
END;
CREATE TRIGGER products_search_delete AFTER DELETE ON products
BEGIN
    INSERT INTO product_search (product_search, rowid, name, sku, barcode)
    VALUES ('delete', OLD.rowid, OLD.name, OLD.sku, OLD.barcode);
END;
CREATE TRIGGER products_search_update AFTER UPDATE OF name, sku, barcode ON products
BEGIN
    INSERT INTO product_search (product_search, rowid, name, sku, barcode)
    VALUES ('delete', OLD.rowid, OLD.name, OLD.sku, OLD.barcode);
    INSERT INTO product_search (rowid, name, sku, barcode)
    VALUES (NEW.rowid, NEW.name, NEW.sku, NEW.barcode);
END;
