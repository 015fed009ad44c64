<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CardRefunds</name>
    <message>
        <source>The payment service refused to refund %1 of charge %2: %3</source>
        <translation>Der Zahlungsdienst hat die Erstattung von %1 aus Belastung %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>no payment service is configured (--payments)</source>
        <translation>kein Zahlungsdienst eingerichtet (--payments)</translation>
    </message>
    <message>
        <source>Order %1 has no refund number %2.</source>
        <translation>Bestellung %1 hat keine Erstattung Nummer %2.</translation>
    </message>
</context>
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
    <name>CatalogCheck</name>
    <message>
        <source>Line %1 (%2 &quot;%3&quot;)</source>
        <translation>Zeile %1 (%2 „%3“)</translation>
    </message>
    <message>
        <source>catalog version %1</source>
        <translation>Katalogversion %1</translation>
    </message>
    <message>
        <source>catalog as of %1</source>
        <translation>Katalog zum Stand %1</translation>
    </message>
    <message>
        <source>%1: not in the catalog (%2)</source>
        <translation>%1: nicht im Katalog (%2)</translation>
    </message>
    <message>
        <source>%1: sold at %2 with no approver recorded; the catalog had %3 (%4)</source>
        <translation>%1: zu %2 verkauft, ohne erfasste Freigabe; der Katalog hatte %3 (%4)</translation>
    </message>
    <message>
        <source>%1: sold with tax rate %2; the catalog had %3 (%4)</source>
        <translation>%1: mit Steuersatz %2 verkauft; der Katalog hatte %3 (%4)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is not in the catalog</source>
        <translation>„%1“ %2 ist nicht im Katalog</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is not the catalog&apos;s %3 for %4</source>
        <translation>„%1“ %2 ist nicht der Wert %3 des Katalogs für %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is below the catalog price %3 of %4; an order that is not paid yet is placed at the catalog&apos;s prices</source>
        <translation>„%1“ %2 liegt unter dem Katalogpreis %3 von %4; eine noch nicht bezahlte Bestellung gilt zu Katalogpreisen</translation>
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
    <name>CatalogService</name>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>Zeile %1: %2; es wurde nichts importiert</translation>
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
    <name>EventOutbox</name>
    <message>
        <source>A terminal sees only its own store&apos;s events.</source>
        <translation>Eine Kasse sieht nur die Ereignisse ihres eigenen Geschäfts.</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>There is no follow-up %1.</source>
        <translation>Es gibt keinen Klärfall %1.</translation>
    </message>
    <message>
        <source>This store is not yours to see.</source>
        <translation>Dieses Geschäft dürfen Sie nicht einsehen.</translation>
    </message>
    <message>
        <source>Tills raise follow-ups; head office notes and settles them.</source>
        <translation>Klärfälle melden die Kassen; die Zentrale versieht sie mit Notizen und erledigt sie.</translation>
    </message>
    <message>
        <source>&quot;note&quot; must say what was done</source>
        <translation>„note“ muss sagen, was getan wurde</translation>
    </message>
    <message>
        <source>&quot;note&quot; is longer than 2,000 characters</source>
        <translation>„note“ ist länger als 2.000 Zeichen</translation>
    </message>
    <message>
        <source>Follow-up %1 was settled at %2 by %3; it takes no more notes.</source>
        <translation>Klärfall %1 wurde am %2 von %3 erledigt; er nimmt keine Notizen mehr an.</translation>
    </message>
</context>
<context>
    <name>HistoryCheck</name>
    <message>
        <source>&quot;events&quot;: %1</source>
        <translation>„events“: %1</translation>
    </message>
    <message>
        <source>&quot;events[%1]&quot;: &quot;from&quot; and &quot;to&quot; must be order statuses</source>
        <translation>„events[%1]“: „from“ und „to“ müssen Bestellstatus sein</translation>
    </message>
    <message>
        <source>&quot;events&quot; lead to %1 at version %2, but the order says %3 at version %4</source>
        <translation>„events“ führen zu %1 in Version %2, die Bestellung nennt aber %3 in Version %4</translation>
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
    <name>JournalEntries</name>
    <message>
        <source>Only a terminal&apos;s token has a journal.</source>
        <translation>Nur das Token einer Kasse hat ein Journal.</translation>
    </message>
    <message>
        <source>&quot;kind&quot; must be lower-case letters and underscores</source>
        <translation>„kind“ muss aus Kleinbuchstaben und Unterstrichen bestehen</translation>
    </message>
    <message>
        <source>&quot;record&quot; must be the entry&apos;s record as a string</source>
        <translation>„record“ muss der Inhalt des Eintrags als Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;journal&quot; is missing</source>
        <translation>„journal“ fehlt</translation>
    </message>
    <message>
        <source>Journal entry %1: the record does not hash to %2 with the hash before it; it was changed on the way or at the till</source>
        <translation>Journaleintrag %1: der Inhalt ergibt mit dem Hash davor nicht den Hash %2; er wurde unterwegs oder an der Kasse verändert</translation>
    </message>
    <message>
        <source>&quot;record&quot; must be an entry of kind %1 with its payload</source>
        <translation>„record“ muss ein Eintrag der Art %1 mit seinen Nutzdaten sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a journal entry kind (lower-case letters and underscores)</source>
        <translation>„%1“ ist keine Art von Journaleintrag (Kleinbuchstaben und Unterstriche)</translation>
    </message>
</context>
<context>
    <name>JournalLinks</name>
    <message>
        <source>Journal entry %1 of this terminal is already held with another hash (it recorded order %2); the terminal&apos;s journal has forked, for example after restoring an old copy of its database.</source>
        <translation>Journaleintrag %1 dieser Kasse liegt bereits mit einem anderen Hash vor (er verzeichnete Bestellung %2); das Journal der Kasse hat sich verzweigt, etwa nach dem Wiederherstellen einer alten Kopie ihrer Datenbank.</translation>
    </message>
    <message>
        <source>Journal entry %1 of this terminal already recorded %2; one entry records one change.</source>
        <translation>Journaleintrag %1 dieser Kasse verzeichnete bereits %2; ein Eintrag verzeichnet eine Änderung.</translation>
    </message>
    <message>
        <source>a journal entry</source>
        <translation>einen Journaleintrag</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>Journal entry %1 is too far ahead: this server holds this terminal&apos;s entries up to %2, and entries %3 to %4 must arrive first (at most %5 may be outstanding).</source>
        <translation>Journaleintrag %1 liegt zu weit voraus: dieser Server hält die Einträge dieser Kasse bis %2, und die Einträge %3 bis %4 müssen zuerst ankommen (höchstens %5 dürfen ausstehen).</translation>
    </message>
</context>
<context>
    <name>ListQueries</name>
    <message>
        <source>&quot;%1&quot; must be a number from %2 to %3</source>
        <translation>„%1“ muss eine Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>&quot;status&quot; is not an order status: &quot;%1&quot;</source>
        <translation>„status“ ist kein Bestellstatus: „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an RFC 3339 time</source>
        <translation>„%1“ muss eine Zeit nach RFC 3339 sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number of minor units, 0 or more</source>
        <translation>„%1“ muss eine ganze Zahl kleinster Einheiten sein, 0 oder mehr</translation>
    </message>
    <message>
        <source>&quot;state&quot; must be open, settled or all, not &quot;%1&quot;</source>
        <translation>„state“ muss open, settled oder all sein, nicht „%1“</translation>
    </message>
    <message>
        <source>&quot;since&quot; must be a cursor from an earlier answer</source>
        <translation>„since“ muss ein Cursor aus einer früheren Antwort sein</translation>
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
    <name>NatsRelay</name>
    <message>
        <source>NATS: %1 failed: %2</source>
        <translation>NATS: %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>Verbinden mit %1</translation>
    </message>
    <message>
        <source>opening JetStream</source>
        <translation>Öffnen von JetStream</translation>
    </message>
    <message>
        <source>creating stream %1</source>
        <translation>Anlegen des Streams %1</translation>
    </message>
    <message>
        <source>publishing event %1</source>
        <translation>Veröffentlichen von Ereignis %1</translation>
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
    <message>
        <source>a return pays back exactly its total (%1), not %2</source>
        <translation>eine Rückgabe zahlt genau ihre Summe zurück (%1), nicht %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order kind (sale or return)</source>
        <translation>„%1“ ist keine Auftragsart (Verkauf oder Rückgabe)</translation>
    </message>
    <message>
        <source>line %1 (%2): %3 of %4 sold can still be returned, not %5</source>
        <translation>Zeile %1 (%2): von %4 verkauften können noch %3 zurückgegeben werden, nicht %5</translation>
    </message>
    <message>
        <source>%1 is a return itself; only a sale can be returned</source>
        <translation>%1 ist selbst eine Rückgabe; nur ein Verkauf kann zurückgegeben werden</translation>
    </message>
    <message>
        <source>line %1 of %2 is named twice</source>
        <translation>Zeile %1 von %2 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>%1 has no line %2</source>
        <translation>%1 hat keine Zeile %2</translation>
    </message>
    <message>
        <source>a return needs at least one item brought back</source>
        <translation>eine Rückgabe braucht mindestens einen zurückgebrachten Artikel</translation>
    </message>
    <message>
        <source>only a paid or completed sale can be returned; %1 is %2</source>
        <translation>nur ein bezahlter oder abgeschlossener Verkauf kann zurückgegeben werden; %1 ist %2</translation>
    </message>
</context>
<context>
    <name>OrderBackend</name>
    <message>
        <source>Returns are taken at the till the goods come back to.</source>
        <translation>Rückgaben werden an der Kasse angenommen, an die die Ware zurückkommt.</translation>
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
    <name>OrderIngest</name>
    <message>
        <source>Only an enrolled terminal may send its orders.</source>
        <translation>Nur eine angemeldete Kasse darf ihre Bestellungen senden.</translation>
    </message>
    <message>
        <source>This terminal is %1 of store %2; it cannot send orders of %3 of store %4.</source>
        <translation>Diese Kasse ist %1 von Geschäft %2; sie kann keine Bestellungen von %3 aus Geschäft %4 senden.</translation>
    </message>
    <message>
        <source>&quot;receipt_no&quot; %1 does not belong to %2-%3</source>
        <translation>„receipt_no“ %1 gehört nicht zu %2-%3</translation>
    </message>
    <message>
        <source>&quot;currency&quot; %1 is not a supported ISO 4217 code</source>
        <translation>„currency“ %1 ist kein unterstützter ISO-4217-Code</translation>
    </message>
    <message>
        <source>&quot;currency&quot; is %1 but store %2 sells in %3</source>
        <translation>„currency“ ist %1, Geschäft %2 verkauft aber in %3</translation>
    </message>
    <message>
        <source>The order id %1 belongs to another terminal.</source>
        <translation>Die Bestell-ID %1 gehört zu einer anderen Kasse.</translation>
    </message>
    <message>
        <source>&quot;lines&quot;: line_no %1 appears twice</source>
        <translation>„lines“: line_no %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>&quot;receipt_no&quot; %1 is already the receipt of order %2 of this terminal</source>
        <translation>„receipt_no“ %1 ist bereits der Beleg von Bestellung %2 dieser Kasse</translation>
    </message>
</context>
<context>
    <name>OrderJson</name>
    <message>
        <source>There is no order %1.</source>
        <translation>Es gibt keine Bestellung %1.</translation>
    </message>
</context>
<context>
    <name>OrderListing</name>
    <message>
        <source>A terminal sees only its own store&apos;s orders.</source>
        <translation>Eine Kasse sieht nur die Bestellungen ihres eigenen Geschäfts.</translation>
    </message>
    <message>
        <source>&quot;cursor&quot; is not a cursor this server handed out</source>
        <translation>„cursor“ ist kein Cursor dieses Servers</translation>
    </message>
</context>
<context>
    <name>OrderReplay</name>
    <message>
        <source>events[%1] (%2): %3</source>
        <translation>events[%1] (%2): %3</translation>
    </message>
    <message>
        <source>an order&apos;s history starts with Place</source>
        <translation>der Verlauf einer Bestellung beginnt mit Place</translation>
    </message>
    <message>
        <source>an order&apos;s history starts with Place, from no status to %1 at version 1</source>
        <translation>der Verlauf einer Bestellung beginnt mit Place, von keinem Status zu %1 in Version 1</translation>
    </message>
    <message>
        <source>Place happens once, first</source>
        <translation>Place kommt genau einmal vor, als Erstes</translation>
    </message>
    <message>
        <source>it leads from %1 to %2, not to %3</source>
        <translation>es führt von %1 zu %2, nicht zu %3</translation>
    </message>
    <message>
        <source>its version is %1, but the one before was %2</source>
        <translation>seine Version ist %1, die davor war aber %2</translation>
    </message>
    <message>
        <source>no history of the state machine leads to %1 at version %2</source>
        <translation>kein Verlauf des Zustandsautomaten führt zu %1 in Version %2</translation>
    </message>
    <message>
        <source>more than one history leads to %1 at version %2: send &quot;events&quot;</source>
        <translation>mehr als ein Verlauf führt zu %1 in Version %2: senden Sie „events“</translation>
    </message>
    <message>
        <source>it names no status it moves from, but the order was %1</source>
        <translation>es nennt keinen Status, von dem es ausgeht, aber die Bestellung war %1</translation>
    </message>
    <message>
        <source>it moves from %1, but the order was %2</source>
        <translation>es geht von %1 aus, aber die Bestellung war %2</translation>
    </message>
</context>
<context>
    <name>OrderReversal</name>
    <message>
        <source>&quot;refunds&quot; must be an array</source>
        <translation>„refunds“ muss ein Array sein</translation>
    </message>
    <message>
        <source>Refund %1 to the card of receipt %2 on the card reader that took it (approval %3).</source>
        <translation>%1 auf die Karte von Beleg %2 am Kartenterminal erstatten, das sie angenommen hat (Genehmigung %3).</translation>
    </message>
    <message>
        <source>&quot;refunds[%1]&quot; must name its tender (1, 2, …)</source>
        <translation>„refunds[%1]“ muss seine Zahlungsart nennen (1, 2, …)</translation>
    </message>
    <message>
        <source>&quot;refunds[%1]&quot; must give its amount in minor units</source>
        <translation>„refunds[%1]“ muss seinen Betrag in kleinsten Einheiten angeben</translation>
    </message>
    <message>
        <source>&quot;refunds[%1].outcome&quot; must be given_back, card_refunded, reader or owed</source>
        <translation>„refunds[%1].outcome“ muss given_back, card_refunded, reader oder owed sein</translation>
    </message>
    <message>
        <source>&quot;refunds[%1].refund_id&quot; must name the card refund</source>
        <translation>„refunds[%1].refund_id“ muss die Kartenerstattung nennen</translation>
    </message>
    <message>
        <source>Give back %1 in cash for receipt %2.</source>
        <translation>%1 in bar zurückgeben für Beleg %2.</translation>
    </message>
    <message>
        <source>Refund %1 to the card of receipt %2 (charge %3) through the payment service.</source>
        <translation>%1 über den Zahlungsdienst auf die Karte von Beleg %2 erstatten (Zahlung %3).</translation>
    </message>
    <message>
        <source>The till could not reach the payment service when it voided the sale.</source>
        <translation>Die Kasse erreichte den Zahlungsdienst nicht, als sie den Verkauf stornierte.</translation>
    </message>
    <message>
        <source>Head office cancelled or refunded the sale, away from the till that took the money.</source>
        <translation>Die Zentrale hat den Verkauf storniert oder erstattet, nicht die Kasse, die das Geld angenommen hat.</translation>
    </message>
    <message>
        <source>The till voided the sale before tills gave card money back themselves.</source>
        <translation>Die Kasse hat den Verkauf storniert, bevor Kassen Kartenzahlungen selbst erstatteten.</translation>
    </message>
</context>
<context>
    <name>OrderSaga</name>
    <message>
        <source>Order %1 has no saga.</source>
        <translation>Bestellung %1 hat keine Saga.</translation>
    </message>
    <message>
        <source>no payment service is configured (--payments)</source>
        <translation>kein Zahlungsdienst eingerichtet (--payments)</translation>
    </message>
    <message>
        <source>the card was declined (%1)</source>
        <translation>die Karte wurde abgelehnt (%1)</translation>
    </message>
    <message>
        <source>the payment service refused the charge: %1</source>
        <translation>der Zahlungsdienst hat die Belastung abgelehnt: %1</translation>
    </message>
    <message>
        <source>the order was %1 before the payment was confirmed</source>
        <translation>die Bestellung war %1, bevor die Zahlung bestätigt wurde</translation>
    </message>
    <message>
        <source>Order %1 was not paid: %2. It is cancelled and its stock released.</source>
        <translation>Bestellung %1 wurde nicht bezahlt: %2. Sie ist storniert, ihr Bestand freigegeben.</translation>
    </message>
    <message>
        <source>the order was %1 before its card was charged</source>
        <translation>die Bestellung war %1, bevor ihre Karte belastet wurde</translation>
    </message>
    <message>
        <source>the order was voided and its card never charged</source>
        <translation>die Bestellung wurde storniert und ihre Karte nie belastet</translation>
    </message>
    <message>
        <source>the sale was %1 while its card was being charged</source>
        <translation>der Verkauf wurde %1, während seine Karte belastet wurde</translation>
    </message>
    <message>
        <source>the refund&apos;s outcome is not known yet</source>
        <translation>das Ergebnis der Erstattung ist noch nicht bekannt</translation>
    </message>
</context>
<context>
    <name>OrderService</name>
    <message>
        <source>This order belongs to another store.</source>
        <translation>Diese Bestellung gehört zu einem anderen Geschäft.</translation>
    </message>
    <message>
        <source>&quot;journal&quot; is for a terminal&apos;s own changes only</source>
        <translation>„journal“ gibt es nur für eigene Änderungen einer Kasse</translation>
    </message>
    <message>
        <source>&quot;event&quot; %1 is not an event an order can take</source>
        <translation>„event“ %1 ist kein Ereignis, das eine Bestellung annehmen kann</translation>
    </message>
    <message>
        <source>&quot;reason&quot; must not be empty</source>
        <translation>„reason“ darf nicht leer sein</translation>
    </message>
    <message>
        <source>Order %1 changed while it was being cancelled; try again.</source>
        <translation>Bestellung %1 hat sich während des Stornierens geändert; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a name of at most 200 characters</source>
        <translation>„%1“ muss ein Name mit höchstens 200 Zeichen sein</translation>
    </message>
    <message>
        <source>A till changes only its own orders; this one was sold or placed by another.</source>
        <translation>Eine Kasse ändert nur ihre eigenen Bestellungen; diese wurde von einer anderen verkauft oder aufgegeben.</translation>
    </message>
    <message>
        <source>A till does not send %1: the payment service confirms payments.</source>
        <translation>Eine Kasse sendet kein %1: Zahlungen bestätigt der Zahlungsdienst.</translation>
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
    <message>
        <source>Order %1 is a return: it paid back already and cannot be refunded.</source>
        <translation>Auftrag %1 ist eine Rückgabe: er hat bereits zurückgezahlt und kann nicht erstattet werden.</translation>
    </message>
    <message>
        <source>Order %1 has returns already; it cannot be cancelled or refunded in full. Return the remaining items instead.</source>
        <translation>Auftrag %1 hat bereits Rückgaben; er kann weder storniert noch vollständig erstattet werden. Nehmen Sie stattdessen die übrigen Artikel zurück.</translation>
    </message>
    <message>
        <source>Order %1 has items returned here, but the server moved it from %2 to %3 at version %4 (by %5): the money of the returned items would go back twice.</source>
        <translation>Für Auftrag %1 wurden hier Artikel zurückgenommen, aber der Server hat ihn in Version %4 von %2 nach %3 bewegt (durch %5): das Geld der zurückgenommenen Artikel ginge zweimal zurück.</translation>
    </message>
    <message>
        <source>Money goes back only with a Cancel or a Refund of the whole sale.</source>
        <translation>Geld geht nur mit einem Cancel oder einem Refund des ganzen Verkaufs zurück.</translation>
    </message>
</context>
<context>
    <name>OrderTransitions</name>
    <message>
        <source>There is no order %1.</source>
        <translation>Es gibt keine Bestellung %1.</translation>
    </message>
    <message>
        <source>Order %1 is a return: it paid back already and cannot be refunded.</source>
        <translation>Auftrag %1 ist eine Rückgabe: er hat bereits zurückgezahlt und kann nicht erstattet werden.</translation>
    </message>
    <message>
        <source>Order %1 has returns already; it cannot be cancelled or refunded in full. Return the remaining items instead.</source>
        <translation>Auftrag %1 hat bereits Rückgaben; er kann weder storniert noch vollständig erstattet werden. Nehmen Sie stattdessen die übrigen Artikel zurück.</translation>
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
    <name>PaymentGateway</name>
    <message>
        <source>no answer to the charge (%1), and none to the question about it (%2)</source>
        <translation>keine Antwort auf die Belastung (%1) und keine auf die Nachfrage dazu (%2)</translation>
    </message>
    <message>
        <source>no refund was made (%1)</source>
        <translation>es wurde nichts erstattet (%1)</translation>
    </message>
    <message>
        <source>no answer to the refund (%1), and none to the question about it (%2)</source>
        <translation>keine Antwort auf die Erstattung (%1) und keine auf die Nachfrage dazu (%2)</translation>
    </message>
    <message>
        <source>nothing was refunded with this key</source>
        <translation>mit diesem Schlüssel wurde nichts erstattet</translation>
    </message>
    <message>
        <source>no answer to the question about the charge (%1)</source>
        <translation>keine Antwort auf die Frage nach der Zahlung (%1)</translation>
    </message>
</context>
<context>
    <name>PaymentLedger</name>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation>Das Kassenbuch %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a ledger this program can use: %2</source>
        <translation>%1 ist kein Kassenbuch, das dieses Programm verwenden kann: %2</translation>
    </message>
    <message>
        <source>%1 holds something else than a ledger; it is left untouched.</source>
        <translation>%1 enthält etwas anderes als ein Kassenbuch; es bleibt unverändert.</translation>
    </message>
    <message>
        <source>The Idempotency-Key %1 was used for a different charge.</source>
        <translation>Der Idempotency-Key %1 wurde für eine andere Belastung verwendet.</translation>
    </message>
    <message>
        <source>The Idempotency-Key %1 was used for a different refund.</source>
        <translation>Der Idempotency-Key %1 wurde für eine andere Erstattung verwendet.</translation>
    </message>
    <message>
        <source>There is no charge %1.</source>
        <translation>Es gibt keine Belastung %1.</translation>
    </message>
    <message>
        <source>Charge %1 was declined; there is nothing to refund.</source>
        <translation>Belastung %1 wurde abgelehnt; es gibt nichts zu erstatten.</translation>
    </message>
    <message>
        <source>Charge %1 has %2 left to refund, not %3 (minor units).</source>
        <translation>Von Belastung %1 sind noch %2 erstattbar, nicht %3 (kleinste Einheiten).</translation>
    </message>
    <message>
        <source>The ledger %1</source>
        <translation>Das Hauptbuch %1</translation>
    </message>
</context>
<context>
    <name>Principals</name>
    <message>
        <source>%1 &quot;%2&quot; already exists; nothing was changed.</source>
        <translation>%1 „%2“ existiert bereits; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>A store id is 1 to 16 letters or digits, not &quot;%1&quot;.</source>
        <translation>Eine Geschäfts-ID hat 1 bis 16 Buchstaben oder Ziffern, nicht „%1“.</translation>
    </message>
    <message>
        <source>The store %1 already exists; nothing was changed.</source>
        <translation>Das Geschäft %1 existiert bereits; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>A terminal name is 1 to 16 letters or digits, not &quot;%1&quot;.</source>
        <translation>Ein Kassenname hat 1 bis 16 Buchstaben oder Ziffern, nicht „%1“.</translation>
    </message>
    <message>
        <source>A user&apos;s role is backoffice or admin, not &quot;%1&quot;.</source>
        <translation>Die Rolle eines Benutzers ist backoffice oder admin, nicht „%1“.</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>Ein Benutzer braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is no store %1.</source>
        <translation>Es gibt kein Geschäft %1.</translation>
    </message>
    <message>
        <source>Store %1 has no terminal &quot;%2&quot;; nothing was changed.</source>
        <translation>Filiale %1 hat keine Kasse „%2“; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>No user &quot;%1&quot; holds a valid token; nothing was changed.</source>
        <translation>Kein Benutzer „%1“ hat ein gültiges Token; nichts wurde geändert.</translation>
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
    <name>ReturnCheck</name>
    <message>
        <source>&quot;original_order_id&quot; %1 is not an order this server holds; the sale must arrive before its return</source>
        <translation>„original_order_id“ %1 ist kein Auftrag dieses Servers; der Verkauf muss vor seiner Rückgabe ankommen</translation>
    </message>
    <message>
        <source>%1 is a return itself; only a sale can be returned</source>
        <translation>%1 ist selbst eine Rückgabe; nur ein Verkauf kann zurückgegeben werden</translation>
    </message>
    <message>
        <source>%1 was sold by store %2, not %3</source>
        <translation>%1 wurde von Filiale %2 verkauft, nicht von %3</translation>
    </message>
    <message>
        <source>&quot;lines[%1].original_line_no&quot;: %2 has no line %3</source>
        <translation>„lines[%1].original_line_no“: %2 hat keine Zeile %3</translation>
    </message>
    <message>
        <source>&quot;lines[%1]&quot; is not line %2 of %3 as it was sold (%4 at %5)</source>
        <translation>„lines[%1]“ ist nicht Zeile %2 von %3 wie verkauft (%4 zu %5)</translation>
    </message>
    <message>
        <source>&quot;lines[%1]&quot;: returning %2 of line %3 of %4 gives back %5 (discount %6), not %7 (discount %8)</source>
        <translation>„lines[%1]“: %2 aus Zeile %3 von %4 zurückzugeben ergibt %5 (Rabatt %6), nicht %7 (Rabatt %8)</translation>
    </message>
    <message>
        <source>only a paid or completed sale can be returned; %1 is %2 here</source>
        <translation>nur ein bezahlter oder abgeschlossener Verkauf kann zurückgegeben werden; %1 ist hier %2</translation>
    </message>
</context>
<context>
    <name>ReturnSources</name>
    <message>
        <source>There is no order %1.</source>
        <translation>Es gibt keinen Auftrag %1.</translation>
    </message>
</context>
<context>
    <name>ServerDatabase</name>
    <message>
        <source>&quot;%1&quot; is not a database URL like postgresql://user:password@host:5432/counterline</source>
        <translation>„%1“ ist keine Datenbank-URL wie postgresql://user:password@host:5432/counterline</translation>
    </message>
    <message>
        <source>Give --data-dir DIR (SQLite) or --database URL (PostgreSQL).</source>
        <translation>Geben Sie --data-dir DIR (SQLite) oder --database URL (PostgreSQL) an.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the server database %1: %2</source>
        <translation>Die Serverdatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Order %1 of terminal %2 has receipt number %3, which an earlier order of that terminal already had. Both are kept; it is on the follow-up list.</source>
        <translation>Bestellung %1 von Kasse %2 hat die Belegnummer %3, die schon eine frühere Bestellung dieser Kasse hatte. Beide bleiben erhalten; sie steht auf der Liste der Klärfälle.</translation>
    </message>
    <message>
        <source>The server database %1</source>
        <translation>Die Serverdatenbank %1</translation>
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
    <name>StockLedger</name>
    <message>
        <source>Store %1 has %2 of %3 on hand; the order asks for %4.</source>
        <translation>Geschäft %1 hat %2 von %3 vorrätig; die Bestellung verlangt %4.</translation>
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
    <name>TotalsCheck</name>
    <message>
        <source>&quot;lines[%1]&quot;: the discount exceeds unit_price × quantity</source>
        <translation>„lines[%1]“: der Rabatt übersteigt unit_price × quantity</translation>
    </message>
    <message>
        <source>&quot;lines[%1].total&quot; is %2 but the line comes to %3</source>
        <translation>„lines[%1].total“ ist %2, die Zeile ergibt aber %3</translation>
    </message>
    <message>
        <source>&quot;total&quot; is %1 but the lines add up to %2</source>
        <translation>„total“ ist %1, die Zeilen ergeben aber %2</translation>
    </message>
    <message>
        <source>the tenders (%1) do not cover &quot;total&quot; (%2)</source>
        <translation>die Zahlungen (%1) decken „total“ (%2) nicht</translation>
    </message>
    <message>
        <source>a return arrives COMPLETED with what was paid back (%1) equal to &quot;total&quot; (%2) and nothing to capture</source>
        <translation>eine Rückgabe kommt COMPLETED an, mit Rückzahlung (%1) gleich „total“ (%2) und nichts zu belasten</translation>
    </message>
    <message>
        <source>a remote order is placed at version 1 with tenders (%1) equal to &quot;total&quot; (%2)</source>
        <translation>eine Fernbestellung wird in Version 1 mit Zahlungen (%1) gleich „total“ (%2) aufgegeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; no sale carries an amount above %3</source>
        <translation>„%1“ ist %2; kein Verkauf trägt einen Betrag über %3</translation>
    </message>
    <message>
        <source>more than one sale can hold, from line %1</source>
        <translation>mehr, als ein Verkauf fassen kann, ab Zeile %1</translation>
    </message>
    <message>
        <source>more than one sale can hold</source>
        <translation>mehr, als ein Verkauf fassen kann</translation>
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
    <message>
        <source>The PIN guard of this till is missing.</source>
        <translation>Der PIN-Schutz dieser Kasse fehlt.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: PIN entry is locked until %1.</source>
        <translation>Zu viele falsche PINs: Die PIN-Eingabe ist bis %1 gesperrt.</translation>
    </message>
    <message numerus="yes">
        <source>That is not a manager&apos;s PIN. Wrong PINs left before PIN entry locks: %n.</source>
        <translation>
            <numerusform>Das ist keine PIN der Marktleitung. Noch %n falsche PIN, dann wird die PIN-Eingabe gesperrt.</numerusform>
            <numerusform>Das ist keine PIN der Marktleitung. Noch %n falsche PINs, dann wird die PIN-Eingabe gesperrt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That PIN is not known here. Wrong PINs left before PIN entry locks: %n.</source>
        <translation>
            <numerusform>Diese PIN ist hier nicht bekannt. Noch %n falsche PIN, dann wird die PIN-Eingabe gesperrt.</numerusform>
            <numerusform>Diese PIN ist hier nicht bekannt. Noch %n falsche PINs, dann wird die PIN-Eingabe gesperrt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebhookRelay</name>
    <message>
        <source>A webhook is an http(s) URL such as https://erp.example.org/hooks, not &quot;%1&quot;.</source>
        <translation>Ein Webhook ist eine http(s)-URL wie https://erp.example.org/hooks, nicht „%1“.</translation>
    </message>
    <message>
        <source>The webhook %1 is not on this machine: it needs https.</source>
        <translation>Der Webhook %1 liegt nicht auf diesem Rechner: er braucht https.</translation>
    </message>
    <message>
        <source>event %1: %2</source>
        <translation>Ereignis %1: %2</translation>
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
    <message>
        <source>Follow-ups</source>
        <translation>Klärfälle</translation>
    </message>
    <message>
        <source>Opening the back office</source>
        <translation>Backoffice öffnen</translation>
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
    <name>counterline::Cart</name>
    <message>
        <source>a sale may come to at most %1 before discounts</source>
        <translation>ein Verkauf darf vor Rabatten höchstens %1 betragen</translation>
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
    <name>counterline::OrderStatus</name>
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
</context>
<context>
    <name>counterline::Tender</name>
    <message>
        <source>&quot;%1&quot; is not a tender kind (cash or card)</source>
        <translation>„%1“ ist keine Zahlungsart (cash oder card)</translation>
    </message>
</context>
<context>
    <name>counterline::TenderRefund</name>
    <message>
        <source>&quot;%1&quot; is not what a refund can come to</source>
        <translation>„%1“ ist kein mögliches Ergebnis einer Erstattung</translation>
    </message>
</context>
<context>
    <name>counterline::TypedAmount</name>
    <message>
        <source>the space</source>
        <translation>das Leerzeichen</translation>
    </message>
    <message>
        <source>whole numbers only</source>
        <translation>nur ganze Zahlen</translation>
    </message>
    <message>
        <source>at most one decimal place</source>
        <translation>höchstens eine Nachkommastelle</translation>
    </message>
    <message>
        <source>at most %1 decimal places</source>
        <translation>höchstens %1 Nachkommastellen</translation>
    </message>
    <message>
        <source>%1 has no decimals</source>
        <translation>%1 hat keine Nachkommastellen</translation>
    </message>
    <message>
        <source>%1 has one decimal place</source>
        <translation>%1 hat eine Nachkommastelle</translation>
    </message>
    <message>
        <source>%1 has %2 decimal places</source>
        <translation>%1 hat %2 Nachkommastellen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number like %2.</source>
        <translation>„%1“ ist keine Zahl wie %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount like %2.</source>
        <translation>„%1“ ist kein Betrag wie %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has too many decimals: %2.</source>
        <translation>„%1“ hat zu viele Nachkommastellen: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large.</source>
        <translation>„%1“ ist zu groß.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not stand between digits.</source>
        <translation>In „%1“ steht %2 nicht zwischen Ziffern.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; mixes the separators %2 and %3.</source>
        <translation>„%1“ mischt die Trennzeichen %2 und %3.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not group thousands: one to three digits come first, then groups of three.</source>
        <translation>In „%1“ gruppiert %2 keine Tausender: zuerst eine bis drei Ziffern, dann Gruppen zu drei.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be %2 or %3: type the decimals to say which.</source>
        <translation>„%1“ könnte %2 oder %3 sein: geben Sie die Nachkommastellen mit ein, um es eindeutig zu machen.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 is neither the decimal separator (%3) nor a thousands separator (three digits after one to three).</source>
        <translation>In „%1“ ist %2 weder Dezimaltrennzeichen (%3) noch Tausendertrennzeichen (drei Ziffern nach einer bis drei).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the decimal separator %2 more than once.</source>
        <translation>„%1“ enthält das Dezimaltrennzeichen %2 mehr als einmal.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, only digits may follow the decimal separator %2.</source>
        <translation>In „%1“ dürfen nach dem Dezimaltrennzeichen %2 nur Ziffern folgen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is in %2; amounts here are in %3.</source>
        <translation>„%1“ ist in %2; Beträge hier sind in %3.</translation>
    </message>
    <message>
        <source>Type an amount.</source>
        <translation>Geben Sie einen Betrag ein.</translation>
    </message>
    <message>
        <source>Type a number.</source>
        <translation>Geben Sie eine Zahl ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative; type it without a minus sign.</source>
        <translation>„%1“ ist negativ; geben Sie es ohne Minuszeichen ein.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not group digits as this locale does: one to three digits come first, then groups of two, and three last.</source>
        <translation>In „%1“ gruppiert %2 die Ziffern nicht wie dieses Gebietsschema: zuerst ein bis drei Ziffern, dann Zweiergruppen, zuletzt drei.</translation>
    </message>
</context>
<context>
    <name>counterline::app</name>
    <message>
        <source>--listen takes HOST:PORT, e.g. %1, not &quot;%2&quot;.</source>
        <translation>--listen erwartet HOST:PORT, z. B. %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text; nothing was imported.</source>
        <translation>%1 ist kein UTF-8-Text; es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>counterline::cli</name>
    <message>
        <source>--older-than-hours needs a whole number of hours, at least 1.</source>
        <translation>--older-than-hours braucht eine ganze Zahl von Stunden, mindestens 1.</translation>
    </message>
    <message>
        <source>Purged %1 carts untouched for %2 hours or more.</source>
        <translation>%1 Warenkörbe gelöscht, die seit %2 Stunden oder länger unberührt waren.</translation>
    </message>
    <message>
        <source>Usage: catalog import FILE.csv</source>
        <translation>Aufruf: catalog import DATEI.csv</translation>
    </message>
    <message>
        <source>Imported %1 products from %2.</source>
        <translation>%1 Artikel aus %2 importiert.</translation>
    </message>
    <message>
        <source>See counterline-cli --help.</source>
        <translation>Siehe counterline-cli --help.</translation>
    </message>
    <message>
        <source>The server at %1 answered %2: %3</source>
        <translation>Der Server unter %1 antwortete %2: %3</translation>
    </message>
    <message>
        <source>events tail needs --server URL and --token T together.</source>
        <translation>events tail braucht --server URL und --token T zusammen.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled; give --server and --token.</source>
        <translation>Diese Kasse ist nicht angemeldet; geben Sie --server und --token an.</translation>
    </message>
    <message>
        <source>events tail needs --state FILE (or --data-dir).</source>
        <translation>events tail braucht --state DATEI (oder --data-dir).</translation>
    </message>
    <message>
        <source>--limit needs a number from 1 to 500.</source>
        <translation>--limit braucht eine Zahl von 1 bis 500.</translation>
    </message>
    <message>
        <source>Processed %1 events (%2 delivered again and skipped).</source>
        <translation>%1 Ereignisse verarbeitet (%2 erneut zugestellt und übersprungen).</translation>
    </message>
    <message>
        <source>init needs --%1.</source>
        <translation>init braucht --%1.</translation>
    </message>
    <message>
        <source>--rounding is half-up or half-even, not &quot;%1&quot;.</source>
        <translation>--rounding ist half-up oder half-even, nicht „%1“.</translation>
    </message>
    <message>
        <source>Terminal %1-%2 is set up in %3 (%4).</source>
        <translation>Kasse %1-%2 ist in %3 eingerichtet (%4).</translation>
    </message>
    <message>
        <source>The journal is broken at entry %1: %2</source>
        <translation>Das Journal ist bei Eintrag %1 unterbrochen: %2</translation>
    </message>
    <message>
        <source>The journal holds: %1 entries, chain intact.</source>
        <translation>Das Journal ist in Ordnung: %1 Einträge, Kette intakt.</translation>
    </message>
    <message>
        <source>Where the terminal keeps its database.</source>
        <translation>Wo die Kasse ihre Datenbank ablegt.</translation>
    </message>
    <message>
        <source>Store code, e.g. S1.</source>
        <translation>Geschäftskürzel, z. B. S1.</translation>
    </message>
    <message>
        <source>Terminal code, e.g. T1.</source>
        <translation>Kassenkürzel, z. B. T1.</translation>
    </message>
    <message>
        <source>ISO 4217 currency, e.g. EUR.</source>
        <translation>Währung nach ISO 4217, z. B. EUR.</translation>
    </message>
    <message>
        <source>Shelf prices exclude tax (as in the US).</source>
        <translation>Regalpreise ohne Steuer (wie in den USA).</translation>
    </message>
    <message>
        <source>Tax rounding: half-up (default) or half-even.</source>
        <translation>Steuerrundung: half-up (Standard) oder half-even.</translation>
    </message>
    <message>
        <source>A product to sell, optionally with a quantity: SKU:3.</source>
        <translation>Ein zu verkaufender Artikel, wahlweise mit Menge: SKU:3.</translation>
    </message>
    <message>
        <source>How the customer pays: cash or card.</source>
        <translation>Wie die Kundschaft zahlt: cash oder card.</translation>
    </message>
    <message>
        <source>Who sells (default: cli).</source>
        <translation>Wer verkauft (Standard: cli).</translation>
    </message>
    <message>
        <source>The customer, if known.</source>
        <translation>Die Kundschaft, falls bekannt.</translation>
    </message>
    <message>
        <source>A receipt number, e.g. S1-T1-000042.</source>
        <translation>Eine Belegnummer, z. B. S1-T1-000042.</translation>
    </message>
    <message>
        <source>An order status, e.g. PAID.</source>
        <translation>Ein Bestellstatus, z. B. PAID.</translation>
    </message>
    <message>
        <source>How many orders to list (default 50).</source>
        <translation>Wie viele Bestellungen aufgelistet werden (Standard 50).</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <source>carts purge: age in hours (default 72).</source>
        <translation>carts purge: Alter in Stunden (Standard 72).</translation>
    </message>
    <message>
        <source>enroll: the central server, e.g. https://pos.example.org.</source>
        <translation>enroll: der zentrale Server, z. B. https://pos.example.org.</translation>
    </message>
    <message>
        <source>enroll: the token from counterline-server terminal enroll.</source>
        <translation>enroll: das Token von counterline-server terminal enroll.</translation>
    </message>
    <message>
        <source>user add: the person&apos;s name.</source>
        <translation>user add: der Name der Person.</translation>
    </message>
    <message>
        <source>user add: cashier or manager.</source>
        <translation>user add: cashier oder manager.</translation>
    </message>
    <message>
        <source>user add: 4 to 8 digits to log in with.</source>
        <translation>user add: 4 bis 8 Ziffern zum Anmelden.</translation>
    </message>
    <message>
        <source>sync: one pass, then exit (0 when nothing is left to send).</source>
        <translation>sync: ein Durchgang, dann Ende (0, wenn nichts mehr zu senden ist).</translation>
    </message>
    <message>
        <source>events tail: keep waiting for new events until stopped.</source>
        <translation>events tail: auf neue Ereignisse warten, bis es beendet wird.</translation>
    </message>
    <message>
        <source>events tail: the consumer&apos;s own database of processed events (default DATA_DIR/event-consumer.sqlite).</source>
        <translation>events tail: die eigene Datenbank der verarbeiteten Ereignisse (Standard DATA_DIR/event-consumer.sqlite).</translation>
    </message>
    <message>
        <source>sync: time between passes or probes (default 5000).</source>
        <translation>sync: Zeit zwischen Durchgängen oder Nachfragen (Standard 5000).</translation>
    </message>
    <message>
        <source>The command to run; see above.</source>
        <translation>Der auszuführende Befehl; siehe oben.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>--limit needs a positive number.</source>
        <translation>--limit braucht eine positive Zahl.</translation>
    </message>
    <message>
        <source>sale needs at least one --sku SKU[:QTY].</source>
        <translation>sale braucht mindestens ein --sku SKU[:MENGE].</translation>
    </message>
    <message>
        <source>--tender is cash or card, not &quot;%1&quot;.</source>
        <translation>--tender ist cash oder card, nicht „%1“.</translation>
    </message>
    <message>
        <source>There is no product with the sku &quot;%1&quot;.</source>
        <translation>Es gibt keinen Artikel mit der Artikelnummer „%1“.</translation>
    </message>
    <message>
        <source>--interval-ms needs a number of milliseconds, at least 50.</source>
        <translation>--interval-ms braucht eine Anzahl Millisekunden, mindestens 50.</translation>
    </message>
    <message>
        <source>Sent %1, retrying later %2, set aside %3.</source>
        <translation>Gesendet %1, später erneut %2, zurückgestellt %3.</translation>
    </message>
    <message>
        <source>Pulled %1 product changes, %2 stock levels, %3 order changes.</source>
        <translation>%1 Artikeländerungen, %2 Bestände, %3 Bestelländerungen geholt.</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Braucht Aufmerksamkeit: %1</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Journal: %1</translation>
    </message>
    <message>
        <source>The server answers again.</source>
        <translation>Der Server antwortet wieder.</translation>
    </message>
    <message>
        <source>The server is out of reach; probing.</source>
        <translation>Der Server ist nicht erreichbar; es wird nachgefragt.</translation>
    </message>
    <message>
        <source>enroll needs --server URL and --token TOKEN.</source>
        <translation>enroll braucht --server URL und --token TOKEN.</translation>
    </message>
    <message>
        <source>Enrolled as terminal %1-%2 of %3; %4 products received.</source>
        <translation>Als Kasse %1-%2 von %3 angemeldet; %4 Artikel erhalten.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled; run counterline-cli enroll.</source>
        <translation>Diese Kasse ist nicht angemeldet; führen Sie counterline-cli enroll aus.</translation>
    </message>
    <message>
        <source>Sent %1, retrying later %2, set aside %3; %4 waiting.</source>
        <translation>Gesendet %1, später erneut %2, zurückgestellt %3; %4 warten.</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>pending: %1 (oldest %2 s)
needs attention: %3
last success: %4
last error: %5
journal: %6</source>
        <translation>wartend: %1 (älteste %2 s)
braucht Aufmerksamkeit: %3
letzter Erfolg: %4
letzter Fehler: %5
Journal: %6</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>  %1 %2 (%3): %4 attempts, last answer %5%6</source>
        <translation>  %1 %2 (%3): %4 Versuche, letzte Antwort %5%6</translation>
    </message>
    <message>
        <source>user add needs --name NAME --role cashier|manager --pin PIN.</source>
        <translation>user add braucht --name NAME --role cashier|manager --pin PIN.</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 (%2) hinzugefügt.</translation>
    </message>
    <message>
        <source>Counterline terminal commands.

Commands:
  init --store S --terminal T --currency C   set up a standalone terminal
       [--prices-exclude-tax] [--rounding half-up|half-even]
  catalog import FILE.csv                    import products, prices and stock
  sale --sku SKU[:QTY]... --tender cash|card sell; prints receipt number and order id
       [--cashier ID] [--customer ID]
  return --receipt NO --item LINE[:QTY]...   take back items of a sale, paid back
       [--cashier ID]                        in cash; prints the return
  journal verify                             check the hash chain
  orders [--json] [--limit N] [--status S]   order history, newest first
       [--cashier ID] [--customer ID] [--sku SKU] [--receipt NO]
  carts purge [--older-than-hours N]         delete carts untouched for N hours
  user add --name N --role cashier|manager --pin PIN
                                             who may log in at the till
  enroll --server URL --token T              take identity and catalog from a server
  sync [--once] [--interval-ms N]            send the outbox (once, or until stopped)
  sync status [--json]                       what waits, what needs attention
  events tail [--follow] [--state FILE]      the server&apos;s events, each processed once
       [--server URL --token T] [--limit N] [--json]</source>
        <translation>Counterline-Kassenbefehle.

Befehle:
  init --store S --terminal T --currency C   eine eigenständige Kasse einrichten
       [--prices-exclude-tax] [--rounding half-up|half-even]
  catalog import FILE.csv                    Artikel, Preise und Bestand importieren
  sale --sku SKU[:QTY]... --tender cash|card verkaufen; gibt Belegnummer und Bestell-ID aus
       [--cashier ID] [--customer ID]
  return --receipt NO --item LINE[:QTY]...   Artikel eines Verkaufs zurücknehmen, bar
       [--cashier ID]                        ausgezahlt; gibt die Rückgabe aus
  journal verify                             die Hash-Kette prüfen
  orders [--json] [--limit N] [--status S]   Bestellverlauf, neueste zuerst
       [--cashier ID] [--customer ID] [--sku SKU] [--receipt NO]
  carts purge [--older-than-hours N]         seit N Stunden unberührte Warenkörbe löschen
  user add --name N --role cashier|manager --pin PIN
                                             wer sich an der Kasse anmelden darf
  enroll --server URL --token T              Identität und Katalog von einem Server holen
  sync [--once] [--interval-ms N]            den Ausgang senden (einmal oder bis gestoppt)
  sync status [--json]                       was wartet, was Aufmerksamkeit braucht
  events tail [--follow] [--state FILE]      die Ereignisse des Servers, jedes einmal verarbeitet
       [--server URL --token T] [--limit N] [--json]</translation>
    </message>
    <message>
        <source>return: a line of the sale and how many come back: 2:1.</source>
        <translation>return: eine Zeile des Verkaufs und wie viele zurückkommen: 2:1.</translation>
    </message>
    <message>
        <source>return needs the sale&apos;s --receipt and at least one --item.</source>
        <translation>return braucht den --receipt des Verkaufs und mindestens ein --item.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not LINE:QUANTITY.</source>
        <translation>„%1“ ist nicht ZEILE:MENGE.</translation>
    </message>
    <message>
        <source>There is no receipt %1 on this till.</source>
        <translation>Auf dieser Kasse gibt es keinen Beleg %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not SKU:QUANTITY: %2</source>
        <translation>„%1“ ist nicht SKU:MENGE: %2</translation>
    </message>
</context>
<context>
    <name>counterline::cli::ProcessedEvents</name>
    <message>
        <source>The consumer&apos;s state %1 failed: %2</source>
        <translation>Der Zustand des Verbrauchers %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The consumer&apos;s state %1</source>
        <translation>Der Zustand des Verbrauchers %1</translation>
    </message>
</context>
<context>
    <name>counterline::httpkit</name>
    <message>
        <source>The request was not sent in full within %1 seconds.</source>
        <translation>Die Anfrage wurde nicht innerhalb von %1 Sekunden vollständig gesendet.</translation>
    </message>
    <message>
        <source>The server has too many connections open; try again.</source>
        <translation>Der Server hat zu viele offene Verbindungen; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A line of the request ends in a bare LF, not CRLF.</source>
        <translation>Eine Zeile der Anfrage endet mit einem einzelnen LF statt CRLF.</translation>
    </message>
    <message>
        <source>A line of the request holds a bare CR.</source>
        <translation>Eine Zeile der Anfrage enthält ein einzelnes CR.</translation>
    </message>
    <message>
        <source>The request line is longer than %1 bytes.</source>
        <translation>Die Anfragezeile ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>The request&apos;s headers are larger than %1 bytes.</source>
        <translation>Die Kopfzeilen der Anfrage sind größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>A chunk&apos;s size line is too long.</source>
        <translation>Die Größenzeile eines Blocks ist zu lang.</translation>
    </message>
    <message>
        <source>A chunk is longer than its size says.</source>
        <translation>Ein Block ist länger, als seine Größe angibt.</translation>
    </message>
    <message>
        <source>The connection sent empty lines instead of a request.</source>
        <translation>Die Verbindung sendete Leerzeilen statt einer Anfrage.</translation>
    </message>
    <message>
        <source>The request line is not &quot;METHOD /path HTTP/1.1&quot; with single spaces.</source>
        <translation>Die Anfragezeile ist nicht „METHOD /path HTTP/1.1“ mit einfachen Leerzeichen.</translation>
    </message>
    <message>
        <source>Only HTTP/1.1 and HTTP/1.0 are spoken here.</source>
        <translation>Hier wird nur HTTP/1.1 und HTTP/1.0 gesprochen.</translation>
    </message>
    <message>
        <source>A header is folded over two lines (obsolete, refused).</source>
        <translation>Eine Kopfzeile ist über zwei Zeilen umbrochen (veraltet, abgelehnt).</translation>
    </message>
    <message>
        <source>The request has more than %1 headers.</source>
        <translation>Die Anfrage hat mehr als %1 Kopfzeilen.</translation>
    </message>
    <message>
        <source>A header line is not &quot;Name: value&quot; (no space before the colon).</source>
        <translation>Eine Kopfzeile ist nicht „Name: Wert“ (kein Leerzeichen vor dem Doppelpunkt).</translation>
    </message>
    <message>
        <source>A header&apos;s value holds control characters.</source>
        <translation>Der Wert einer Kopfzeile enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>Content-Length must be one number of bytes, given once.</source>
        <translation>Content-Length muss eine einzige Bytezahl sein, einmal angegeben.</translation>
    </message>
    <message>
        <source>Transfer-Encoding is given twice, or with HTTP/1.0.</source>
        <translation>Transfer-Encoding ist doppelt oder mit HTTP/1.0 angegeben.</translation>
    </message>
    <message>
        <source>Only the chunked transfer encoding is understood here.</source>
        <translation>Hier wird nur die Übertragungskodierung chunked verstanden.</translation>
    </message>
    <message>
        <source>The request gives both Content-Length and Transfer-Encoding; which one frames it is ambiguous.</source>
        <translation>Die Anfrage gibt sowohl Content-Length als auch Transfer-Encoding an; welches sie begrenzt, ist mehrdeutig.</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation>Der Inhalt ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>A chunk&apos;s size is not a hexadecimal number.</source>
        <translation>Die Größe eines Blocks ist keine Hexadezimalzahl.</translation>
    </message>
</context>
<context>
    <name>counterline::paysim::PaymentSimulator</name>
    <message>
        <source>This request needs an Idempotency-Key header (1 to 255 characters).</source>
        <translation>Diese Anfrage braucht einen Idempotency-Key-Header (1 bis 255 Zeichen).</translation>
    </message>
    <message>
        <source>The body is not a JSON object (%1 at byte %2).</source>
        <translation>Der Inhalt ist kein JSON-Objekt (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>&quot;amount&quot; must be a positive whole number of minor units (e.g. 1999 for 19.99).</source>
        <translation>„amount“ muss eine positive ganze Zahl kleinster Einheiten sein (z. B. 1999 für 19,99).</translation>
    </message>
    <message>
        <source>&quot;currency&quot; must be an ISO 4217 code such as EUR, not &quot;%1&quot;.</source>
        <translation>„currency“ muss ein ISO-4217-Code wie EUR sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>&quot;token&quot; must be a card token starting with tok_ (e.g. tok_visa), not &quot;%1&quot;.</source>
        <translation>„token“ muss ein Karten-Token mit tok_ am Anfang sein (z. B. tok_visa), nicht „%1“.</translation>
    </message>
    <message>
        <source>&quot;reference&quot; is longer than 200 characters.</source>
        <translation>„reference“ ist länger als 200 Zeichen.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (in use, or not allowed).</source>
        <translation>Auf %1:%2 kann nicht gelauscht werden (belegt oder nicht erlaubt).</translation>
    </message>
    <message>
        <source>Ask with ?idempotency_key=KEY.</source>
        <translation>Fragen Sie mit ?idempotency_key=KEY.</translation>
    </message>
    <message>
        <source>Nothing was ever charged with the key %1.</source>
        <translation>Mit dem Schlüssel %1 wurde nie etwas belastet.</translation>
    </message>
    <message>
        <source>&quot;charge_id&quot; names the charge to refund.</source>
        <translation>„charge_id“ nennt die zu erstattende Belastung.</translation>
    </message>
    <message>
        <source>&quot;times&quot; must be at least 1 and &quot;delay_ms&quot; not negative.</source>
        <translation>„times“ muss mindestens 1 sein und „delay_ms“ darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The fault is none, timeout, drop_after_capture, slow, drop_after_refund or refund_timeout, not &quot;%1&quot;.</source>
        <translation>Der Fehler ist none, timeout, drop_after_capture, slow, drop_after_refund oder refund_timeout, nicht „%1“.</translation>
    </message>
    <message>
        <source>Nothing was ever refunded with the key %1.</source>
        <translation>Mit dem Schlüssel %1 wurde nie etwas erstattet.</translation>
    </message>
</context>
<context>
    <name>counterline::paysim::main</name>
    <message>
        <source>--fault takes MODE[:TIMES[:DELAY_MS]], e.g. slow:5:2000, not &quot;%1&quot;.</source>
        <translation>--fault erwartet MODE[:TIMES[:DELAY_MS]], z. B. slow:5:2000, nicht „%1“.</translation>
    </message>
    <message>
        <source>Counterline payment simulator: charges, refunds and status by Idempotency-Key, for demos, training and tests. No real money moves.

Tokens: tok_insufficient… and tok_expired… and tok_decline… are declined; any other tok_… is approved.</source>
        <translation>Counterline-Zahlungssimulator: Belastungen, Erstattungen und Status per Idempotency-Key, für Vorführungen, Schulungen und Tests. Es fließt kein echtes Geld.

Tokens: tok_insufficient…, tok_expired… und tok_decline… werden abgelehnt; jedes andere tok_… wird genehmigt.</translation>
    </message>
    <message>
        <source>Where the ledger is kept (paysim.sqlite).</source>
        <translation>Wo das Kassenbuch liegt (paysim.sqlite).</translation>
    </message>
    <message>
        <source>HOST:PORT to serve on (default 127.0.0.1:8090).</source>
        <translation>HOST:PORT, auf dem gedient wird (Standard 127.0.0.1:8090).</translation>
    </message>
    <message>
        <source>Misbehave for the next charges: timeout, drop_after_capture or slow, as MODE[:TIMES[:DELAY_MS]].</source>
        <translation>Bei den nächsten Belastungen Fehler vortäuschen: timeout, drop_after_capture oder slow, als MODE[:TIMES[:DELAY_MS]].</translation>
    </message>
    <message>
        <source>Plain HTTP is served on loopback only, not on %1.</source>
        <translation>Unverschlüsseltes HTTP gibt es nur auf Loopback, nicht auf %1.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol</name>
    <message>
        <source>&quot;%1&quot; must be a whole number of minor units below 2^53.</source>
        <translation>„%1“ muss eine ganze Zahl kleinster Währungseinheiten unter 2^53 sein.</translation>
    </message>
    <message>
        <source>The outbox row does not hold a sale or return record.</source>
        <translation>Die Outbox-Zeile enthält keinen Verkaufs- oder Rückgabedatensatz.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::DeclineReason</name>
    <message>
        <source>The bank declined the card: not enough funds. Ask for another card or cash.</source>
        <translation>Die Bank hat die Karte abgelehnt: nicht genug Guthaben. Um eine andere Karte oder Bargeld bitten.</translation>
    </message>
    <message>
        <source>The card has expired. Ask for another card or cash.</source>
        <translation>Die Karte ist abgelaufen. Um eine andere Karte oder Bargeld bitten.</translation>
    </message>
    <message>
        <source>The bank declined the card. Ask for another card or cash.</source>
        <translation>Die Bank hat die Karte abgelehnt. Um eine andere Karte oder Bargeld bitten.</translation>
    </message>
    <message>
        <source>The bank declined the card (reason &quot;%1&quot;). Ask for another card or cash.</source>
        <translation>Die Bank hat die Karte abgelehnt (Grund „%1“). Um eine andere Karte oder Bargeld bitten.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::JournalLink</name>
    <message>
        <source>&quot;journal&quot; must be an object</source>
        <translation>„journal“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be a whole number from 1</source>
        <translation>muss eine ganze Zahl ab 1 sein</translation>
    </message>
    <message>
        <source>must be 64 lower-case hex digits</source>
        <translation>muss aus 64 kleinen Hex-Ziffern bestehen</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::JsonFields</name>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must lie between %1 and %2</source>
        <translation>muss zwischen %1 und %2 liegen</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::OrderBody</name>
    <message>
        <source>must hold at least one line</source>
        <translation>muss mindestens eine Zeile enthalten</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>is for returns only</source>
        <translation>gilt nur für Rückgaben</translation>
    </message>
    <message>
        <source>must be cash or card</source>
        <translation>muss cash oder card sein</translation>
    </message>
    <message>
        <source>is for card tenders only</source>
        <translation>gilt nur für Kartenzahlungen</translation>
    </message>
    <message>
        <source>may hold one tender that needs capture, not %1</source>
        <translation>darf eine noch zu belastende Zahlung enthalten, nicht %1</translation>
    </message>
    <message>
        <source>is not an order event</source>
        <translation>ist kein Bestellereignis</translation>
    </message>
    <message>
        <source>The body is not valid JSON at byte %1: %2</source>
        <translation>Der Inhalt ist bei Byte %1 kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>Der Inhalt muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>must be sale or return</source>
        <translation>muss sale oder return sein</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>muss eine UUID sein</translation>
    </message>
    <message>
        <source>must be an RFC 3339 time</source>
        <translation>muss eine Zeit nach RFC 3339 sein</translation>
    </message>
    <message>
        <source>is not an order status</source>
        <translation>ist kein Bestellstatus</translation>
    </message>
</context>
<context>
    <name>counterline::server</name>
    <message>
        <source>The order was changed by someone else; it is now at version %1.</source>
        <translation>Die Bestellung wurde von jemand anderem geändert; sie ist jetzt bei Version %1.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (in use, or not allowed).</source>
        <translation>Auf %1:%2 kann nicht gelauscht werden (belegt oder nicht erlaubt).</translation>
    </message>
    <message>
        <source>This server takes no card payments: it was started without --payments.</source>
        <translation>Dieser Server nimmt keine Kartenzahlungen an: er wurde ohne --payments gestartet.</translation>
    </message>
    <message>
        <source>There is no %1 here.</source>
        <translation>Hier gibt es kein %1.</translation>
    </message>
    <message>
        <source>/metrics is served on the monitoring address (--metrics-listen).</source>
        <translation>/metrics wird unter der Überwachungsadresse angeboten (--metrics-listen).</translation>
    </message>
    <message>
        <source>/metrics needs the metrics token as Authorization: Bearer &lt;token&gt;.</source>
        <translation>/metrics braucht das Metrik-Token als Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>The server is busy with requests like this one; try again in a moment.</source>
        <translation>Der Server ist mit Anfragen wie dieser ausgelastet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This request needs an Idempotency-Key header (1 to 255 characters).</source>
        <translation>Diese Anfrage braucht einen Idempotency-Key-Header (1 bis 255 Zeichen).</translation>
    </message>
    <message>
        <source>The body is larger than 1 MiB.</source>
        <translation>Der Inhalt ist größer als 1 MiB.</translation>
    </message>
    <message>
        <source>Send an enrolled terminal&apos;s or user&apos;s token as Authorization: Bearer &lt;token&gt;.</source>
        <translation>Senden Sie das Token einer registrierten Kasse oder eines Benutzers als Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>This Idempotency-Key was used for a different request.</source>
        <translation>Dieser Idempotency-Key wurde für eine andere Anfrage verwendet.</translation>
    </message>
    <message>
        <source>A request with this Idempotency-Key is still being processed.</source>
        <translation>Eine Anfrage mit diesem Idempotency-Key wird noch bearbeitet.</translation>
    </message>
    <message>
        <source>There is no such follow-up.</source>
        <translation>Diesen Klärfall gibt es nicht.</translation>
    </message>
    <message>
        <source>&quot;note&quot; must be a text and &quot;settle&quot; true or false</source>
        <translation>„note“ muss ein Text sein und „settle“ true oder false</translation>
    </message>
    <message>
        <source>Only a terminal&apos;s token has a journal.</source>
        <translation>Nur das Token einer Kasse hat ein Journal.</translation>
    </message>
    <message>
        <source>This order belongs to another store.</source>
        <translation>Diese Bestellung gehört zu einem anderen Geschäft.</translation>
    </message>
    <message>
        <source>&quot;event&quot; must be a string</source>
        <translation>„event“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;If-Match&quot; must be the quoted version and agree with &quot;expected_version&quot;</source>
        <translation>„If-Match“ muss die Version in Anführungszeichen sein und zu „expected_version“ passen</translation>
    </message>
    <message>
        <source>&quot;expected_version&quot; (or If-Match) must name the version you saw</source>
        <translation>„expected_version“ (oder If-Match) muss die Version nennen, die Sie gesehen haben</translation>
    </message>
    <message>
        <source>&quot;reason&quot; must be a string</source>
        <translation>„reason“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>Only a terminal&apos;s token has a store to describe.</source>
        <translation>Nur das Token einer Kasse hat ein Geschäft, das sich beschreiben lässt.</translation>
    </message>
    <message>
        <source>The server could not complete this request; the reason is in its log.</source>
        <translation>Der Server konnte diese Anfrage nicht abschließen; der Grund steht in seinem Protokoll.</translation>
    </message>
</context>
<context>
    <name>counterline::server::main</name>
    <message>
        <source>See counterline-server --help.</source>
        <translation>Siehe counterline-server --help.</translation>
    </message>
    <message>
        <source>TLS needs both --tls-cert and --tls-key.</source>
        <translation>TLS braucht sowohl --tls-cert als auch --tls-key.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key.</source>
        <translation>%1 enthält keinen privaten PEM-Schlüssel.</translation>
    </message>
    <message>
        <source>Plain HTTP is served on loopback only. Give --tls-cert and --tls-key, or pass --insecure to listen on %1 without TLS.</source>
        <translation>Unverschlüsseltes HTTP gibt es nur auf Loopback. Geben Sie --tls-cert und --tls-key an oder --insecure, um auf %1 ohne TLS zu lauschen.</translation>
    </message>
    <message>
        <source>--key-retention-days needs a number of days, at least 1.</source>
        <translation>--key-retention-days braucht eine Anzahl Tage, mindestens 1.</translation>
    </message>
    <message>
        <source>--key-lease-seconds needs a number of seconds, at least 1.</source>
        <translation>--key-lease-seconds braucht eine Anzahl Sekunden, mindestens 1.</translation>
    </message>
    <message>
        <source>--saga-recovery-seconds needs a number of seconds, at least 1.</source>
        <translation>--saga-recovery-seconds braucht eine Anzahl Sekunden, mindestens 1.</translation>
    </message>
    <message>
        <source>--payments needs a URL such as http://127.0.0.1:8090, not &quot;%1&quot;.</source>
        <translation>--payments braucht eine URL wie http://127.0.0.1:8090, nicht „%1“.</translation>
    </message>
    <message>
        <source>The payment service at %1 is not on this machine: it needs https.</source>
        <translation>Der Zahlungsdienst unter %1 läuft nicht auf diesem Rechner: er braucht https.</translation>
    </message>
    <message>
        <source>Cannot set up signal handling.</source>
        <translation>Die Signalbehandlung kann nicht eingerichtet werden.</translation>
    </message>
    <message>
        <source>Directory of the embedded SQLite database.</source>
        <translation>Verzeichnis der eingebetteten SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>PostgreSQL instead: postgresql://user:pw@host:port/db.</source>
        <translation>Stattdessen PostgreSQL: postgresql://user:pw@host:port/db.</translation>
    </message>
    <message>
        <source>HOST:PORT to serve on (default 127.0.0.1:8080).</source>
        <translation>HOST:PORT, auf dem gedient wird (Standard 127.0.0.1:8080).</translation>
    </message>
    <message>
        <source>Allow plain HTTP on a non-loopback address.</source>
        <translation>Unverschlüsseltes HTTP auf einer Nicht-Loopback-Adresse erlauben.</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for HTTPS.</source>
        <translation>PEM-Zertifikat (Kette) für HTTPS.</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>Privater PEM-Schlüssel für HTTPS.</translation>
    </message>
    <message>
        <source>How long idempotency keys are kept (default 35).</source>
        <translation>Wie lange Idempotenzschlüssel aufbewahrt werden (Standard 35).</translation>
    </message>
    <message>
        <source>How long a request that died mid-way holds its key (default 30).</source>
        <translation>Wie lange eine abgebrochene Anfrage ihren Schlüssel hält (Standard 30).</translation>
    </message>
    <message>
        <source>The payment service remote orders are charged through, e.g. http://127.0.0.1:8090 (https unless on this machine).</source>
        <translation>Der Zahlungsdienst, über den Fernbestellungen belastet werden, z. B. http://127.0.0.1:8090 (https, außer auf diesem Rechner).</translation>
    </message>
    <message>
        <source>Publish events to NATS JetStream, e.g. nats://127.0.0.1:4222.</source>
        <translation>Ereignisse an NATS JetStream veröffentlichen, z. B. nats://127.0.0.1:4222.</translation>
    </message>
    <message>
        <source>webhook add: where the events are POSTed.</source>
        <translation>webhook add: wohin die Ereignisse gesendet werden.</translation>
    </message>
    <message>
        <source>webhook add: the signing secret (default: made up).</source>
        <translation>webhook add: das Signaturgeheimnis (Standard: wird erzeugt).</translation>
    </message>
    <message>
        <source>How often unfinished sagas are looked for (default 10).</source>
        <translation>Wie oft nach unfertigen Sagas gesucht wird (Standard 10).</translation>
    </message>
    <message>
        <source>Store id, e.g. S1.</source>
        <translation>Geschäfts-ID, z. B. S1.</translation>
    </message>
    <message>
        <source>A name.</source>
        <translation>Ein Name.</translation>
    </message>
    <message>
        <source>ISO 4217 currency.</source>
        <translation>Währung nach ISO 4217.</translation>
    </message>
    <message>
        <source>Shelf prices include tax (default).</source>
        <translation>Regalpreise enthalten die Steuer (Standard).</translation>
    </message>
    <message>
        <source>Shelf prices exclude tax (as in the US).</source>
        <translation>Regalpreise ohne Steuer (wie in den USA).</translation>
    </message>
    <message>
        <source>The store a terminal belongs to.</source>
        <translation>Das Geschäft, zu dem eine Kasse gehört.</translation>
    </message>
    <message>
        <source>A user&apos;s role: backoffice or admin.</source>
        <translation>Die Rolle eines Benutzers: backoffice oder admin.</translation>
    </message>
    <message>
        <source>An operator command; see above.</source>
        <translation>Ein Betreiberbefehl; siehe oben.</translation>
    </message>
    <message>
        <source>%1 needs --%2.</source>
        <translation>%1 braucht --%2.</translation>
    </message>
    <message>
        <source>Store %1 (%2, %3) added.</source>
        <translation>Geschäft %1 (%2, %3) hinzugefügt.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; can now sign in with this token. It is shown only now; store it safely:</source>
        <translation>%1 „%2“ kann sich jetzt mit diesem Token anmelden. Es wird nur jetzt angezeigt; bewahren Sie es sicher auf:</translation>
    </message>
    <message>
        <source>catalog import needs a FILE.csv.</source>
        <translation>catalog import braucht eine DATEI.csv.</translation>
    </message>
    <message>
        <source>Imported %1 products from %2.</source>
        <translation>%1 Artikel aus %2 importiert.</translation>
    </message>
    <message>
        <source>Webhook %1 receives %2&apos;s events at %3, signed with this secret (shown only now):</source>
        <translation>Webhook %1 erhält die Ereignisse von %2 unter %3, signiert mit diesem Geheimnis (nur jetzt angezeigt):</translation>
    </message>
    <message>
        <source>every store</source>
        <translation>allen Geschäften</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>How long a client may take to finish its TLS handshake (default 10).</source>
        <translation>Wie lange ein Client für seinen TLS-Handshake brauchen darf (Standard 10).</translation>
    </message>
    <message>
        <source>--tls-handshake-seconds needs a number of seconds, at least 1.</source>
        <translation>--tls-handshake-seconds braucht eine Zahl von Sekunden, mindestens 1.</translation>
    </message>
    <message>
        <source>Close a connection idle this long between requests (default 60).</source>
        <translation>Eine Verbindung schließen, die so lange zwischen Anfragen ruht (Standard 60).</translation>
    </message>
    <message>
        <source>Answer 408 to a request not sent in full within this time (default 30).</source>
        <translation>Mit 408 antworten, wenn eine Anfrage nicht in dieser Zeit vollständig gesendet wurde (Standard 30).</translation>
    </message>
    <message>
        <source>Connections at once; when full the longest idle one is closed, or 503 (default: what the descriptor limit allows).</source>
        <translation>Gleichzeitige Verbindungen; wenn voll, wird die am längsten ruhende geschlossen, sonst 503 (Standard: was das Deskriptorlimit erlaubt).</translation>
    </message>
    <message>
        <source>--idle-seconds needs a number of seconds, at least 1.</source>
        <translation>--idle-seconds braucht eine Anzahl Sekunden, mindestens 1.</translation>
    </message>
    <message>
        <source>--request-seconds needs a number of seconds, at least 1.</source>
        <translation>--request-seconds braucht eine Anzahl Sekunden, mindestens 1.</translation>
    </message>
    <message>
        <source>--max-connections needs a number of connections, at least 1.</source>
        <translation>--max-connections braucht eine Anzahl Verbindungen, mindestens 1.</translation>
    </message>
    <message>
        <source>/metrics asks for the token in this file as a bearer token.</source>
        <translation>/metrics verlangt das Token aus dieser Datei als Bearer-Token.</translation>
    </message>
    <message>
        <source>Serve /metrics and /healthz on HOST:PORT of their own (plain HTTP) instead of the API&apos;s address.</source>
        <translation>/metrics und /healthz auf eigenem HOST:PORT (unverschlüsseltes HTTP) statt unter der Adresse der API anbieten.</translation>
    </message>
    <message>
        <source>--metrics-token-file: %1 cannot be read or holds fewer than 16 characters.</source>
        <translation>--metrics-token-file: %1 kann nicht gelesen werden oder enthält weniger als 16 Zeichen.</translation>
    </message>
    <message>
        <source>Counterline central server.

Without a command it serves the v1 API. Commands:
  store add --id S --name N --currency C [--prices-exclude-tax]
  terminal enroll --store S --name T     prints its token once; again: a new one
  terminal rotate-token --store S --name T   a new token; the old one stops
  terminal revoke --store S --name T     its token stops working
  user add --name N --role backoffice|admin   prints the user&apos;s token once
  user revoke --name N                   every token of that user stops working
  catalog import FILE.csv [--store S]    products and prices; with --store, its stock
  webhook add --url URL [--store S] [--secret S]   events POSTed there, signed</source>
        <translation>Counterline-Zentralserver.

Ohne Befehl stellt er die v1-API bereit. Befehle:
  store add --id S --name N --currency C [--prices-exclude-tax]
  terminal enroll --store S --name T     gibt das Token einmal aus; erneut: ein neues
  terminal rotate-token --store S --name T   ein neues Token; das alte gilt nicht mehr
  terminal revoke --store S --name T     sein Token gilt nicht mehr
  user add --name N --role backoffice|admin   gibt das Token des Benutzers einmal aus
  user revoke --name N                   kein Token dieses Benutzers gilt mehr
  catalog import DATEI.csv [--store S]   Artikel und Preise; mit --store dessen Bestand
  webhook add --url URL [--store S] [--secret S]   Ereignisse dorthin senden, signiert</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; had a token: it no longer works (within a second on every running server).</source>
        <translation>%1 „%2“ hatte ein Token: es gilt nicht mehr (binnen einer Sekunde auf jedem laufenden Server).</translation>
    </message>
    <message>
        <source>Terminal &quot;%1&quot; of store %2 is revoked: its token no longer works (within a second on every running server). Enrol it again for a new one.</source>
        <translation>Kasse „%1“ der Filiale %2 ist gesperrt: ihr Token gilt nicht mehr (binnen einer Sekunde auf jedem laufenden Server). Für ein neues die Kasse erneut anmelden.</translation>
    </message>
    <message numerus="yes">
        <source>User &quot;%1&quot;: %n token(s) revoked; they no longer work (within a second on every running server).</source>
        <translation>
            <numerusform>Benutzer „%1“: %n Token gesperrt; es gilt nicht mehr (binnen einer Sekunde auf jedem laufenden Server).</numerusform>
            <numerusform>Benutzer „%1“: %n Tokens gesperrt; sie gelten nicht mehr (binnen einer Sekunde auf jedem laufenden Server).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::sqlkit</name>
    <message>
        <source>The database is busy (&quot;%1&quot;: %2); try again in a moment.</source>
        <translation>Die Datenbank ist belegt („%1“: %2); versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The database refused &quot;%1&quot;: %2</source>
        <translation>Die Datenbank hat „%1“ abgelehnt: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; returned no row.</source>
        <translation>„%1“ lieferte keine Zeile.</translation>
    </message>
</context>
<context>
    <name>counterline::sqlkit::Migrations</name>
    <message>
        <source>Migration %1 failed and was rolled back. %2 stays at version %3. %4</source>
        <translation>Migration %1 ist fehlgeschlagen und wurde zurückgenommen. %2 bleibt auf Version %3. %4</translation>
    </message>
    <message>
        <source>The migration %1 does not start with its number.</source>
        <translation>Die Migration %1 beginnt nicht mit ihrer Nummer.</translation>
    </message>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation>Die Migration %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3). Use a newer Counterline; it was left untouched.</source>
        <translation>%1 hat die Schemaversion %2, neuer als dieses Programm kennt (%3). Verwenden Sie ein neueres Counterline; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Migration %1 does not follow version %2.</source>
        <translation>Migration %1 folgt nicht auf Version %2.</translation>
    </message>
</context>
<context>
    <name>counterline::store</name>
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
    <name>counterline::store::Migrations</name>
    <message>
        <source>The terminal database %1</source>
        <translation>Die Kassendatenbank %1</translation>
    </message>
</context>
<context>
    <name>counterline::store::OrderStore</name>
    <message>
        <source>Order %1 was changed by someone else (it is no longer at version %2). Reload it and decide again.</source>
        <translation>Bestellung %1 wurde von jemand anderem geändert (sie ist nicht mehr bei Version %2). Laden Sie sie neu und entscheiden Sie erneut.</translation>
    </message>
    <message>
        <source>Tender %1 of order %2 cannot give back %3.</source>
        <translation>Zahlung %1 von Bestellung %2 kann nicht %3 zurückgeben.</translation>
    </message>
</context>
<context>
    <name>counterline::store::Search</name>
    <message>
        <source>The connection %1 is not an SQLite connection.</source>
        <translation>Die Verbindung %1 ist keine SQLite-Verbindung.</translation>
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
    <message>
        <source>the order was changed on the server first; it is now %1 at version %2. Look at it and decide again.</source>
        <translation>die Bestellung wurde zuerst auf dem Server geändert; sie ist jetzt %1 in Version %2. Bitte ansehen und neu entscheiden.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::CardPayments</name>
    <message>
        <source>Card approved.</source>
        <translation>Karte genehmigt.</translation>
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
    <message>
        <source>The payment service cannot be reached (%1); nothing was refunded.</source>
        <translation>Der Zahlungsdienst ist nicht erreichbar (%1); nichts wurde erstattet.</translation>
    </message>
    <message>
        <source>Refunded to the card.</source>
        <translation>Auf die Karte erstattet.</translation>
    </message>
    <message>
        <source>The payment service refused the refund: %1</source>
        <translation>Der Zahlungsdienst hat die Erstattung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The payment service did not answer (%1). Whether the card was refunded is not known yet; trying again asks about this refund, it does not refund twice.</source>
        <translation>Der Zahlungsdienst hat nicht geantwortet (%1). Ob die Karte erstattet wurde, ist noch nicht bekannt; ein neuer Versuch fragt nach dieser Erstattung und erstattet nicht doppelt.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::Enrolment</name>
    <message>
        <source>The server at %1 answered %2: %3</source>
        <translation>Der Server unter %1 antwortete %2: %3</translation>
    </message>
    <message>
        <source>This database belongs to terminal %1-%2, but the token is for %3-%4; nothing was changed.</source>
        <translation>Diese Datenbank gehört zu Kasse %1-%2, das Token aber zu %3-%4; es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::ProblemWords</name>
    <message>
        <source>No answer from the server (%1). The till tries again by itself.</source>
        <translation>Keine Antwort vom Server (%1). Die Kasse versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>The server had a fault (HTTP %1). The till tries again by itself.</source>
        <translation>Der Server hatte einen Fehler (HTTP %1). Die Kasse versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>The server refused this (HTTP %1: %2).</source>
        <translation>Der Server hat dies abgelehnt (HTTP %1: %2).</translation>
    </message>
    <message>
        <source>The server no longer accepts this till (%1). A manager must enrol it again; its sales wait here until then.</source>
        <translation>Der Server nimmt diese Kasse nicht mehr an (%1). Ein Marktleiter muss sie neu anmelden; ihre Verkäufe warten bis dahin hier.</translation>
    </message>
    <message>
        <source>The server is still working on this; the till asks again shortly.</source>
        <translation>Der Server arbeitet noch daran; die Kasse fragt gleich erneut.</translation>
    </message>
    <message>
        <source>Someone changed this order on the server first (%1). A manager must decide again.</source>
        <translation>Jemand hat diese Bestellung zuerst auf dem Server geändert (%1). Ein Marktleiter muss neu entscheiden.</translation>
    </message>
    <message>
        <source>The server did not accept this sale&apos;s figures (%1). The sale stays on this till as it was; a manager must look at it.</source>
        <translation>Der Server hat die Zahlen dieses Verkaufs nicht angenommen (%1). Der Verkauf bleibt unverändert an dieser Kasse; ein Marktleiter muss ihn ansehen.</translation>
    </message>
    <message>
        <source>The server did not accept the till&apos;s journal entry (%1). A manager must check the till&apos;s journal.</source>
        <translation>Der Server hat den Journaleintrag der Kasse nicht angenommen (%1). Ein Marktleiter muss das Journal der Kasse prüfen.</translation>
    </message>
    <message>
        <source>The server could not read what the till sent (%1). This is a fault in the till: tell support.</source>
        <translation>Der Server konnte nicht lesen, was die Kasse gesendet hat (%1). Das ist ein Fehler der Kasse: bitte den Support informieren.</translation>
    </message>
    <message>
        <source>The server cannot apply this to the order as it stands there (%1). A manager must decide.</source>
        <translation>Der Server kann dies nicht auf die Bestellung in ihrem dortigen Stand anwenden (%1). Ein Marktleiter muss entscheiden.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::SaleReversal</name>
    <message>
        <source>Order %1 changed (it is at version %2, not %3). Look at it again.</source>
        <translation>Bestellung %1 hat sich geändert (sie ist bei Version %2, nicht %3). Sehen Sie sie sich erneut an.</translation>
    </message>
    <message>
        <source>Some items of %1 were returned already; return the rest item by item.</source>
        <translation>Einige Artikel von %1 wurden bereits zurückgegeben; nehmen Sie den Rest Artikel für Artikel zurück.</translation>
    </message>
    <message>
        <source>Give back %1 in cash.</source>
        <translation>Geben Sie %1 bar zurück.</translation>
    </message>
    <message>
        <source>%1 went back to the card.</source>
        <translation>%1 wurde auf die Karte erstattet.</translation>
    </message>
    <message>
        <source>Refund %1 on the card reader.</source>
        <translation>Erstatten Sie %1 am Kartenterminal.</translation>
    </message>
    <message>
        <source>%1 could not go back to the card now: head office will see to it.</source>
        <translation>%1 konnte gerade nicht auf die Karte erstattet werden: die Zentrale kümmert sich darum.</translation>
    </message>
    <message>
        <source>The card was refunded, but the sale was not recorded as undone (%1). Try again: the card is not refunded twice.</source>
        <translation>Die Karte wurde erstattet, aber der Verkauf wurde nicht als rückgängig gemacht erfasst (%1). Bitte erneut versuchen: Die Karte wird nicht zweimal erstattet.</translation>
    </message>
</context>
<context>
    <name>counterline::till::Till</name>
    <message>
        <source>the cart has no line to change</source>
        <translation>der Warenkorb hat keine Zeile, die sich ändern ließe</translation>
    </message>
    <message>
        <source>a quantity before * is %1 to %2 pieces, not %3</source>
        <translation>eine Menge vor * ist %1 bis %2 Stück, nicht %3</translation>
    </message>
    <message>
        <source>the next item is added %1 times</source>
        <translation>der nächste Artikel wird %1-mal hinzugefügt</translation>
    </message>
    <message>
        <source>nothing in the catalog has the barcode or SKU &quot;%1&quot;</source>
        <translation>nichts im Katalog hat den Barcode oder die Artikelnummer „%1“</translation>
    </message>
    <message>
        <source>several products match &quot;%1&quot;: pick one with ↓ and Enter</source>
        <translation>mehrere Artikel passen zu „%1“: einen mit ↓ und Enter wählen</translation>
    </message>
    <message>
        <source>nobody is logged in at this till</source>
        <translation>an dieser Kasse ist niemand angemeldet</translation>
    </message>
    <message>
        <source>no shift is open at this till</source>
        <translation>an dieser Kasse ist keine Schicht offen</translation>
    </message>
    <message>
        <source>the cart is empty; there is nothing to park</source>
        <translation>der Warenkorb ist leer; es gibt nichts zu parken</translation>
    </message>
    <message>
        <source>that cart is no longer parked</source>
        <translation>dieser Warenkorb ist nicht mehr geparkt</translation>
    </message>
    <message>
        <source>the cart is empty</source>
        <translation>der Warenkorb ist leer</translation>
    </message>
    <message>
        <source>no sale on this terminal has the receipt number &quot;%1&quot;</source>
        <translation>kein Verkauf an dieser Kasse hat die Bonnummer „%1“</translation>
    </message>
    <message>
        <source>receipt %1 is %2; there is nothing to give back</source>
        <translation>Bon %1 ist %2; es gibt nichts zurückzugeben</translation>
    </message>
</context>
<context>
    <name>counterline::ui::AmountPrompt</name>
    <message>
        <source>OK (Enter)</source>
        <translation>OK (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a quantity from 1 to %2.</source>
        <translation>„%1“ ist keine Menge von 1 bis %2.</translation>
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
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n orders so far…</source>
        <translation>
            <numerusform>Export nach %1: bisher %n Auftrag…</numerusform>
            <numerusform>Export nach %1: bisher %n Aufträge…</numerusform>
        </translation>
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
        <source>%1 added.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
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
        <source>Discount</source>
        <translation>Rabatt</translation>
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
        <source>Return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Receipt number of the sale brought back:</source>
        <translation>Belegnummer des zurückgebrachten Verkaufs:</translation>
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
    <message>
        <source>Price change</source>
        <translation>Preisänderung</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Discount above %1 % of the line</source>
        <translation>Rabatt über %1 % der Zeile</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Zeilensumme</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Returning a sale</source>
        <translation>Rücknahme eines Verkaufs</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Total to give back</source>
        <translation>Zurückzugeben</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Orders not yet on the server</source>
        <translation>Bestellungen noch nicht auf dem Server</translation>
    </message>
    <message>
        <source>Cash difference</source>
        <translation>Kassendifferenz</translation>
    </message>
    <message>
        <source>Quantity of %1:</source>
        <translation>Menge von %1:</translation>
    </message>
    <message>
        <source>Sale %1 is void.</source>
        <translation>Verkauf %1 ist storniert.</translation>
    </message>
    <message>
        <source>Giving the money back…</source>
        <translation>Geld wird zurückgegeben…</translation>
    </message>
    <message>
        <source>Sale %1 has been returned.</source>
        <translation>Verkauf %1 wurde zurückgenommen.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>Rückgeld %1</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message numerus="yes">
        <source>Parked carts: %n (F9)</source>
        <translation>
            <numerusform>Geparkte Warenkörbe: %n (F9)</numerusform>
            <numerusform>Geparkte Warenkörbe: %n (F9)</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no receipt to print since the till started.</source>
        <translation>Seit dem Start der Kasse gibt es keinen Bon zum Drucken.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Receipt %1 printed again.</source>
        <translation>Bon %1 erneut gedruckt.</translation>
    </message>
    <message>
        <source>Receipt %1 printed.</source>
        <translation>Bon %1 gedruckt.</translation>
    </message>
    <message>
        <source>The cart that was open is parked.</source>
        <translation>Der offene Warenkorb ist geparkt.</translation>
    </message>
    <message>
        <source>%1 × — scan the item</source>
        <translation>%1 × – Artikel scannen</translation>
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
    <message numerus="yes">
        <source>%1 at %2: %3 (lines: %n)</source>
        <translation>
            <numerusform>%1 um %2: %3 (Zeilen: %n)</numerusform>
            <numerusform>%1 um %2: %3 (Zeilen: %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Still parked (they stay for the next shift):</source>
        <translation>Noch geparkt (sie bleiben für die nächste Schicht):</translation>
    </message>
</context>
<context>
    <name>counterline::ui::DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Discount on %1 (%2 × %3), line total %4:</source>
        <translation>Rabatt auf %1 (%2 × %3), Zeilensumme %4:</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>Prozent (%)</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Betrag (%1)</translation>
    </message>
    <message>
        <source>A trailing % means a percentage, %1 an amount. Up to %2 % of the line without a manager; 0 removes the discount.</source>
        <translation>Ein % am Ende bedeutet Prozent, %1 einen Betrag. Bis %2 % der Zeile ohne Marktleitung; 0 entfernt den Rabatt.</translation>
    </message>
    <message>
        <source>Apply (Enter)</source>
        <translation>Anwenden (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Type the discount.</source>
        <translation>Geben Sie den Rabatt ein.</translation>
    </message>
    <message>
        <source>Line total %1 → %2</source>
        <translation>Zeilensumme %1 → %2</translation>
    </message>
    <message>
        <source>A manager approves this discount.</source>
        <translation>Diesen Rabatt genehmigt die Marktleitung.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>counterline::ui::FollowUpsView</name>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What was done, e.g. &quot;refunded by bank transfer on 4 Dec&quot;</source>
        <translation>Was getan wurde, z. B. „am 4. Dez. per Überweisung erstattet“</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Settle with this note</source>
        <translation>Mit dieser Notiz erledigen</translation>
    </message>
    <message>
        <source>Card declined after the sale</source>
        <translation>Karte nach dem Verkauf abgelehnt</translation>
    </message>
    <message>
        <source>Money owed back</source>
        <translation>Geld zurückzuzahlen</translation>
    </message>
    <message>
        <source>Refund refused</source>
        <translation>Erstattung abgelehnt</translation>
    </message>
    <message>
        <source>Receipt number used twice</source>
        <translation>Belegnummer doppelt vergeben</translation>
    </message>
    <message>
        <source>No follow-ups.</source>
        <translation>Keine Klärfälle.</translation>
    </message>
    <message>
        <source>Pick an item to see it in full.</source>
        <translation>Wählen Sie einen Klärfall, um ihn vollständig zu sehen.</translation>
    </message>
    <message>
        <source>Raised %1 by %2.</source>
        <translation>Gemeldet %1 von %2.</translation>
    </message>
    <message>
        <source>Settled %1 by %2.</source>
        <translation>Erledigt %1 von %2.</translation>
    </message>
    <message>
        <source>%1, %2%3: %4</source>
        <translation>%1, %2%3: %4</translation>
    </message>
    <message>
        <source> (settled)</source>
        <translation> (erledigt)</translation>
    </message>
    <message>
        <source>Say what was done before settling the item.</source>
        <translation>Notieren Sie, was getan wurde, bevor Sie den Klärfall erledigen.</translation>
    </message>
    <message>
        <source>Type the note first.</source>
        <translation>Geben Sie zuerst die Notiz ein.</translation>
    </message>
    <message>
        <source>Settled.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Notiz hinzugefügt.</translation>
    </message>
    <message>
        <source>Nothing needs anyone to act: every follow-up is settled.</source>
        <translation>Nichts zu tun: Alle Klärfälle sind erledigt.</translation>
    </message>
    <message>
        <source>Items that need someone to act: %1. Settle each with a note of what was done.</source>
        <translation>Offene Klärfälle: %1. Jeden mit einer Notiz zum Erledigten abschließen.</translation>
    </message>
    <message>
        <source>Items: %1.</source>
        <translation>Einträge: %1.</translation>
    </message>
    <message>
        <source>Price not the catalog&apos;s</source>
        <translation>Preis nicht laut Katalog</translation>
    </message>
    <message>
        <source>Tax rate not the catalog&apos;s</source>
        <translation>Steuersatz nicht laut Katalog</translation>
    </message>
    <message>
        <source>Item not in the catalog</source>
        <translation>Artikel nicht im Katalog</translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The export was cancelled after %1 orders; nothing was saved.</source>
        <translation>Der Export wurde nach %1 Aufträgen abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The export stopped after %1 orders and was not saved: %2</source>
        <translation>Der Export brach nach %1 Bestellungen ab und wurde nicht gespeichert: %2</translation>
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
    <message>
        <source>Return · %1</source>
        <translation>Rückgabe · %1</translation>
    </message>
</context>
<context>
    <name>counterline::ui::LocalOrderBackend</name>
    <message>
        <source>This sale was not charged to a card through the payment service; pay the return back in cash.</source>
        <translation>Dieser Verkauf wurde nicht über den Zahlungsdienst auf eine Karte gebucht; zahlen Sie die Rückgabe bar aus.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::LoginPage</name>
    <message>
        <source>Type your PIN and press Enter</source>
        <translation>PIN eingeben und Enter drücken</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ManagerApproval</name>
    <message>
        <source>Manager approval</source>
        <translation>Freigabe durch Marktleitung</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>That is not a manager&apos;s PIN.</source>
        <translation>Das ist keine PIN einer Marktleitung.</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Manager PIN to approve:</source>
        <translation>PIN der Marktleitung zur Freigabe:</translation>
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
    <message>
        <source>Return %1 — %2, version %3</source>
        <translation>Rückgabe %1 — %2, Version %3</translation>
    </message>
    <message>
        <source>Items taken back from receipt %1; the total was paid back.</source>
        <translation>Artikel von Beleg %1 zurückgenommen; die Summe wurde ausgezahlt.</translation>
    </message>
    <message>
        <source>Sold as line</source>
        <translation>Verkauft als Zeile</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Zurückgegeben</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückgaben</translation>
    </message>
    <message>
        <source>%1: receipt %2, %3 paid back</source>
        <translation>%1: Beleg %2, %3 ausgezahlt</translation>
    </message>
    <message>
        <source>Return items…</source>
        <translation>Artikel zurücknehmen…</translation>
    </message>
    <message>
        <source>Taken back %1 by %2 at store %3, till %4.</source>
        <translation>Zurückgenommen %1 von %2 in Geschäft %3, Kasse %4.</translation>
    </message>
    <message>
        <source>%1 given back in cash</source>
        <translation>%1 bar zurückgegeben</translation>
    </message>
    <message>
        <source>%1 refunded to the card by the till (%2)</source>
        <translation>%1 von der Kasse auf die Karte erstattet (%2)</translation>
    </message>
    <message>
        <source>%1 refunded on the card reader</source>
        <translation>%1 am Kartenterminal erstattet</translation>
    </message>
    <message>
        <source>%1 owed to the customer: on the follow-up list</source>
        <translation>%1 schuldet der Kundschaft: auf der Liste der Klärfälle</translation>
    </message>
    <message>
        <source>%1 was never charged to the card</source>
        <translation>%1 wurde nie von der Karte abgebucht</translation>
    </message>
    <message>
        <source>%1 refunded to the card by the server</source>
        <translation>%1 vom Server auf die Karte erstattet</translation>
    </message>
    <message>
        <source>%1: the payment service refused the refund; on the follow-up list</source>
        <translation>%1: Der Zahlungsdienst hat die Erstattung abgelehnt; auf der Liste der Klärfälle</translation>
    </message>
    <message>
        <source>%1 being refunded to the card by the server</source>
        <translation>%1 wird vom Server auf die Karte erstattet</translation>
    </message>
    <message>
        <source>%1 recorded as given back</source>
        <translation>%1 als zurückgegeben erfasst</translation>
    </message>
    <message>
        <source>Money back</source>
        <translation>Geld zurück</translation>
    </message>
    <message>
        <source>Cancel the sale?</source>
        <translation>Verkauf stornieren?</translation>
    </message>
    <message>
        <source>Refund the sale?</source>
        <translation>Verkauf erstatten?</translation>
    </message>
    <message>
        <source>Cancel the sale</source>
        <translation>Verkauf stornieren</translation>
    </message>
    <message>
        <source>Refund the sale</source>
        <translation>Verkauf erstatten</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Cancelling receipt %1 (%2): its goods go back into stock and its money back to the customer, by whoever took it. What cannot be given back now goes on the follow-up list.</source>
        <translation>Storno von Beleg %1 (%2): Die Ware geht zurück in den Bestand und das Geld zurück an die Kundschaft, durch den, der es angenommen hat. Was jetzt nicht zurückgegeben werden kann, kommt auf die Liste der Klärfälle.</translation>
    </message>
    <message>
        <source>Refunding receipt %1 (%2): its goods go back into stock and its money back to the customer, by whoever took it. What cannot be given back now goes on the follow-up list.</source>
        <translation>Erstattung von Beleg %1 (%2): Die Ware geht zurück in den Bestand und das Geld zurück an die Kundschaft, durch den, der es angenommen hat. Was jetzt nicht zurückgegeben werden kann, kommt auf die Liste der Klärfälle.</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>wartet auf das Senden</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ParkedCartsDialog</name>
    <message>
        <source>Parked carts</source>
        <translation>Geparkte Warenkörbe</translation>
    </message>
    <message>
        <source>Parked carts, newest first</source>
        <translation>Geparkte Warenkörbe, neueste zuerst</translation>
    </message>
    <message>
        <source>Parked by</source>
        <translation>Geparkt von</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Um</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>cannot be priced</source>
        <translation>nicht bepreisbar</translation>
    </message>
    <message>
        <source>The cart on screen is parked when you resume another.</source>
        <translation>Der Warenkorb auf dem Bildschirm wird geparkt, wenn Sie einen anderen fortsetzen.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
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
    <message>
        <source>Is the cash given right?</source>
        <translation>Stimmt das gegebene Bargeld?</translation>
    </message>
    <message>
        <source>Cash given: %1
To pay: %2
Change due: %3</source>
        <translation>Gegeben: %1
Zu zahlen: %2
Rückgeld: %3</translation>
    </message>
    <message>
        <source>That is more than ten times what is due.</source>
        <translation>Das ist mehr als das Zehnfache des offenen Betrags.</translation>
    </message>
    <message>
        <source>Yes, take %1</source>
        <translation>Ja, %1 annehmen</translation>
    </message>
    <message>
        <source>No, back (Esc)</source>
        <translation>Nein, zurück (Esc)</translation>
    </message>
    <message>
        <source>F1 Exact</source>
        <translation>F1 Passend</translation>
    </message>
    <message>
        <source>Cash, the exact amount</source>
        <translation>Bar, der genaue Betrag</translation>
    </message>
    <message>
        <source>F%1 %2</source>
        <translation>F%1 %2</translation>
    </message>
    <message>
        <source>Cash, %1 given</source>
        <translation>Bar, %1 gegeben</translation>
    </message>
</context>
<context>
    <name>counterline::ui::PinLockWatch</name>
    <message>
        <source>Too many wrong PINs. PIN entry opens again in %1:%2.</source>
        <translation>Zu viele falsche PINs. Die PIN-Eingabe ist wieder möglich in %1:%2.</translation>
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
    <message numerus="yes">
        <source>Returns (%n)</source>
        <translation>
            <numerusform>Rückgabe (%n)</numerusform>
            <numerusform>Rückgaben (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All sales (%n), less returns</source>
        <translation>
            <numerusform>Alle Verkäufe (%n), abzüglich Rückgaben</numerusform>
            <numerusform>Alle Verkäufe (%n), abzüglich Rückgaben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::ReturnDialog</name>
    <message>
        <source>Return items of receipt %1</source>
        <translation>Artikel von Beleg %1 zurücknehmen</translation>
    </message>
    <message>
        <source>Choose how many of each item the customer brings back. The sale stays as it was; the return is a new receipt linked to it, and the items go back into stock.</source>
        <translation>Wählen Sie, wie viele Stück jedes Artikels der Kunde zurückbringt. Der Verkauf bleibt, wie er war; die Rückgabe ist ein neuer, damit verknüpfter Beleg, und die Artikel gehen zurück in den Bestand.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Returned before</source>
        <translation>Bereits zurück</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Zeilensumme</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Zurückbringen</translation>
    </message>
    <message>
        <source>Take back and pay out</source>
        <translation>Zurücknehmen und auszahlen</translation>
    </message>
    <message>
        <source>Pay back in cash: %1</source>
        <translation>Bar auszuzahlen: %1</translation>
    </message>
    <message>
        <source>Choose at least one item to bring back.</source>
        <translation>Wählen Sie mindestens einen Artikel zum Zurückbringen.</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>Bar aus der Kasse</translation>
    </message>
    <message>
        <source>Back to the card of the sale</source>
        <translation>Zurück auf die Karte des Verkaufs</translation>
    </message>
    <message>
        <source>Pay back to the card: %1</source>
        <translation>Auf die Karte zu erstatten: %1</translation>
    </message>
</context>
<context>
    <name>counterline::ui::SaleCompletePanel</name>
    <message>
        <source>Print the receipt</source>
        <translation>Den Bon drucken</translation>
    </message>
    <message>
        <source>Enter  New sale</source>
        <translation>Enter  Neuer Verkauf</translation>
    </message>
    <message>
        <source>Start the next sale</source>
        <translation>Den nächsten Verkauf beginnen</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Rückgeld %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Summe %1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Bon %1</translation>
    </message>
    <message>
        <source>F1  Reprint receipt</source>
        <translation>F1  Bon nachdrucken</translation>
    </message>
    <message>
        <source>F1  Print receipt</source>
        <translation>F1  Bon drucken</translation>
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
    <message>
        <source>Nothing was waiting to be sent again.</source>
        <translation>Nichts wartete darauf, erneut gesendet zu werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n will be sent on the till&apos;s next pass, within seconds when the server is reachable; their state shows here.</source>
        <translation>
            <numerusform>%n wird beim nächsten Durchlauf der Kasse gesendet, binnen Sekunden, wenn der Server erreichbar ist; der Stand erscheint hier.</numerusform>
            <numerusform>%n werden beim nächsten Durchlauf der Kasse gesendet, binnen Sekunden, wenn der Server erreichbar ist; ihr Stand erscheint hier.</numerusform>
        </translation>
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
    <name>counterline::ui::Tender</name>
    <message>
        <source>Cash %1</source>
        <translation>Bar %1</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Karte %1</translation>
    </message>
    <message>
        <source>(taken offline)</source>
        <translation>(offline angenommen)</translation>
    </message>
</context>
<context>
    <name>counterline::ui::TotalsPanel</name>
    <message>
        <source>Discounts: −%1</source>
        <translation>Rabatte: −%1</translation>
    </message>
    <message>
        <source>Tax %1 %: %2</source>
        <translation>MwSt. %1 %: %2</translation>
    </message>
    <message numerus="yes">
        <source>Subtotal (items: %n): %1</source>
        <translation>
            <numerusform>Zwischensumme (Artikel: %n): %1</numerusform>
            <numerusform>Zwischensumme (Artikel: %n): %1</numerusform>
        </translation>
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
        <translation>Verkäufe</translation>
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
    <message numerus="yes">
        <source>Returns (%n)</source>
        <translation>
            <numerusform>Rückgabe (%n)</numerusform>
            <numerusform>Rückgaben (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
