<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cart</name>
    <message>
        <source>the cart has no line %1</source>
        <translation>der Warenkorb hat keine Zeile %1</translation>
    </message>
    <message>
        <source>a quantity must be between 1 and %1</source>
        <translation>eine Menge muss zwischen 1 und %1 liegen</translation>
    </message>
    <message>
        <source>%1 is priced in %2 but the cart is in %3</source>
        <translation>%1 hat einen Preis in %2, der Warenkorb ist aber in %3</translation>
    </message>
    <message>
        <source>a price must be a non-negative amount in %1</source>
        <translation>ein Preis muss ein nicht negativer Betrag in %1 sein</translation>
    </message>
    <message>
        <source>line number %1 is not free in this cart</source>
        <translation>die Zeilennummer %1 ist in diesem Warenkorb schon vergeben</translation>
    </message>
    <message>
        <source>line %1 is not priced in %2</source>
        <translation>Zeile %1 hat keinen Preis in %2</translation>
    </message>
</context>
<context>
    <name>CartStore</name>
    <message>
        <source>Cart %1 has been paid and can no longer change.</source>
        <translation>Warenkorb %1 ist bezahlt und kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>There is no saved cart %1.</source>
        <translation>Es gibt keinen gespeicherten Warenkorb %1.</translation>
    </message>
    <message>
        <source>Cart %1 is not %2.</source>
        <translation>Warenkorb %1 ist nicht %2.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>Zeile %1: %2; es wurde nichts importiert</translation>
    </message>
</context>
<context>
    <name>CatalogCsv</name>
    <message>
        <source>The catalog file is empty.</source>
        <translation>Die Katalogdatei ist leer.</translation>
    </message>
    <message>
        <source>line 1: the header lacks the column &quot;%1&quot;; expected %2</source>
        <translation>Zeile 1: der Kopfzeile fehlt die Spalte „%1“; erwartet: %2</translation>
    </message>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>Zeile %1: %2; es wurde nichts importiert</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 Felder, wo die Kopfzeile %2 hat</translation>
    </message>
    <message>
        <source>the sku is empty</source>
        <translation>die Artikelnummer ist leer</translation>
    </message>
    <message>
        <source>the sku &quot;%1&quot; appears twice</source>
        <translation>die Artikelnummer „%1“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid barcode</source>
        <translation>„%1“ ist kein gültiger Barcode</translation>
    </message>
    <message>
        <source>the barcode %1 is also on sku &quot;%2&quot;</source>
        <translation>der Barcode %1 gehört auch zu Artikelnummer „%2“</translation>
    </message>
    <message>
        <source>the currency &quot;%1&quot; is not this store&apos;s %2</source>
        <translation>die Währung „%1“ ist nicht die dieses Geschäfts (%2)</translation>
    </message>
    <message>
        <source>the price %1 is negative</source>
        <translation>der Preis %1 ist negativ</translation>
    </message>
    <message>
        <source>the stock &quot;%1&quot; is not a whole number</source>
        <translation>der Bestand „%1“ ist keine ganze Zahl</translation>
    </message>
</context>
<context>
    <name>Currency</name>
    <message>
        <source>&quot;%1&quot; is not a supported ISO 4217 currency code</source>
        <translation>„%1“ ist kein unterstützter ISO-4217-Währungscode</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is an empty file, not a Counterline database; it was left untouched. Move it away or choose another --data-dir.</source>
        <translation>%1 ist eine leere Datei, keine Counterline-Datenbank; sie wurde nicht verändert. Verschieben Sie sie oder wählen Sie ein anderes --data-dir.</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database; it was left untouched.</source>
        <translation>%1 ist keine SQLite-Datenbank; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a SQLite database: %2</source>
        <translation>%1 kann nicht als SQLite-Datenbank gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is a SQLite database of another program (application_id %2), not a Counterline terminal database; it was left untouched.</source>
        <translation>%1 ist die SQLite-Datenbank eines anderen Programms (application_id %2), keine Counterline-Kassendatenbank; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the terminal database %1: %2</source>
        <translation>Die Kassendatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3). Use a newer Counterline; the file was left untouched.</source>
        <translation>%1 hat die Schemaversion %2, neuer als dieses Programm kennt (%3). Verwenden Sie ein neueres Counterline; die Datei wurde nicht verändert.</translation>
    </message>
</context>
<context>
    <name>Discount</name>
    <message>
        <source>&quot;%1&quot; is not a percentage like 10 or 12.5</source>
        <translation>„%1“ ist kein Prozentsatz wie 10 oder 12,5</translation>
    </message>
    <message>
        <source>a percentage discount must lie between 0 and 100 percent</source>
        <translation>ein Rabatt in Prozent muss zwischen 0 und 100 Prozent liegen</translation>
    </message>
    <message>
        <source>a discount must not be negative</source>
        <translation>ein Rabatt darf nicht negativ sein</translation>
    </message>
    <message>
        <source>the discount is larger than the amount it applies to</source>
        <translation>der Rabatt ist größer als der Betrag, auf den er sich bezieht</translation>
    </message>
</context>
<context>
    <name>HistoryExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The export stopped after %1 orders and was not saved: %2</source>
        <translation>Der Export brach nach %1 Bestellungen ab und wurde nicht gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>The journal has no entry for order %1.</source>
        <translation>Das Journal hat keinen Eintrag für Bestellung %1.</translation>
    </message>
    <message>
        <source>entry %1 follows entry %2: entries are missing</source>
        <translation>Eintrag %1 folgt auf Eintrag %2: es fehlen Einträge</translation>
    </message>
    <message>
        <source>entry %1 does not point at the hash of entry %2</source>
        <translation>Eintrag %1 verweist nicht auf den Hash von Eintrag %2</translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written: its hash does not match its record</source>
        <translation>Eintrag %1 wurde nach dem Schreiben verändert: sein Hash passt nicht zu seinem Inhalt</translation>
    </message>
</context>
<context>
    <name>JournalAudit</name>
    <message>
        <source>continuous on the server through entry %1 (checked %2)</source>
        <translation>auf dem Server lückenlos bis Eintrag %1 (geprüft %2)</translation>
    </message>
    <message>
        <source>entries %1 never reached the server</source>
        <translation>die Einträge %1 haben den Server nie erreicht</translation>
    </message>
    <message>
        <source>the server found broken links at %1</source>
        <translation>der Server fand unterbrochene Verkettungen bei %1</translation>
    </message>
</context>
<context>
    <name>LocalHistorySource</name>
    <message>
        <source>This till&apos;s orders</source>
        <translation>Bestellungen dieser Kasse</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message numerus="yes">
        <source>&quot;%1&quot; has more decimal places than %2 allows (%n)</source>
        <translation>
            <numerusform>„%1“ hat mehr Nachkommastellen als %2 erlaubt (%n)</numerusform>
            <numerusform>„%1“ hat mehr Nachkommastellen als %2 erlaubt (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot combine %1 with %2</source>
        <translation>%1 lässt sich nicht mit %2 verrechnen</translation>
    </message>
</context>
<context>
    <name>OfflineCards</name>
    <message>
        <source>Offline card limits are amounts of zero or more and 1 to 168 hours.</source>
        <translation>Grenzen für Offline-Kartenzahlungen sind Beträge ab null und 1 bis 168 Stunden.</translation>
    </message>
    <message>
        <source>Offline, a card may pay at most %1 per sale.</source>
        <translation>Offline darf eine Karte höchstens %1 je Verkauf zahlen.</translation>
    </message>
    <message>
        <source>Offline card payments waiting to be forwarded come to %1; with this one they would pass the limit of %2.</source>
        <translation>Noch nicht weitergeleitete Offline-Kartenzahlungen betragen %1; mit dieser würde die Grenze von %2 überschritten.</translation>
    </message>
    <message>
        <source>An offline card payment from %1 has waited more than %2 hours to be forwarded; no more are taken until the till is back online.</source>
        <translation>Eine Offline-Kartenzahlung vom %1 wartet seit mehr als %2 Stunden auf die Weiterleitung; weitere werden erst angenommen, wenn die Kasse wieder online ist.</translation>
    </message>
</context>
<context>
    <name>Order</name>
    <message>
        <source>an order needs at least one line</source>
        <translation>eine Bestellung braucht mindestens eine Zeile</translation>
    </message>
    <message>
        <source>an order needs an id and a creation time</source>
        <translation>eine Bestellung braucht eine ID und einen Erstellungszeitpunkt</translation>
    </message>
    <message>
        <source>a tender in %1 cannot pay an order in %2</source>
        <translation>eine Zahlung in %1 kann keine Bestellung in %2 bezahlen</translation>
    </message>
    <message>
        <source>every tender must be a positive amount</source>
        <translation>jede Zahlung muss ein positiver Betrag sein</translation>
    </message>
    <message>
        <source>the tenders add up to too large an amount</source>
        <translation>die Zahlungen ergeben einen zu großen Betrag</translation>
    </message>
    <message>
        <source>the tenders (%1) do not cover the total (%2)</source>
        <translation>die Zahlungen (%1) decken die Summe (%2) nicht</translation>
    </message>
    <message>
        <source>change can only be given out of cash; card tenders exceed the total</source>
        <translation>Wechselgeld gibt es nur aus Bargeld; die Kartenzahlungen übersteigen die Summe</translation>
    </message>
    <message>
        <source>order %1 is %2 and cannot be paid again</source>
        <translation>Bestellung %1 ist %2 und kann nicht noch einmal bezahlt werden</translation>
    </message>
    <message>
        <source>a payment needs at least one tender</source>
        <translation>eine Bezahlung braucht mindestens eine Zahlungsart</translation>
    </message>
</context>
<context>
    <name>OrderDetails</name>
    <message>
        <source>There is no order %1 here.</source>
        <translation>Hier gibt es keine Bestellung %1.</translation>
    </message>
</context>
<context>
    <name>OrderStore</name>
    <message>
        <source>The cart is in %1 but this terminal sells in %2.</source>
        <translation>Der Warenkorb ist in %1, diese Kasse verkauft aber in %2.</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>Es gibt keine Bestellung %1.</translation>
    </message>
    <message>
        <source>Order %1 was changed by someone else (it is at version %2, not %3). Reload it and decide again.</source>
        <translation>Bestellung %1 wurde von jemand anderem geändert (sie ist bei Version %2, nicht %3). Laden Sie sie neu und entscheiden Sie erneut.</translation>
    </message>
    <message>
        <source>Order %1 is %2 at version %3 here, but the server moved it from %4 to %5 at version %6 (by %7).</source>
        <translation>Bestellung %1 ist hier %2 in Version %3, der Server hat sie aber von %4 nach %5 in Version %6 geändert (durch %7).</translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>Outbox entry %1 is not waiting to be sent.</source>
        <translation>Der Ausgangseintrag %1 wartet nicht auf das Senden.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>The server&apos;s error answer is not a JSON object: %1</source>
        <translation>Die Fehlerantwort des Servers ist kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>The server&apos;s error answer lacks a numeric &quot;status&quot; or a &quot;code&quot;.</source>
        <translation>Der Fehlerantwort des Servers fehlt ein numerischer „status“ oder ein „code“.</translation>
    </message>
</context>
<context>
    <name>ReceiptNumber</name>
    <message>
        <source>store and terminal codes must be 1 to 16 letters or digits, not &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>Geschäfts- und Kassenkürzel müssen 1 bis 16 Buchstaben oder Ziffern sein, nicht „%1“ und „%2“</translation>
    </message>
    <message>
        <source>receipt sequences start at 1, not %1</source>
        <translation>Belegnummern beginnen bei 1, nicht bei %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a receipt number like S1-T1-000042</source>
        <translation>„%1“ ist keine Belegnummer wie S1-T1-000042</translation>
    </message>
</context>
<context>
    <name>ReceiptPainter</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Card (%1)</source>
        <translation>Karte (%1)</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
    <message>
        <source>Cashier %1</source>
        <translation>Kassierer %1</translation>
    </message>
    <message>
        <source>  %1 × %2</source>
        <translation>  %1 × %2</translation>
    </message>
    <message>
        <source>, less %1</source>
        <translation>, abzüglich %1</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Rabatte</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>  Tax %1 % on %2</source>
        <translation>  MwSt. %1 % auf %2</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Journal %1 · %2</source>
        <translation>Journal %1 · %2</translation>
    </message>
</context>
<context>
    <name>ServerHistorySource</name>
    <message>
        <source>Server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>The server&apos;s history finds a receipt number or a SKU, not both at once.</source>
        <translation>Der Verlauf des Servers sucht eine Belegnummer oder eine Artikelnummer, nicht beides zugleich.</translation>
    </message>
</context>
<context>
    <name>ServerOrderBackend</name>
    <message>
        <source>on the server</source>
        <translation>auf dem Server</translation>
    </message>
</context>
<context>
    <name>ShiftStore</name>
    <message>
        <source>The opening float must be an amount in %1.</source>
        <translation>Der Wechselgeldbestand muss ein Betrag in %1 sein.</translation>
    </message>
    <message>
        <source>%1 already has an open shift.</source>
        <translation>%1 hat bereits eine offene Schicht.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) have not reached the server yet. Wait for sync, or ask a manager to close anyway.</source>
        <translation>
            <numerusform>%n Bestellung hat den Server noch nicht erreicht. Warten Sie auf den Sync oder lassen Sie die Marktleitung trotzdem abschließen.</numerusform>
            <numerusform>%n Bestellungen haben den Server noch nicht erreicht. Warten Sie auf den Sync oder lassen Sie die Marktleitung trotzdem abschließen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This shift is already closed.</source>
        <translation>Diese Schicht ist bereits abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>&quot;%1&quot; could not be written to %2.</source>
        <translation>„%1“ konnte nicht nach %2 geschrieben werden.</translation>
    </message>
    <message>
        <source>There is no printer called &quot;%1&quot;; &quot;%2&quot; is kept in %3.</source>
        <translation>Es gibt keinen Drucker „%1“; „%2“ liegt in %3.</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; did not take &quot;%2&quot;; it is kept in %3.</source>
        <translation>Der Drucker „%1“ hat „%2“ nicht angenommen; es liegt in %3.</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address like https://pos.example.org</source>
        <translation>„%1“ ist keine Serveradresse wie https://pos.example.org</translation>
    </message>
</context>
<context>
    <name>TaxRate</name>
    <message>
        <source>&quot;%1&quot; is not a tax rate in percent like 19 or 8.875</source>
        <translation>„%1“ ist kein Steuersatz in Prozent wie 19 oder 8,875</translation>
    </message>
    <message>
        <source>a tax rate must lie between 0 and 100 percent</source>
        <translation>ein Steuersatz muss zwischen 0 und 100 Prozent liegen</translation>
    </message>
</context>
<context>
    <name>TerminalSettings</name>
    <message>
        <source>Store and terminal codes must be 1 to 16 letters or digits, not &quot;%1&quot; and &quot;%2&quot;.</source>
        <translation>Geschäfts- und Kassenkürzel müssen 1 bis 16 Buchstaben oder Ziffern sein, nicht „%1“ und „%2“.</translation>
    </message>
    <message>
        <source>This terminal database is already set up; it was not changed.</source>
        <translation>Diese Kassendatenbank ist bereits eingerichtet; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This terminal is not set up yet; run counterline-cli init first.</source>
        <translation>Diese Kasse ist noch nicht eingerichtet; führen Sie zuerst counterline-cli init aus.</translation>
    </message>
</context>
<context>
    <name>UserStore</name>
    <message>
        <source>A user needs a name.</source>
        <translation>Ein Benutzer braucht einen Namen.</translation>
    </message>
    <message>
        <source>The role is cashier or manager, not &quot;%1&quot;.</source>
        <translation>Die Rolle ist cashier oder manager, nicht „%1“.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Eine PIN hat 4 bis 8 Ziffern.</translation>
    </message>
    <message>
        <source>There is already a user called %1.</source>
        <translation>Es gibt bereits einen Benutzer namens %1.</translation>
    </message>
    <message>
        <source>Another user already has this PIN; choose a different one.</source>
        <translation>Ein anderer Benutzer hat diese PIN schon; wählen Sie eine andere.</translation>
    </message>
</context>
<context>
    <name>counterline</name>
    <message>
        <source>Counterline</source>
        <translation>Counterline</translation>
    </message>
    <message>
        <source>--back-office --server needs the server&apos;s URL and a token (--token or COUNTERLINE_TOKEN).</source>
        <translation>--back-office --server braucht die URL des Servers und ein Token (--token oder COUNTERLINE_TOKEN).</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Backoffice</translation>
    </message>
    <message>
        <source>Manager&apos;s PIN:</source>
        <translation>PIN einer Marktleitung:</translation>
    </message>
    <message>
        <source>The back office opens with a manager&apos;s PIN.</source>
        <translation>Das Backoffice öffnet sich mit der PIN einer Marktleitung.</translation>
    </message>
    <message>
        <source>Counterline checkout for cashiers.</source>
        <translation>Counterline-Kasse für Kassierer.</translation>
    </message>
    <message>
        <source>Where the terminal keeps its database.</source>
        <translation>Wo die Kasse ihre Datenbank ablegt.</translation>
    </message>
    <message>
        <source>Where receipts are kept as PDF (default: DIR/receipts).</source>
        <translation>Wo Belege als PDF abgelegt werden (Standard: DIR/receipts).</translation>
    </message>
    <message>
        <source>Also print receipts and Z reports on this printer (its CUPS name); they are always kept as PDF.</source>
        <translation>Belege und Z-Berichte auch auf diesem Drucker ausgeben (CUPS-Name); als PDF werden sie immer abgelegt.</translation>
    </message>
    <message>
        <source>Charge cards through this payment service (counterline-paysim), e.g. http://127.0.0.1:8090.</source>
        <translation>Karten über diesen Zahlungsdienst belasten (counterline-paysim), z. B. http://127.0.0.1:8090.</translation>
    </message>
    <message>
        <source>Receipt paper: thermal (80 mm, default) or a4.</source>
        <translation>Belegpapier: thermal (80 mm, Standard) oder a4.</translation>
    </message>
    <message>
        <source>Open the back office instead of the till: this terminal&apos;s orders (a manager&apos;s PIN is asked), or with --server the server&apos;s.</source>
        <translation>Das Backoffice statt der Kasse öffnen: die Bestellungen dieser Kasse (mit PIN einer Marktleitung) oder mit --server die des Servers.</translation>
    </message>
    <message>
        <source>--back-office for head office: the server&apos;s URL, e.g. https://pos.example.org (no terminal database needed).</source>
        <translation>--back-office für die Zentrale: die URL des Servers, z. B. https://pos.example.org (keine Kassendatenbank nötig).</translation>
    </message>
    <message>
        <source>--server: a back-office user&apos;s token (counterline-server user add), or set COUNTERLINE_TOKEN.</source>
        <translation>--server: das Token eines Backoffice-Benutzers (counterline-server user add) oder COUNTERLINE_TOKEN.</translation>
    </message>
    <message>
        <source>The terminal in %1 is not set up yet: run counterline-cli init, or enroll it with a server.</source>
        <translation>Die Kasse in %1 ist noch nicht eingerichtet: führen Sie counterline-cli init aus oder melden Sie sie bei einem Server an.</translation>
    </message>
    <message>
        <source>--paper is thermal or a4, not &quot;%1&quot;.</source>
        <translation>--paper ist thermal oder a4, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>counterline::Allocation</name>
    <message>
        <source>there is nothing to allocate to</source>
        <translation>es gibt nichts, worauf verteilt werden kann</translation>
    </message>
    <message>
        <source>allocation weights must not be negative</source>
        <translation>Verteilungsgewichte dürfen nicht negativ sein</translation>
    </message>
    <message>
        <source>allocation weights must not all be zero</source>
        <translation>Verteilungsgewichte dürfen nicht alle null sein</translation>
    </message>
</context>
<context>
    <name>counterline::Csv</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>Zeile %1: ein Feld in Anführungszeichen wird nie geschlossen</translation>
    </message>
</context>
<context>
    <name>counterline::DecimalText</name>
    <message>
        <source>&quot;%1&quot; is not a plain decimal number like 1.49</source>
        <translation>„%1“ ist keine einfache Dezimalzahl wie 1,49</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has more than %n decimal place(s)</source>
        <translation>
            <numerusform>„%1“ hat mehr als %n Nachkommastelle</numerusform>
            <numerusform>„%1“ hat mehr als %n Nachkommastellen</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large</source>
        <translation>„%1“ ist zu groß</translation>
    </message>
</context>
<context>
    <name>counterline::Money</name>
    <message>
        <source>the amount is too large to be represented</source>
        <translation>der Betrag ist zu groß, um dargestellt zu werden</translation>
    </message>
</context>
<context>
    <name>counterline::OrderStateMachine</name>
    <message>
        <source>an order that is %1 cannot take the event %2</source>
        <translation>eine Bestellung im Zustand %1 kann das Ereignis %2 nicht annehmen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order status</source>
        <translation>„%1“ ist kein Bestellstatus</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order event</source>
        <translation>„%1“ ist kein Bestellereignis</translation>
    </message>
</context>
<context>
    <name>counterline::Tender</name>
    <message>
        <source>&quot;%1&quot; is not a tender kind (cash or card)</source>
        <translation>„%1“ ist keine Zahlungsart (cash oder card)</translation>
    </message>
</context>
<context>
    <name>counterline::protocol</name>
    <message>
        <source>&quot;%1&quot; must be a whole number of minor units below 2^53.</source>
        <translation>„%1“ muss eine ganze Zahl kleinster Währungseinheiten unter 2^53 sein.</translation>
    </message>
    <message>
        <source>The outbox row does not hold a sale record.</source>
        <translation>Die Ausgangszeile enthält keinen Verkaufsdatensatz.</translation>
    </message>
</context>
<context>
    <name>counterline::store</name>
    <message>
        <source>The terminal database refused &quot;%1&quot;: %2</source>
        <translation>Die Kassendatenbank hat „%1“ abgelehnt: %2</translation>
    </message>
    <message>
        <source>The order history needs a SQLite connection.</source>
        <translation>Der Bestellverlauf braucht eine SQLite-Verbindung.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; found nothing</source>
        <translation>„%1“ hat nichts gefunden</translation>
    </message>
</context>
<context>
    <name>counterline::store::OrderStore</name>
    <message>
        <source>Order %1 was changed by someone else (it is no longer at version %2). Reload it and decide again.</source>
        <translation>Bestellung %1 wurde von jemand anderem geändert (sie ist nicht mehr bei Version %2). Laden Sie sie neu und entscheiden Sie erneut.</translation>
    </message>
</context>
<context>
    <name>counterline::sync</name>
    <message>
        <source>The server could not report this terminal&apos;s journal (%1): %2</source>
        <translation>Der Server konnte das Journal dieser Kasse nicht melden (%1): %2</translation>
    </message>
    <message>
        <source>The server refused this terminal (%1): enrol it again.</source>
        <translation>Der Server hat diese Kasse abgewiesen (%1): melden Sie sie erneut an.</translation>
    </message>
    <message>
        <source>order.version_conflict: the order was changed on the server first; it is now %1 at version %2. Look at it and decide again.</source>
        <translation>order.version_conflict: die Bestellung wurde zuerst auf dem Server geändert; sie ist jetzt %1 in Version %2. Sehen Sie sie an und entscheiden Sie erneut.</translation>
    </message>
    <message>
        <source>The server sent a change this terminal cannot read: %1</source>
        <translation>Der Server hat eine Änderung geschickt, die diese Kasse nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The server did not hand out its changes (%1): %2</source>
        <translation>Der Server hat seine Änderungen nicht herausgegeben (%1): %2</translation>
    </message>
    <message>
        <source>The server at %1 does not answer: %2</source>
        <translation>Der Server unter %1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>Der Server antwortete mit HTTP %1.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::CardPayments</name>
    <message>
        <source>Card approved.</source>
        <translation>Karte genehmigt.</translation>
    </message>
    <message>
        <source>The card was declined (%1).</source>
        <translation>Die Karte wurde abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The payment service is a URL such as http://127.0.0.1:8090, not &quot;%1&quot;.</source>
        <translation>Der Zahlungsdienst ist eine URL wie http://127.0.0.1:8090, nicht „%1“.</translation>
    </message>
    <message>
        <source>The payment service at %1 is not on this machine: it needs https.</source>
        <translation>Der Zahlungsdienst unter %1 läuft nicht auf diesem Rechner: er braucht https.</translation>
    </message>
    <message>
        <source>The payment service cannot be reached (%1); nothing was charged.</source>
        <translation>Der Zahlungsdienst ist nicht erreichbar (%1); es wurde nichts belastet.</translation>
    </message>
    <message>
        <source>The payment service refused the payment: %1</source>
        <translation>Der Zahlungsdienst hat die Zahlung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The payment did not go through (%1); nothing was charged. Try again.</source>
        <translation>Die Zahlung ist nicht durchgegangen (%1); es wurde nichts belastet. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The payment service did not answer (%1). Whether the card was charged is not known yet; trying again asks about this payment, it does not charge twice.</source>
        <translation>Der Zahlungsdienst hat nicht geantwortet (%1). Ob die Karte belastet wurde, ist noch unbekannt; ein neuer Versuch fragt nach dieser Zahlung und belastet nicht doppelt.</translation>
    </message>
</context>
<context>
    <name>counterline::ui</name>
    <message>
        <source>&quot;%1&quot; is not an amount.</source>
        <translation>„%1“ ist kein Betrag.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::BackOfficeWindow</name>
    <message>
        <source>Counterline back office — %1</source>
        <translation>Counterline-Backoffice — %1</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message numerus="yes">
        <source>%n orders written to %1.</source>
        <translation>
            <numerusform>%n Bestellung nach %1 geschrieben.</numerusform>
            <numerusform>%n Bestellungen nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the filtered history</source>
        <translation>Gefilterten Verlauf exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>counterline::ui::CartModel</name>
    <message>
        <source>%1 (price changed)</source>
        <translation>%1 (Preis geändert)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>counterline::ui::CheckoutWindow</name>
    <message>
        <source>Counterline — %1-%2</source>
        <translation>Counterline — %1-%2</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a SKU, and press Enter</source>
        <translation>Barcode scannen oder Artikelnummer tippen, dann Enter</translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation>F2 Menge</translation>
    </message>
    <message>
        <source>F3 Price</source>
        <translation>F3 Preis</translation>
    </message>
    <message>
        <source>F4 Void line</source>
        <translation>F4 Zeile löschen</translation>
    </message>
    <message>
        <source>F5 Discount</source>
        <translation>F5 Rabatt</translation>
    </message>
    <message>
        <source>F6 Return</source>
        <translation>F6 Rückgabe</translation>
    </message>
    <message>
        <source>F7 Void last sale</source>
        <translation>F7 Storno</translation>
    </message>
    <message>
        <source>F8 Park</source>
        <translation>F8 Parken</translation>
    </message>
    <message>
        <source>F9 Resume</source>
        <translation>F9 Fortsetzen</translation>
    </message>
    <message>
        <source>F10 Log out</source>
        <translation>F10 Abmelden</translation>
    </message>
    <message>
        <source>F11 Close shift</source>
        <translation>F11 Abschluss</translation>
    </message>
    <message>
        <source>F12 Pay</source>
        <translation>F12 Bezahlen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Marktleitung</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Schicht öffnen</translation>
    </message>
    <message>
        <source>%1, count the opening float in the drawer:</source>
        <translation>%1, zählen Sie den Wechselgeldbestand in der Lade:</translation>
    </message>
    <message>
        <source>Closing the shift before every order has synced</source>
        <translation>Schichtabschluss, bevor alle Bestellungen synchronisiert sind</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-Bericht</translation>
    </message>
    <message>
        <source>Shift closed. Cash difference %1.</source>
        <translation>Schicht abgeschlossen. Kassendifferenz %1.</translation>
    </message>
    <message>
        <source>Nothing in the catalog has the barcode or SKU &quot;%1&quot;.</source>
        <translation>Im Katalog hat nichts den Barcode oder die Artikelnummer „%1“.</translation>
    </message>
    <message>
        <source>Several products match &quot;%1&quot;: pick one with ↓ and Enter.</source>
        <translation>Mehrere Artikel passen zu „%1“: einen mit ↓ und Enter wählen.</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>How many?</source>
        <translation>Wie viele?</translation>
    </message>
    <message>
        <source>Not approved: %1.</source>
        <translation>Nicht genehmigt: %1.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>New unit price for %1:</source>
        <translation>Neuer Stückpreis für %1:</translation>
    </message>
    <message>
        <source>Changing the price of %1</source>
        <translation>Preisänderung für %1</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Discount on %1, in percent:</source>
        <translation>Rabatt auf %1 in Prozent:</translation>
    </message>
    <message>
        <source>A discount of %1 %</source>
        <translation>Ein Rabatt von %1 %</translation>
    </message>
    <message>
        <source>There is no sale to void since you logged in.</source>
        <translation>Seit Ihrer Anmeldung gibt es keinen Verkauf zum Stornieren.</translation>
    </message>
    <message>
        <source>Voiding the last sale</source>
        <translation>Storno des letzten Verkaufs</translation>
    </message>
    <message>
        <source>The last sale is void; give the money back.</source>
        <translation>Der letzte Verkauf ist storniert; geben Sie das Geld zurück.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Receipt number of the sale brought back:</source>
        <translation>Belegnummer des zurückgebrachten Verkaufs:</translation>
    </message>
    <message>
        <source>No sale on this terminal has the receipt number &quot;%1&quot;.</source>
        <translation>Kein Verkauf dieser Kasse hat die Belegnummer „%1“.</translation>
    </message>
    <message>
        <source>Receipt %1 is %2; there is nothing to give back.</source>
        <translation>Beleg %1 ist %2; es gibt nichts zurückzugeben.</translation>
    </message>
    <message>
        <source>Returning sale %1 (%2)</source>
        <translation>Rückgabe von Verkauf %1 (%2)</translation>
    </message>
    <message>
        <source>Sale %1 returned: give back %2.</source>
        <translation>Verkauf %1 zurückgenommen: geben Sie %2 zurück.</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>Der Warenkorb ist leer.</translation>
    </message>
    <message>
        <source>The sale was not saved: %1</source>
        <translation>Der Verkauf wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Paid. Receipt %1.</source>
        <translation>Bezahlt. Beleg %1.</translation>
    </message>
    <message>
        <source>Change due: %1. Receipt %2.</source>
        <translation>Rückgeld: %1. Beleg %2.</translation>
    </message>
    <message>
        <source>Cart parked. F9 brings it back.</source>
        <translation>Warenkorb geparkt. F9 holt ihn zurück.</translation>
    </message>
    <message>
        <source>No parked carts.</source>
        <translation>Keine geparkten Warenkörbe.</translation>
    </message>
    <message>
        <source>Cart parked by %1 at %2 resumed.</source>
        <translation>Von %1 um %2 geparkter Warenkorb fortgesetzt.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Schicht abschließen</translation>
    </message>
    <message>
        <source>Cash counted in the drawer</source>
        <translation>Gezähltes Bargeld in der Lade</translation>
    </message>
    <message>
        <source>Card total on the reader&apos;s slip</source>
        <translation>Kartensumme laut Terminalbeleg</translation>
    </message>
</context>
<context>
    <name>counterline::ui::FollowUpsView</name>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>No card taken offline has been declined.</source>
        <translation>Keine offline angenommene Karte wurde abgelehnt.</translation>
    </message>
    <message numerus="yes">
        <source>%n sales paid by a card taken offline that was declined afterwards: contact the customer.</source>
        <translation>
            <numerusform>%n Verkauf mit einer offline angenommenen Karte, die danach abgelehnt wurde: kontaktieren Sie die Kundschaft.</numerusform>
            <numerusform>%n Verkäufe mit einer offline angenommenen Karte, die danach abgelehnt wurde: kontaktieren Sie die Kundschaft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryFilterBar</name>
    <message>
        <source>From (YYYY-MM-DD)</source>
        <translation>Von (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>To (YYYY-MM-DD)</source>
        <translation>Bis (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>Beleg-Nr.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Min. total</source>
        <translation>Min. Summe</translation>
    </message>
    <message>
        <source>Max. total</source>
        <translation>Max. Summe</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date like 2026-11-24.</source>
        <translation>„%1“ ist kein Datum wie 2026-11-24.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryModel</name>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Wartet auf Sync</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Sync / store</source>
        <translation>Sync / Geschäft</translation>
    </message>
</context>
<context>
    <name>counterline::ui::LoginPage</name>
    <message>
        <source>Type your PIN and press Enter</source>
        <translation>PIN eingeben und Enter drücken</translation>
    </message>
    <message>
        <source>That PIN is not known here. Try again.</source>
        <translation>Diese PIN ist hier nicht bekannt. Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ManagerApproval</name>
    <message>
        <source>Manager approval</source>
        <translation>Freigabe durch Marktleitung</translation>
    </message>
    <message>
        <source>%1 needs a manager. Manager PIN:</source>
        <translation>%1 braucht die Marktleitung. PIN der Marktleitung:</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>That is not a manager&apos;s PIN.</source>
        <translation>Das ist keine PIN einer Marktleitung.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::OrderDetailView</name>
    <message>
        <source>Choose an order in the list.</source>
        <translation>Wählen Sie eine Bestellung in der Liste.</translation>
    </message>
    <message>
        <source>Cancel (refund and restock)</source>
        <translation>Stornieren (erstatten, zurück ins Lager)</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Versenden</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Refund in full</source>
        <translation>Voll erstatten</translation>
    </message>
    <message>
        <source>Receipt %1 — %2, version %3</source>
        <translation>Beleg %1 — %2, Version %3</translation>
    </message>
    <message>
        <source>Sold %1 by %2 at store %3, till %4.</source>
        <translation>Verkauft %1 von %2 in Geschäft %3, Kasse %4.</translation>
    </message>
    <message>
        <source>Customer %1.</source>
        <translation>Kunde %1.</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Name at the sale</source>
        <translation>Name beim Verkauf</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Total %1, of which tax %2.</source>
        <translation>Summe %1, davon MwSt. %2.</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>taken offline, charged by the server</source>
        <translation>offline angenommen, vom Server belastet</translation>
    </message>
    <message>
        <source>Change given: %1</source>
        <translation>Rückgeld gegeben: %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (version %4) by %5</source>
        <translation>%1: %2 → %3 (Version %4) durch %5</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Entry %1 (%2), hash &lt;tt&gt;%3&lt;/tt&gt;</source>
        <translation>Eintrag %1 (%2), Hash &lt;tt&gt;%3&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>%1 with key &lt;tt&gt;%2&lt;/tt&gt;: %3 after %4 attempts</source>
        <translation>%1 mit Schlüssel &lt;tt&gt;%2&lt;/tt&gt;: %3 nach %4 Versuchen</translation>
    </message>
    <message>
        <source>last answer HTTP %1</source>
        <translation>letzte Antwort HTTP %1</translation>
    </message>
    <message>
        <source>Server order number %1</source>
        <translation>Bestellnummer auf dem Server %1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Someone changed the order; it could not be read again: %1</source>
        <translation>Jemand hat die Bestellung geändert; sie konnte nicht neu gelesen werden: %1</translation>
    </message>
    <message>
        <source>Since you opened it (version %1), order %2 has become %3 (version %4).</source>
        <translation>Seit Sie sie geöffnet haben (Version %1), ist Bestellung %2 zu %3 geworden (Version %4).</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 durch %3</translation>
    </message>
    <message>
        <source>Someone changed this order first</source>
        <translation>Jemand hat diese Bestellung zuerst geändert</translation>
    </message>
    <message>
        <source>Nothing was changed by you. Reload the order and decide again.</source>
        <translation>Von Ihnen wurde nichts geändert. Laden Sie die Bestellung neu und entscheiden Sie erneut.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>counterline::ui::PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Bezahlung</translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation>Gegebenes Bargeld</translation>
    </message>
    <message>
        <source>Cash (Enter)</source>
        <translation>Bar (Enter)</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Passend</translation>
    </message>
    <message>
        <source>Approval code from the card reader</source>
        <translation>Genehmigungscode vom Kartenterminal</translation>
    </message>
    <message>
        <source>Card approved (F6)</source>
        <translation>Karte genehmigt (F6)</translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation>Zurück zum Verkauf (Esc)</translation>
    </message>
    <message>
        <source>Type the cash the customer gave.</source>
        <translation>Geben Sie das erhaltene Bargeld ein.</translation>
    </message>
    <message>
        <source>Type the approval code the card reader printed.</source>
        <translation>Geben Sie den Genehmigungscode vom Terminalbeleg ein.</translation>
    </message>
    <message>
        <source>Card approved by the bank</source>
        <translation>Karte von der Bank genehmigt</translation>
    </message>
    <message>
        <source>Card without funds</source>
        <translation>Karte ohne Deckung</translation>
    </message>
    <message>
        <source>Expired card</source>
        <translation>Abgelaufene Karte</translation>
    </message>
    <message>
        <source>Charge card (F8)</source>
        <translation>Karte belasten (F8)</translation>
    </message>
    <message>
        <source>Waiting for the card…</source>
        <translation>Warte auf die Karte…</translation>
    </message>
    <message>
        <source>Take the card offline (F9)? It is charged when the till is online again.</source>
        <translation>Karte offline annehmen (F9)? Sie wird belastet, sobald die Kasse wieder online ist.</translation>
    </message>
    <message>
        <source>Take card offline (F9)</source>
        <translation>Karte offline (F9)</translation>
    </message>
    <message>
        <source>Waiting for the card; the payment&apos;s outcome comes first.</source>
        <translation>Warte auf die Karte; zuerst kommt das Ergebnis der Zahlung.</translation>
    </message>
    <message>
        <source>Cash %1</source>
        <translation>Bar %1</translation>
    </message>
    <message>
        <source>Card %1 offline, charged later</source>
        <translation>Karte %1 offline, wird später belastet</translation>
    </message>
    <message>
        <source>Card %1 (%2)</source>
        <translation>Karte %1 (%2)</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>Zu zahlen: %1</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ProductSearchModel</name>
    <message>
        <source>%1  ·  %2  ·  %3</source>
        <translation>%1  ·  %2  ·  %3</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ReportsView</name>
    <message>
        <source>Sales by hour on</source>
        <translation>Umsatz nach Stunden am</translation>
    </message>
    <message>
        <source>Totals from</source>
        <translation>Summen vom</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Sales on %1</source>
        <translation>Umsatz am %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sales, %1</source>
        <translation>
            <numerusform>%n Verkauf, %1</numerusform>
            <numerusform>%n Verkäufe, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tax rate %1 %</source>
        <translation>Steuersatz %1 %</translation>
    </message>
    <message numerus="yes">
        <source>All sales (%n)</source>
        <translation>
            <numerusform>Alle Verkäufe (%n)</numerusform>
            <numerusform>Alle Verkäufe (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash, less change</source>
        <translation>Bar, abzüglich Rückgeld</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>of which taken offline</source>
        <translation>davon offline angenommen</translation>
    </message>
</context>
<context>
    <name>counterline::ui::SyncDashboard</name>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut senden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation>Diagnose exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n wartet auf das Senden</numerusform>
            <numerusform>%n warten auf das Senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needing attention</source>
        <translation>
            <numerusform>%n braucht Aufmerksamkeit</numerusform>
            <numerusform>%n brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>Oldest waiting since %1. </source>
        <translation>Älteste wartet seit %1. </translation>
    </message>
    <message>
        <source>Last delivery %1.</source>
        <translation>Letzte Zustellung %1.</translation>
    </message>
    <message>
        <source>Nothing delivered yet.</source>
        <translation>Noch nichts zugestellt.</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Letztes Problem: %1</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Diagnose exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>counterline::ui::SyncStatusBar</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>Sync: nicht eingerichtet</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Nichts wartet</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting, oldest %1</source>
        <translation>
            <numerusform>%n wartet, älteste %1</numerusform>
            <numerusform>%n warten, älteste %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Letzter Sync %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n need attention</source>
        <translation>
            <numerusform>⚠ %n braucht Aufmerksamkeit</numerusform>
            <numerusform>⚠ %n brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Orders that need attention</source>
        <translation>Bestellungen, die Aufmerksamkeit brauchen</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::TotalsPanel</name>
    <message>
        <source>Items: %1</source>
        <translation>Artikel: %1</translation>
    </message>
    <message>
        <source>Discounts: −%1</source>
        <translation>Rabatte: −%1</translation>
    </message>
    <message>
        <source>Tax %1 %: %2</source>
        <translation>MwSt. %1 %: %2</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ZReport</name>
    <message>
        <source>Z report</source>
        <translation>Z-Bericht</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Total sales</source>
        <translation>Gesamtumsatz</translation>
    </message>
    <message>
        <source>  Tax %1 %: net %2</source>
        <translation>  MwSt. %1 %: netto %2</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Wechselgeldbestand</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>Bareinnahmen</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>Bar erwartet</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Bar gezählt</translation>
    </message>
    <message>
        <source>Cash difference</source>
        <translation>Kassendifferenz</translation>
    </message>
    <message>
        <source>Card taken</source>
        <translation>Karteneinnahmen</translation>
    </message>
    <message>
        <source>Card counted</source>
        <translation>Karte gezählt</translation>
    </message>
    <message>
        <source>Card difference</source>
        <translation>Kartendifferenz</translation>
    </message>
    <message>
        <source>Grand total (terminal)</source>
        <translation>Gesamtsumme (Kasse)</translation>
    </message>
    <message numerus="yes">
        <source>Closed with %n order(s) not yet synced</source>
        <translation>
            <numerusform>Abgeschlossen mit %n noch nicht synchronisierten Bestellung</numerusform>
            <numerusform>Abgeschlossen mit %n noch nicht synchronisierten Bestellungen</numerusform>
        </translation>
    </message>
    <message>
        <source>  approved by %1</source>
        <translation>  freigegeben von %1</translation>
    </message>
</context>
</TS>
