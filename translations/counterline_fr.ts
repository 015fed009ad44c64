<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Cart</name>
    <message>
        <source>the cart has no line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quantity must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is priced in %2 but the cart is in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a price must be a non-negative amount in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line number %1 is not free in this cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 is not priced in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartStore</name>
    <message>
        <source>Cart %1 has been paid and can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no saved cart %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart %1 is not %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogCsv</name>
    <message>
        <source>The catalog file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: the header lacks the column &quot;%1&quot;; expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sku is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sku &quot;%1&quot; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the barcode %1 is also on sku &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the currency &quot;%1&quot; is not this store&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price %1 is negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stock &quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Currency</name>
    <message>
        <source>&quot;%1&quot; is not a supported ISO 4217 currency code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an empty file, not a Counterline database; it was left untouched. Move it away or choose another --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a SQLite database; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as a SQLite database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a SQLite database of another program (application_id %2), not a Counterline terminal database; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the terminal database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3). Use a newer Counterline; the file was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Discount</name>
    <message>
        <source>&quot;%1&quot; is not a percentage like 10 or 12.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a percentage discount must lie between 0 and 100 percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a discount must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the discount is larger than the amount it applies to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export stopped after %1 orders and was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>The journal has no entry for order %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 follows entry %2: entries are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 does not point at the hash of entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written: its hash does not match its record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalAudit</name>
    <message>
        <source>continuous on the server through entry %1 (checked %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries %1 never reached the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server found broken links at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalHistorySource</name>
    <message>
        <source>This till&apos;s orders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message numerus="yes">
        <source>&quot;%1&quot; has more decimal places than %2 allows (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cannot combine %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineCards</name>
    <message>
        <source>Offline card limits are amounts of zero or more and 1 to 168 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, a card may pay at most %1 per sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline card payments waiting to be forwarded come to %1; with this one they would pass the limit of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline card payment from %1 has waited more than %2 hours to be forwarded; no more are taken until the till is back online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Order</name>
    <message>
        <source>an order needs at least one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an order needs an id and a creation time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tender in %1 cannot pay an order in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every tender must be a positive amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tenders add up to too large an amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tenders (%1) do not cover the total (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change can only be given out of cash; card tenders exceed the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order %1 is %2 and cannot be paid again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a payment needs at least one tender</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetails</name>
    <message>
        <source>There is no order %1 here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderStore</name>
    <message>
        <source>The cart is in %1 but this terminal sells in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 was changed by someone else (it is at version %2, not %3). Reload it and decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is %2 at version %3 here, but the server moved it from %4 to %5 at version %6 (by %7).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>Outbox entry %1 is not waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>The server&apos;s error answer is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s error answer lacks a numeric &quot;status&quot; or a &quot;code&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptNumber</name>
    <message>
        <source>store and terminal codes must be 1 to 16 letters or digits, not &quot;%1&quot; and &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt sequences start at 1, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a receipt number like S1-T1-000042</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPainter</name>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, less %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Tax %1 % on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerHistorySource</name>
    <message>
        <source>Server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s history finds a receipt number or a SKU, not both at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerOrderBackend</name>
    <message>
        <source>on the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftStore</name>
    <message>
        <source>The opening float must be an amount in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has an open shift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) have not reached the server yet. Wait for sync, or ask a manager to close anyway.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This shift is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>&quot;%1&quot; could not be written to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no printer called &quot;%1&quot;; &quot;%2&quot; is kept in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; did not take &quot;%2&quot;; it is kept in %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address like https://pos.example.org</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaxRate</name>
    <message>
        <source>&quot;%1&quot; is not a tax rate in percent like 19 or 8.875</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tax rate must lie between 0 and 100 percent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalSettings</name>
    <message>
        <source>Store and terminal codes must be 1 to 16 letters or digits, not &quot;%1&quot; and &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This terminal database is already set up; it was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This terminal is not set up yet; run counterline-cli init first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserStore</name>
    <message>
        <source>A user needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role is cashier or manager, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a user called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another user already has this PIN; choose a different one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline</name>
    <message>
        <source>Counterline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--back-office --server needs the server&apos;s URL and a token (--token or COUNTERLINE_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager&apos;s PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The back office opens with a manager&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counterline checkout for cashiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the terminal keeps its database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where receipts are kept as PDF (default: DIR/receipts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also print receipts and Z reports on this printer (its CUPS name); they are always kept as PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge cards through this payment service (counterline-paysim), e.g. http://127.0.0.1:8090.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt paper: thermal (80 mm, default) or a4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the back office instead of the till: this terminal&apos;s orders (a manager&apos;s PIN is asked), or with --server the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--back-office for head office: the server&apos;s URL, e.g. https://pos.example.org (no terminal database needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server: a back-office user&apos;s token (counterline-server user add), or set COUNTERLINE_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal in %1 is not set up yet: run counterline-cli init, or enroll it with a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--paper is thermal or a4, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::Allocation</name>
    <message>
        <source>there is nothing to allocate to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allocation weights must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allocation weights must not all be zero</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::Csv</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::DecimalText</name>
    <message>
        <source>&quot;%1&quot; is not a plain decimal number like 1.49</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has more than %n decimal place(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::Money</name>
    <message>
        <source>the amount is too large to be represented</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::OrderStateMachine</name>
    <message>
        <source>an order that is %1 cannot take the event %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::Tender</name>
    <message>
        <source>&quot;%1&quot; is not a tender kind (cash or card)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::protocol</name>
    <message>
        <source>&quot;%1&quot; must be a whole number of minor units below 2^53.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox row does not hold a sale record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::store</name>
    <message>
        <source>The terminal database refused &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order history needs a SQLite connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; found nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::store::OrderStore</name>
    <message>
        <source>Order %1 was changed by someone else (it is no longer at version %2). Reload it and decide again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::sync</name>
    <message>
        <source>The server could not report this terminal&apos;s journal (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this terminal (%1): enrol it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order.version_conflict: the order was changed on the server first; it is now %1 at version %2. Look at it and decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a change this terminal cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not hand out its changes (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 does not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::sync::CardPayments</name>
    <message>
        <source>Card approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was declined (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment service is a URL such as http://127.0.0.1:8090, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment service at %1 is not on this machine: it needs https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment service cannot be reached (%1); nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment service refused the payment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment did not go through (%1); nothing was charged. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment service did not answer (%1). Whether the card was charged is not known yet; trying again asks about this payment, it does not charge twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui</name>
    <message>
        <source>&quot;%1&quot; is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::BackOfficeWindow</name>
    <message>
        <source>Counterline back office — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n orders written to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export the filtered history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::CartModel</name>
    <message>
        <source>%1 (price changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::CheckoutWindow</name>
    <message>
        <source>Counterline — %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a barcode, or type a SKU, and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F3 Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F4 Void line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5 Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F6 Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7 Void last sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F8 Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F9 Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F10 Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F11 Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F12 Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, count the opening float in the drawer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the shift before every order has synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift closed. Cash difference %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the catalog has the barcode or SKU &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several products match &quot;%1&quot;: pick one with ↓ and Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New unit price for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the price of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount on %1, in percent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount of %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sale to void since you logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voiding the last sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sale is void; give the money back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number of the sale brought back:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale on this terminal has the receipt number &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 is %2; there is nothing to give back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning sale %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 returned: give back %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid. Receipt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due: %1. Receipt %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart parked. F9 brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parked carts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart parked by %1 at %2 resumed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash counted in the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card total on the reader&apos;s slip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::FollowUpsView</name>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card taken offline has been declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sales paid by a card taken offline that was declined afterwards: contact the customer.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryFilterBar</name>
    <message>
        <source>From (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max. total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date like 2026-11-24.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryModel</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync / store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::LoginPage</name>
    <message>
        <source>Type your PIN and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN is not known here. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::ManagerApproval</name>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a manager. Manager PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a manager&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::OrderDetailView</name>
    <message>
        <source>Choose an order in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (refund and restock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 — %2, version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold %1 by %2 at store %3, till %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1, of which tax %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken offline, charged by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change given: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3 (version %4) by %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 (%2), hash &lt;tt&gt;%3&lt;/tt&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with key &lt;tt&gt;%2&lt;/tt&gt;: %3 after %4 attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last answer HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server order number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed the order; it could not be read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since you opened it (version %1), order %2 has become %3 (version %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this order first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed by you. Reload the order and decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval code from the card reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card approved (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the cash the customer gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the approval code the card reader printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card approved by the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card without funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge card (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the card offline (F9)? It is charged when the till is online again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take card offline (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the card; the payment&apos;s outcome comes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card %1 offline, charged later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::ProductSearchModel</name>
    <message>
        <source>%1  ·  %2  ·  %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::ReportsView</name>
    <message>
        <source>Sales by hour on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sales, %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tax rate %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All sales (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cash, less change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of which taken offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::SyncDashboard</name>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needing attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Oldest waiting since %1. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last delivery %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing delivered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::SyncStatusBar</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting, oldest %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n need attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders that need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::TotalsPanel</name>
    <message>
        <source>Items: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts: −%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax %1 %: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>counterline::ui::ZReport</name>
    <message>
        <source>Z report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Tax %1 %: net %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grand total (terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Closed with %n order(s) not yet synced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
