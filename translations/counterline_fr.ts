<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CardRefunds</name>
    <message>
        <source>The payment service refused to refund %1 of charge %2: %3</source>
        <translation>Le service de paiement a refusé de rembourser %1 du débit %2 : %3</translation>
    </message>
    <message>
        <source>no payment service is configured (--payments)</source>
        <translation>aucun service de paiement n’est configuré (--payments)</translation>
    </message>
    <message>
        <source>Order %1 has no refund number %2.</source>
        <translation>La commande %1 n’a pas de remboursement numéro %2.</translation>
    </message>
</context>
<context>
    <name>Cart</name>
    <message>
        <source>the cart has no line %1</source>
        <translation>le panier n’a pas de ligne %1</translation>
    </message>
    <message>
        <source>a quantity must be between 1 and %1</source>
        <translation>une quantité doit être comprise entre 1 et %1</translation>
    </message>
    <message>
        <source>%1 is priced in %2 but the cart is in %3</source>
        <translation>%1 a un prix en %2 mais le panier est en %3</translation>
    </message>
    <message>
        <source>a price must be a non-negative amount in %1</source>
        <translation>un prix doit être un montant positif ou nul en %1</translation>
    </message>
    <message>
        <source>line number %1 is not free in this cart</source>
        <translation>le numéro de ligne %1 est déjà pris dans ce panier</translation>
    </message>
    <message>
        <source>line %1 is not priced in %2</source>
        <translation>la ligne %1 n’a pas de prix en %2</translation>
    </message>
</context>
<context>
    <name>CartStore</name>
    <message>
        <source>Cart %1 has been paid and can no longer change.</source>
        <translation>Le panier %1 est payé et ne peut plus changer.</translation>
    </message>
    <message>
        <source>There is no saved cart %1.</source>
        <translation>Il n’y a pas de panier enregistré %1.</translation>
    </message>
    <message>
        <source>Cart %1 is not %2.</source>
        <translation>Le panier %1 n’est pas %2.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>ligne %1 : %2 ; rien n’a été importé</translation>
    </message>
</context>
<context>
    <name>CatalogCheck</name>
    <message>
        <source>Line %1 (%2 &quot;%3&quot;)</source>
        <translation>Ligne %1 (%2 « %3 »)</translation>
    </message>
    <message>
        <source>catalog version %1</source>
        <translation>version du catalogue %1</translation>
    </message>
    <message>
        <source>catalog as of %1</source>
        <translation>catalogue en vigueur le %1</translation>
    </message>
    <message>
        <source>%1: not in the catalog (%2)</source>
        <translation>%1 : absent du catalogue (%2)</translation>
    </message>
    <message>
        <source>%1: sold at %2 with no approver recorded; the catalog had %3 (%4)</source>
        <translation>%1 : vendu à %2 sans approbation enregistrée ; le catalogue indiquait %3 (%4)</translation>
    </message>
    <message>
        <source>%1: sold with tax rate %2; the catalog had %3 (%4)</source>
        <translation>%1 : vendu au taux de taxe %2 ; le catalogue indiquait %3 (%4)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is not in the catalog</source>
        <translation>« %1 » %2 n’est pas au catalogue</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is not the catalog&apos;s %3 for %4</source>
        <translation>« %1 » %2 n’est pas la valeur %3 du catalogue pour %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is below the catalog price %3 of %4; an order that is not paid yet is placed at the catalog&apos;s prices</source>
        <translation>« %1 » %2 est inférieur au prix catalogue %3 de %4 ; une commande pas encore payée se passe aux prix du catalogue</translation>
    </message>
</context>
<context>
    <name>CatalogCsv</name>
    <message>
        <source>The catalog file is empty.</source>
        <translation>Le fichier catalogue est vide.</translation>
    </message>
    <message>
        <source>line 1: the header lacks the column &quot;%1&quot;; expected %2</source>
        <translation>ligne 1 : il manque la colonne « %1 » dans l’en-tête ; attendu : %2</translation>
    </message>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>ligne %1 : %2 ; rien n’a été importé</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 champs là où l’en-tête en a %2</translation>
    </message>
    <message>
        <source>the sku is empty</source>
        <translation>la référence est vide</translation>
    </message>
    <message>
        <source>the sku &quot;%1&quot; appears twice</source>
        <translation>la référence « %1 » apparaît deux fois</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>le nom est vide</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid barcode</source>
        <translation>« %1 » n’est pas un code-barres valide</translation>
    </message>
    <message>
        <source>the barcode %1 is also on sku &quot;%2&quot;</source>
        <translation>le code-barres %1 est aussi sur la référence « %2 »</translation>
    </message>
    <message>
        <source>the currency &quot;%1&quot; is not this store&apos;s %2</source>
        <translation>la devise « %1 » n’est pas celle du magasin (%2)</translation>
    </message>
    <message>
        <source>the price %1 is negative</source>
        <translation>le prix %1 est négatif</translation>
    </message>
    <message>
        <source>the stock &quot;%1&quot; is not a whole number</source>
        <translation>le stock « %1 » n’est pas un nombre entier</translation>
    </message>
</context>
<context>
    <name>CatalogService</name>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>ligne %1 : %2 ; rien n’a été importé</translation>
    </message>
</context>
<context>
    <name>Currency</name>
    <message>
        <source>&quot;%1&quot; is not a supported ISO 4217 currency code</source>
        <translation>« %1 » n’est pas un code de devise ISO 4217 pris en charge</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 n’est pas un fichier.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is an empty file, not a Counterline database; it was left untouched. Move it away or choose another --data-dir.</source>
        <translation>%1 est un fichier vide, pas une base Counterline ; il n’a pas été modifié. Déplacez-le ou choisissez un autre --data-dir.</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database; it was left untouched.</source>
        <translation>%1 n’est pas une base SQLite ; il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a SQLite database: %2</source>
        <translation>%1 ne peut pas être lu comme base SQLite : %2</translation>
    </message>
    <message>
        <source>%1 is a SQLite database of another program (application_id %2), not a Counterline terminal database; it was left untouched.</source>
        <translation>%1 est la base SQLite d’un autre programme (application_id %2), pas celle d’une caisse Counterline ; il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>Impossible de créer le répertoire de données %1.</translation>
    </message>
    <message>
        <source>Cannot open the terminal database %1: %2</source>
        <translation>Impossible d’ouvrir la base de la caisse %1 : %2</translation>
    </message>
</context>
<context>
    <name>Discount</name>
    <message>
        <source>&quot;%1&quot; is not a percentage like 10 or 12.5</source>
        <translation>« %1 » n’est pas un pourcentage comme 10 ou 12,5</translation>
    </message>
    <message>
        <source>a percentage discount must lie between 0 and 100 percent</source>
        <translation>une remise en pourcentage doit être comprise entre 0 et 100 %</translation>
    </message>
    <message>
        <source>a discount must not be negative</source>
        <translation>une remise ne doit pas être négative</translation>
    </message>
    <message>
        <source>the discount is larger than the amount it applies to</source>
        <translation>la remise dépasse le montant auquel elle s’applique</translation>
    </message>
</context>
<context>
    <name>EventOutbox</name>
    <message>
        <source>A terminal sees only its own store&apos;s events.</source>
        <translation>Une caisse ne voit que les événements de son magasin.</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>There is no follow-up %1.</source>
        <translation>Il n’y a pas de suivi %1.</translation>
    </message>
    <message>
        <source>This store is not yours to see.</source>
        <translation>Vous n’avez pas accès à ce magasin.</translation>
    </message>
    <message>
        <source>Tills raise follow-ups; head office notes and settles them.</source>
        <translation>Les caisses signalent les suivis ; le siège les annote et les règle.</translation>
    </message>
    <message>
        <source>&quot;note&quot; must say what was done</source>
        <translation>« note » doit dire ce qui a été fait</translation>
    </message>
    <message>
        <source>&quot;note&quot; is longer than 2,000 characters</source>
        <translation>« note » dépasse 2000 caractères</translation>
    </message>
    <message>
        <source>Follow-up %1 was settled at %2 by %3; it takes no more notes.</source>
        <translation>Le suivi %1 a été réglé le %2 par %3 ; il n’accepte plus de notes.</translation>
    </message>
</context>
<context>
    <name>HistoryCheck</name>
    <message>
        <source>&quot;events&quot;: %1</source>
        <translation>« events » : %1</translation>
    </message>
    <message>
        <source>&quot;events[%1]&quot;: &quot;from&quot; and &quot;to&quot; must be order statuses</source>
        <translation>« events[%1] » : « from » et « to » doivent être des états de commande</translation>
    </message>
    <message>
        <source>&quot;events&quot; lead to %1 at version %2, but the order says %3 at version %4</source>
        <translation>« events » mènent à %1 en version %2, mais la commande indique %3 en version %4</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>The journal has no entry for order %1.</source>
        <translation>Le journal n’a pas d’entrée pour la commande %1.</translation>
    </message>
    <message>
        <source>entry %1 follows entry %2: entries are missing</source>
        <translation>l’entrée %1 suit l’entrée %2 : des entrées manquent</translation>
    </message>
    <message>
        <source>entry %1 does not point at the hash of entry %2</source>
        <translation>l’entrée %1 ne renvoie pas au hash de l’entrée %2</translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written: its hash does not match its record</source>
        <translation>l’entrée %1 a été modifiée après son écriture : son hash ne correspond pas à son contenu</translation>
    </message>
</context>
<context>
    <name>JournalAudit</name>
    <message>
        <source>continuous on the server through entry %1 (checked %2)</source>
        <translation>continu sur le serveur jusqu’à l’entrée %1 (vérifié %2)</translation>
    </message>
    <message>
        <source>entries %1 never reached the server</source>
        <translation>les entrées %1 ne sont jamais arrivées au serveur</translation>
    </message>
    <message>
        <source>the server found broken links at %1</source>
        <translation>le serveur a trouvé des liens rompus en %1</translation>
    </message>
</context>
<context>
    <name>JournalEntries</name>
    <message>
        <source>Only a terminal&apos;s token has a journal.</source>
        <translation>Seul le jeton d’une caisse a un journal.</translation>
    </message>
    <message>
        <source>&quot;kind&quot; must be lower-case letters and underscores</source>
        <translation>« kind » doit se composer de lettres minuscules et de tirets bas</translation>
    </message>
    <message>
        <source>&quot;record&quot; must be the entry&apos;s record as a string</source>
        <translation>« record » doit être le contenu de l’entrée sous forme de chaîne</translation>
    </message>
    <message>
        <source>&quot;journal&quot; is missing</source>
        <translation>« journal » est absent</translation>
    </message>
    <message>
        <source>Journal entry %1: the record does not hash to %2 with the hash before it; it was changed on the way or at the till</source>
        <translation>Entrée de journal %1 : avec le hash précédent, le contenu ne donne pas le hash %2 ; il a été modifié en route ou à la caisse</translation>
    </message>
    <message>
        <source>&quot;record&quot; must be an entry of kind %1 with its payload</source>
        <translation>« record » doit être une entrée de type %1 avec sa charge utile</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a journal entry kind (lower-case letters and underscores)</source>
        <translation>« %1 » n’est pas un type d’entrée de journal (lettres minuscules et tirets bas)</translation>
    </message>
</context>
<context>
    <name>JournalLinks</name>
    <message>
        <source>Journal entry %1 of this terminal is already held with another hash (it recorded order %2); the terminal&apos;s journal has forked, for example after restoring an old copy of its database.</source>
        <translation>L’entrée de journal %1 de cette caisse est déjà connue avec un autre hash (elle enregistrait la commande %2) ; le journal de la caisse a bifurqué, par exemple après la restauration d’une ancienne copie de sa base.</translation>
    </message>
    <message>
        <source>Journal entry %1 of this terminal already recorded %2; one entry records one change.</source>
        <translation>L’entrée de journal %1 de cette caisse a déjà enregistré %2 ; une entrée enregistre un seul changement.</translation>
    </message>
    <message>
        <source>a journal entry</source>
        <translation>une entrée de journal</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>la commande %1</translation>
    </message>
    <message>
        <source>Journal entry %1 is too far ahead: this server holds this terminal&apos;s entries up to %2, and entries %3 to %4 must arrive first (at most %5 may be outstanding).</source>
        <translation>L’entrée de journal %1 est trop en avance : ce serveur détient les entrées de cette caisse jusqu’à %2, et les entrées %3 à %4 doivent arriver d’abord (au plus %5 peuvent être en attente).</translation>
    </message>
</context>
<context>
    <name>ListQueries</name>
    <message>
        <source>&quot;%1&quot; must be a number from %2 to %3</source>
        <translation>« %1 » doit être un nombre de %2 à %3</translation>
    </message>
    <message>
        <source>&quot;status&quot; is not an order status: &quot;%1&quot;</source>
        <translation>« status » n’est pas un statut de commande : « %1 »</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an RFC 3339 time</source>
        <translation>« %1 » doit être une heure RFC 3339</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number of minor units, 0 or more</source>
        <translation>« %1 » doit être un nombre entier d’unités mineures, 0 ou plus</translation>
    </message>
    <message>
        <source>&quot;state&quot; must be open, settled or all, not &quot;%1&quot;</source>
        <translation>« state » doit être open, settled ou all, pas « %1 »</translation>
    </message>
    <message>
        <source>&quot;since&quot; must be a cursor from an earlier answer</source>
        <translation>« since » doit être un curseur d’une réponse précédente</translation>
    </message>
</context>
<context>
    <name>LocalHistorySource</name>
    <message>
        <source>This till&apos;s orders</source>
        <translation>Commandes de cette caisse</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message numerus="yes">
        <source>&quot;%1&quot; has more decimal places than %2 allows (%n)</source>
        <translation>
            <numerusform>« %1 » a plus de décimales que %2 n’en permet (%n)</numerusform>
            <numerusform>« %1 » a plus de décimales que %2 n’en permet (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot combine %1 with %2</source>
        <translation>impossible de combiner %1 avec %2</translation>
    </message>
</context>
<context>
    <name>NatsRelay</name>
    <message>
        <source>NATS: %1 failed: %2</source>
        <translation>NATS : échec de %1 : %2</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>connexion à %1</translation>
    </message>
    <message>
        <source>opening JetStream</source>
        <translation>ouverture de JetStream</translation>
    </message>
    <message>
        <source>creating stream %1</source>
        <translation>création du flux %1</translation>
    </message>
    <message>
        <source>publishing event %1</source>
        <translation>publication de l’événement %1</translation>
    </message>
</context>
<context>
    <name>OfflineCards</name>
    <message>
        <source>Offline card limits are amounts of zero or more and 1 to 168 hours.</source>
        <translation>Les limites des cartes hors ligne sont des montants positifs ou nuls et de 1 à 168 heures.</translation>
    </message>
    <message>
        <source>Offline, a card may pay at most %1 per sale.</source>
        <translation>Hors ligne, une carte peut payer au plus %1 par vente.</translation>
    </message>
    <message>
        <source>Offline card payments waiting to be forwarded come to %1; with this one they would pass the limit of %2.</source>
        <translation>Les paiements par carte hors ligne en attente de transmission s’élèvent à %1 ; avec celui-ci, ils dépasseraient la limite de %2.</translation>
    </message>
    <message>
        <source>An offline card payment from %1 has waited more than %2 hours to be forwarded; no more are taken until the till is back online.</source>
        <translation>Un paiement par carte hors ligne du %1 attend sa transmission depuis plus de %2 heures ; aucun autre n’est accepté tant que la caisse n’est pas de nouveau en ligne.</translation>
    </message>
</context>
<context>
    <name>Order</name>
    <message>
        <source>an order needs at least one line</source>
        <translation>une commande doit avoir au moins une ligne</translation>
    </message>
    <message>
        <source>an order needs an id and a creation time</source>
        <translation>une commande doit avoir un identifiant et une date de création</translation>
    </message>
    <message>
        <source>a tender in %1 cannot pay an order in %2</source>
        <translation>un paiement en %1 ne peut pas régler une commande en %2</translation>
    </message>
    <message>
        <source>every tender must be a positive amount</source>
        <translation>chaque paiement doit être un montant positif</translation>
    </message>
    <message>
        <source>the tenders add up to too large an amount</source>
        <translation>les paiements totalisent un montant trop élevé</translation>
    </message>
    <message>
        <source>the tenders (%1) do not cover the total (%2)</source>
        <translation>les paiements (%1) ne couvrent pas le total (%2)</translation>
    </message>
    <message>
        <source>change can only be given out of cash; card tenders exceed the total</source>
        <translation>la monnaie ne se rend qu’en espèces ; les paiements par carte dépassent le total</translation>
    </message>
    <message>
        <source>order %1 is %2 and cannot be paid again</source>
        <translation>la commande %1 est %2 et ne peut pas être payée à nouveau</translation>
    </message>
    <message>
        <source>a payment needs at least one tender</source>
        <translation>un paiement doit avoir au moins un moyen de paiement</translation>
    </message>
    <message>
        <source>a return pays back exactly its total (%1), not %2</source>
        <translation>un retour rembourse exactement son total (%1), pas %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order kind (sale or return)</source>
        <translation>« %1 » n’est pas un type de commande (vente ou retour)</translation>
    </message>
    <message>
        <source>line %1 (%2): %3 of %4 sold can still be returned, not %5</source>
        <translation>ligne %1 (%2) : sur %4 vendus, %3 peuvent encore être retournés, pas %5</translation>
    </message>
    <message>
        <source>%1 is a return itself; only a sale can be returned</source>
        <translation>%1 est lui-même un retour ; seule une vente peut être retournée</translation>
    </message>
    <message>
        <source>line %1 of %2 is named twice</source>
        <translation>la ligne %1 de %2 est indiquée deux fois</translation>
    </message>
    <message>
        <source>%1 has no line %2</source>
        <translation>%1 n’a pas de ligne %2</translation>
    </message>
    <message>
        <source>a return needs at least one item brought back</source>
        <translation>un retour nécessite au moins un article rapporté</translation>
    </message>
    <message>
        <source>only a paid or completed sale can be returned; %1 is %2</source>
        <translation>seule une vente payée ou terminée peut être retournée ; %1 est %2</translation>
    </message>
</context>
<context>
    <name>OrderBackend</name>
    <message>
        <source>Returns are taken at the till the goods come back to.</source>
        <translation>Les retours se font à la caisse où la marchandise revient.</translation>
    </message>
</context>
<context>
    <name>OrderDetails</name>
    <message>
        <source>There is no order %1 here.</source>
        <translation>Il n’y a pas de commande %1 ici.</translation>
    </message>
</context>
<context>
    <name>OrderIngest</name>
    <message>
        <source>Only an enrolled terminal may send its orders.</source>
        <translation>Seule une caisse inscrite peut envoyer ses commandes.</translation>
    </message>
    <message>
        <source>This terminal is %1 of store %2; it cannot send orders of %3 of store %4.</source>
        <translation>Cette caisse est %1 du magasin %2 ; elle ne peut pas envoyer les commandes de %3 du magasin %4.</translation>
    </message>
    <message>
        <source>&quot;receipt_no&quot; %1 does not belong to %2-%3</source>
        <translation>« receipt_no » %1 n’appartient pas à %2-%3</translation>
    </message>
    <message>
        <source>&quot;currency&quot; %1 is not a supported ISO 4217 code</source>
        <translation>« currency » %1 n’est pas un code ISO 4217 pris en charge</translation>
    </message>
    <message>
        <source>&quot;currency&quot; is %1 but store %2 sells in %3</source>
        <translation>« currency » vaut %1 mais le magasin %2 vend en %3</translation>
    </message>
    <message>
        <source>The order id %1 belongs to another terminal.</source>
        <translation>L’identifiant de commande %1 appartient à une autre caisse.</translation>
    </message>
    <message>
        <source>&quot;lines&quot;: line_no %1 appears twice</source>
        <translation>« lines » : line_no %1 apparaît deux fois</translation>
    </message>
    <message>
        <source>&quot;receipt_no&quot; %1 is already the receipt of order %2 of this terminal</source>
        <translation>« receipt_no » %1 est déjà le ticket de la commande %2 de cette caisse</translation>
    </message>
</context>
<context>
    <name>OrderJson</name>
    <message>
        <source>There is no order %1.</source>
        <translation>Il n’y a pas de commande %1.</translation>
    </message>
</context>
<context>
    <name>OrderListing</name>
    <message>
        <source>A terminal sees only its own store&apos;s orders.</source>
        <translation>Une caisse ne voit que les commandes de son magasin.</translation>
    </message>
    <message>
        <source>&quot;cursor&quot; is not a cursor this server handed out</source>
        <translation>« cursor » n’est pas un curseur fourni par ce serveur</translation>
    </message>
</context>
<context>
    <name>OrderReplay</name>
    <message>
        <source>events[%1] (%2): %3</source>
        <translation>events[%1] (%2) : %3</translation>
    </message>
    <message>
        <source>an order&apos;s history starts with Place</source>
        <translation>l’historique d’une commande commence par Place</translation>
    </message>
    <message>
        <source>an order&apos;s history starts with Place, from no status to %1 at version 1</source>
        <translation>l’historique d’une commande commence par Place, sans état de départ, vers %1 en version 1</translation>
    </message>
    <message>
        <source>Place happens once, first</source>
        <translation>Place n’a lieu qu’une fois, en premier</translation>
    </message>
    <message>
        <source>it leads from %1 to %2, not to %3</source>
        <translation>il mène de %1 à %2, pas à %3</translation>
    </message>
    <message>
        <source>its version is %1, but the one before was %2</source>
        <translation>sa version est %1, mais la précédente était %2</translation>
    </message>
    <message>
        <source>no history of the state machine leads to %1 at version %2</source>
        <translation>aucun historique de la machine à états ne mène à %1 en version %2</translation>
    </message>
    <message>
        <source>more than one history leads to %1 at version %2: send &quot;events&quot;</source>
        <translation>plus d’un historique mène à %1 en version %2 : envoyez « events »</translation>
    </message>
    <message>
        <source>it names no status it moves from, but the order was %1</source>
        <translation>il ne nomme aucun état de départ, mais la commande était %1</translation>
    </message>
    <message>
        <source>it moves from %1, but the order was %2</source>
        <translation>il part de %1, mais la commande était %2</translation>
    </message>
</context>
<context>
    <name>OrderReversal</name>
    <message>
        <source>&quot;refunds&quot; must be an array</source>
        <translation>« refunds » doit être un tableau</translation>
    </message>
    <message>
        <source>Refund %1 to the card of receipt %2 on the card reader that took it (approval %3).</source>
        <translation>Rembourser %1 sur la carte du ticket %2 au terminal qui l’a acceptée (autorisation %3).</translation>
    </message>
    <message>
        <source>&quot;refunds[%1]&quot; must name its tender (1, 2, …)</source>
        <translation>« refunds[%1] » doit nommer son moyen de paiement (1, 2, …)</translation>
    </message>
    <message>
        <source>&quot;refunds[%1]&quot; must give its amount in minor units</source>
        <translation>« refunds[%1] » doit donner son montant en plus petites unités</translation>
    </message>
    <message>
        <source>&quot;refunds[%1].outcome&quot; must be given_back, card_refunded, reader or owed</source>
        <translation>« refunds[%1].outcome » doit valoir given_back, card_refunded, reader ou owed</translation>
    </message>
    <message>
        <source>&quot;refunds[%1].refund_id&quot; must name the card refund</source>
        <translation>« refunds[%1].refund_id » doit nommer le remboursement sur carte</translation>
    </message>
    <message>
        <source>Give back %1 in cash for receipt %2.</source>
        <translation>Rendre %1 en espèces pour le ticket %2.</translation>
    </message>
    <message>
        <source>Refund %1 to the card of receipt %2 (charge %3) through the payment service.</source>
        <translation>Rembourser %1 sur la carte du ticket %2 (paiement %3) via le service de paiement.</translation>
    </message>
    <message>
        <source>The till could not reach the payment service when it voided the sale.</source>
        <translation>La caisse n’a pas pu joindre le service de paiement en annulant la vente.</translation>
    </message>
    <message>
        <source>Head office cancelled or refunded the sale, away from the till that took the money.</source>
        <translation>Le siège a annulé ou remboursé la vente, loin de la caisse qui a encaissé l’argent.</translation>
    </message>
    <message>
        <source>The till voided the sale before tills gave card money back themselves.</source>
        <translation>La caisse a annulé la vente avant que les caisses remboursent elles-mêmes les cartes.</translation>
    </message>
</context>
<context>
    <name>OrderSaga</name>
    <message>
        <source>Order %1 has no saga.</source>
        <translation>La commande %1 n’a pas de saga.</translation>
    </message>
    <message>
        <source>no payment service is configured (--payments)</source>
        <translation>aucun service de paiement n’est configuré (--payments)</translation>
    </message>
    <message>
        <source>the card was declined (%1)</source>
        <translation>la carte a été refusée (%1)</translation>
    </message>
    <message>
        <source>the payment service refused the charge: %1</source>
        <translation>le service de paiement a refusé le débit : %1</translation>
    </message>
    <message>
        <source>the order was %1 before the payment was confirmed</source>
        <translation>la commande était %1 avant la confirmation du paiement</translation>
    </message>
    <message>
        <source>Order %1 was not paid: %2. It is cancelled and its stock released.</source>
        <translation>La commande %1 n’a pas été payée : %2. Elle est annulée et son stock libéré.</translation>
    </message>
    <message>
        <source>the order was %1 before its card was charged</source>
        <translation>la commande était %1 avant que sa carte soit débitée</translation>
    </message>
    <message>
        <source>the order was voided and its card never charged</source>
        <translation>la commande a été annulée et sa carte jamais débitée</translation>
    </message>
    <message>
        <source>the sale was %1 while its card was being charged</source>
        <translation>la vente est passée à %1 pendant le débit de sa carte</translation>
    </message>
    <message>
        <source>the refund&apos;s outcome is not known yet</source>
        <translation>le résultat du remboursement n’est pas encore connu</translation>
    </message>
</context>
<context>
    <name>OrderService</name>
    <message>
        <source>This order belongs to another store.</source>
        <translation>Cette commande appartient à un autre magasin.</translation>
    </message>
    <message>
        <source>&quot;journal&quot; is for a terminal&apos;s own changes only</source>
        <translation>« journal » ne vaut que pour les modifications d’une caisse</translation>
    </message>
    <message>
        <source>&quot;event&quot; %1 is not an event an order can take</source>
        <translation>« event » %1 n’est pas un événement qu’une commande peut recevoir</translation>
    </message>
    <message>
        <source>&quot;reason&quot; must not be empty</source>
        <translation>« reason » ne doit pas être vide</translation>
    </message>
    <message>
        <source>Order %1 changed while it was being cancelled; try again.</source>
        <translation>La commande %1 a changé pendant son annulation ; réessayez.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a name of at most 200 characters</source>
        <translation>« %1 » doit être un nom de 200 caractères au plus</translation>
    </message>
    <message>
        <source>A till changes only its own orders; this one was sold or placed by another.</source>
        <translation>Une caisse ne modifie que ses propres commandes ; celle-ci a été vendue ou passée par une autre.</translation>
    </message>
    <message>
        <source>A till does not send %1: the payment service confirms payments.</source>
        <translation>Une caisse n’envoie pas %1 : c’est le service de paiement qui confirme les paiements.</translation>
    </message>
</context>
<context>
    <name>OrderStore</name>
    <message>
        <source>The cart is in %1 but this terminal sells in %2.</source>
        <translation>Le panier est en %1 mais cette caisse vend en %2.</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>Il n’y a pas de commande %1.</translation>
    </message>
    <message>
        <source>Order %1 was changed by someone else (it is at version %2, not %3). Reload it and decide again.</source>
        <translation>La commande %1 a été modifiée par quelqu’un d’autre (elle est en version %2, pas %3). Rechargez-la et décidez à nouveau.</translation>
    </message>
    <message>
        <source>Order %1 is %2 at version %3 here, but the server moved it from %4 to %5 at version %6 (by %7).</source>
        <translation>La commande %1 est %2 en version %3 ici, mais le serveur l’a passée de %4 à %5 en version %6 (par %7).</translation>
    </message>
    <message>
        <source>Order %1 is a return: it paid back already and cannot be refunded.</source>
        <translation>La commande %1 est un retour : elle a déjà remboursé et ne peut pas être remboursée.</translation>
    </message>
    <message>
        <source>Order %1 has returns already; it cannot be cancelled or refunded in full. Return the remaining items instead.</source>
        <translation>La commande %1 a déjà des retours ; elle ne peut être ni annulée ni remboursée en entier. Reprenez plutôt les articles restants.</translation>
    </message>
    <message>
        <source>Order %1 has items returned here, but the server moved it from %2 to %3 at version %4 (by %5): the money of the returned items would go back twice.</source>
        <translation>La commande %1 a des articles retournés ici, mais le serveur l’a passée de %2 à %3 en version %4 (par %5) : l’argent des articles retournés serait rendu deux fois.</translation>
    </message>
    <message>
        <source>Money goes back only with a Cancel or a Refund of the whole sale.</source>
        <translation>L’argent n’est rendu qu’avec un Cancel ou un Refund de toute la vente.</translation>
    </message>
</context>
<context>
    <name>OrderTransitions</name>
    <message>
        <source>There is no order %1.</source>
        <translation>Il n’y a pas de commande %1.</translation>
    </message>
    <message>
        <source>Order %1 is a return: it paid back already and cannot be refunded.</source>
        <translation>La commande %1 est un retour : elle a déjà remboursé et ne peut pas être remboursée.</translation>
    </message>
    <message>
        <source>Order %1 has returns already; it cannot be cancelled or refunded in full. Return the remaining items instead.</source>
        <translation>La commande %1 a déjà des retours ; elle ne peut être ni annulée ni remboursée en entier. Reprenez plutôt les articles restants.</translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>Outbox entry %1 is not waiting to be sent.</source>
        <translation>L’entrée d’envoi %1 n’attend pas d’être envoyée.</translation>
    </message>
</context>
<context>
    <name>PaymentGateway</name>
    <message>
        <source>no answer to the charge (%1), and none to the question about it (%2)</source>
        <translation>pas de réponse au débit (%1) ni à la question à son sujet (%2)</translation>
    </message>
    <message>
        <source>no refund was made (%1)</source>
        <translation>aucun remboursement n’a été fait (%1)</translation>
    </message>
    <message>
        <source>no answer to the refund (%1), and none to the question about it (%2)</source>
        <translation>pas de réponse au remboursement (%1) ni à la question à son sujet (%2)</translation>
    </message>
    <message>
        <source>nothing was refunded with this key</source>
        <translation>rien n’a été remboursé avec cette clé</translation>
    </message>
    <message>
        <source>no answer to the question about the charge (%1)</source>
        <translation>pas de réponse à la question sur le paiement (%1)</translation>
    </message>
</context>
<context>
    <name>PaymentLedger</name>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation>Impossible d’ouvrir le registre %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a ledger this program can use: %2</source>
        <translation>%1 n’est pas un registre utilisable par ce programme : %2</translation>
    </message>
    <message>
        <source>%1 holds something else than a ledger; it is left untouched.</source>
        <translation>%1 contient autre chose qu’un registre ; il reste intact.</translation>
    </message>
    <message>
        <source>The Idempotency-Key %1 was used for a different charge.</source>
        <translation>L’Idempotency-Key %1 a servi à un autre débit.</translation>
    </message>
    <message>
        <source>The Idempotency-Key %1 was used for a different refund.</source>
        <translation>L’Idempotency-Key %1 a servi à un autre remboursement.</translation>
    </message>
    <message>
        <source>There is no charge %1.</source>
        <translation>Il n’y a pas de débit %1.</translation>
    </message>
    <message>
        <source>Charge %1 was declined; there is nothing to refund.</source>
        <translation>Le débit %1 a été refusé ; il n’y a rien à rembourser.</translation>
    </message>
    <message>
        <source>Charge %1 has %2 left to refund, not %3 (minor units).</source>
        <translation>Il reste %2 à rembourser sur le débit %1, pas %3 (centimes).</translation>
    </message>
    <message>
        <source>The ledger %1</source>
        <translation>Le registre %1</translation>
    </message>
</context>
<context>
    <name>Principals</name>
    <message>
        <source>%1 &quot;%2&quot; already exists; nothing was changed.</source>
        <translation>%1 « %2 » existe déjà ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>A store id is 1 to 16 letters or digits, not &quot;%1&quot;.</source>
        <translation>Un identifiant de magasin a 1 à 16 lettres ou chiffres, pas « %1 ».</translation>
    </message>
    <message>
        <source>The store %1 already exists; nothing was changed.</source>
        <translation>Le magasin %1 existe déjà ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>A terminal name is 1 to 16 letters or digits, not &quot;%1&quot;.</source>
        <translation>Un nom de caisse a 1 à 16 lettres ou chiffres, pas « %1 ».</translation>
    </message>
    <message>
        <source>A user&apos;s role is backoffice or admin, not &quot;%1&quot;.</source>
        <translation>Le rôle d’un utilisateur est backoffice ou admin, pas « %1 ».</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>Un utilisateur doit avoir un nom.</translation>
    </message>
    <message>
        <source>There is no store %1.</source>
        <translation>Il n’y a pas de magasin %1.</translation>
    </message>
    <message>
        <source>Store %1 has no terminal &quot;%2&quot;; nothing was changed.</source>
        <translation>Le magasin %1 n’a pas de caisse « %2 » ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>No user &quot;%1&quot; holds a valid token; nothing was changed.</source>
        <translation>Aucun utilisateur « %1 » n’a de jeton valide ; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>The server&apos;s error answer is not a JSON object: %1</source>
        <translation>La réponse d’erreur du serveur n’est pas un objet JSON : %1</translation>
    </message>
    <message>
        <source>The server&apos;s error answer lacks a numeric &quot;status&quot; or a &quot;code&quot;.</source>
        <translation>Il manque à la réponse d’erreur du serveur un « status » numérique ou un « code ».</translation>
    </message>
</context>
<context>
    <name>ReceiptNumber</name>
    <message>
        <source>store and terminal codes must be 1 to 16 letters or digits, not &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>les codes de magasin et de caisse doivent avoir 1 à 16 lettres ou chiffres, pas « %1 » et « %2 »</translation>
    </message>
    <message>
        <source>receipt sequences start at 1, not %1</source>
        <translation>les numéros de ticket commencent à 1, pas à %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a receipt number like S1-T1-000042</source>
        <translation>« %1 » n’est pas un numéro de ticket comme S1-T1-000042</translation>
    </message>
</context>
<context>
    <name>ReceiptPainter</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Card (%1)</source>
        <translation>Carte (%1)</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Cashier %1</source>
        <translation>Caissier %1</translation>
    </message>
    <message>
        <source>  %1 × %2</source>
        <translation>  %1 × %2</translation>
    </message>
    <message>
        <source>, less %1</source>
        <translation>, moins %1</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Remises</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>  Tax %1 % on %2</source>
        <translation>  TVA %1 % sur %2</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
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
        <translation>« original_order_id » %1 n’est pas une commande de ce serveur ; la vente doit arriver avant son retour</translation>
    </message>
    <message>
        <source>%1 is a return itself; only a sale can be returned</source>
        <translation>%1 est lui-même un retour ; seule une vente peut être retournée</translation>
    </message>
    <message>
        <source>%1 was sold by store %2, not %3</source>
        <translation>%1 a été vendu par le magasin %2, pas %3</translation>
    </message>
    <message>
        <source>&quot;lines[%1].original_line_no&quot;: %2 has no line %3</source>
        <translation>« lines[%1].original_line_no » : %2 n’a pas de ligne %3</translation>
    </message>
    <message>
        <source>&quot;lines[%1]&quot; is not line %2 of %3 as it was sold (%4 at %5)</source>
        <translation>« lines[%1] » n’est pas la ligne %2 de %3 telle que vendue (%4 à %5)</translation>
    </message>
    <message>
        <source>&quot;lines[%1]&quot;: returning %2 of line %3 of %4 gives back %5 (discount %6), not %7 (discount %8)</source>
        <translation>« lines[%1] » : retourner %2 de la ligne %3 de %4 rembourse %5 (remise %6), pas %7 (remise %8)</translation>
    </message>
    <message>
        <source>only a paid or completed sale can be returned; %1 is %2 here</source>
        <translation>seule une vente payée ou terminée peut être retournée ; %1 est %2 ici</translation>
    </message>
</context>
<context>
    <name>ReturnSources</name>
    <message>
        <source>There is no order %1.</source>
        <translation>Il n’y a pas de commande %1.</translation>
    </message>
</context>
<context>
    <name>ServerDatabase</name>
    <message>
        <source>&quot;%1&quot; is not a database URL like postgresql://user:password@host:5432/counterline</source>
        <translation>« %1 » n’est pas une URL de base comme postgresql://user:password@host:5432/counterline</translation>
    </message>
    <message>
        <source>Give --data-dir DIR (SQLite) or --database URL (PostgreSQL).</source>
        <translation>Indiquez --data-dir DIR (SQLite) ou --database URL (PostgreSQL).</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>Impossible de créer le répertoire de données %1.</translation>
    </message>
    <message>
        <source>Cannot open the server database %1: %2</source>
        <translation>Impossible d’ouvrir la base du serveur %1 : %2</translation>
    </message>
    <message>
        <source>Order %1 of terminal %2 has receipt number %3, which an earlier order of that terminal already had. Both are kept; it is on the follow-up list.</source>
        <translation>La commande %1 de la caisse %2 a le numéro de ticket %3, qu’une commande antérieure de cette caisse avait déjà. Les deux sont conservées ; elle figure dans la liste des suivis.</translation>
    </message>
    <message>
        <source>The server database %1</source>
        <translation>La base de données du serveur %1</translation>
    </message>
</context>
<context>
    <name>ServerHistorySource</name>
    <message>
        <source>Server %1</source>
        <translation>Serveur %1</translation>
    </message>
    <message>
        <source>The server&apos;s history finds a receipt number or a SKU, not both at once.</source>
        <translation>L’historique du serveur cherche un numéro de ticket ou une référence, pas les deux à la fois.</translation>
    </message>
</context>
<context>
    <name>ServerOrderBackend</name>
    <message>
        <source>on the server</source>
        <translation>sur le serveur</translation>
    </message>
</context>
<context>
    <name>ShiftStore</name>
    <message>
        <source>The opening float must be an amount in %1.</source>
        <translation>Le fond de caisse doit être un montant en %1.</translation>
    </message>
    <message>
        <source>%1 already has an open shift.</source>
        <translation>%1 a déjà une session ouverte.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) have not reached the server yet. Wait for sync, or ask a manager to close anyway.</source>
        <translation>
            <numerusform>%n commande n’a pas encore atteint le serveur. Attendez la synchro ou demandez à un responsable de clôturer quand même.</numerusform>
            <numerusform>%n commandes n’ont pas encore atteint le serveur. Attendez la synchro ou demandez à un responsable de clôturer quand même.</numerusform>
        </translation>
    </message>
    <message>
        <source>This shift is already closed.</source>
        <translation>Cette session est déjà clôturée.</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>&quot;%1&quot; could not be written to %2.</source>
        <translation>« %1 » n’a pas pu être écrit dans %2.</translation>
    </message>
    <message>
        <source>There is no printer called &quot;%1&quot;; &quot;%2&quot; is kept in %3.</source>
        <translation>Il n’y a pas d’imprimante « %1 » ; « %2 » est conservé dans %3.</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; did not take &quot;%2&quot;; it is kept in %3.</source>
        <translation>L’imprimante « %1 » n’a pas accepté « %2 » ; il est conservé dans %3.</translation>
    </message>
</context>
<context>
    <name>StockLedger</name>
    <message>
        <source>Store %1 has %2 of %3 on hand; the order asks for %4.</source>
        <translation>Le magasin %1 a %2 de %3 en stock ; la commande en demande %4.</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address like https://pos.example.org</source>
        <translation>« %1 » n’est pas une adresse de serveur comme https://pos.example.org</translation>
    </message>
</context>
<context>
    <name>TaxRate</name>
    <message>
        <source>&quot;%1&quot; is not a tax rate in percent like 19 or 8.875</source>
        <translation>« %1 » n’est pas un taux de taxe en pourcentage comme 19 ou 8,875</translation>
    </message>
    <message>
        <source>a tax rate must lie between 0 and 100 percent</source>
        <translation>un taux de taxe doit être compris entre 0 et 100 %</translation>
    </message>
</context>
<context>
    <name>TerminalSettings</name>
    <message>
        <source>Store and terminal codes must be 1 to 16 letters or digits, not &quot;%1&quot; and &quot;%2&quot;.</source>
        <translation>Les codes de magasin et de caisse doivent avoir 1 à 16 lettres ou chiffres, pas « %1 » et « %2 ».</translation>
    </message>
    <message>
        <source>This terminal database is already set up; it was not changed.</source>
        <translation>Cette base de caisse est déjà configurée ; elle n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>This terminal is not set up yet; run counterline-cli init first.</source>
        <translation>Cette caisse n’est pas encore configurée ; lancez d’abord counterline-cli init.</translation>
    </message>
</context>
<context>
    <name>TotalsCheck</name>
    <message>
        <source>&quot;lines[%1]&quot;: the discount exceeds unit_price × quantity</source>
        <translation>« lines[%1] » : la remise dépasse unit_price × quantity</translation>
    </message>
    <message>
        <source>&quot;lines[%1].total&quot; is %2 but the line comes to %3</source>
        <translation>« lines[%1].total » vaut %2 mais la ligne fait %3</translation>
    </message>
    <message>
        <source>&quot;total&quot; is %1 but the lines add up to %2</source>
        <translation>« total » vaut %1 mais les lignes font %2</translation>
    </message>
    <message>
        <source>the tenders (%1) do not cover &quot;total&quot; (%2)</source>
        <translation>les paiements (%1) ne couvrent pas « total » (%2)</translation>
    </message>
    <message>
        <source>a return arrives COMPLETED with what was paid back (%1) equal to &quot;total&quot; (%2) and nothing to capture</source>
        <translation>un retour arrive COMPLETED, avec le montant remboursé (%1) égal à « total » (%2) et rien à débiter</translation>
    </message>
    <message>
        <source>a remote order is placed at version 1 with tenders (%1) equal to &quot;total&quot; (%2)</source>
        <translation>une commande à distance est passée en version 1 avec des paiements (%1) égaux à « total » (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; no sale carries an amount above %3</source>
        <translation>« %1 » vaut %2 ; aucune vente ne porte un montant supérieur à %3</translation>
    </message>
    <message>
        <source>more than one sale can hold, from line %1</source>
        <translation>plus qu’une vente ne peut contenir, à partir de la ligne %1</translation>
    </message>
    <message>
        <source>more than one sale can hold</source>
        <translation>plus qu’une vente ne peut contenir</translation>
    </message>
</context>
<context>
    <name>UserStore</name>
    <message>
        <source>A user needs a name.</source>
        <translation>Un utilisateur doit avoir un nom.</translation>
    </message>
    <message>
        <source>The role is cashier or manager, not &quot;%1&quot;.</source>
        <translation>Le rôle est cashier ou manager, pas « %1 ».</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un code PIN a 4 à 8 chiffres.</translation>
    </message>
    <message>
        <source>There is already a user called %1.</source>
        <translation>Il existe déjà un utilisateur nommé %1.</translation>
    </message>
    <message>
        <source>Another user already has this PIN; choose a different one.</source>
        <translation>Un autre utilisateur a déjà ce code PIN ; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>The PIN guard of this till is missing.</source>
        <translation>La protection des codes PIN de cette caisse est absente.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: PIN entry is locked until %1.</source>
        <translation>Trop de codes PIN erronés : la saisie du code PIN est bloquée jusqu’à %1.</translation>
    </message>
    <message numerus="yes">
        <source>That is not a manager&apos;s PIN. Wrong PINs left before PIN entry locks: %n.</source>
        <translation>
            <numerusform>Ce n’est pas le code PIN d’un responsable. Encore %n code erroné avant le blocage de la saisie.</numerusform>
            <numerusform>Ce n’est pas le code PIN d’un responsable. Encore %n codes erronés avant le blocage de la saisie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That PIN is not known here. Wrong PINs left before PIN entry locks: %n.</source>
        <translation>
            <numerusform>Ce code PIN est inconnu ici. Encore %n code erroné avant le blocage de la saisie.</numerusform>
            <numerusform>Ce code PIN est inconnu ici. Encore %n codes erronés avant le blocage de la saisie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebhookRelay</name>
    <message>
        <source>A webhook is an http(s) URL such as https://erp.example.org/hooks, not &quot;%1&quot;.</source>
        <translation>Un webhook est une URL http(s) comme https://erp.example.org/hooks, pas « %1 ».</translation>
    </message>
    <message>
        <source>The webhook %1 is not on this machine: it needs https.</source>
        <translation>Le webhook %1 n’est pas sur cette machine : il faut https.</translation>
    </message>
    <message>
        <source>event %1: %2</source>
        <translation>événement %1 : %2</translation>
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
        <translation>--back-office --server demande l’URL du serveur et un jeton (--token ou COUNTERLINE_TOKEN).</translation>
    </message>
    <message>
        <source>Counterline checkout for cashiers.</source>
        <translation>Caisse Counterline pour les caissiers.</translation>
    </message>
    <message>
        <source>Where the terminal keeps its database.</source>
        <translation>Où la caisse garde sa base de données.</translation>
    </message>
    <message>
        <source>Where receipts are kept as PDF (default: DIR/receipts).</source>
        <translation>Où les tickets sont conservés en PDF (par défaut : DIR/receipts).</translation>
    </message>
    <message>
        <source>Also print receipts and Z reports on this printer (its CUPS name); they are always kept as PDF.</source>
        <translation>Imprimer aussi tickets et rapports Z sur cette imprimante (son nom CUPS) ; ils sont toujours conservés en PDF.</translation>
    </message>
    <message>
        <source>Charge cards through this payment service (counterline-paysim), e.g. http://127.0.0.1:8090.</source>
        <translation>Débiter les cartes par ce service de paiement (counterline-paysim), p. ex. http://127.0.0.1:8090.</translation>
    </message>
    <message>
        <source>Receipt paper: thermal (80 mm, default) or a4.</source>
        <translation>Papier des tickets : thermal (80 mm, par défaut) ou a4.</translation>
    </message>
    <message>
        <source>Open the back office instead of the till: this terminal&apos;s orders (a manager&apos;s PIN is asked), or with --server the server&apos;s.</source>
        <translation>Ouvrir le back-office au lieu de la caisse : les commandes de cette caisse (code PIN d’un responsable demandé), ou avec --server celles du serveur.</translation>
    </message>
    <message>
        <source>--back-office for head office: the server&apos;s URL, e.g. https://pos.example.org (no terminal database needed).</source>
        <translation>--back-office pour le siège : l’URL du serveur, p. ex. https://pos.example.org (sans base de caisse).</translation>
    </message>
    <message>
        <source>--server: a back-office user&apos;s token (counterline-server user add), or set COUNTERLINE_TOKEN.</source>
        <translation>--server : le jeton d’un utilisateur du back-office (counterline-server user add), ou COUNTERLINE_TOKEN.</translation>
    </message>
    <message>
        <source>The terminal in %1 is not set up yet: run counterline-cli init, or enroll it with a server.</source>
        <translation>La caisse dans %1 n’est pas encore configurée : lancez counterline-cli init ou inscrivez-la auprès d’un serveur.</translation>
    </message>
    <message>
        <source>--paper is thermal or a4, not &quot;%1&quot;.</source>
        <translation>--paper vaut thermal ou a4, pas « %1 ».</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Opening the back office</source>
        <translation>Ouverture du back-office</translation>
    </message>
</context>
<context>
    <name>counterline::Allocation</name>
    <message>
        <source>there is nothing to allocate to</source>
        <translation>il n’y a rien à quoi répartir</translation>
    </message>
    <message>
        <source>allocation weights must not be negative</source>
        <translation>les poids de répartition ne doivent pas être négatifs</translation>
    </message>
    <message>
        <source>allocation weights must not all be zero</source>
        <translation>les poids de répartition ne doivent pas tous être nuls</translation>
    </message>
</context>
<context>
    <name>counterline::Cart</name>
    <message>
        <source>a sale may come to at most %1 before discounts</source>
        <translation>une vente ne peut dépasser %1 avant remises</translation>
    </message>
</context>
<context>
    <name>counterline::Csv</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>ligne %1 : un champ entre guillemets n’est jamais fermé</translation>
    </message>
</context>
<context>
    <name>counterline::DecimalText</name>
    <message>
        <source>&quot;%1&quot; is not a plain decimal number like 1.49</source>
        <translation>« %1 » n’est pas un nombre décimal simple comme 1,49</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has more than %n decimal place(s)</source>
        <translation>
            <numerusform>« %1 » a plus de %n décimale</numerusform>
            <numerusform>« %1 » a plus de %n décimales</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large</source>
        <translation>« %1 » est trop grand</translation>
    </message>
</context>
<context>
    <name>counterline::Money</name>
    <message>
        <source>the amount is too large to be represented</source>
        <translation>le montant est trop grand pour être représenté</translation>
    </message>
</context>
<context>
    <name>counterline::OrderStateMachine</name>
    <message>
        <source>an order that is %1 cannot take the event %2</source>
        <translation>une commande à l’état %1 ne peut pas recevoir l’événement %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order status</source>
        <translation>« %1 » n’est pas un état de commande</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order event</source>
        <translation>« %1 » n’est pas un événement de commande</translation>
    </message>
</context>
<context>
    <name>counterline::OrderStatus</name>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursée</translation>
    </message>
</context>
<context>
    <name>counterline::Tender</name>
    <message>
        <source>&quot;%1&quot; is not a tender kind (cash or card)</source>
        <translation>« %1 » n’est pas un moyen de paiement (cash ou card)</translation>
    </message>
</context>
<context>
    <name>counterline::TenderRefund</name>
    <message>
        <source>&quot;%1&quot; is not what a refund can come to</source>
        <translation>« %1 » n’est pas une issue possible d’un remboursement</translation>
    </message>
</context>
<context>
    <name>counterline::TypedAmount</name>
    <message>
        <source>the space</source>
        <translation>l’espace</translation>
    </message>
    <message>
        <source>whole numbers only</source>
        <translation>nombres entiers uniquement</translation>
    </message>
    <message>
        <source>at most one decimal place</source>
        <translation>au plus une décimale</translation>
    </message>
    <message>
        <source>at most %1 decimal places</source>
        <translation>au plus %1 décimales</translation>
    </message>
    <message>
        <source>%1 has no decimals</source>
        <translation>%1 n’a pas de décimales</translation>
    </message>
    <message>
        <source>%1 has one decimal place</source>
        <translation>%1 a une décimale</translation>
    </message>
    <message>
        <source>%1 has %2 decimal places</source>
        <translation>%1 a %2 décimales</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number like %2.</source>
        <translation>« %1 » n’est pas un nombre comme %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount like %2.</source>
        <translation>« %1 » n’est pas un montant comme %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has too many decimals: %2.</source>
        <translation>« %1 » a trop de décimales : %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large.</source>
        <translation>« %1 » est trop grand.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not stand between digits.</source>
        <translation>Dans « %1 », %2 ne se trouve pas entre des chiffres.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; mixes the separators %2 and %3.</source>
        <translation>« %1 » mélange les séparateurs %2 et %3.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not group thousands: one to three digits come first, then groups of three.</source>
        <translation>Dans « %1 », %2 ne groupe pas les milliers : d’abord un à trois chiffres, puis des groupes de trois.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be %2 or %3: type the decimals to say which.</source>
        <translation>« %1 » pourrait être %2 ou %3 : tapez les décimales pour préciser.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 is neither the decimal separator (%3) nor a thousands separator (three digits after one to three).</source>
        <translation>Dans « %1 », %2 n’est ni le séparateur décimal (%3) ni un séparateur de milliers (trois chiffres après un à trois).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the decimal separator %2 more than once.</source>
        <translation>« %1 » contient le séparateur décimal %2 plus d’une fois.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, only digits may follow the decimal separator %2.</source>
        <translation>Dans « %1 », seuls des chiffres peuvent suivre le séparateur décimal %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is in %2; amounts here are in %3.</source>
        <translation>« %1 » est en %2 ; les montants ici sont en %3.</translation>
    </message>
    <message>
        <source>Type an amount.</source>
        <translation>Tapez un montant.</translation>
    </message>
    <message>
        <source>Type a number.</source>
        <translation>Tapez un nombre.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative; type it without a minus sign.</source>
        <translation>« %1 » est négatif ; tapez-le sans signe moins.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not group digits as this locale does: one to three digits come first, then groups of two, and three last.</source>
        <translation>Dans « %1 », %2 ne groupe pas les chiffres comme ces paramètres régionaux : d’abord un à trois chiffres, puis des groupes de deux, et trois à la fin.</translation>
    </message>
</context>
<context>
    <name>counterline::app</name>
    <message>
        <source>--listen takes HOST:PORT, e.g. %1, not &quot;%2&quot;.</source>
        <translation>--listen prend HÔTE:PORT, p. ex. %1, pas « %2 ».</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text; nothing was imported.</source>
        <translation>%1 n’est pas du texte UTF-8 ; rien n’a été importé.</translation>
    </message>
</context>
<context>
    <name>counterline::cli</name>
    <message>
        <source>--older-than-hours needs a whole number of hours, at least 1.</source>
        <translation>--older-than-hours demande un nombre entier d’heures, au moins 1.</translation>
    </message>
    <message>
        <source>Purged %1 carts untouched for %2 hours or more.</source>
        <translation>%1 paniers inutilisés depuis %2 heures ou plus supprimés.</translation>
    </message>
    <message>
        <source>Usage: catalog import FILE.csv</source>
        <translation>Usage : catalog import FICHIER.csv</translation>
    </message>
    <message>
        <source>Imported %1 products from %2.</source>
        <translation>%1 articles importés depuis %2.</translation>
    </message>
    <message>
        <source>See counterline-cli --help.</source>
        <translation>Voir counterline-cli --help.</translation>
    </message>
    <message>
        <source>The server at %1 answered %2: %3</source>
        <translation>Le serveur %1 a répondu %2 : %3</translation>
    </message>
    <message>
        <source>events tail needs --server URL and --token T together.</source>
        <translation>events tail demande --server URL et --token T ensemble.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled; give --server and --token.</source>
        <translation>Cette caisse n’est pas inscrite ; indiquez --server et --token.</translation>
    </message>
    <message>
        <source>events tail needs --state FILE (or --data-dir).</source>
        <translation>events tail demande --state FICHIER (ou --data-dir).</translation>
    </message>
    <message>
        <source>--limit needs a number from 1 to 500.</source>
        <translation>--limit demande un nombre de 1 à 500.</translation>
    </message>
    <message>
        <source>Processed %1 events (%2 delivered again and skipped).</source>
        <translation>%1 événements traités (%2 livrés à nouveau et ignorés).</translation>
    </message>
    <message>
        <source>init needs --%1.</source>
        <translation>init demande --%1.</translation>
    </message>
    <message>
        <source>--rounding is half-up or half-even, not &quot;%1&quot;.</source>
        <translation>--rounding vaut half-up ou half-even, pas « %1 ».</translation>
    </message>
    <message>
        <source>Terminal %1-%2 is set up in %3 (%4).</source>
        <translation>La caisse %1-%2 est configurée dans %3 (%4).</translation>
    </message>
    <message>
        <source>The journal is broken at entry %1: %2</source>
        <translation>Le journal est rompu à l’entrée %1 : %2</translation>
    </message>
    <message>
        <source>The journal holds: %1 entries, chain intact.</source>
        <translation>Le journal tient : %1 entrées, chaîne intacte.</translation>
    </message>
    <message>
        <source>Where the terminal keeps its database.</source>
        <translation>Où la caisse garde sa base de données.</translation>
    </message>
    <message>
        <source>Store code, e.g. S1.</source>
        <translation>Code du magasin, p. ex. S1.</translation>
    </message>
    <message>
        <source>Terminal code, e.g. T1.</source>
        <translation>Code de la caisse, p. ex. T1.</translation>
    </message>
    <message>
        <source>ISO 4217 currency, e.g. EUR.</source>
        <translation>Devise ISO 4217, p. ex. EUR.</translation>
    </message>
    <message>
        <source>Shelf prices exclude tax (as in the US).</source>
        <translation>Prix en rayon hors taxes (comme aux États-Unis).</translation>
    </message>
    <message>
        <source>Tax rounding: half-up (default) or half-even.</source>
        <translation>Arrondi des taxes : half-up (par défaut) ou half-even.</translation>
    </message>
    <message>
        <source>A product to sell, optionally with a quantity: SKU:3.</source>
        <translation>Un article à vendre, avec une quantité si besoin : SKU:3.</translation>
    </message>
    <message>
        <source>How the customer pays: cash or card.</source>
        <translation>Comment le client paie : cash ou card.</translation>
    </message>
    <message>
        <source>Who sells (default: cli).</source>
        <translation>Qui vend (par défaut : cli).</translation>
    </message>
    <message>
        <source>The customer, if known.</source>
        <translation>Le client, s’il est connu.</translation>
    </message>
    <message>
        <source>A receipt number, e.g. S1-T1-000042.</source>
        <translation>Un numéro de ticket, p. ex. S1-T1-000042.</translation>
    </message>
    <message>
        <source>An order status, e.g. PAID.</source>
        <translation>Un état de commande, p. ex. PAID.</translation>
    </message>
    <message>
        <source>How many orders to list (default 50).</source>
        <translation>Combien de commandes lister (50 par défaut).</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Afficher du JSON au lieu du texte.</translation>
    </message>
    <message>
        <source>carts purge: age in hours (default 72).</source>
        <translation>carts purge : âge en heures (72 par défaut).</translation>
    </message>
    <message>
        <source>enroll: the central server, e.g. https://pos.example.org.</source>
        <translation>enroll : le serveur central, p. ex. https://pos.example.org.</translation>
    </message>
    <message>
        <source>enroll: the token from counterline-server terminal enroll.</source>
        <translation>enroll : le jeton de counterline-server terminal enroll.</translation>
    </message>
    <message>
        <source>user add: the person&apos;s name.</source>
        <translation>user add : le nom de la personne.</translation>
    </message>
    <message>
        <source>user add: cashier or manager.</source>
        <translation>user add : cashier ou manager.</translation>
    </message>
    <message>
        <source>user add: 4 to 8 digits to log in with.</source>
        <translation>user add : 4 à 8 chiffres pour se connecter.</translation>
    </message>
    <message>
        <source>sync: one pass, then exit (0 when nothing is left to send).</source>
        <translation>sync : un passage, puis sortie (0 quand il ne reste rien à envoyer).</translation>
    </message>
    <message>
        <source>events tail: keep waiting for new events until stopped.</source>
        <translation>events tail : attendre de nouveaux événements jusqu’à l’arrêt.</translation>
    </message>
    <message>
        <source>events tail: the consumer&apos;s own database of processed events (default DATA_DIR/event-consumer.sqlite).</source>
        <translation>events tail : la base propre des événements traités (par défaut DATA_DIR/event-consumer.sqlite).</translation>
    </message>
    <message>
        <source>sync: time between passes or probes (default 5000).</source>
        <translation>sync : délai entre passages ou sondages (5000 par défaut).</translation>
    </message>
    <message>
        <source>The command to run; see above.</source>
        <translation>La commande à exécuter ; voir ci-dessus.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Aucune commande donnée.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue « %1 ».</translation>
    </message>
    <message>
        <source>--limit needs a positive number.</source>
        <translation>--limit demande un nombre positif.</translation>
    </message>
    <message>
        <source>sale needs at least one --sku SKU[:QTY].</source>
        <translation>sale demande au moins un --sku SKU[:QTÉ].</translation>
    </message>
    <message>
        <source>--tender is cash or card, not &quot;%1&quot;.</source>
        <translation>--tender vaut cash ou card, pas « %1 ».</translation>
    </message>
    <message>
        <source>There is no product with the sku &quot;%1&quot;.</source>
        <translation>Il n’y a pas d’article avec la référence « %1 ».</translation>
    </message>
    <message>
        <source>--interval-ms needs a number of milliseconds, at least 50.</source>
        <translation>--interval-ms demande un nombre de millisecondes, au moins 50.</translation>
    </message>
    <message>
        <source>Sent %1, retrying later %2, set aside %3.</source>
        <translation>Envoyés %1, à réessayer %2, mis de côté %3.</translation>
    </message>
    <message>
        <source>Pulled %1 product changes, %2 stock levels, %3 order changes.</source>
        <translation>Récupéré %1 modifications d’articles, %2 niveaux de stock, %3 modifications de commandes.</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>À vérifier : %1</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Journal : %1</translation>
    </message>
    <message>
        <source>The server answers again.</source>
        <translation>Le serveur répond de nouveau.</translation>
    </message>
    <message>
        <source>The server is out of reach; probing.</source>
        <translation>Le serveur est injoignable ; sondage en cours.</translation>
    </message>
    <message>
        <source>enroll needs --server URL and --token TOKEN.</source>
        <translation>enroll demande --server URL et --token JETON.</translation>
    </message>
    <message>
        <source>Enrolled as terminal %1-%2 of %3; %4 products received.</source>
        <translation>Inscrite comme caisse %1-%2 de %3 ; %4 articles reçus.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled; run counterline-cli enroll.</source>
        <translation>Cette caisse n’est pas inscrite ; lancez counterline-cli enroll.</translation>
    </message>
    <message>
        <source>Sent %1, retrying later %2, set aside %3; %4 waiting.</source>
        <translation>Envoyés %1, à réessayer %2, mis de côté %3 ; %4 en attente.</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>pas encore vérifié</translation>
    </message>
    <message>
        <source>pending: %1 (oldest %2 s)
needs attention: %3
last success: %4
last error: %5
journal: %6</source>
        <translation>en attente : %1 (la plus ancienne %2 s)
à vérifier : %3
dernier succès : %4
dernière erreur : %5
journal : %6</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>  %1 %2 (%3): %4 attempts, last answer %5%6</source>
        <translation>  %1 %2 (%3) : %4 tentatives, dernière réponse %5%6</translation>
    </message>
    <message>
        <source>user add needs --name NAME --role cashier|manager --pin PIN.</source>
        <translation>user add demande --name NOM --role cashier|manager --pin PIN.</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 (%2) ajouté.</translation>
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
        <translation>Commandes de la caisse Counterline.

Commandes :
  init --store S --terminal T --currency C   configurer une caisse autonome
       [--prices-exclude-tax] [--rounding half-up|half-even]
  catalog import FILE.csv                    importer articles, prix et stock
  sale --sku SKU[:QTY]... --tender cash|card vendre ; affiche le numéro de ticket et l’id de commande
       [--cashier ID] [--customer ID]
  return --receipt NO --item LINE[:QTY]...   reprendre des articles d’une vente, remboursés
       [--cashier ID]                        en espèces ; affiche le retour
  journal verify                             vérifier la chaîne de hash
  orders [--json] [--limit N] [--status S]   historique des commandes, les plus récentes d’abord
       [--cashier ID] [--customer ID] [--sku SKU] [--receipt NO]
  carts purge [--older-than-hours N]         supprimer les paniers inutilisés depuis N heures
  user add --name N --role cashier|manager --pin PIN
                                             qui peut se connecter à la caisse
  enroll --server URL --token T              prendre identité et catalogue d’un serveur
  sync [--once] [--interval-ms N]            envoyer la file d’envoi (une fois, ou jusqu’à l’arrêt)
  sync status [--json]                       ce qui attend, ce qui est à vérifier
  events tail [--follow] [--state FILE]      les événements du serveur, chacun traité une fois
       [--server URL --token T] [--limit N] [--json]</translation>
    </message>
    <message>
        <source>return: a line of the sale and how many come back: 2:1.</source>
        <translation>return : une ligne de la vente et combien reviennent : 2:1.</translation>
    </message>
    <message>
        <source>return needs the sale&apos;s --receipt and at least one --item.</source>
        <translation>return a besoin du --receipt de la vente et d’au moins un --item.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not LINE:QUANTITY.</source>
        <translation>« %1 » n’est pas LIGNE:QUANTITÉ.</translation>
    </message>
    <message>
        <source>There is no receipt %1 on this till.</source>
        <translation>Il n’y a pas de ticket %1 sur cette caisse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not SKU:QUANTITY: %2</source>
        <translation>« %1 » n’est pas SKU:QUANTITÉ : %2</translation>
    </message>
</context>
<context>
    <name>counterline::cli::ProcessedEvents</name>
    <message>
        <source>The consumer&apos;s state %1 failed: %2</source>
        <translation>L’état du consommateur %1 a échoué : %2</translation>
    </message>
    <message>
        <source>The consumer&apos;s state %1</source>
        <translation>L’état du consommateur %1</translation>
    </message>
</context>
<context>
    <name>counterline::httpkit</name>
    <message>
        <source>The request was not sent in full within %1 seconds.</source>
        <translation>La requête n&apos;a pas été envoyée en entier en %1 secondes.</translation>
    </message>
    <message>
        <source>The server has too many connections open; try again.</source>
        <translation>Le serveur a trop de connexions ouvertes ; réessayez.</translation>
    </message>
    <message>
        <source>A line of the request ends in a bare LF, not CRLF.</source>
        <translation>Une ligne de la requête se termine par un LF seul, pas par CRLF.</translation>
    </message>
    <message>
        <source>A line of the request holds a bare CR.</source>
        <translation>Une ligne de la requête contient un CR seul.</translation>
    </message>
    <message>
        <source>The request line is longer than %1 bytes.</source>
        <translation>La ligne de requête dépasse %1 octets.</translation>
    </message>
    <message>
        <source>The request&apos;s headers are larger than %1 bytes.</source>
        <translation>Les en-têtes de la requête dépassent %1 octets.</translation>
    </message>
    <message>
        <source>A chunk&apos;s size line is too long.</source>
        <translation>La ligne de taille d&apos;un bloc est trop longue.</translation>
    </message>
    <message>
        <source>A chunk is longer than its size says.</source>
        <translation>Un bloc est plus long que sa taille ne l&apos;indique.</translation>
    </message>
    <message>
        <source>The connection sent empty lines instead of a request.</source>
        <translation>La connexion a envoyé des lignes vides au lieu d&apos;une requête.</translation>
    </message>
    <message>
        <source>The request line is not &quot;METHOD /path HTTP/1.1&quot; with single spaces.</source>
        <translation>La ligne de requête n&apos;est pas « METHOD /path HTTP/1.1 » avec des espaces simples.</translation>
    </message>
    <message>
        <source>Only HTTP/1.1 and HTTP/1.0 are spoken here.</source>
        <translation>Seuls HTTP/1.1 et HTTP/1.0 sont parlés ici.</translation>
    </message>
    <message>
        <source>A header is folded over two lines (obsolete, refused).</source>
        <translation>Un en-tête est replié sur deux lignes (obsolète, refusé).</translation>
    </message>
    <message>
        <source>The request has more than %1 headers.</source>
        <translation>La requête a plus de %1 en-têtes.</translation>
    </message>
    <message>
        <source>A header line is not &quot;Name: value&quot; (no space before the colon).</source>
        <translation>Une ligne d&apos;en-tête n&apos;est pas « Nom: valeur » (pas d&apos;espace avant les deux-points).</translation>
    </message>
    <message>
        <source>A header&apos;s value holds control characters.</source>
        <translation>La valeur d&apos;un en-tête contient des caractères de contrôle.</translation>
    </message>
    <message>
        <source>Content-Length must be one number of bytes, given once.</source>
        <translation>Content-Length doit être un seul nombre d&apos;octets, donné une fois.</translation>
    </message>
    <message>
        <source>Transfer-Encoding is given twice, or with HTTP/1.0.</source>
        <translation>Transfer-Encoding est donné deux fois, ou avec HTTP/1.0.</translation>
    </message>
    <message>
        <source>Only the chunked transfer encoding is understood here.</source>
        <translation>Seul l&apos;encodage de transfert chunked est compris ici.</translation>
    </message>
    <message>
        <source>The request gives both Content-Length and Transfer-Encoding; which one frames it is ambiguous.</source>
        <translation>La requête donne à la fois Content-Length et Transfer-Encoding ; lequel la délimite est ambigu.</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation>Le corps dépasse %1 octets.</translation>
    </message>
    <message>
        <source>A chunk&apos;s size is not a hexadecimal number.</source>
        <translation>La taille d&apos;un bloc n&apos;est pas un nombre hexadécimal.</translation>
    </message>
</context>
<context>
    <name>counterline::paysim::PaymentSimulator</name>
    <message>
        <source>This request needs an Idempotency-Key header (1 to 255 characters).</source>
        <translation>Cette requête demande un en-tête Idempotency-Key (1 à 255 caractères).</translation>
    </message>
    <message>
        <source>The body is not a JSON object (%1 at byte %2).</source>
        <translation>Le corps n’est pas un objet JSON (%1 à l’octet %2).</translation>
    </message>
    <message>
        <source>&quot;amount&quot; must be a positive whole number of minor units (e.g. 1999 for 19.99).</source>
        <translation>« amount » doit être un nombre entier positif de centimes (p. ex. 1999 pour 19,99).</translation>
    </message>
    <message>
        <source>&quot;currency&quot; must be an ISO 4217 code such as EUR, not &quot;%1&quot;.</source>
        <translation>« currency » doit être un code ISO 4217 comme EUR, pas « %1 ».</translation>
    </message>
    <message>
        <source>&quot;token&quot; must be a card token starting with tok_ (e.g. tok_visa), not &quot;%1&quot;.</source>
        <translation>« token » doit être un jeton de carte commençant par tok_ (p. ex. tok_visa), pas « %1 ».</translation>
    </message>
    <message>
        <source>&quot;reference&quot; is longer than 200 characters.</source>
        <translation>« reference » dépasse 200 caractères.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (in use, or not allowed).</source>
        <translation>Impossible d’écouter sur %1:%2 (occupé ou interdit).</translation>
    </message>
    <message>
        <source>Ask with ?idempotency_key=KEY.</source>
        <translation>Demandez avec ?idempotency_key=KEY.</translation>
    </message>
    <message>
        <source>Nothing was ever charged with the key %1.</source>
        <translation>Rien n’a jamais été débité avec la clé %1.</translation>
    </message>
    <message>
        <source>&quot;charge_id&quot; names the charge to refund.</source>
        <translation>« charge_id » désigne le débit à rembourser.</translation>
    </message>
    <message>
        <source>&quot;times&quot; must be at least 1 and &quot;delay_ms&quot; not negative.</source>
        <translation>« times » doit valoir au moins 1 et « delay_ms » ne pas être négatif.</translation>
    </message>
    <message>
        <source>The fault is none, timeout, drop_after_capture, slow, drop_after_refund or refund_timeout, not &quot;%1&quot;.</source>
        <translation>La panne vaut none, timeout, drop_after_capture, slow, drop_after_refund ou refund_timeout, pas « %1 ».</translation>
    </message>
    <message>
        <source>Nothing was ever refunded with the key %1.</source>
        <translation>Rien n’a jamais été remboursé avec la clé %1.</translation>
    </message>
</context>
<context>
    <name>counterline::paysim::main</name>
    <message>
        <source>--fault takes MODE[:TIMES[:DELAY_MS]], e.g. slow:5:2000, not &quot;%1&quot;.</source>
        <translation>--fault prend MODE[:TIMES[:DELAY_MS]], p. ex. slow:5:2000, pas « %1 ».</translation>
    </message>
    <message>
        <source>Counterline payment simulator: charges, refunds and status by Idempotency-Key, for demos, training and tests. No real money moves.

Tokens: tok_insufficient… and tok_expired… and tok_decline… are declined; any other tok_… is approved.</source>
        <translation>Simulateur de paiement Counterline : débits, remboursements et état par Idempotency-Key, pour démonstrations, formations et tests. Aucun argent réel ne circule.

Jetons : tok_insufficient…, tok_expired… et tok_decline… sont refusés ; tout autre tok_… est accepté.</translation>
    </message>
    <message>
        <source>Where the ledger is kept (paysim.sqlite).</source>
        <translation>Où le registre est conservé (paysim.sqlite).</translation>
    </message>
    <message>
        <source>HOST:PORT to serve on (default 127.0.0.1:8090).</source>
        <translation>HÔTE:PORT d’écoute (par défaut 127.0.0.1:8090).</translation>
    </message>
    <message>
        <source>Misbehave for the next charges: timeout, drop_after_capture or slow, as MODE[:TIMES[:DELAY_MS]].</source>
        <translation>Simuler une panne pour les prochains débits : timeout, drop_after_capture ou slow, sous la forme MODE[:TIMES[:DELAY_MS]].</translation>
    </message>
    <message>
        <source>Plain HTTP is served on loopback only, not on %1.</source>
        <translation>Le HTTP en clair n’est servi que sur la boucle locale, pas sur %1.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>Impossible de créer le répertoire %1.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol</name>
    <message>
        <source>&quot;%1&quot; must be a whole number of minor units below 2^53.</source>
        <translation>« %1 » doit être un nombre entier de centimes inférieur à 2^53.</translation>
    </message>
    <message>
        <source>The outbox row does not hold a sale or return record.</source>
        <translation>La ligne de l’outbox ne contient pas d’enregistrement de vente ou de retour.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::DeclineReason</name>
    <message>
        <source>The bank declined the card: not enough funds. Ask for another card or cash.</source>
        <translation>La banque a refusé la carte : fonds insuffisants. Demandez une autre carte ou des espèces.</translation>
    </message>
    <message>
        <source>The card has expired. Ask for another card or cash.</source>
        <translation>La carte a expiré. Demandez une autre carte ou des espèces.</translation>
    </message>
    <message>
        <source>The bank declined the card. Ask for another card or cash.</source>
        <translation>La banque a refusé la carte. Demandez une autre carte ou des espèces.</translation>
    </message>
    <message>
        <source>The bank declined the card (reason &quot;%1&quot;). Ask for another card or cash.</source>
        <translation>La banque a refusé la carte (motif « %1 »). Demandez une autre carte ou des espèces.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::JournalLink</name>
    <message>
        <source>&quot;journal&quot; must be an object</source>
        <translation>« journal » doit être un objet</translation>
    </message>
    <message>
        <source>must be a whole number from 1</source>
        <translation>doit être un nombre entier à partir de 1</translation>
    </message>
    <message>
        <source>must be 64 lower-case hex digits</source>
        <translation>doit comporter 64 chiffres hexadécimaux en minuscules</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::JsonFields</name>
    <message>
        <source>is missing</source>
        <translation>est absent</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must lie between %1 and %2</source>
        <translation>doit être compris entre %1 et %2</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>doit être true ou false</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>doit être un tableau</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::OrderBody</name>
    <message>
        <source>must hold at least one line</source>
        <translation>doit contenir au moins une ligne</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>is for returns only</source>
        <translation>est réservé aux retours</translation>
    </message>
    <message>
        <source>must be cash or card</source>
        <translation>doit être cash ou card</translation>
    </message>
    <message>
        <source>is for card tenders only</source>
        <translation>ne vaut que pour les paiements par carte</translation>
    </message>
    <message>
        <source>may hold one tender that needs capture, not %1</source>
        <translation>peut contenir un seul paiement à débiter, pas %1</translation>
    </message>
    <message>
        <source>is not an order event</source>
        <translation>n’est pas un événement de commande</translation>
    </message>
    <message>
        <source>The body is not valid JSON at byte %1: %2</source>
        <translation>Le corps n’est pas du JSON valide à l’octet %1 : %2</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>Le corps doit être un objet JSON.</translation>
    </message>
    <message>
        <source>must be sale or return</source>
        <translation>doit être sale ou return</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>doit être un UUID</translation>
    </message>
    <message>
        <source>must be an RFC 3339 time</source>
        <translation>doit être une heure RFC 3339</translation>
    </message>
    <message>
        <source>is not an order status</source>
        <translation>n’est pas un état de commande</translation>
    </message>
</context>
<context>
    <name>counterline::server</name>
    <message>
        <source>The order was changed by someone else; it is now at version %1.</source>
        <translation>La commande a été modifiée par quelqu’un d’autre ; elle est maintenant en version %1.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (in use, or not allowed).</source>
        <translation>Impossible d’écouter sur %1:%2 (occupé ou interdit).</translation>
    </message>
    <message>
        <source>This server takes no card payments: it was started without --payments.</source>
        <translation>Ce serveur n’accepte pas les paiements par carte : il a été démarré sans --payments.</translation>
    </message>
    <message>
        <source>There is no %1 here.</source>
        <translation>Il n’y a pas de %1 ici.</translation>
    </message>
    <message>
        <source>/metrics is served on the monitoring address (--metrics-listen).</source>
        <translation>/metrics est servi sur l&apos;adresse de supervision (--metrics-listen).</translation>
    </message>
    <message>
        <source>/metrics needs the metrics token as Authorization: Bearer &lt;token&gt;.</source>
        <translation>/metrics exige le jeton des métriques en Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>The server is busy with requests like this one; try again in a moment.</source>
        <translation>Le serveur est occupé par des requêtes comme celle-ci ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>This request needs an Idempotency-Key header (1 to 255 characters).</source>
        <translation>Cette requête a besoin d’un en-tête Idempotency-Key (1 à 255 caractères).</translation>
    </message>
    <message>
        <source>The body is larger than 1 MiB.</source>
        <translation>Le corps dépasse 1 Mio.</translation>
    </message>
    <message>
        <source>Send an enrolled terminal&apos;s or user&apos;s token as Authorization: Bearer &lt;token&gt;.</source>
        <translation>Envoyez le jeton d’une caisse enregistrée ou d’un utilisateur dans Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>This Idempotency-Key was used for a different request.</source>
        <translation>Cette Idempotency-Key a servi à une autre requête.</translation>
    </message>
    <message>
        <source>A request with this Idempotency-Key is still being processed.</source>
        <translation>Une requête avec cette Idempotency-Key est encore en cours de traitement.</translation>
    </message>
    <message>
        <source>There is no such follow-up.</source>
        <translation>Ce suivi n’existe pas.</translation>
    </message>
    <message>
        <source>&quot;note&quot; must be a text and &quot;settle&quot; true or false</source>
        <translation>« note » doit être un texte et « settle » true ou false</translation>
    </message>
    <message>
        <source>Only a terminal&apos;s token has a journal.</source>
        <translation>Seul le jeton d’une caisse a un journal.</translation>
    </message>
    <message>
        <source>This order belongs to another store.</source>
        <translation>Cette commande appartient à un autre magasin.</translation>
    </message>
    <message>
        <source>&quot;event&quot; must be a string</source>
        <translation>« event » doit être une chaîne</translation>
    </message>
    <message>
        <source>&quot;If-Match&quot; must be the quoted version and agree with &quot;expected_version&quot;</source>
        <translation>« If-Match » doit être la version entre guillemets et concorder avec « expected_version »</translation>
    </message>
    <message>
        <source>&quot;expected_version&quot; (or If-Match) must name the version you saw</source>
        <translation>« expected_version » (ou If-Match) doit indiquer la version que vous avez vue</translation>
    </message>
    <message>
        <source>&quot;reason&quot; must be a string</source>
        <translation>« reason » doit être une chaîne</translation>
    </message>
    <message>
        <source>Only a terminal&apos;s token has a store to describe.</source>
        <translation>Seul le jeton d’une caisse a un magasin à décrire.</translation>
    </message>
    <message>
        <source>The server could not complete this request; the reason is in its log.</source>
        <translation>Le serveur n’a pas pu traiter cette requête ; la raison figure dans son journal.</translation>
    </message>
</context>
<context>
    <name>counterline::server::main</name>
    <message>
        <source>See counterline-server --help.</source>
        <translation>Voir counterline-server --help.</translation>
    </message>
    <message>
        <source>TLS needs both --tls-cert and --tls-key.</source>
        <translation>TLS demande à la fois --tls-cert et --tls-key.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key.</source>
        <translation>%1 ne contient aucune clé privée PEM.</translation>
    </message>
    <message>
        <source>Plain HTTP is served on loopback only. Give --tls-cert and --tls-key, or pass --insecure to listen on %1 without TLS.</source>
        <translation>Le HTTP en clair n’est servi que sur la boucle locale. Indiquez --tls-cert et --tls-key, ou --insecure pour écouter sur %1 sans TLS.</translation>
    </message>
    <message>
        <source>--key-retention-days needs a number of days, at least 1.</source>
        <translation>--key-retention-days demande un nombre de jours, au moins 1.</translation>
    </message>
    <message>
        <source>--key-lease-seconds needs a number of seconds, at least 1.</source>
        <translation>--key-lease-seconds demande un nombre de secondes, au moins 1.</translation>
    </message>
    <message>
        <source>--saga-recovery-seconds needs a number of seconds, at least 1.</source>
        <translation>--saga-recovery-seconds demande un nombre de secondes, au moins 1.</translation>
    </message>
    <message>
        <source>--payments needs a URL such as http://127.0.0.1:8090, not &quot;%1&quot;.</source>
        <translation>--payments demande une URL comme http://127.0.0.1:8090, pas « %1 ».</translation>
    </message>
    <message>
        <source>The payment service at %1 is not on this machine: it needs https.</source>
        <translation>Le service de paiement %1 n’est pas sur cette machine : il faut https.</translation>
    </message>
    <message>
        <source>Cannot set up signal handling.</source>
        <translation>Impossible de mettre en place la gestion des signaux.</translation>
    </message>
    <message>
        <source>Directory of the embedded SQLite database.</source>
        <translation>Répertoire de la base SQLite intégrée.</translation>
    </message>
    <message>
        <source>PostgreSQL instead: postgresql://user:pw@host:port/db.</source>
        <translation>PostgreSQL à la place : postgresql://user:pw@host:port/db.</translation>
    </message>
    <message>
        <source>HOST:PORT to serve on (default 127.0.0.1:8080).</source>
        <translation>HÔTE:PORT d’écoute (par défaut 127.0.0.1:8080).</translation>
    </message>
    <message>
        <source>Allow plain HTTP on a non-loopback address.</source>
        <translation>Autoriser le HTTP en clair hors de la boucle locale.</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for HTTPS.</source>
        <translation>Certificat PEM (chaîne) pour HTTPS.</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>Clé privée PEM pour HTTPS.</translation>
    </message>
    <message>
        <source>How long idempotency keys are kept (default 35).</source>
        <translation>Durée de conservation des clés d’idempotence (35 par défaut).</translation>
    </message>
    <message>
        <source>How long a request that died mid-way holds its key (default 30).</source>
        <translation>Combien de temps une requête interrompue garde sa clé (30 par défaut).</translation>
    </message>
    <message>
        <source>The payment service remote orders are charged through, e.g. http://127.0.0.1:8090 (https unless on this machine).</source>
        <translation>Le service de paiement qui débite les commandes à distance, p. ex. http://127.0.0.1:8090 (https sauf sur cette machine).</translation>
    </message>
    <message>
        <source>Publish events to NATS JetStream, e.g. nats://127.0.0.1:4222.</source>
        <translation>Publier les événements sur NATS JetStream, p. ex. nats://127.0.0.1:4222.</translation>
    </message>
    <message>
        <source>webhook add: where the events are POSTed.</source>
        <translation>webhook add : où les événements sont envoyés.</translation>
    </message>
    <message>
        <source>webhook add: the signing secret (default: made up).</source>
        <translation>webhook add : le secret de signature (par défaut : généré).</translation>
    </message>
    <message>
        <source>How often unfinished sagas are looked for (default 10).</source>
        <translation>Fréquence de recherche des sagas inachevées (10 par défaut).</translation>
    </message>
    <message>
        <source>Store id, e.g. S1.</source>
        <translation>Identifiant du magasin, p. ex. S1.</translation>
    </message>
    <message>
        <source>A name.</source>
        <translation>Un nom.</translation>
    </message>
    <message>
        <source>ISO 4217 currency.</source>
        <translation>Devise ISO 4217.</translation>
    </message>
    <message>
        <source>Shelf prices include tax (default).</source>
        <translation>Prix en rayon TTC (par défaut).</translation>
    </message>
    <message>
        <source>Shelf prices exclude tax (as in the US).</source>
        <translation>Prix en rayon hors taxes (comme aux États-Unis).</translation>
    </message>
    <message>
        <source>The store a terminal belongs to.</source>
        <translation>Le magasin auquel appartient une caisse.</translation>
    </message>
    <message>
        <source>A user&apos;s role: backoffice or admin.</source>
        <translation>Le rôle d’un utilisateur : backoffice ou admin.</translation>
    </message>
    <message>
        <source>An operator command; see above.</source>
        <translation>Une commande d’exploitation ; voir ci-dessus.</translation>
    </message>
    <message>
        <source>%1 needs --%2.</source>
        <translation>%1 demande --%2.</translation>
    </message>
    <message>
        <source>Store %1 (%2, %3) added.</source>
        <translation>Magasin %1 (%2, %3) ajouté.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; can now sign in with this token. It is shown only now; store it safely:</source>
        <translation>%1 « %2 » peut maintenant se connecter avec ce jeton. Il n’est affiché que maintenant ; conservez-le en lieu sûr :</translation>
    </message>
    <message>
        <source>catalog import needs a FILE.csv.</source>
        <translation>catalog import demande un FICHIER.csv.</translation>
    </message>
    <message>
        <source>Imported %1 products from %2.</source>
        <translation>%1 articles importés depuis %2.</translation>
    </message>
    <message>
        <source>Webhook %1 receives %2&apos;s events at %3, signed with this secret (shown only now):</source>
        <translation>Le webhook %1 reçoit les événements de %2 à %3, signés avec ce secret (affiché seulement maintenant) :</translation>
    </message>
    <message>
        <source>every store</source>
        <translation>tous les magasins</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue « %1 ».</translation>
    </message>
    <message>
        <source>How long a client may take to finish its TLS handshake (default 10).</source>
        <translation>Durée maximale accordée à un client pour terminer sa poignée de main TLS (10 par défaut).</translation>
    </message>
    <message>
        <source>--tls-handshake-seconds needs a number of seconds, at least 1.</source>
        <translation>--tls-handshake-seconds attend un nombre de secondes, au moins 1.</translation>
    </message>
    <message>
        <source>Close a connection idle this long between requests (default 60).</source>
        <translation>Fermer une connexion inactive aussi longtemps entre deux requêtes (60 par défaut).</translation>
    </message>
    <message>
        <source>Answer 408 to a request not sent in full within this time (default 30).</source>
        <translation>Répondre 408 à une requête non envoyée en entier dans ce délai (30 par défaut).</translation>
    </message>
    <message>
        <source>Connections at once; when full the longest idle one is closed, or 503 (default: what the descriptor limit allows).</source>
        <translation>Connexions simultanées ; une fois plein, la plus longtemps inactive est fermée, sinon 503 (par défaut : ce que permet la limite de descripteurs).</translation>
    </message>
    <message>
        <source>--idle-seconds needs a number of seconds, at least 1.</source>
        <translation>--idle-seconds attend un nombre de secondes, au moins 1.</translation>
    </message>
    <message>
        <source>--request-seconds needs a number of seconds, at least 1.</source>
        <translation>--request-seconds attend un nombre de secondes, au moins 1.</translation>
    </message>
    <message>
        <source>--max-connections needs a number of connections, at least 1.</source>
        <translation>--max-connections attend un nombre de connexions, au moins 1.</translation>
    </message>
    <message>
        <source>/metrics asks for the token in this file as a bearer token.</source>
        <translation>/metrics demande le jeton de ce fichier comme jeton bearer.</translation>
    </message>
    <message>
        <source>Serve /metrics and /healthz on HOST:PORT of their own (plain HTTP) instead of the API&apos;s address.</source>
        <translation>Servir /metrics et /healthz sur leur propre HOST:PORT (HTTP simple) au lieu de l&apos;adresse de l&apos;API.</translation>
    </message>
    <message>
        <source>--metrics-token-file: %1 cannot be read or holds fewer than 16 characters.</source>
        <translation>--metrics-token-file : %1 est illisible ou contient moins de 16 caractères.</translation>
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
        <translation>Serveur central Counterline.

Sans commande, il sert l’API v1. Commandes :
  store add --id S --name N --currency C [--prices-exclude-tax]
  terminal enroll --store S --name T     affiche une fois son jeton ; à nouveau : un nouveau
  terminal rotate-token --store S --name T   un nouveau jeton ; l’ancien ne vaut plus
  terminal revoke --store S --name T     son jeton ne vaut plus
  user add --name N --role backoffice|admin   affiche une fois le jeton de l’utilisateur
  user revoke --name N                   aucun jeton de cet utilisateur ne vaut plus
  catalog import FICHIER.csv [--store S] articles et prix ; avec --store, son stock
  webhook add --url URL [--store S] [--secret S]   événements envoyés là, signés</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; had a token: it no longer works (within a second on every running server).</source>
        <translation>%1 « %2 » avait un jeton : il ne vaut plus (en une seconde sur chaque serveur en marche).</translation>
    </message>
    <message>
        <source>Terminal &quot;%1&quot; of store %2 is revoked: its token no longer works (within a second on every running server). Enrol it again for a new one.</source>
        <translation>La caisse « %1 » du magasin %2 est révoquée : son jeton ne vaut plus (en une seconde sur chaque serveur en marche). Inscrivez-la à nouveau pour un nouveau jeton.</translation>
    </message>
    <message numerus="yes">
        <source>User &quot;%1&quot;: %n token(s) revoked; they no longer work (within a second on every running server).</source>
        <translation>
            <numerusform>Utilisateur « %1 » : %n jeton révoqué ; il ne vaut plus (en une seconde sur chaque serveur en marche).</numerusform>
            <numerusform>Utilisateur « %1 » : %n jetons révoqués ; ils ne valent plus (en une seconde sur chaque serveur en marche).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::sqlkit</name>
    <message>
        <source>The database is busy (&quot;%1&quot;: %2); try again in a moment.</source>
        <translation>La base de données est occupée (« %1 » : %2) ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The database refused &quot;%1&quot;: %2</source>
        <translation>La base de données a refusé « %1 » : %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; returned no row.</source>
        <translation>« %1 » n’a renvoyé aucune ligne.</translation>
    </message>
</context>
<context>
    <name>counterline::sqlkit::Migrations</name>
    <message>
        <source>Migration %1 failed and was rolled back. %2 stays at version %3. %4</source>
        <translation>La migration %1 a échoué et a été annulée. %2 reste en version %3. %4</translation>
    </message>
    <message>
        <source>The migration %1 does not start with its number.</source>
        <translation>La migration %1 ne commence pas par son numéro.</translation>
    </message>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation>Impossible de lire la migration %1.</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3). Use a newer Counterline; it was left untouched.</source>
        <translation>%1 a la version de schéma %2, plus récente que celle que ce programme connaît (%3). Utilisez un Counterline plus récent ; elle n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Migration %1 does not follow version %2.</source>
        <translation>La migration %1 ne suit pas la version %2.</translation>
    </message>
</context>
<context>
    <name>counterline::store</name>
    <message>
        <source>The order history needs a SQLite connection.</source>
        <translation>L’historique des commandes demande une connexion SQLite.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; found nothing</source>
        <translation>« %1 » n’a rien trouvé</translation>
    </message>
</context>
<context>
    <name>counterline::store::Migrations</name>
    <message>
        <source>The terminal database %1</source>
        <translation>La base de données de la caisse %1</translation>
    </message>
</context>
<context>
    <name>counterline::store::OrderStore</name>
    <message>
        <source>Order %1 was changed by someone else (it is no longer at version %2). Reload it and decide again.</source>
        <translation>La commande %1 a été modifiée par quelqu’un d’autre (elle n’est plus en version %2). Rechargez-la et décidez à nouveau.</translation>
    </message>
    <message>
        <source>Tender %1 of order %2 cannot give back %3.</source>
        <translation>Le paiement %1 de la commande %2 ne peut pas rendre %3.</translation>
    </message>
</context>
<context>
    <name>counterline::store::Search</name>
    <message>
        <source>The connection %1 is not an SQLite connection.</source>
        <translation>La connexion %1 n’est pas une connexion SQLite.</translation>
    </message>
</context>
<context>
    <name>counterline::sync</name>
    <message>
        <source>The server could not report this terminal&apos;s journal (%1): %2</source>
        <translation>Le serveur n’a pas pu rendre compte du journal de cette caisse (%1) : %2</translation>
    </message>
    <message>
        <source>The server refused this terminal (%1): enrol it again.</source>
        <translation>Le serveur a refusé cette caisse (%1) : inscrivez-la à nouveau.</translation>
    </message>
    <message>
        <source>The server sent a change this terminal cannot read: %1</source>
        <translation>Le serveur a envoyé une modification que cette caisse ne sait pas lire : %1</translation>
    </message>
    <message>
        <source>The server did not hand out its changes (%1): %2</source>
        <translation>Le serveur n’a pas transmis ses modifications (%1) : %2</translation>
    </message>
    <message>
        <source>The server at %1 does not answer: %2</source>
        <translation>Le serveur %1 ne répond pas : %2</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>Le serveur a répondu HTTP %1.</translation>
    </message>
    <message>
        <source>the order was changed on the server first; it is now %1 at version %2. Look at it and decide again.</source>
        <translation>la commande a d’abord été modifiée sur le serveur ; elle est maintenant %1 en version %2. Examinez-la et décidez à nouveau.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::CardPayments</name>
    <message>
        <source>Card approved.</source>
        <translation>Carte acceptée.</translation>
    </message>
    <message>
        <source>The payment service is a URL such as http://127.0.0.1:8090, not &quot;%1&quot;.</source>
        <translation>Le service de paiement est une URL comme http://127.0.0.1:8090, pas « %1 ».</translation>
    </message>
    <message>
        <source>The payment service at %1 is not on this machine: it needs https.</source>
        <translation>Le service de paiement %1 n’est pas sur cette machine : il faut https.</translation>
    </message>
    <message>
        <source>The payment service cannot be reached (%1); nothing was charged.</source>
        <translation>Le service de paiement est injoignable (%1) ; rien n’a été débité.</translation>
    </message>
    <message>
        <source>The payment service refused the payment: %1</source>
        <translation>Le service de paiement a refusé le paiement : %1</translation>
    </message>
    <message>
        <source>The payment did not go through (%1); nothing was charged. Try again.</source>
        <translation>Le paiement n’est pas passé (%1) ; rien n’a été débité. Réessayez.</translation>
    </message>
    <message>
        <source>The payment service did not answer (%1). Whether the card was charged is not known yet; trying again asks about this payment, it does not charge twice.</source>
        <translation>Le service de paiement n’a pas répondu (%1). On ne sait pas encore si la carte a été débitée ; réessayer interroge ce paiement, sans débiter deux fois.</translation>
    </message>
    <message>
        <source>The payment service cannot be reached (%1); nothing was refunded.</source>
        <translation>Le service de paiement est injoignable (%1) ; rien n’a été remboursé.</translation>
    </message>
    <message>
        <source>Refunded to the card.</source>
        <translation>Remboursé sur la carte.</translation>
    </message>
    <message>
        <source>The payment service refused the refund: %1</source>
        <translation>Le service de paiement a refusé le remboursement : %1</translation>
    </message>
    <message>
        <source>The payment service did not answer (%1). Whether the card was refunded is not known yet; trying again asks about this refund, it does not refund twice.</source>
        <translation>Le service de paiement n’a pas répondu (%1). On ne sait pas encore si la carte a été remboursée ; réessayer interroge sur ce remboursement, sans rembourser deux fois.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::Enrolment</name>
    <message>
        <source>The server at %1 answered %2: %3</source>
        <translation>Le serveur %1 a répondu %2 : %3</translation>
    </message>
    <message>
        <source>This database belongs to terminal %1-%2, but the token is for %3-%4; nothing was changed.</source>
        <translation>Cette base appartient à la caisse %1-%2, mais le jeton est pour %3-%4 ; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::ProblemWords</name>
    <message>
        <source>No answer from the server (%1). The till tries again by itself.</source>
        <translation>Pas de réponse du serveur (%1). La caisse réessaie d’elle-même.</translation>
    </message>
    <message>
        <source>The server had a fault (HTTP %1). The till tries again by itself.</source>
        <translation>Le serveur a rencontré une erreur (HTTP %1). La caisse réessaie d’elle-même.</translation>
    </message>
    <message>
        <source>The server refused this (HTTP %1: %2).</source>
        <translation>Le serveur a refusé ceci (HTTP %1 : %2).</translation>
    </message>
    <message>
        <source>The server no longer accepts this till (%1). A manager must enrol it again; its sales wait here until then.</source>
        <translation>Le serveur n’accepte plus cette caisse (%1). Un responsable doit l’inscrire à nouveau ; ses ventes attendent ici jusque-là.</translation>
    </message>
    <message>
        <source>The server is still working on this; the till asks again shortly.</source>
        <translation>Le serveur y travaille encore ; la caisse redemande sous peu.</translation>
    </message>
    <message>
        <source>Someone changed this order on the server first (%1). A manager must decide again.</source>
        <translation>Quelqu’un a d’abord modifié cette commande sur le serveur (%1). Un responsable doit décider à nouveau.</translation>
    </message>
    <message>
        <source>The server did not accept this sale&apos;s figures (%1). The sale stays on this till as it was; a manager must look at it.</source>
        <translation>Le serveur n’a pas accepté les montants de cette vente (%1). La vente reste telle quelle sur cette caisse ; un responsable doit l’examiner.</translation>
    </message>
    <message>
        <source>The server did not accept the till&apos;s journal entry (%1). A manager must check the till&apos;s journal.</source>
        <translation>Le serveur n’a pas accepté l’entrée de journal de la caisse (%1). Un responsable doit vérifier le journal de la caisse.</translation>
    </message>
    <message>
        <source>The server could not read what the till sent (%1). This is a fault in the till: tell support.</source>
        <translation>Le serveur n’a pas pu lire ce que la caisse a envoyé (%1). C’est une erreur de la caisse : prévenez le support.</translation>
    </message>
    <message>
        <source>The server cannot apply this to the order as it stands there (%1). A manager must decide.</source>
        <translation>Le serveur ne peut pas appliquer ceci à la commande telle qu’elle y est (%1). Un responsable doit décider.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::SaleReversal</name>
    <message>
        <source>Order %1 changed (it is at version %2, not %3). Look at it again.</source>
        <translation>La commande %1 a changé (elle est en version %2, pas %3). Regardez-la à nouveau.</translation>
    </message>
    <message>
        <source>Some items of %1 were returned already; return the rest item by item.</source>
        <translation>Des articles de %1 ont déjà été retournés ; reprenez le reste article par article.</translation>
    </message>
    <message>
        <source>Give back %1 in cash.</source>
        <translation>Rendez %1 en espèces.</translation>
    </message>
    <message>
        <source>%1 went back to the card.</source>
        <translation>%1 a été remboursé sur la carte.</translation>
    </message>
    <message>
        <source>Refund %1 on the card reader.</source>
        <translation>Remboursez %1 sur le terminal.</translation>
    </message>
    <message>
        <source>%1 could not go back to the card now: head office will see to it.</source>
        <translation>%1 n’a pas pu être remboursé sur la carte pour l’instant : le siège s’en chargera.</translation>
    </message>
    <message>
        <source>The card was refunded, but the sale was not recorded as undone (%1). Try again: the card is not refunded twice.</source>
        <translation>La carte a été remboursée, mais la vente n’a pas été enregistrée comme annulée (%1). Réessayez : la carte n’est pas remboursée deux fois.</translation>
    </message>
</context>
<context>
    <name>counterline::till::Till</name>
    <message>
        <source>the cart has no line to change</source>
        <translation>le panier n’a aucune ligne à modifier</translation>
    </message>
    <message>
        <source>a quantity before * is %1 to %2 pieces, not %3</source>
        <translation>une quantité avant * va de %1 à %2 pièces, pas %3</translation>
    </message>
    <message>
        <source>the next item is added %1 times</source>
        <translation>le prochain article est ajouté %1 fois</translation>
    </message>
    <message>
        <source>nothing in the catalog has the barcode or SKU &quot;%1&quot;</source>
        <translation>rien dans le catalogue n’a le code-barres ou la référence « %1 »</translation>
    </message>
    <message>
        <source>several products match &quot;%1&quot;: pick one with ↓ and Enter</source>
        <translation>plusieurs produits correspondent à « %1 » : choisissez-en un avec ↓ et Entrée</translation>
    </message>
    <message>
        <source>nobody is logged in at this till</source>
        <translation>personne n’est connecté à cette caisse</translation>
    </message>
    <message>
        <source>no shift is open at this till</source>
        <translation>aucun service n’est ouvert à cette caisse</translation>
    </message>
    <message>
        <source>the cart is empty; there is nothing to park</source>
        <translation>le panier est vide ; il n’y a rien à mettre en attente</translation>
    </message>
    <message>
        <source>that cart is no longer parked</source>
        <translation>ce panier n’est plus en attente</translation>
    </message>
    <message>
        <source>the cart is empty</source>
        <translation>le panier est vide</translation>
    </message>
    <message>
        <source>no sale on this terminal has the receipt number &quot;%1&quot;</source>
        <translation>aucune vente de ce terminal n’a le numéro de ticket « %1 »</translation>
    </message>
    <message>
        <source>receipt %1 is %2; there is nothing to give back</source>
        <translation>le ticket %1 est %2 ; il n’y a rien à rendre</translation>
    </message>
</context>
<context>
    <name>counterline::ui::AmountPrompt</name>
    <message>
        <source>OK (Enter)</source>
        <translation>OK (Entrée)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a quantity from 1 to %2.</source>
        <translation>« %1 » n’est pas une quantité de 1 à %2.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::BackOfficeWindow</name>
    <message>
        <source>Counterline back office — %1</source>
        <translation>Back-office Counterline — %1</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message numerus="yes">
        <source>%n orders written to %1.</source>
        <translation>
            <numerusform>%n commande écrite dans %1.</numerusform>
            <numerusform>%n commandes écrites dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the filtered history</source>
        <translation>Exporter l’historique filtré</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Annuler l’export</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n orders so far…</source>
        <translation>
            <numerusform>Export vers %1 : %n commande jusqu’ici…</numerusform>
            <numerusform>Export vers %1 : %n commandes jusqu’ici…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::CartModel</name>
    <message>
        <source>%1 (price changed)</source>
        <translation>%1 (prix modifié)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
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
        <translation>Scannez un code-barres ou tapez une référence, puis Entrée</translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation>F2 Quantité</translation>
    </message>
    <message>
        <source>F3 Price</source>
        <translation>F3 Prix</translation>
    </message>
    <message>
        <source>F4 Void line</source>
        <translation>F4 Suppr. ligne</translation>
    </message>
    <message>
        <source>F5 Discount</source>
        <translation>F5 Remise</translation>
    </message>
    <message>
        <source>F6 Return</source>
        <translation>F6 Retour</translation>
    </message>
    <message>
        <source>F7 Void last sale</source>
        <translation>F7 Annuler vente</translation>
    </message>
    <message>
        <source>F8 Park</source>
        <translation>F8 Mettre en attente</translation>
    </message>
    <message>
        <source>F9 Resume</source>
        <translation>F9 Reprendre</translation>
    </message>
    <message>
        <source>F10 Log out</source>
        <translation>F10 Déconnexion</translation>
    </message>
    <message>
        <source>F11 Close shift</source>
        <translation>F11 Clôture</translation>
    </message>
    <message>
        <source>F12 Pay</source>
        <translation>F12 Payer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Ouvrir la session</translation>
    </message>
    <message>
        <source>%1, count the opening float in the drawer:</source>
        <translation>%1, comptez le fond de caisse dans le tiroir :</translation>
    </message>
    <message>
        <source>Closing the shift before every order has synced</source>
        <translation>Clôturer la session avant la synchronisation de toutes les commandes</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Rapport Z</translation>
    </message>
    <message>
        <source>Shift closed. Cash difference %1.</source>
        <translation>Session clôturée. Écart de caisse %1.</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 ajouté.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Not approved: %1.</source>
        <translation>Non autorisé : %1.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>New unit price for %1:</source>
        <translation>Nouveau prix unitaire pour %1 :</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>There is no sale to void since you logged in.</source>
        <translation>Aucune vente à annuler depuis votre connexion.</translation>
    </message>
    <message>
        <source>Voiding the last sale</source>
        <translation>Annulation de la dernière vente</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Receipt number of the sale brought back:</source>
        <translation>Numéro du ticket de la vente rapportée :</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>Le panier est vide.</translation>
    </message>
    <message>
        <source>The sale was not saved: %1</source>
        <translation>La vente n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>Cart parked. F9 brings it back.</source>
        <translation>Panier mis en attente. F9 le reprend.</translation>
    </message>
    <message>
        <source>No parked carts.</source>
        <translation>Aucun panier en attente.</translation>
    </message>
    <message>
        <source>Cart parked by %1 at %2 resumed.</source>
        <translation>Panier mis en attente par %1 à %2 repris.</translation>
    </message>
    <message>
        <source>Price change</source>
        <translation>Changement de prix</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Discount above %1 % of the line</source>
        <translation>Remise de plus de %1 % de la ligne</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total de la ligne</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Returning a sale</source>
        <translation>Retour d’une vente</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendu</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Total to give back</source>
        <translation>À rendre</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Orders not yet on the server</source>
        <translation>Commandes pas encore sur le serveur</translation>
    </message>
    <message>
        <source>Cash difference</source>
        <translation>Écart de caisse</translation>
    </message>
    <message>
        <source>Quantity of %1:</source>
        <translation>Quantité de %1 :</translation>
    </message>
    <message>
        <source>Sale %1 is void.</source>
        <translation>La vente %1 est annulée.</translation>
    </message>
    <message>
        <source>Giving the money back…</source>
        <translation>Remboursement en cours…</translation>
    </message>
    <message>
        <source>Sale %1 has been returned.</source>
        <translation>La vente %1 a été reprise.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>monnaie rendue %1</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message numerus="yes">
        <source>Parked carts: %n (F9)</source>
        <translation>
            <numerusform>Paniers en attente : %n (F9)</numerusform>
            <numerusform>Paniers en attente : %n (F9)</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no receipt to print since the till started.</source>
        <translation>Aucun ticket à imprimer depuis le démarrage de la caisse.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Receipt %1 printed again.</source>
        <translation>Ticket %1 réimprimé.</translation>
    </message>
    <message>
        <source>Receipt %1 printed.</source>
        <translation>Ticket %1 imprimé.</translation>
    </message>
    <message>
        <source>The cart that was open is parked.</source>
        <translation>Le panier ouvert est mis en attente.</translation>
    </message>
    <message>
        <source>%1 × — scan the item</source>
        <translation>%1 × — scannez l’article</translation>
    </message>
</context>
<context>
    <name>counterline::ui::CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Clôturer la session</translation>
    </message>
    <message>
        <source>Cash counted in the drawer</source>
        <translation>Espèces comptées dans le tiroir</translation>
    </message>
    <message>
        <source>Card total on the reader&apos;s slip</source>
        <translation>Total cartes sur le ticket du terminal</translation>
    </message>
    <message numerus="yes">
        <source>%1 at %2: %3 (lines: %n)</source>
        <translation>
            <numerusform>%1 à %2 : %3 (lignes : %n)</numerusform>
            <numerusform>%1 à %2 : %3 (lignes : %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Still parked (they stay for the next shift):</source>
        <translation>Encore en attente (ils restent pour le prochain service) :</translation>
    </message>
</context>
<context>
    <name>counterline::ui::DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Discount on %1 (%2 × %3), line total %4:</source>
        <translation>Remise sur %1 (%2 × %3), total de la ligne %4 :</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>Pourcentage (%)</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Montant (%1)</translation>
    </message>
    <message>
        <source>A trailing % means a percentage, %1 an amount. Up to %2 % of the line without a manager; 0 removes the discount.</source>
        <translation>Un % à la fin indique un pourcentage, %1 un montant. Jusqu’à %2 % de la ligne sans responsable ; 0 supprime la remise.</translation>
    </message>
    <message>
        <source>Apply (Enter)</source>
        <translation>Appliquer (Entrée)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Type the discount.</source>
        <translation>Tapez la remise.</translation>
    </message>
    <message>
        <source>Line total %1 → %2</source>
        <translation>Total de la ligne %1 → %2</translation>
    </message>
    <message>
        <source>A manager approves this discount.</source>
        <translation>Un responsable autorise cette remise.</translation>
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
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Signalé</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>What was done, e.g. &quot;refunded by bank transfer on 4 Dec&quot;</source>
        <translation>Ce qui a été fait, p. ex. « remboursé par virement le 4 déc. »</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter une note</translation>
    </message>
    <message>
        <source>Settle with this note</source>
        <translation>Régler avec cette note</translation>
    </message>
    <message>
        <source>Card declined after the sale</source>
        <translation>Carte refusée après la vente</translation>
    </message>
    <message>
        <source>Money owed back</source>
        <translation>Argent à rendre</translation>
    </message>
    <message>
        <source>Refund refused</source>
        <translation>Remboursement refusé</translation>
    </message>
    <message>
        <source>Receipt number used twice</source>
        <translation>Numéro de ticket en double</translation>
    </message>
    <message>
        <source>No follow-ups.</source>
        <translation>Aucun suivi.</translation>
    </message>
    <message>
        <source>Pick an item to see it in full.</source>
        <translation>Choisissez un suivi pour le voir en entier.</translation>
    </message>
    <message>
        <source>Raised %1 by %2.</source>
        <translation>Signalé le %1 par %2.</translation>
    </message>
    <message>
        <source>Settled %1 by %2.</source>
        <translation>Réglé le %1 par %2.</translation>
    </message>
    <message>
        <source>%1, %2%3: %4</source>
        <translation>%1, %2%3 : %4</translation>
    </message>
    <message>
        <source> (settled)</source>
        <translation> (réglé)</translation>
    </message>
    <message>
        <source>Say what was done before settling the item.</source>
        <translation>Indiquez ce qui a été fait avant de régler le suivi.</translation>
    </message>
    <message>
        <source>Type the note first.</source>
        <translation>Tapez d’abord la note.</translation>
    </message>
    <message>
        <source>Settled.</source>
        <translation>Réglé.</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Note ajoutée.</translation>
    </message>
    <message>
        <source>Nothing needs anyone to act: every follow-up is settled.</source>
        <translation>Rien à faire : tous les suivis sont réglés.</translation>
    </message>
    <message>
        <source>Items that need someone to act: %1. Settle each with a note of what was done.</source>
        <translation>Suivis en attente d’une action : %1. Réglez chacun avec une note de ce qui a été fait.</translation>
    </message>
    <message>
        <source>Items: %1.</source>
        <translation>Éléments : %1.</translation>
    </message>
    <message>
        <source>Price not the catalog&apos;s</source>
        <translation>Prix différent du catalogue</translation>
    </message>
    <message>
        <source>Tax rate not the catalog&apos;s</source>
        <translation>Taux de taxe différent du catalogue</translation>
    </message>
    <message>
        <source>Item not in the catalog</source>
        <translation>Article absent du catalogue</translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The export was cancelled after %1 orders; nothing was saved.</source>
        <translation>L’export a été annulé après %1 commandes ; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The export stopped after %1 orders and was not saved: %2</source>
        <translation>L’export s’est arrêté après %1 commandes et n’a pas été enregistré : %2</translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryFilterBar</name>
    <message>
        <source>From (YYYY-MM-DD)</source>
        <translation>Du (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>To (YYYY-MM-DD)</source>
        <translation>Au (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout état</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>N° de ticket</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Min. total</source>
        <translation>Total min.</translation>
    </message>
    <message>
        <source>Max. total</source>
        <translation>Total max.</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date like 2026-11-24.</source>
        <translation>« %1 » n’est pas une date comme 2026-11-24.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryModel</name>
    <message>
        <source>Waiting to sync</source>
        <translation>En attente de synchro</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisée</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Sync / store</source>
        <translation>Synchro / magasin</translation>
    </message>
    <message>
        <source>Return · %1</source>
        <translation>Retour · %1</translation>
    </message>
</context>
<context>
    <name>counterline::ui::LocalOrderBackend</name>
    <message>
        <source>This sale was not charged to a card through the payment service; pay the return back in cash.</source>
        <translation>Cette vente n’a pas été débitée sur une carte via le service de paiement ; remboursez le retour en espèces.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::LoginPage</name>
    <message>
        <source>Type your PIN and press Enter</source>
        <translation>Tapez votre code PIN puis Entrée</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ManagerApproval</name>
    <message>
        <source>Manager approval</source>
        <translation>Autorisation d’un responsable</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>That is not a manager&apos;s PIN.</source>
        <translation>Ce n’est pas le code PIN d’un responsable.</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>Manager PIN to approve:</source>
        <translation>PIN du responsable pour autoriser :</translation>
    </message>
</context>
<context>
    <name>counterline::ui::OrderDetailView</name>
    <message>
        <source>Choose an order in the list.</source>
        <translation>Choisissez une commande dans la liste.</translation>
    </message>
    <message>
        <source>Cancel (refund and restock)</source>
        <translation>Annuler (rembourser, remettre en stock)</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Expédier</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Remise au client</translation>
    </message>
    <message>
        <source>Refund in full</source>
        <translation>Rembourser en totalité</translation>
    </message>
    <message>
        <source>Receipt %1 — %2, version %3</source>
        <translation>Ticket %1 — %2, version %3</translation>
    </message>
    <message>
        <source>Sold %1 by %2 at store %3, till %4.</source>
        <translation>Vendu le %1 par %2 au magasin %3, caisse %4.</translation>
    </message>
    <message>
        <source>Customer %1.</source>
        <translation>Client %1.</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Name at the sale</source>
        <translation>Nom lors de la vente</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Total %1, of which tax %2.</source>
        <translation>Total %1, dont TVA %2.</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>taken offline, charged by the server</source>
        <translation>accepté hors ligne, débité par le serveur</translation>
    </message>
    <message>
        <source>Change given: %1</source>
        <translation>Monnaie rendue : %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (version %4) by %5</source>
        <translation>%1 : %2 → %3 (version %4) par %5</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>autorisé par %1</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Entry %1 (%2), hash &lt;tt&gt;%3&lt;/tt&gt;</source>
        <translation>Entrée %1 (%2), hash &lt;tt&gt;%3&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>%1 with key &lt;tt&gt;%2&lt;/tt&gt;: %3 after %4 attempts</source>
        <translation>%1 avec la clé &lt;tt&gt;%2&lt;/tt&gt; : %3 après %4 tentatives</translation>
    </message>
    <message>
        <source>last answer HTTP %1</source>
        <translation>dernière réponse HTTP %1</translation>
    </message>
    <message>
        <source>Server order number %1</source>
        <translation>Numéro de commande sur le serveur %1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <source>Someone changed the order; it could not be read again: %1</source>
        <translation>Quelqu’un a modifié la commande ; elle n’a pas pu être relue : %1</translation>
    </message>
    <message>
        <source>Since you opened it (version %1), order %2 has become %3 (version %4).</source>
        <translation>Depuis que vous l’avez ouverte (version %1), la commande %2 est devenue %3 (version %4).</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1 : %2 par %3</translation>
    </message>
    <message>
        <source>Someone changed this order first</source>
        <translation>Quelqu’un a modifié cette commande avant vous</translation>
    </message>
    <message>
        <source>Nothing was changed by you. Reload the order and decide again.</source>
        <translation>Vous n’avez rien modifié. Rechargez la commande et décidez à nouveau.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Return %1 — %2, version %3</source>
        <translation>Retour %1 — %2, version %3</translation>
    </message>
    <message>
        <source>Items taken back from receipt %1; the total was paid back.</source>
        <translation>Articles repris du ticket %1 ; le total a été remboursé.</translation>
    </message>
    <message>
        <source>Sold as line</source>
        <translation>Vendu en ligne</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Retourné</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retours</translation>
    </message>
    <message>
        <source>%1: receipt %2, %3 paid back</source>
        <translation>%1 : ticket %2, %3 remboursé</translation>
    </message>
    <message>
        <source>Return items…</source>
        <translation>Reprendre des articles…</translation>
    </message>
    <message>
        <source>Taken back %1 by %2 at store %3, till %4.</source>
        <translation>Repris le %1 par %2 au magasin %3, caisse %4.</translation>
    </message>
    <message>
        <source>%1 given back in cash</source>
        <translation>%1 rendu en espèces</translation>
    </message>
    <message>
        <source>%1 refunded to the card by the till (%2)</source>
        <translation>%1 remboursé sur la carte par la caisse (%2)</translation>
    </message>
    <message>
        <source>%1 refunded on the card reader</source>
        <translation>%1 remboursé sur le terminal</translation>
    </message>
    <message>
        <source>%1 owed to the customer: on the follow-up list</source>
        <translation>%1 dû au client : sur la liste des suivis</translation>
    </message>
    <message>
        <source>%1 was never charged to the card</source>
        <translation>%1 n’a jamais été débité de la carte</translation>
    </message>
    <message>
        <source>%1 refunded to the card by the server</source>
        <translation>%1 remboursé sur la carte par le serveur</translation>
    </message>
    <message>
        <source>%1: the payment service refused the refund; on the follow-up list</source>
        <translation>%1 : le service de paiement a refusé le remboursement ; sur la liste des suivis</translation>
    </message>
    <message>
        <source>%1 being refunded to the card by the server</source>
        <translation>%1 en cours de remboursement sur la carte par le serveur</translation>
    </message>
    <message>
        <source>%1 recorded as given back</source>
        <translation>%1 enregistré comme rendu</translation>
    </message>
    <message>
        <source>Money back</source>
        <translation>Argent rendu</translation>
    </message>
    <message>
        <source>Cancel the sale?</source>
        <translation>Annuler la vente ?</translation>
    </message>
    <message>
        <source>Refund the sale?</source>
        <translation>Rembourser la vente ?</translation>
    </message>
    <message>
        <source>Cancel the sale</source>
        <translation>Annuler la vente</translation>
    </message>
    <message>
        <source>Refund the sale</source>
        <translation>Rembourser la vente</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
    <message>
        <source>Cancelling receipt %1 (%2): its goods go back into stock and its money back to the customer, by whoever took it. What cannot be given back now goes on the follow-up list.</source>
        <translation>Annulation du ticket %1 (%2) : la marchandise retourne en stock et l’argent au client, par qui l’a encaissé. Ce qui ne peut pas être rendu maintenant va sur la liste des suivis.</translation>
    </message>
    <message>
        <source>Refunding receipt %1 (%2): its goods go back into stock and its money back to the customer, by whoever took it. What cannot be given back now goes on the follow-up list.</source>
        <translation>Remboursement du ticket %1 (%2) : la marchandise retourne en stock et l’argent au client, par qui l’a encaissé. Ce qui ne peut pas être rendu maintenant va sur la liste des suivis.</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>en attente d’envoi</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>demande attention</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ParkedCartsDialog</name>
    <message>
        <source>Parked carts</source>
        <translation>Paniers en attente</translation>
    </message>
    <message>
        <source>Parked carts, newest first</source>
        <translation>Paniers en attente, les plus récents d’abord</translation>
    </message>
    <message>
        <source>Parked by</source>
        <translation>Mis en attente par</translation>
    </message>
    <message>
        <source>At</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>cannot be priced</source>
        <translation>impossible à chiffrer</translation>
    </message>
    <message>
        <source>The cart on screen is parked when you resume another.</source>
        <translation>Le panier à l’écran est mis en attente quand vous en reprenez un autre.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>counterline::ui::PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <source>Cash (Enter)</source>
        <translation>Espèces (Entrée)</translation>
    </message>
    <message>
        <source>Approval code from the card reader</source>
        <translation>Code d’autorisation du terminal</translation>
    </message>
    <message>
        <source>Card approved (F6)</source>
        <translation>Carte acceptée (F6)</translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation>Retour à la vente (Échap)</translation>
    </message>
    <message>
        <source>Type the cash the customer gave.</source>
        <translation>Tapez les espèces données par le client.</translation>
    </message>
    <message>
        <source>Type the approval code the card reader printed.</source>
        <translation>Tapez le code d’autorisation imprimé par le terminal.</translation>
    </message>
    <message>
        <source>Card approved by the bank</source>
        <translation>Carte acceptée par la banque</translation>
    </message>
    <message>
        <source>Card without funds</source>
        <translation>Carte sans provision</translation>
    </message>
    <message>
        <source>Expired card</source>
        <translation>Carte expirée</translation>
    </message>
    <message>
        <source>Charge card (F8)</source>
        <translation>Débiter la carte (F8)</translation>
    </message>
    <message>
        <source>Waiting for the card…</source>
        <translation>En attente de la carte…</translation>
    </message>
    <message>
        <source>Take the card offline (F9)? It is charged when the till is online again.</source>
        <translation>Accepter la carte hors ligne (F9) ? Elle sera débitée quand la caisse sera de nouveau en ligne.</translation>
    </message>
    <message>
        <source>Take card offline (F9)</source>
        <translation>Carte hors ligne (F9)</translation>
    </message>
    <message>
        <source>Waiting for the card; the payment&apos;s outcome comes first.</source>
        <translation>En attente de la carte ; le résultat du paiement passe d’abord.</translation>
    </message>
    <message>
        <source>Cash %1</source>
        <translation>Espèces %1</translation>
    </message>
    <message>
        <source>Card %1 offline, charged later</source>
        <translation>Carte %1 hors ligne, débitée plus tard</translation>
    </message>
    <message>
        <source>Card %1 (%2)</source>
        <translation>Carte %1 (%2)</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <source>Is the cash given right?</source>
        <translation>Les espèces reçues sont-elles justes ?</translation>
    </message>
    <message>
        <source>Cash given: %1
To pay: %2
Change due: %3</source>
        <translation>Espèces reçues : %1
À payer : %2
Monnaie à rendre : %3</translation>
    </message>
    <message>
        <source>That is more than ten times what is due.</source>
        <translation>C’est plus de dix fois le montant dû.</translation>
    </message>
    <message>
        <source>Yes, take %1</source>
        <translation>Oui, prendre %1</translation>
    </message>
    <message>
        <source>No, back (Esc)</source>
        <translation>Non, retour (Échap)</translation>
    </message>
    <message>
        <source>F1 Exact</source>
        <translation>F1 Exact</translation>
    </message>
    <message>
        <source>Cash, the exact amount</source>
        <translation>Espèces, le montant exact</translation>
    </message>
    <message>
        <source>F%1 %2</source>
        <translation>F%1 %2</translation>
    </message>
    <message>
        <source>Cash, %1 given</source>
        <translation>Espèces, %1 donnés</translation>
    </message>
</context>
<context>
    <name>counterline::ui::PinLockWatch</name>
    <message>
        <source>Too many wrong PINs. PIN entry opens again in %1:%2.</source>
        <translation>Trop de codes PIN erronés. La saisie du code PIN rouvre dans %1:%2.</translation>
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
        <translation>Ventes par heure le</translation>
    </message>
    <message>
        <source>Totals from</source>
        <translation>Totaux du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Sales on %1</source>
        <translation>Ventes du %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sales, %1</source>
        <translation>
            <numerusform>%n vente, %1</numerusform>
            <numerusform>%n ventes, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tax rate %1 %</source>
        <translation>Taux de TVA %1 %</translation>
    </message>
    <message>
        <source>Cash, less change</source>
        <translation>Espèces, monnaie déduite</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>of which taken offline</source>
        <translation>dont acceptées hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>Returns (%n)</source>
        <translation>
            <numerusform>Retour (%n)</numerusform>
            <numerusform>Retours (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All sales (%n), less returns</source>
        <translation>
            <numerusform>Toutes les ventes (%n), moins les retours</numerusform>
            <numerusform>Toutes les ventes (%n), moins les retours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::ReturnDialog</name>
    <message>
        <source>Return items of receipt %1</source>
        <translation>Reprendre des articles du ticket %1</translation>
    </message>
    <message>
        <source>Choose how many of each item the customer brings back. The sale stays as it was; the return is a new receipt linked to it, and the items go back into stock.</source>
        <translation>Choisissez combien d’unités de chaque article le client rapporte. La vente reste telle quelle ; le retour est un nouveau ticket lié à elle, et les articles retournent en stock.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendu</translation>
    </message>
    <message>
        <source>Returned before</source>
        <translation>Déjà retourné</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total de la ligne</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Take back and pay out</source>
        <translation>Reprendre et rembourser</translation>
    </message>
    <message>
        <source>Pay back in cash: %1</source>
        <translation>À rembourser en espèces : %1</translation>
    </message>
    <message>
        <source>Choose at least one item to bring back.</source>
        <translation>Choisissez au moins un article à rapporter.</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>En espèces depuis le tiroir</translation>
    </message>
    <message>
        <source>Back to the card of the sale</source>
        <translation>Sur la carte de la vente</translation>
    </message>
    <message>
        <source>Pay back to the card: %1</source>
        <translation>À rembourser sur la carte : %1</translation>
    </message>
</context>
<context>
    <name>counterline::ui::SaleCompletePanel</name>
    <message>
        <source>Print the receipt</source>
        <translation>Imprimer le ticket</translation>
    </message>
    <message>
        <source>Enter  New sale</source>
        <translation>Entrée  Nouvelle vente</translation>
    </message>
    <message>
        <source>Start the next sale</source>
        <translation>Commencer la vente suivante</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Rendu %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>F1  Reprint receipt</source>
        <translation>F1  Réimprimer le ticket</translation>
    </message>
    <message>
        <source>F1  Print receipt</source>
        <translation>F1  Imprimer le ticket</translation>
    </message>
</context>
<context>
    <name>counterline::ui::SyncDashboard</name>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Dernière réponse</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Prochain essai</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation>Exporter le diagnostic…</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n en attente d’envoi</numerusform>
            <numerusform>%n en attente d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needing attention</source>
        <translation>
            <numerusform>%n à vérifier</numerusform>
            <numerusform>%n à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <source>Oldest waiting since %1. </source>
        <translation>La plus ancienne attend depuis %1. </translation>
    </message>
    <message>
        <source>Last delivery %1.</source>
        <translation>Dernière livraison %1.</translation>
    </message>
    <message>
        <source>Nothing delivered yet.</source>
        <translation>Rien de livré pour l’instant.</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Dernier problème : %1</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Exporter le diagnostic</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Nothing was waiting to be sent again.</source>
        <translation>Rien n’attendait d’être renvoyé.</translation>
    </message>
    <message numerus="yes">
        <source>%n will be sent on the till&apos;s next pass, within seconds when the server is reachable; their state shows here.</source>
        <translation>
            <numerusform>%n sera envoyé au prochain passage de la caisse, en quelques secondes si le serveur est joignable ; son état s’affiche ici.</numerusform>
            <numerusform>%n seront envoyés au prochain passage de la caisse, en quelques secondes si le serveur est joignable ; leur état s’affiche ici.</numerusform>
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
        <translation>Synchro : non configurée</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En ligne</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Hors ligne</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Rien en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting, oldest %1</source>
        <translation>
            <numerusform>%n en attente, la plus ancienne %1</numerusform>
            <numerusform>%n en attente, la plus ancienne %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Dernière synchro %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisée</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n need attention</source>
        <translation>
            <numerusform>⚠ %n à vérifier</numerusform>
            <numerusform>⚠ %n à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Orders that need attention</source>
        <translation>Commandes à vérifier</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucune.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::Tender</name>
    <message>
        <source>Cash %1</source>
        <translation>Espèces %1</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Carte %1</translation>
    </message>
    <message>
        <source>(taken offline)</source>
        <translation>(acceptée hors ligne)</translation>
    </message>
</context>
<context>
    <name>counterline::ui::TotalsPanel</name>
    <message>
        <source>Discounts: −%1</source>
        <translation>Remises : −%1</translation>
    </message>
    <message>
        <source>Tax %1 %: %2</source>
        <translation>TVA %1 % : %2</translation>
    </message>
    <message numerus="yes">
        <source>Subtotal (items: %n): %1</source>
        <translation>
            <numerusform>Sous-total (articles : %n) : %1</numerusform>
            <numerusform>Sous-total (articles : %n) : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::ZReport</name>
    <message>
        <source>Z report</source>
        <translation>Rapport Z</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>Total sales</source>
        <translation>Total des ventes</translation>
    </message>
    <message>
        <source>  Tax %1 %: net %2</source>
        <translation>  TVA %1 % : HT %2</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>Espèces encaissées</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>Espèces attendues</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Cash difference</source>
        <translation>Écart espèces</translation>
    </message>
    <message>
        <source>Card taken</source>
        <translation>Cartes encaissées</translation>
    </message>
    <message>
        <source>Card counted</source>
        <translation>Cartes comptées</translation>
    </message>
    <message>
        <source>Card difference</source>
        <translation>Écart cartes</translation>
    </message>
    <message>
        <source>Grand total (terminal)</source>
        <translation>Grand total (caisse)</translation>
    </message>
    <message numerus="yes">
        <source>Closed with %n order(s) not yet synced</source>
        <translation>
            <numerusform>Clôturée avec %n commande non synchronisée</numerusform>
            <numerusform>Clôturée avec %n commandes non synchronisées</numerusform>
        </translation>
    </message>
    <message>
        <source>  approved by %1</source>
        <translation>  autorisé par %1</translation>
    </message>
    <message numerus="yes">
        <source>Returns (%n)</source>
        <translation>
            <numerusform>Retour (%n)</numerusform>
            <numerusform>Retours (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
