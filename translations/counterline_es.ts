<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CardRefunds</name>
    <message>
        <source>The payment service refused to refund %1 of charge %2: %3</source>
        <translation>El servicio de pago rechazó reembolsar %1 del cobro %2: %3</translation>
    </message>
    <message>
        <source>no payment service is configured (--payments)</source>
        <translation>no hay ningún servicio de pago configurado (--payments)</translation>
    </message>
    <message>
        <source>Order %1 has no refund number %2.</source>
        <translation>El pedido %1 no tiene el reembolso número %2.</translation>
    </message>
</context>
<context>
    <name>Cart</name>
    <message>
        <source>the cart has no line %1</source>
        <translation>la cesta no tiene la línea %1</translation>
    </message>
    <message>
        <source>a quantity must be between 1 and %1</source>
        <translation>una cantidad debe estar entre 1 y %1</translation>
    </message>
    <message>
        <source>%1 is priced in %2 but the cart is in %3</source>
        <translation>%1 tiene precio en %2, pero la cesta está en %3</translation>
    </message>
    <message>
        <source>a price must be a non-negative amount in %1</source>
        <translation>un precio debe ser un importe no negativo en %1</translation>
    </message>
    <message>
        <source>line number %1 is not free in this cart</source>
        <translation>el número de línea %1 ya está ocupado en esta cesta</translation>
    </message>
    <message>
        <source>line %1 is not priced in %2</source>
        <translation>la línea %1 no tiene precio en %2</translation>
    </message>
</context>
<context>
    <name>CartStore</name>
    <message>
        <source>Cart %1 has been paid and can no longer change.</source>
        <translation>La cesta %1 está pagada y ya no puede cambiar.</translation>
    </message>
    <message>
        <source>There is no saved cart %1.</source>
        <translation>No hay ninguna cesta guardada %1.</translation>
    </message>
    <message>
        <source>Cart %1 is not %2.</source>
        <translation>La cesta %1 no está %2.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>línea %1: %2; no se importó nada</translation>
    </message>
</context>
<context>
    <name>CatalogCheck</name>
    <message>
        <source>Line %1 (%2 &quot;%3&quot;)</source>
        <translation>Línea %1 (%2 «%3»)</translation>
    </message>
    <message>
        <source>catalog version %1</source>
        <translation>versión del catálogo %1</translation>
    </message>
    <message>
        <source>catalog as of %1</source>
        <translation>catálogo vigente el %1</translation>
    </message>
    <message>
        <source>%1: not in the catalog (%2)</source>
        <translation>%1: no está en el catálogo (%2)</translation>
    </message>
    <message>
        <source>%1: sold at %2 with no approver recorded; the catalog had %3 (%4)</source>
        <translation>%1: vendido a %2 sin aprobación registrada; el catálogo tenía %3 (%4)</translation>
    </message>
    <message>
        <source>%1: sold with tax rate %2; the catalog had %3 (%4)</source>
        <translation>%1: vendido con tipo impositivo %2; el catálogo tenía %3 (%4)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is not in the catalog</source>
        <translation>«%1» %2 no está en el catálogo</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is not the catalog&apos;s %3 for %4</source>
        <translation>«%1» %2 no es el valor %3 del catálogo para %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is below the catalog price %3 of %4; an order that is not paid yet is placed at the catalog&apos;s prices</source>
        <translation>«%1» %2 está por debajo del precio de catálogo %3 de %4; un pedido aún no pagado se hace a los precios del catálogo</translation>
    </message>
</context>
<context>
    <name>CatalogCsv</name>
    <message>
        <source>The catalog file is empty.</source>
        <translation>El archivo del catálogo está vacío.</translation>
    </message>
    <message>
        <source>line 1: the header lacks the column &quot;%1&quot;; expected %2</source>
        <translation>línea 1: falta la columna «%1» en la cabecera; se esperaba %2</translation>
    </message>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>línea %1: %2; no se importó nada</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 campos donde la cabecera tiene %2</translation>
    </message>
    <message>
        <source>the sku is empty</source>
        <translation>la referencia está vacía</translation>
    </message>
    <message>
        <source>the sku &quot;%1&quot; appears twice</source>
        <translation>la referencia «%1» aparece dos veces</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>el nombre está vacío</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid barcode</source>
        <translation>«%1» no es un código de barras válido</translation>
    </message>
    <message>
        <source>the barcode %1 is also on sku &quot;%2&quot;</source>
        <translation>el código de barras %1 también está en la referencia «%2»</translation>
    </message>
    <message>
        <source>the currency &quot;%1&quot; is not this store&apos;s %2</source>
        <translation>la moneda «%1» no es la de esta tienda (%2)</translation>
    </message>
    <message>
        <source>the price %1 is negative</source>
        <translation>el precio %1 es negativo</translation>
    </message>
    <message>
        <source>the stock &quot;%1&quot; is not a whole number</source>
        <translation>el stock «%1» no es un número entero</translation>
    </message>
</context>
<context>
    <name>CatalogService</name>
    <message>
        <source>line %1: %2; nothing was imported</source>
        <translation>línea %1: %2; no se importó nada</translation>
    </message>
</context>
<context>
    <name>Currency</name>
    <message>
        <source>&quot;%1&quot; is not a supported ISO 4217 currency code</source>
        <translation>«%1» no es un código de moneda ISO 4217 admitido</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 no es un archivo.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is an empty file, not a Counterline database; it was left untouched. Move it away or choose another --data-dir.</source>
        <translation>%1 es un archivo vacío, no una base de datos de Counterline; no se ha modificado. Muévalo o elija otro --data-dir.</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database; it was left untouched.</source>
        <translation>%1 no es una base de datos SQLite; no se ha modificado.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a SQLite database: %2</source>
        <translation>%1 no se puede leer como base de datos SQLite: %2</translation>
    </message>
    <message>
        <source>%1 is a SQLite database of another program (application_id %2), not a Counterline terminal database; it was left untouched.</source>
        <translation>%1 es la base de datos SQLite de otro programa (application_id %2), no la de una caja Counterline; no se ha modificado.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>No se puede crear el directorio de datos %1.</translation>
    </message>
    <message>
        <source>Cannot open the terminal database %1: %2</source>
        <translation>No se puede abrir la base de datos de la caja %1: %2</translation>
    </message>
</context>
<context>
    <name>Discount</name>
    <message>
        <source>&quot;%1&quot; is not a percentage like 10 or 12.5</source>
        <translation>«%1» no es un porcentaje como 10 o 12,5</translation>
    </message>
    <message>
        <source>a percentage discount must lie between 0 and 100 percent</source>
        <translation>un descuento porcentual debe estar entre 0 y 100 %</translation>
    </message>
    <message>
        <source>a discount must not be negative</source>
        <translation>un descuento no debe ser negativo</translation>
    </message>
    <message>
        <source>the discount is larger than the amount it applies to</source>
        <translation>el descuento es mayor que el importe al que se aplica</translation>
    </message>
</context>
<context>
    <name>EventOutbox</name>
    <message>
        <source>A terminal sees only its own store&apos;s events.</source>
        <translation>Una caja solo ve los eventos de su propia tienda.</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>There is no follow-up %1.</source>
        <translation>No hay ninguna incidencia %1.</translation>
    </message>
    <message>
        <source>This store is not yours to see.</source>
        <translation>No tiene acceso a esta tienda.</translation>
    </message>
    <message>
        <source>Tills raise follow-ups; head office notes and settles them.</source>
        <translation>Las cajas abren las incidencias; la central las anota y las resuelve.</translation>
    </message>
    <message>
        <source>&quot;note&quot; must say what was done</source>
        <translation>«note» debe decir lo que se hizo</translation>
    </message>
    <message>
        <source>&quot;note&quot; is longer than 2,000 characters</source>
        <translation>«note» tiene más de 2000 caracteres</translation>
    </message>
    <message>
        <source>Follow-up %1 was settled at %2 by %3; it takes no more notes.</source>
        <translation>La incidencia %1 la resolvió %3 el %2; ya no admite más notas.</translation>
    </message>
</context>
<context>
    <name>HistoryCheck</name>
    <message>
        <source>&quot;events&quot;: %1</source>
        <translation>«events»: %1</translation>
    </message>
    <message>
        <source>&quot;events[%1]&quot;: &quot;from&quot; and &quot;to&quot; must be order statuses</source>
        <translation>«events[%1]»: «from» y «to» deben ser estados de pedido</translation>
    </message>
    <message>
        <source>&quot;events&quot; lead to %1 at version %2, but the order says %3 at version %4</source>
        <translation>«events» llevan a %1 en la versión %2, pero el pedido indica %3 en la versión %4</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>The journal has no entry for order %1.</source>
        <translation>El diario no tiene ninguna entrada para el pedido %1.</translation>
    </message>
    <message>
        <source>entry %1 follows entry %2: entries are missing</source>
        <translation>la entrada %1 sigue a la entrada %2: faltan entradas</translation>
    </message>
    <message>
        <source>entry %1 does not point at the hash of entry %2</source>
        <translation>la entrada %1 no apunta al hash de la entrada %2</translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written: its hash does not match its record</source>
        <translation>la entrada %1 se modificó después de escribirse: su hash no coincide con su contenido</translation>
    </message>
</context>
<context>
    <name>JournalAudit</name>
    <message>
        <source>continuous on the server through entry %1 (checked %2)</source>
        <translation>continuo en el servidor hasta la entrada %1 (comprobado %2)</translation>
    </message>
    <message>
        <source>entries %1 never reached the server</source>
        <translation>las entradas %1 nunca llegaron al servidor</translation>
    </message>
    <message>
        <source>the server found broken links at %1</source>
        <translation>el servidor encontró enlaces rotos en %1</translation>
    </message>
</context>
<context>
    <name>JournalEntries</name>
    <message>
        <source>Only a terminal&apos;s token has a journal.</source>
        <translation>Solo el token de una caja tiene diario.</translation>
    </message>
    <message>
        <source>&quot;kind&quot; must be lower-case letters and underscores</source>
        <translation>«kind» debe constar de letras minúsculas y guiones bajos</translation>
    </message>
    <message>
        <source>&quot;record&quot; must be the entry&apos;s record as a string</source>
        <translation>«record» debe ser el contenido de la entrada como cadena</translation>
    </message>
    <message>
        <source>&quot;journal&quot; is missing</source>
        <translation>falta «journal»</translation>
    </message>
    <message>
        <source>Journal entry %1: the record does not hash to %2 with the hash before it; it was changed on the way or at the till</source>
        <translation>Entrada de diario %1: con el hash anterior, el contenido no da el hash %2; se modificó por el camino o en la caja</translation>
    </message>
    <message>
        <source>&quot;record&quot; must be an entry of kind %1 with its payload</source>
        <translation>«record» debe ser una entrada de tipo %1 con su carga útil</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a journal entry kind (lower-case letters and underscores)</source>
        <translation>«%1» no es un tipo de entrada de diario (letras minúsculas y guiones bajos)</translation>
    </message>
</context>
<context>
    <name>JournalLinks</name>
    <message>
        <source>Journal entry %1 of this terminal is already held with another hash (it recorded order %2); the terminal&apos;s journal has forked, for example after restoring an old copy of its database.</source>
        <translation>La entrada de diario %1 de esta caja ya consta con otro hash (registró el pedido %2); el diario de la caja se ha bifurcado, por ejemplo tras restaurar una copia antigua de su base de datos.</translation>
    </message>
    <message>
        <source>Journal entry %1 of this terminal already recorded %2; one entry records one change.</source>
        <translation>La entrada de diario %1 de esta caja ya registró %2; una entrada registra un solo cambio.</translation>
    </message>
    <message>
        <source>a journal entry</source>
        <translation>una entrada de diario</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>el pedido %1</translation>
    </message>
    <message>
        <source>Journal entry %1 is too far ahead: this server holds this terminal&apos;s entries up to %2, and entries %3 to %4 must arrive first (at most %5 may be outstanding).</source>
        <translation>La entrada de diario %1 va demasiado adelantada: este servidor tiene las entradas de esta caja hasta la %2, y las entradas %3 a %4 deben llegar antes (como máximo %5 pueden estar pendientes).</translation>
    </message>
</context>
<context>
    <name>ListQueries</name>
    <message>
        <source>&quot;%1&quot; must be a number from %2 to %3</source>
        <translation>«%1» debe ser un número de %2 a %3</translation>
    </message>
    <message>
        <source>&quot;status&quot; is not an order status: &quot;%1&quot;</source>
        <translation>«status» no es un estado de pedido: «%1»</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an RFC 3339 time</source>
        <translation>«%1» debe ser una hora RFC 3339</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number of minor units, 0 or more</source>
        <translation>«%1» debe ser un número entero de unidades menores, 0 o más</translation>
    </message>
    <message>
        <source>&quot;state&quot; must be open, settled or all, not &quot;%1&quot;</source>
        <translation>«state» debe ser open, settled o all, no «%1»</translation>
    </message>
    <message>
        <source>&quot;since&quot; must be a cursor from an earlier answer</source>
        <translation>«since» debe ser un cursor de una respuesta anterior</translation>
    </message>
</context>
<context>
    <name>LocalHistorySource</name>
    <message>
        <source>This till&apos;s orders</source>
        <translation>Pedidos de esta caja</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message numerus="yes">
        <source>&quot;%1&quot; has more decimal places than %2 allows (%n)</source>
        <translation>
            <numerusform>«%1» tiene más decimales de los que permite %2 (%n)</numerusform>
            <numerusform>«%1» tiene más decimales de los que permite %2 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot combine %1 with %2</source>
        <translation>no se puede combinar %1 con %2</translation>
    </message>
</context>
<context>
    <name>NatsRelay</name>
    <message>
        <source>NATS: %1 failed: %2</source>
        <translation>NATS: falló %1: %2</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>conexión con %1</translation>
    </message>
    <message>
        <source>opening JetStream</source>
        <translation>apertura de JetStream</translation>
    </message>
    <message>
        <source>creating stream %1</source>
        <translation>creación del flujo %1</translation>
    </message>
    <message>
        <source>publishing event %1</source>
        <translation>publicación del evento %1</translation>
    </message>
</context>
<context>
    <name>OfflineCards</name>
    <message>
        <source>Offline card limits are amounts of zero or more and 1 to 168 hours.</source>
        <translation>Los límites de tarjeta sin conexión son importes de cero o más y de 1 a 168 horas.</translation>
    </message>
    <message>
        <source>Offline, a card may pay at most %1 per sale.</source>
        <translation>Sin conexión, una tarjeta puede pagar como máximo %1 por venta.</translation>
    </message>
    <message>
        <source>Offline card payments waiting to be forwarded come to %1; with this one they would pass the limit of %2.</source>
        <translation>Los pagos con tarjeta sin conexión pendientes de reenviar suman %1; con este superarían el límite de %2.</translation>
    </message>
    <message>
        <source>An offline card payment from %1 has waited more than %2 hours to be forwarded; no more are taken until the till is back online.</source>
        <translation>Un pago con tarjeta sin conexión del %1 lleva más de %2 horas esperando el reenvío; no se aceptan más hasta que la caja vuelva a estar en línea.</translation>
    </message>
</context>
<context>
    <name>Order</name>
    <message>
        <source>an order needs at least one line</source>
        <translation>un pedido necesita al menos una línea</translation>
    </message>
    <message>
        <source>an order needs an id and a creation time</source>
        <translation>un pedido necesita un identificador y una hora de creación</translation>
    </message>
    <message>
        <source>a tender in %1 cannot pay an order in %2</source>
        <translation>un pago en %1 no puede pagar un pedido en %2</translation>
    </message>
    <message>
        <source>every tender must be a positive amount</source>
        <translation>cada pago debe ser un importe positivo</translation>
    </message>
    <message>
        <source>the tenders add up to too large an amount</source>
        <translation>los pagos suman un importe demasiado grande</translation>
    </message>
    <message>
        <source>the tenders (%1) do not cover the total (%2)</source>
        <translation>los pagos (%1) no cubren el total (%2)</translation>
    </message>
    <message>
        <source>change can only be given out of cash; card tenders exceed the total</source>
        <translation>el cambio solo se da en efectivo; los pagos con tarjeta superan el total</translation>
    </message>
    <message>
        <source>order %1 is %2 and cannot be paid again</source>
        <translation>el pedido %1 está %2 y no se puede volver a pagar</translation>
    </message>
    <message>
        <source>a payment needs at least one tender</source>
        <translation>un pago necesita al menos un medio de pago</translation>
    </message>
    <message>
        <source>a return pays back exactly its total (%1), not %2</source>
        <translation>una devolución reembolsa exactamente su total (%1), no %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order kind (sale or return)</source>
        <translation>«%1» no es un tipo de pedido (venta o devolución)</translation>
    </message>
    <message>
        <source>line %1 (%2): %3 of %4 sold can still be returned, not %5</source>
        <translation>línea %1 (%2): de %4 vendidos aún se pueden devolver %3, no %5</translation>
    </message>
    <message>
        <source>%1 is a return itself; only a sale can be returned</source>
        <translation>%1 ya es una devolución; solo se puede devolver una venta</translation>
    </message>
    <message>
        <source>line %1 of %2 is named twice</source>
        <translation>la línea %1 de %2 aparece dos veces</translation>
    </message>
    <message>
        <source>%1 has no line %2</source>
        <translation>%1 no tiene línea %2</translation>
    </message>
    <message>
        <source>a return needs at least one item brought back</source>
        <translation>una devolución necesita al menos un artículo devuelto</translation>
    </message>
    <message>
        <source>only a paid or completed sale can be returned; %1 is %2</source>
        <translation>solo se puede devolver una venta pagada o completada; %1 está %2</translation>
    </message>
</context>
<context>
    <name>OrderBackend</name>
    <message>
        <source>Returns are taken at the till the goods come back to.</source>
        <translation>Las devoluciones se hacen en la caja a la que vuelve la mercancía.</translation>
    </message>
</context>
<context>
    <name>OrderDetails</name>
    <message>
        <source>There is no order %1 here.</source>
        <translation>Aquí no hay ningún pedido %1.</translation>
    </message>
</context>
<context>
    <name>OrderIngest</name>
    <message>
        <source>Only an enrolled terminal may send its orders.</source>
        <translation>Solo una caja registrada puede enviar sus pedidos.</translation>
    </message>
    <message>
        <source>This terminal is %1 of store %2; it cannot send orders of %3 of store %4.</source>
        <translation>Esta caja es %1 de la tienda %2; no puede enviar pedidos de %3 de la tienda %4.</translation>
    </message>
    <message>
        <source>&quot;receipt_no&quot; %1 does not belong to %2-%3</source>
        <translation>«receipt_no» %1 no pertenece a %2-%3</translation>
    </message>
    <message>
        <source>&quot;currency&quot; %1 is not a supported ISO 4217 code</source>
        <translation>«currency» %1 no es un código ISO 4217 admitido</translation>
    </message>
    <message>
        <source>&quot;currency&quot; is %1 but store %2 sells in %3</source>
        <translation>«currency» es %1, pero la tienda %2 vende en %3</translation>
    </message>
    <message>
        <source>The order id %1 belongs to another terminal.</source>
        <translation>El identificador de pedido %1 pertenece a otra caja.</translation>
    </message>
    <message>
        <source>&quot;lines&quot;: line_no %1 appears twice</source>
        <translation>«lines»: line_no %1 aparece dos veces</translation>
    </message>
    <message>
        <source>&quot;receipt_no&quot; %1 is already the receipt of order %2 of this terminal</source>
        <translation>«receipt_no» %1 ya es el ticket del pedido %2 de esta caja</translation>
    </message>
</context>
<context>
    <name>OrderJson</name>
    <message>
        <source>There is no order %1.</source>
        <translation>No hay ningún pedido %1.</translation>
    </message>
</context>
<context>
    <name>OrderListing</name>
    <message>
        <source>A terminal sees only its own store&apos;s orders.</source>
        <translation>Una caja solo ve los pedidos de su propia tienda.</translation>
    </message>
    <message>
        <source>&quot;cursor&quot; is not a cursor this server handed out</source>
        <translation>«cursor» no es un cursor entregado por este servidor</translation>
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
        <translation>el historial de un pedido empieza por Place</translation>
    </message>
    <message>
        <source>an order&apos;s history starts with Place, from no status to %1 at version 1</source>
        <translation>el historial de un pedido empieza por Place, sin estado de origen, hacia %1 en la versión 1</translation>
    </message>
    <message>
        <source>Place happens once, first</source>
        <translation>Place ocurre una sola vez, la primera</translation>
    </message>
    <message>
        <source>it leads from %1 to %2, not to %3</source>
        <translation>lleva de %1 a %2, no a %3</translation>
    </message>
    <message>
        <source>its version is %1, but the one before was %2</source>
        <translation>su versión es %1, pero la anterior era %2</translation>
    </message>
    <message>
        <source>no history of the state machine leads to %1 at version %2</source>
        <translation>ningún historial de la máquina de estados lleva a %1 en la versión %2</translation>
    </message>
    <message>
        <source>more than one history leads to %1 at version %2: send &quot;events&quot;</source>
        <translation>más de un historial lleva a %1 en la versión %2: envíe «events»</translation>
    </message>
    <message>
        <source>it names no status it moves from, but the order was %1</source>
        <translation>no indica de qué estado parte, pero el pedido estaba %1</translation>
    </message>
    <message>
        <source>it moves from %1, but the order was %2</source>
        <translation>parte de %1, pero el pedido estaba %2</translation>
    </message>
</context>
<context>
    <name>OrderReversal</name>
    <message>
        <source>&quot;refunds&quot; must be an array</source>
        <translation>«refunds» debe ser una lista</translation>
    </message>
    <message>
        <source>Refund %1 to the card of receipt %2 on the card reader that took it (approval %3).</source>
        <translation>Reembolsar %1 a la tarjeta del ticket %2 en el datáfono que la cobró (autorización %3).</translation>
    </message>
    <message>
        <source>&quot;refunds[%1]&quot; must name its tender (1, 2, …)</source>
        <translation>«refunds[%1]» debe indicar su forma de pago (1, 2, …)</translation>
    </message>
    <message>
        <source>&quot;refunds[%1]&quot; must give its amount in minor units</source>
        <translation>«refunds[%1]» debe indicar su importe en unidades mínimas</translation>
    </message>
    <message>
        <source>&quot;refunds[%1].outcome&quot; must be given_back, card_refunded, reader or owed</source>
        <translation>«refunds[%1].outcome» debe ser given_back, card_refunded, reader u owed</translation>
    </message>
    <message>
        <source>&quot;refunds[%1].refund_id&quot; must name the card refund</source>
        <translation>«refunds[%1].refund_id» debe indicar el reembolso a la tarjeta</translation>
    </message>
    <message>
        <source>Give back %1 in cash for receipt %2.</source>
        <translation>Devolver %1 en efectivo por el ticket %2.</translation>
    </message>
    <message>
        <source>Refund %1 to the card of receipt %2 (charge %3) through the payment service.</source>
        <translation>Reembolsar %1 a la tarjeta del ticket %2 (cobro %3) a través del servicio de pagos.</translation>
    </message>
    <message>
        <source>The till could not reach the payment service when it voided the sale.</source>
        <translation>La caja no pudo contactar con el servicio de pagos al anular la venta.</translation>
    </message>
    <message>
        <source>Head office cancelled or refunded the sale, away from the till that took the money.</source>
        <translation>La central anuló o reembolsó la venta, lejos de la caja que cobró el dinero.</translation>
    </message>
    <message>
        <source>The till voided the sale before tills gave card money back themselves.</source>
        <translation>La caja anuló la venta antes de que las cajas reembolsaran ellas mismas las tarjetas.</translation>
    </message>
</context>
<context>
    <name>OrderSaga</name>
    <message>
        <source>Order %1 has no saga.</source>
        <translation>El pedido %1 no tiene saga.</translation>
    </message>
    <message>
        <source>no payment service is configured (--payments)</source>
        <translation>no hay ningún servicio de pago configurado (--payments)</translation>
    </message>
    <message>
        <source>the card was declined (%1)</source>
        <translation>la tarjeta fue rechazada (%1)</translation>
    </message>
    <message>
        <source>the payment service refused the charge: %1</source>
        <translation>el servicio de pago rechazó el cobro: %1</translation>
    </message>
    <message>
        <source>the order was %1 before the payment was confirmed</source>
        <translation>el pedido estaba %1 antes de confirmarse el pago</translation>
    </message>
    <message>
        <source>Order %1 was not paid: %2. It is cancelled and its stock released.</source>
        <translation>El pedido %1 no se pagó: %2. Está cancelado y su stock liberado.</translation>
    </message>
    <message>
        <source>the order was %1 before its card was charged</source>
        <translation>el pedido estaba %1 antes de cobrarse su tarjeta</translation>
    </message>
    <message>
        <source>the order was voided and its card never charged</source>
        <translation>el pedido se anuló y su tarjeta nunca se cobró</translation>
    </message>
    <message>
        <source>the sale was %1 while its card was being charged</source>
        <translation>la venta pasó a %1 mientras se cobraba su tarjeta</translation>
    </message>
    <message>
        <source>the refund&apos;s outcome is not known yet</source>
        <translation>aún no se sabe el resultado del reembolso</translation>
    </message>
</context>
<context>
    <name>OrderService</name>
    <message>
        <source>This order belongs to another store.</source>
        <translation>Este pedido pertenece a otra tienda.</translation>
    </message>
    <message>
        <source>&quot;journal&quot; is for a terminal&apos;s own changes only</source>
        <translation>«journal» solo vale para los cambios propios de una caja</translation>
    </message>
    <message>
        <source>&quot;event&quot; %1 is not an event an order can take</source>
        <translation>«event» %1 no es un evento que pueda recibir un pedido</translation>
    </message>
    <message>
        <source>&quot;reason&quot; must not be empty</source>
        <translation>«reason» no debe estar vacío</translation>
    </message>
    <message>
        <source>Order %1 changed while it was being cancelled; try again.</source>
        <translation>El pedido %1 cambió mientras se cancelaba; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a name of at most 200 characters</source>
        <translation>«%1» debe ser un nombre de 200 caracteres como máximo</translation>
    </message>
    <message>
        <source>A till changes only its own orders; this one was sold or placed by another.</source>
        <translation>Una caja solo modifica sus propios pedidos; este lo vendió o realizó otra.</translation>
    </message>
    <message>
        <source>A till does not send %1: the payment service confirms payments.</source>
        <translation>Una caja no envía %1: los pagos los confirma el servicio de pago.</translation>
    </message>
</context>
<context>
    <name>OrderStore</name>
    <message>
        <source>The cart is in %1 but this terminal sells in %2.</source>
        <translation>La cesta está en %1, pero esta caja vende en %2.</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>No hay ningún pedido %1.</translation>
    </message>
    <message>
        <source>Order %1 was changed by someone else (it is at version %2, not %3). Reload it and decide again.</source>
        <translation>Otra persona cambió el pedido %1 (está en la versión %2, no en la %3). Vuelva a cargarlo y decida de nuevo.</translation>
    </message>
    <message>
        <source>Order %1 is %2 at version %3 here, but the server moved it from %4 to %5 at version %6 (by %7).</source>
        <translation>El pedido %1 está %2 en la versión %3 aquí, pero el servidor lo pasó de %4 a %5 en la versión %6 (por %7).</translation>
    </message>
    <message>
        <source>Order %1 is a return: it paid back already and cannot be refunded.</source>
        <translation>El pedido %1 es una devolución: ya reembolsó y no se puede reembolsar.</translation>
    </message>
    <message>
        <source>Order %1 has returns already; it cannot be cancelled or refunded in full. Return the remaining items instead.</source>
        <translation>El pedido %1 ya tiene devoluciones; no se puede cancelar ni reembolsar por completo. Devuelva en su lugar los artículos restantes.</translation>
    </message>
    <message>
        <source>Order %1 has items returned here, but the server moved it from %2 to %3 at version %4 (by %5): the money of the returned items would go back twice.</source>
        <translation>El pedido %1 tiene artículos devueltos aquí, pero el servidor lo pasó de %2 a %3 en la versión %4 (por %5): el dinero de los artículos devueltos se reembolsaría dos veces.</translation>
    </message>
    <message>
        <source>Money goes back only with a Cancel or a Refund of the whole sale.</source>
        <translation>El dinero solo se devuelve con un Cancel o un Refund de toda la venta.</translation>
    </message>
</context>
<context>
    <name>OrderTransitions</name>
    <message>
        <source>There is no order %1.</source>
        <translation>No hay ningún pedido %1.</translation>
    </message>
    <message>
        <source>Order %1 is a return: it paid back already and cannot be refunded.</source>
        <translation>El pedido %1 es una devolución: ya reembolsó y no se puede reembolsar.</translation>
    </message>
    <message>
        <source>Order %1 has returns already; it cannot be cancelled or refunded in full. Return the remaining items instead.</source>
        <translation>El pedido %1 ya tiene devoluciones; no se puede cancelar ni reembolsar por completo. Devuelva en su lugar los artículos restantes.</translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>Outbox entry %1 is not waiting to be sent.</source>
        <translation>La entrada de salida %1 no está esperando a enviarse.</translation>
    </message>
</context>
<context>
    <name>PaymentGateway</name>
    <message>
        <source>no answer to the charge (%1), and none to the question about it (%2)</source>
        <translation>sin respuesta al cobro (%1) ni a la consulta sobre él (%2)</translation>
    </message>
    <message>
        <source>no refund was made (%1)</source>
        <translation>no se hizo ningún reembolso (%1)</translation>
    </message>
    <message>
        <source>no answer to the refund (%1), and none to the question about it (%2)</source>
        <translation>sin respuesta al reembolso (%1) ni a la consulta sobre él (%2)</translation>
    </message>
    <message>
        <source>nothing was refunded with this key</source>
        <translation>no se reembolsó nada con esta clave</translation>
    </message>
    <message>
        <source>no answer to the question about the charge (%1)</source>
        <translation>sin respuesta a la consulta sobre el cobro (%1)</translation>
    </message>
</context>
<context>
    <name>PaymentLedger</name>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation>No se puede abrir el libro %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a ledger this program can use: %2</source>
        <translation>%1 no es un libro que este programa pueda usar: %2</translation>
    </message>
    <message>
        <source>%1 holds something else than a ledger; it is left untouched.</source>
        <translation>%1 contiene algo distinto de un libro; se deja intacto.</translation>
    </message>
    <message>
        <source>The Idempotency-Key %1 was used for a different charge.</source>
        <translation>La Idempotency-Key %1 se usó para otro cobro.</translation>
    </message>
    <message>
        <source>The Idempotency-Key %1 was used for a different refund.</source>
        <translation>La Idempotency-Key %1 se usó para otro reembolso.</translation>
    </message>
    <message>
        <source>There is no charge %1.</source>
        <translation>No hay ningún cobro %1.</translation>
    </message>
    <message>
        <source>Charge %1 was declined; there is nothing to refund.</source>
        <translation>El cobro %1 fue rechazado; no hay nada que reembolsar.</translation>
    </message>
    <message>
        <source>Charge %1 has %2 left to refund, not %3 (minor units).</source>
        <translation>Al cobro %1 le quedan %2 por reembolsar, no %3 (céntimos).</translation>
    </message>
    <message>
        <source>The ledger %1</source>
        <translation>El libro de pagos %1</translation>
    </message>
</context>
<context>
    <name>Principals</name>
    <message>
        <source>%1 &quot;%2&quot; already exists; nothing was changed.</source>
        <translation>%1 «%2» ya existe; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>A store id is 1 to 16 letters or digits, not &quot;%1&quot;.</source>
        <translation>Un identificador de tienda tiene de 1 a 16 letras o cifras, no «%1».</translation>
    </message>
    <message>
        <source>The store %1 already exists; nothing was changed.</source>
        <translation>La tienda %1 ya existe; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>A terminal name is 1 to 16 letters or digits, not &quot;%1&quot;.</source>
        <translation>Un nombre de caja tiene de 1 a 16 letras o cifras, no «%1».</translation>
    </message>
    <message>
        <source>A user&apos;s role is backoffice or admin, not &quot;%1&quot;.</source>
        <translation>El rol de un usuario es backoffice o admin, no «%1».</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>Un usuario necesita un nombre.</translation>
    </message>
    <message>
        <source>There is no store %1.</source>
        <translation>No hay ninguna tienda %1.</translation>
    </message>
    <message>
        <source>Store %1 has no terminal &quot;%2&quot;; nothing was changed.</source>
        <translation>La tienda %1 no tiene caja «%2»; no se cambió nada.</translation>
    </message>
    <message>
        <source>No user &quot;%1&quot; holds a valid token; nothing was changed.</source>
        <translation>Ningún usuario «%1» tiene un token válido; no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>The server&apos;s error answer is not a JSON object: %1</source>
        <translation>La respuesta de error del servidor no es un objeto JSON: %1</translation>
    </message>
    <message>
        <source>The server&apos;s error answer lacks a numeric &quot;status&quot; or a &quot;code&quot;.</source>
        <translation>A la respuesta de error del servidor le falta un «status» numérico o un «code».</translation>
    </message>
</context>
<context>
    <name>ReceiptNumber</name>
    <message>
        <source>store and terminal codes must be 1 to 16 letters or digits, not &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>los códigos de tienda y de caja deben tener de 1 a 16 letras o cifras, no «%1» y «%2»</translation>
    </message>
    <message>
        <source>receipt sequences start at 1, not %1</source>
        <translation>los números de ticket empiezan en 1, no en %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a receipt number like S1-T1-000042</source>
        <translation>«%1» no es un número de ticket como S1-T1-000042</translation>
    </message>
</context>
<context>
    <name>ReceiptPainter</name>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Card (%1)</source>
        <translation>Tarjeta (%1)</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Cashier %1</source>
        <translation>Cajero %1</translation>
    </message>
    <message>
        <source>  %1 × %2</source>
        <translation>  %1 × %2</translation>
    </message>
    <message>
        <source>, less %1</source>
        <translation>, menos %1</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Descuentos</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>  Tax %1 % on %2</source>
        <translation>  IVA %1 % sobre %2</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Journal %1 · %2</source>
        <translation>Diario %1 · %2</translation>
    </message>
</context>
<context>
    <name>ReturnCheck</name>
    <message>
        <source>&quot;original_order_id&quot; %1 is not an order this server holds; the sale must arrive before its return</source>
        <translation>«original_order_id» %1 no es un pedido de este servidor; la venta debe llegar antes que su devolución</translation>
    </message>
    <message>
        <source>%1 is a return itself; only a sale can be returned</source>
        <translation>%1 ya es una devolución; solo se puede devolver una venta</translation>
    </message>
    <message>
        <source>%1 was sold by store %2, not %3</source>
        <translation>%1 lo vendió la tienda %2, no %3</translation>
    </message>
    <message>
        <source>&quot;lines[%1].original_line_no&quot;: %2 has no line %3</source>
        <translation>«lines[%1].original_line_no»: %2 no tiene línea %3</translation>
    </message>
    <message>
        <source>&quot;lines[%1]&quot; is not line %2 of %3 as it was sold (%4 at %5)</source>
        <translation>«lines[%1]» no es la línea %2 de %3 tal como se vendió (%4 a %5)</translation>
    </message>
    <message>
        <source>&quot;lines[%1]&quot;: returning %2 of line %3 of %4 gives back %5 (discount %6), not %7 (discount %8)</source>
        <translation>«lines[%1]»: devolver %2 de la línea %3 de %4 reembolsa %5 (descuento %6), no %7 (descuento %8)</translation>
    </message>
    <message>
        <source>only a paid or completed sale can be returned; %1 is %2 here</source>
        <translation>solo se puede devolver una venta pagada o completada; %1 está %2 aquí</translation>
    </message>
</context>
<context>
    <name>ReturnSources</name>
    <message>
        <source>There is no order %1.</source>
        <translation>No existe el pedido %1.</translation>
    </message>
</context>
<context>
    <name>ServerDatabase</name>
    <message>
        <source>&quot;%1&quot; is not a database URL like postgresql://user:password@host:5432/counterline</source>
        <translation>«%1» no es una URL de base de datos como postgresql://user:password@host:5432/counterline</translation>
    </message>
    <message>
        <source>Give --data-dir DIR (SQLite) or --database URL (PostgreSQL).</source>
        <translation>Indique --data-dir DIR (SQLite) o --database URL (PostgreSQL).</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>No se puede crear el directorio de datos %1.</translation>
    </message>
    <message>
        <source>Cannot open the server database %1: %2</source>
        <translation>No se puede abrir la base de datos del servidor %1: %2</translation>
    </message>
    <message>
        <source>Order %1 of terminal %2 has receipt number %3, which an earlier order of that terminal already had. Both are kept; it is on the follow-up list.</source>
        <translation>El pedido %1 de la caja %2 tiene el número de ticket %3, que ya tenía un pedido anterior de esa caja. Se conservan ambos; figura en la lista de incidencias.</translation>
    </message>
    <message>
        <source>The server database %1</source>
        <translation>La base de datos del servidor %1</translation>
    </message>
</context>
<context>
    <name>ServerHistorySource</name>
    <message>
        <source>Server %1</source>
        <translation>Servidor %1</translation>
    </message>
    <message>
        <source>The server&apos;s history finds a receipt number or a SKU, not both at once.</source>
        <translation>El historial del servidor busca un número de ticket o una referencia, no ambos a la vez.</translation>
    </message>
</context>
<context>
    <name>ServerOrderBackend</name>
    <message>
        <source>on the server</source>
        <translation>en el servidor</translation>
    </message>
</context>
<context>
    <name>ShiftStore</name>
    <message>
        <source>The opening float must be an amount in %1.</source>
        <translation>El fondo de caja debe ser un importe en %1.</translation>
    </message>
    <message>
        <source>%1 already has an open shift.</source>
        <translation>%1 ya tiene un turno abierto.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) have not reached the server yet. Wait for sync, or ask a manager to close anyway.</source>
        <translation>
            <numerusform>%n pedido aún no ha llegado al servidor. Espere a la sincronización o pida a un encargado que cierre de todos modos.</numerusform>
            <numerusform>%n pedidos aún no han llegado al servidor. Espere a la sincronización o pida a un encargado que cierre de todos modos.</numerusform>
        </translation>
    </message>
    <message>
        <source>This shift is already closed.</source>
        <translation>Este turno ya está cerrado.</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>&quot;%1&quot; could not be written to %2.</source>
        <translation>«%1» no se pudo escribir en %2.</translation>
    </message>
    <message>
        <source>There is no printer called &quot;%1&quot;; &quot;%2&quot; is kept in %3.</source>
        <translation>No hay ninguna impresora «%1»; «%2» se guarda en %3.</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; did not take &quot;%2&quot;; it is kept in %3.</source>
        <translation>La impresora «%1» no aceptó «%2»; se guarda en %3.</translation>
    </message>
</context>
<context>
    <name>StockLedger</name>
    <message>
        <source>Store %1 has %2 of %3 on hand; the order asks for %4.</source>
        <translation>La tienda %1 tiene %2 de %3 en stock; el pedido pide %4.</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address like https://pos.example.org</source>
        <translation>«%1» no es una dirección de servidor como https://pos.example.org</translation>
    </message>
</context>
<context>
    <name>TaxRate</name>
    <message>
        <source>&quot;%1&quot; is not a tax rate in percent like 19 or 8.875</source>
        <translation>«%1» no es un tipo impositivo en porcentaje como 19 u 8,875</translation>
    </message>
    <message>
        <source>a tax rate must lie between 0 and 100 percent</source>
        <translation>un tipo impositivo debe estar entre 0 y 100 %</translation>
    </message>
</context>
<context>
    <name>TerminalSettings</name>
    <message>
        <source>Store and terminal codes must be 1 to 16 letters or digits, not &quot;%1&quot; and &quot;%2&quot;.</source>
        <translation>Los códigos de tienda y de caja deben tener de 1 a 16 letras o cifras, no «%1» y «%2».</translation>
    </message>
    <message>
        <source>This terminal database is already set up; it was not changed.</source>
        <translation>Esta base de datos de caja ya está configurada; no se ha modificado.</translation>
    </message>
    <message>
        <source>This terminal is not set up yet; run counterline-cli init first.</source>
        <translation>Esta caja aún no está configurada; ejecute primero counterline-cli init.</translation>
    </message>
</context>
<context>
    <name>TotalsCheck</name>
    <message>
        <source>&quot;lines[%1]&quot;: the discount exceeds unit_price × quantity</source>
        <translation>«lines[%1]»: el descuento supera unit_price × quantity</translation>
    </message>
    <message>
        <source>&quot;lines[%1].total&quot; is %2 but the line comes to %3</source>
        <translation>«lines[%1].total» es %2, pero la línea suma %3</translation>
    </message>
    <message>
        <source>&quot;total&quot; is %1 but the lines add up to %2</source>
        <translation>«total» es %1, pero las líneas suman %2</translation>
    </message>
    <message>
        <source>the tenders (%1) do not cover &quot;total&quot; (%2)</source>
        <translation>los pagos (%1) no cubren «total» (%2)</translation>
    </message>
    <message>
        <source>a return arrives COMPLETED with what was paid back (%1) equal to &quot;total&quot; (%2) and nothing to capture</source>
        <translation>una devolución llega COMPLETED, con lo reembolsado (%1) igual a «total» (%2) y nada que cobrar</translation>
    </message>
    <message>
        <source>a remote order is placed at version 1 with tenders (%1) equal to &quot;total&quot; (%2)</source>
        <translation>un pedido remoto se realiza en la versión 1 con pagos (%1) iguales a «total» (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; no sale carries an amount above %3</source>
        <translation>«%1» es %2; ninguna venta lleva un importe superior a %3</translation>
    </message>
    <message>
        <source>more than one sale can hold, from line %1</source>
        <translation>más de lo que cabe en una venta, desde la línea %1</translation>
    </message>
    <message>
        <source>more than one sale can hold</source>
        <translation>más de lo que cabe en una venta</translation>
    </message>
</context>
<context>
    <name>UserStore</name>
    <message>
        <source>A user needs a name.</source>
        <translation>Un usuario necesita un nombre.</translation>
    </message>
    <message>
        <source>The role is cashier or manager, not &quot;%1&quot;.</source>
        <translation>El rol es cashier o manager, no «%1».</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un PIN tiene de 4 a 8 cifras.</translation>
    </message>
    <message>
        <source>There is already a user called %1.</source>
        <translation>Ya existe un usuario llamado %1.</translation>
    </message>
    <message>
        <source>Another user already has this PIN; choose a different one.</source>
        <translation>Otro usuario ya tiene este PIN; elija otro.</translation>
    </message>
    <message>
        <source>The PIN guard of this till is missing.</source>
        <translation>Falta la protección de PIN de esta caja.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: PIN entry is locked until %1.</source>
        <translation>Demasiados PIN incorrectos: la entrada del PIN está bloqueada hasta las %1.</translation>
    </message>
    <message numerus="yes">
        <source>That is not a manager&apos;s PIN. Wrong PINs left before PIN entry locks: %n.</source>
        <translation>
            <numerusform>No es el PIN de un encargado. Queda %n PIN incorrecto antes de bloquear la entrada.</numerusform>
            <numerusform>No es el PIN de un encargado. Quedan %n PIN incorrectos antes de bloquear la entrada.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That PIN is not known here. Wrong PINs left before PIN entry locks: %n.</source>
        <translation>
            <numerusform>Este PIN no se conoce aquí. Queda %n PIN incorrecto antes de bloquear la entrada.</numerusform>
            <numerusform>Este PIN no se conoce aquí. Quedan %n PIN incorrectos antes de bloquear la entrada.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebhookRelay</name>
    <message>
        <source>A webhook is an http(s) URL such as https://erp.example.org/hooks, not &quot;%1&quot;.</source>
        <translation>Un webhook es una URL http(s) como https://erp.example.org/hooks, no «%1».</translation>
    </message>
    <message>
        <source>The webhook %1 is not on this machine: it needs https.</source>
        <translation>El webhook %1 no está en esta máquina: necesita https.</translation>
    </message>
    <message>
        <source>event %1: %2</source>
        <translation>evento %1: %2</translation>
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
        <translation>--back-office --server necesita la URL del servidor y un token (--token o COUNTERLINE_TOKEN).</translation>
    </message>
    <message>
        <source>Counterline checkout for cashiers.</source>
        <translation>Caja Counterline para cajeros.</translation>
    </message>
    <message>
        <source>Where the terminal keeps its database.</source>
        <translation>Dónde guarda la caja su base de datos.</translation>
    </message>
    <message>
        <source>Where receipts are kept as PDF (default: DIR/receipts).</source>
        <translation>Dónde se guardan los tickets en PDF (por defecto: DIR/receipts).</translation>
    </message>
    <message>
        <source>Also print receipts and Z reports on this printer (its CUPS name); they are always kept as PDF.</source>
        <translation>Imprimir también tickets e informes Z en esta impresora (su nombre CUPS); siempre se guardan en PDF.</translation>
    </message>
    <message>
        <source>Charge cards through this payment service (counterline-paysim), e.g. http://127.0.0.1:8090.</source>
        <translation>Cobrar las tarjetas mediante este servicio de pago (counterline-paysim), p. ej. http://127.0.0.1:8090.</translation>
    </message>
    <message>
        <source>Receipt paper: thermal (80 mm, default) or a4.</source>
        <translation>Papel del ticket: thermal (80 mm, por defecto) o a4.</translation>
    </message>
    <message>
        <source>Open the back office instead of the till: this terminal&apos;s orders (a manager&apos;s PIN is asked), or with --server the server&apos;s.</source>
        <translation>Abrir la trastienda en lugar de la caja: los pedidos de esta caja (se pide el PIN de un encargado) o, con --server, los del servidor.</translation>
    </message>
    <message>
        <source>--back-office for head office: the server&apos;s URL, e.g. https://pos.example.org (no terminal database needed).</source>
        <translation>--back-office para la central: la URL del servidor, p. ej. https://pos.example.org (sin base de datos de caja).</translation>
    </message>
    <message>
        <source>--server: a back-office user&apos;s token (counterline-server user add), or set COUNTERLINE_TOKEN.</source>
        <translation>--server: el token de un usuario de la trastienda (counterline-server user add) o COUNTERLINE_TOKEN.</translation>
    </message>
    <message>
        <source>The terminal in %1 is not set up yet: run counterline-cli init, or enroll it with a server.</source>
        <translation>La caja en %1 aún no está configurada: ejecute counterline-cli init o regístrela en un servidor.</translation>
    </message>
    <message>
        <source>--paper is thermal or a4, not &quot;%1&quot;.</source>
        <translation>--paper es thermal o a4, no «%1».</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Incidencias</translation>
    </message>
    <message>
        <source>Opening the back office</source>
        <translation>Abrir la trastienda</translation>
    </message>
</context>
<context>
    <name>counterline::Allocation</name>
    <message>
        <source>there is nothing to allocate to</source>
        <translation>no hay nada entre lo que repartir</translation>
    </message>
    <message>
        <source>allocation weights must not be negative</source>
        <translation>los pesos de reparto no deben ser negativos</translation>
    </message>
    <message>
        <source>allocation weights must not all be zero</source>
        <translation>los pesos de reparto no deben ser todos cero</translation>
    </message>
</context>
<context>
    <name>counterline::Cart</name>
    <message>
        <source>a sale may come to at most %1 before discounts</source>
        <translation>una venta puede sumar como máximo %1 antes de descuentos</translation>
    </message>
</context>
<context>
    <name>counterline::Csv</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>línea %1: un campo entre comillas no se cierra nunca</translation>
    </message>
</context>
<context>
    <name>counterline::DecimalText</name>
    <message>
        <source>&quot;%1&quot; is not a plain decimal number like 1.49</source>
        <translation>«%1» no es un número decimal simple como 1,49</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has more than %n decimal place(s)</source>
        <translation>
            <numerusform>«%1» tiene más de %n decimal</numerusform>
            <numerusform>«%1» tiene más de %n decimales</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large</source>
        <translation>«%1» es demasiado grande</translation>
    </message>
</context>
<context>
    <name>counterline::Money</name>
    <message>
        <source>the amount is too large to be represented</source>
        <translation>el importe es demasiado grande para representarse</translation>
    </message>
</context>
<context>
    <name>counterline::OrderStateMachine</name>
    <message>
        <source>an order that is %1 cannot take the event %2</source>
        <translation>un pedido en estado %1 no puede recibir el evento %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order status</source>
        <translation>«%1» no es un estado de pedido</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an order event</source>
        <translation>«%1» no es un evento de pedido</translation>
    </message>
</context>
<context>
    <name>counterline::OrderStatus</name>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Reembolsado</translation>
    </message>
</context>
<context>
    <name>counterline::Tender</name>
    <message>
        <source>&quot;%1&quot; is not a tender kind (cash or card)</source>
        <translation>«%1» no es un medio de pago (cash o card)</translation>
    </message>
</context>
<context>
    <name>counterline::TenderRefund</name>
    <message>
        <source>&quot;%1&quot; is not what a refund can come to</source>
        <translation>«%1» no es un resultado posible de un reembolso</translation>
    </message>
</context>
<context>
    <name>counterline::TypedAmount</name>
    <message>
        <source>the space</source>
        <translation>el espacio</translation>
    </message>
    <message>
        <source>whole numbers only</source>
        <translation>solo números enteros</translation>
    </message>
    <message>
        <source>at most one decimal place</source>
        <translation>como máximo un decimal</translation>
    </message>
    <message>
        <source>at most %1 decimal places</source>
        <translation>como máximo %1 decimales</translation>
    </message>
    <message>
        <source>%1 has no decimals</source>
        <translation>%1 no tiene decimales</translation>
    </message>
    <message>
        <source>%1 has one decimal place</source>
        <translation>%1 tiene un decimal</translation>
    </message>
    <message>
        <source>%1 has %2 decimal places</source>
        <translation>%1 tiene %2 decimales</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number like %2.</source>
        <translation>«%1» no es un número como %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount like %2.</source>
        <translation>«%1» no es un importe como %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has too many decimals: %2.</source>
        <translation>«%1» tiene demasiados decimales: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large.</source>
        <translation>«%1» es demasiado grande.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not stand between digits.</source>
        <translation>En «%1», %2 no está entre dígitos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; mixes the separators %2 and %3.</source>
        <translation>«%1» mezcla los separadores %2 y %3.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not group thousands: one to three digits come first, then groups of three.</source>
        <translation>En «%1», %2 no agrupa millares: primero de uno a tres dígitos, luego grupos de tres.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be %2 or %3: type the decimals to say which.</source>
        <translation>«%1» podría ser %2 o %3: escriba los decimales para aclararlo.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 is neither the decimal separator (%3) nor a thousands separator (three digits after one to three).</source>
        <translation>En «%1», %2 no es ni el separador decimal (%3) ni un separador de millares (tres dígitos tras uno a tres).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the decimal separator %2 more than once.</source>
        <translation>«%1» tiene el separador decimal %2 más de una vez.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, only digits may follow the decimal separator %2.</source>
        <translation>En «%1», tras el separador decimal %2 solo pueden ir dígitos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is in %2; amounts here are in %3.</source>
        <translation>«%1» está en %2; aquí los importes son en %3.</translation>
    </message>
    <message>
        <source>Type an amount.</source>
        <translation>Escriba un importe.</translation>
    </message>
    <message>
        <source>Type a number.</source>
        <translation>Escriba un número.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative; type it without a minus sign.</source>
        <translation>«%1» es negativo; escríbalo sin signo menos.</translation>
    </message>
    <message>
        <source>In &quot;%1&quot;, %2 does not group digits as this locale does: one to three digits come first, then groups of two, and three last.</source>
        <translation>En «%1», %2 no agrupa los dígitos como esta configuración regional: primero de uno a tres dígitos, luego grupos de dos y tres al final.</translation>
    </message>
</context>
<context>
    <name>counterline::app</name>
    <message>
        <source>--listen takes HOST:PORT, e.g. %1, not &quot;%2&quot;.</source>
        <translation>--listen acepta HOST:PUERTO, p. ej. %1, no «%2».</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text; nothing was imported.</source>
        <translation>%1 no es texto UTF-8; no se importó nada.</translation>
    </message>
</context>
<context>
    <name>counterline::cli</name>
    <message>
        <source>--older-than-hours needs a whole number of hours, at least 1.</source>
        <translation>--older-than-hours necesita un número entero de horas, al menos 1.</translation>
    </message>
    <message>
        <source>Purged %1 carts untouched for %2 hours or more.</source>
        <translation>Eliminadas %1 cestas sin tocar desde hace %2 horas o más.</translation>
    </message>
    <message>
        <source>Usage: catalog import FILE.csv</source>
        <translation>Uso: catalog import ARCHIVO.csv</translation>
    </message>
    <message>
        <source>Imported %1 products from %2.</source>
        <translation>Importados %1 artículos de %2.</translation>
    </message>
    <message>
        <source>See counterline-cli --help.</source>
        <translation>Consulte counterline-cli --help.</translation>
    </message>
    <message>
        <source>The server at %1 answered %2: %3</source>
        <translation>El servidor en %1 respondió %2: %3</translation>
    </message>
    <message>
        <source>events tail needs --server URL and --token T together.</source>
        <translation>events tail necesita --server URL y --token T juntos.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled; give --server and --token.</source>
        <translation>Esta caja no está registrada; indique --server y --token.</translation>
    </message>
    <message>
        <source>events tail needs --state FILE (or --data-dir).</source>
        <translation>events tail necesita --state ARCHIVO (o --data-dir).</translation>
    </message>
    <message>
        <source>--limit needs a number from 1 to 500.</source>
        <translation>--limit necesita un número de 1 a 500.</translation>
    </message>
    <message>
        <source>Processed %1 events (%2 delivered again and skipped).</source>
        <translation>Procesados %1 eventos (%2 entregados de nuevo y omitidos).</translation>
    </message>
    <message>
        <source>init needs --%1.</source>
        <translation>init necesita --%1.</translation>
    </message>
    <message>
        <source>--rounding is half-up or half-even, not &quot;%1&quot;.</source>
        <translation>--rounding es half-up o half-even, no «%1».</translation>
    </message>
    <message>
        <source>Terminal %1-%2 is set up in %3 (%4).</source>
        <translation>La caja %1-%2 está configurada en %3 (%4).</translation>
    </message>
    <message>
        <source>The journal is broken at entry %1: %2</source>
        <translation>El diario está roto en la entrada %1: %2</translation>
    </message>
    <message>
        <source>The journal holds: %1 entries, chain intact.</source>
        <translation>El diario es correcto: %1 entradas, cadena intacta.</translation>
    </message>
    <message>
        <source>Where the terminal keeps its database.</source>
        <translation>Dónde guarda la caja su base de datos.</translation>
    </message>
    <message>
        <source>Store code, e.g. S1.</source>
        <translation>Código de tienda, p. ej. S1.</translation>
    </message>
    <message>
        <source>Terminal code, e.g. T1.</source>
        <translation>Código de caja, p. ej. T1.</translation>
    </message>
    <message>
        <source>ISO 4217 currency, e.g. EUR.</source>
        <translation>Moneda ISO 4217, p. ej. EUR.</translation>
    </message>
    <message>
        <source>Shelf prices exclude tax (as in the US).</source>
        <translation>Precios de estantería sin impuestos (como en EE. UU.).</translation>
    </message>
    <message>
        <source>Tax rounding: half-up (default) or half-even.</source>
        <translation>Redondeo de impuestos: half-up (por defecto) o half-even.</translation>
    </message>
    <message>
        <source>A product to sell, optionally with a quantity: SKU:3.</source>
        <translation>Un artículo que vender, opcionalmente con cantidad: SKU:3.</translation>
    </message>
    <message>
        <source>How the customer pays: cash or card.</source>
        <translation>Cómo paga el cliente: cash o card.</translation>
    </message>
    <message>
        <source>Who sells (default: cli).</source>
        <translation>Quién vende (por defecto: cli).</translation>
    </message>
    <message>
        <source>The customer, if known.</source>
        <translation>El cliente, si se conoce.</translation>
    </message>
    <message>
        <source>A receipt number, e.g. S1-T1-000042.</source>
        <translation>Un número de ticket, p. ej. S1-T1-000042.</translation>
    </message>
    <message>
        <source>An order status, e.g. PAID.</source>
        <translation>Un estado de pedido, p. ej. PAID.</translation>
    </message>
    <message>
        <source>How many orders to list (default 50).</source>
        <translation>Cuántos pedidos listar (50 por defecto).</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Mostrar JSON en lugar de texto.</translation>
    </message>
    <message>
        <source>carts purge: age in hours (default 72).</source>
        <translation>carts purge: antigüedad en horas (72 por defecto).</translation>
    </message>
    <message>
        <source>enroll: the central server, e.g. https://pos.example.org.</source>
        <translation>enroll: el servidor central, p. ej. https://pos.example.org.</translation>
    </message>
    <message>
        <source>enroll: the token from counterline-server terminal enroll.</source>
        <translation>enroll: el token de counterline-server terminal enroll.</translation>
    </message>
    <message>
        <source>user add: the person&apos;s name.</source>
        <translation>user add: el nombre de la persona.</translation>
    </message>
    <message>
        <source>user add: cashier or manager.</source>
        <translation>user add: cashier o manager.</translation>
    </message>
    <message>
        <source>user add: 4 to 8 digits to log in with.</source>
        <translation>user add: de 4 a 8 cifras para iniciar sesión.</translation>
    </message>
    <message>
        <source>sync: one pass, then exit (0 when nothing is left to send).</source>
        <translation>sync: una pasada y salir (0 cuando no queda nada que enviar).</translation>
    </message>
    <message>
        <source>events tail: keep waiting for new events until stopped.</source>
        <translation>events tail: seguir esperando nuevos eventos hasta que se detenga.</translation>
    </message>
    <message>
        <source>events tail: the consumer&apos;s own database of processed events (default DATA_DIR/event-consumer.sqlite).</source>
        <translation>events tail: la base de datos propia de eventos procesados (por defecto DATA_DIR/event-consumer.sqlite).</translation>
    </message>
    <message>
        <source>sync: time between passes or probes (default 5000).</source>
        <translation>sync: tiempo entre pasadas o sondeos (5000 por defecto).</translation>
    </message>
    <message>
        <source>The command to run; see above.</source>
        <translation>La orden que ejecutar; véase arriba.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>No se ha indicado ninguna orden.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Orden desconocida «%1».</translation>
    </message>
    <message>
        <source>--limit needs a positive number.</source>
        <translation>--limit necesita un número positivo.</translation>
    </message>
    <message>
        <source>sale needs at least one --sku SKU[:QTY].</source>
        <translation>sale necesita al menos un --sku SKU[:CANT].</translation>
    </message>
    <message>
        <source>--tender is cash or card, not &quot;%1&quot;.</source>
        <translation>--tender es cash o card, no «%1».</translation>
    </message>
    <message>
        <source>There is no product with the sku &quot;%1&quot;.</source>
        <translation>No hay ningún artículo con la referencia «%1».</translation>
    </message>
    <message>
        <source>--interval-ms needs a number of milliseconds, at least 50.</source>
        <translation>--interval-ms necesita un número de milisegundos, al menos 50.</translation>
    </message>
    <message>
        <source>Sent %1, retrying later %2, set aside %3.</source>
        <translation>Enviados %1, a reintentar %2, apartados %3.</translation>
    </message>
    <message>
        <source>Pulled %1 product changes, %2 stock levels, %3 order changes.</source>
        <translation>Recibidos %1 cambios de artículos, %2 niveles de stock, %3 cambios de pedidos.</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Requiere atención: %1</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Diario: %1</translation>
    </message>
    <message>
        <source>The server answers again.</source>
        <translation>El servidor vuelve a responder.</translation>
    </message>
    <message>
        <source>The server is out of reach; probing.</source>
        <translation>El servidor no está accesible; sondeando.</translation>
    </message>
    <message>
        <source>enroll needs --server URL and --token TOKEN.</source>
        <translation>enroll necesita --server URL y --token TOKEN.</translation>
    </message>
    <message>
        <source>Enrolled as terminal %1-%2 of %3; %4 products received.</source>
        <translation>Registrada como caja %1-%2 de %3; %4 artículos recibidos.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled; run counterline-cli enroll.</source>
        <translation>Esta caja no está registrada; ejecute counterline-cli enroll.</translation>
    </message>
    <message>
        <source>Sent %1, retrying later %2, set aside %3; %4 waiting.</source>
        <translation>Enviados %1, a reintentar %2, apartados %3; %4 pendientes.</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>aún sin comprobar</translation>
    </message>
    <message>
        <source>pending: %1 (oldest %2 s)
needs attention: %3
last success: %4
last error: %5
journal: %6</source>
        <translation>pendientes: %1 (el más antiguo %2 s)
requieren atención: %3
último éxito: %4
último error: %5
diario: %6</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>  %1 %2 (%3): %4 attempts, last answer %5%6</source>
        <translation>  %1 %2 (%3): %4 intentos, última respuesta %5%6</translation>
    </message>
    <message>
        <source>user add needs --name NAME --role cashier|manager --pin PIN.</source>
        <translation>user add necesita --name NOMBRE --role cashier|manager --pin PIN.</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 (%2) añadido.</translation>
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
        <translation>Órdenes de la caja Counterline.

Órdenes:
  init --store S --terminal T --currency C   configurar una caja independiente
       [--prices-exclude-tax] [--rounding half-up|half-even]
  catalog import FILE.csv                    importar artículos, precios y stock
  sale --sku SKU[:QTY]... --tender cash|card vender; muestra el número de ticket y el id del pedido
       [--cashier ID] [--customer ID]
  return --receipt NO --item LINE[:QTY]...   recibir artículos de una venta, reembolsados
       [--cashier ID]                        en efectivo; muestra la devolución
  journal verify                             comprobar la cadena de hash
  orders [--json] [--limit N] [--status S]   historial de pedidos, los más recientes primero
       [--cashier ID] [--customer ID] [--sku SKU] [--receipt NO]
  carts purge [--older-than-hours N]         borrar cestas sin tocar desde hace N horas
  user add --name N --role cashier|manager --pin PIN
                                             quién puede iniciar sesión en la caja
  enroll --server URL --token T              tomar identidad y catálogo de un servidor
  sync [--once] [--interval-ms N]            enviar la cola de salida (una vez o hasta detenerla)
  sync status [--json]                       qué espera, qué requiere atención
  events tail [--follow] [--state FILE]      los eventos del servidor, cada uno procesado una vez
       [--server URL --token T] [--limit N] [--json]</translation>
    </message>
    <message>
        <source>return: a line of the sale and how many come back: 2:1.</source>
        <translation>return: una línea de la venta y cuántos vuelven: 2:1.</translation>
    </message>
    <message>
        <source>return needs the sale&apos;s --receipt and at least one --item.</source>
        <translation>return necesita el --receipt de la venta y al menos un --item.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not LINE:QUANTITY.</source>
        <translation>«%1» no es LÍNEA:CANTIDAD.</translation>
    </message>
    <message>
        <source>There is no receipt %1 on this till.</source>
        <translation>No hay ningún ticket %1 en esta caja.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not SKU:QUANTITY: %2</source>
        <translation>«%1» no es SKU:CANTIDAD: %2</translation>
    </message>
</context>
<context>
    <name>counterline::cli::ProcessedEvents</name>
    <message>
        <source>The consumer&apos;s state %1 failed: %2</source>
        <translation>El estado del consumidor %1 falló: %2</translation>
    </message>
    <message>
        <source>The consumer&apos;s state %1</source>
        <translation>El estado del consumidor %1</translation>
    </message>
</context>
<context>
    <name>counterline::httpkit</name>
    <message>
        <source>The request was not sent in full within %1 seconds.</source>
        <translation>La solicitud no se envió completa en %1 segundos.</translation>
    </message>
    <message>
        <source>The server has too many connections open; try again.</source>
        <translation>El servidor tiene demasiadas conexiones abiertas; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>A line of the request ends in a bare LF, not CRLF.</source>
        <translation>Una línea de la solicitud termina en un LF suelto, no en CRLF.</translation>
    </message>
    <message>
        <source>A line of the request holds a bare CR.</source>
        <translation>Una línea de la solicitud contiene un CR suelto.</translation>
    </message>
    <message>
        <source>The request line is longer than %1 bytes.</source>
        <translation>La línea de solicitud supera los %1 bytes.</translation>
    </message>
    <message>
        <source>The request&apos;s headers are larger than %1 bytes.</source>
        <translation>Las cabeceras de la solicitud superan los %1 bytes.</translation>
    </message>
    <message>
        <source>A chunk&apos;s size line is too long.</source>
        <translation>La línea de tamaño de un bloque es demasiado larga.</translation>
    </message>
    <message>
        <source>A chunk is longer than its size says.</source>
        <translation>Un bloque es más largo de lo que indica su tamaño.</translation>
    </message>
    <message>
        <source>The connection sent empty lines instead of a request.</source>
        <translation>La conexión envió líneas vacías en lugar de una solicitud.</translation>
    </message>
    <message>
        <source>The request line is not &quot;METHOD /path HTTP/1.1&quot; with single spaces.</source>
        <translation>La línea de solicitud no es «METHOD /path HTTP/1.1» con espacios simples.</translation>
    </message>
    <message>
        <source>Only HTTP/1.1 and HTTP/1.0 are spoken here.</source>
        <translation>Aquí solo se habla HTTP/1.1 y HTTP/1.0.</translation>
    </message>
    <message>
        <source>A header is folded over two lines (obsolete, refused).</source>
        <translation>Una cabecera está plegada en dos líneas (obsoleto, rechazado).</translation>
    </message>
    <message>
        <source>The request has more than %1 headers.</source>
        <translation>La solicitud tiene más de %1 cabeceras.</translation>
    </message>
    <message>
        <source>A header line is not &quot;Name: value&quot; (no space before the colon).</source>
        <translation>Una línea de cabecera no es «Nombre: valor» (sin espacio antes de los dos puntos).</translation>
    </message>
    <message>
        <source>A header&apos;s value holds control characters.</source>
        <translation>El valor de una cabecera contiene caracteres de control.</translation>
    </message>
    <message>
        <source>Content-Length must be one number of bytes, given once.</source>
        <translation>Content-Length debe ser un único número de bytes, indicado una vez.</translation>
    </message>
    <message>
        <source>Transfer-Encoding is given twice, or with HTTP/1.0.</source>
        <translation>Transfer-Encoding aparece dos veces, o con HTTP/1.0.</translation>
    </message>
    <message>
        <source>Only the chunked transfer encoding is understood here.</source>
        <translation>Aquí solo se entiende la codificación de transferencia chunked.</translation>
    </message>
    <message>
        <source>The request gives both Content-Length and Transfer-Encoding; which one frames it is ambiguous.</source>
        <translation>La solicitud indica Content-Length y Transfer-Encoding; cuál la delimita es ambiguo.</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation>El cuerpo supera los %1 bytes.</translation>
    </message>
    <message>
        <source>A chunk&apos;s size is not a hexadecimal number.</source>
        <translation>El tamaño de un bloque no es un número hexadecimal.</translation>
    </message>
</context>
<context>
    <name>counterline::paysim::PaymentSimulator</name>
    <message>
        <source>This request needs an Idempotency-Key header (1 to 255 characters).</source>
        <translation>Esta petición necesita una cabecera Idempotency-Key (de 1 a 255 caracteres).</translation>
    </message>
    <message>
        <source>The body is not a JSON object (%1 at byte %2).</source>
        <translation>El cuerpo no es un objeto JSON (%1 en el byte %2).</translation>
    </message>
    <message>
        <source>&quot;amount&quot; must be a positive whole number of minor units (e.g. 1999 for 19.99).</source>
        <translation>«amount» debe ser un número entero positivo de céntimos (p. ej. 1999 para 19,99).</translation>
    </message>
    <message>
        <source>&quot;currency&quot; must be an ISO 4217 code such as EUR, not &quot;%1&quot;.</source>
        <translation>«currency» debe ser un código ISO 4217 como EUR, no «%1».</translation>
    </message>
    <message>
        <source>&quot;token&quot; must be a card token starting with tok_ (e.g. tok_visa), not &quot;%1&quot;.</source>
        <translation>«token» debe ser un token de tarjeta que empiece por tok_ (p. ej. tok_visa), no «%1».</translation>
    </message>
    <message>
        <source>&quot;reference&quot; is longer than 200 characters.</source>
        <translation>«reference» tiene más de 200 caracteres.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (in use, or not allowed).</source>
        <translation>No se puede escuchar en %1:%2 (en uso o no permitido).</translation>
    </message>
    <message>
        <source>Ask with ?idempotency_key=KEY.</source>
        <translation>Pregunte con ?idempotency_key=KEY.</translation>
    </message>
    <message>
        <source>Nothing was ever charged with the key %1.</source>
        <translation>Nunca se cobró nada con la clave %1.</translation>
    </message>
    <message>
        <source>&quot;charge_id&quot; names the charge to refund.</source>
        <translation>«charge_id» indica el cobro que reembolsar.</translation>
    </message>
    <message>
        <source>&quot;times&quot; must be at least 1 and &quot;delay_ms&quot; not negative.</source>
        <translation>«times» debe ser al menos 1 y «delay_ms» no negativo.</translation>
    </message>
    <message>
        <source>The fault is none, timeout, drop_after_capture, slow, drop_after_refund or refund_timeout, not &quot;%1&quot;.</source>
        <translation>El fallo es none, timeout, drop_after_capture, slow, drop_after_refund o refund_timeout, no «%1».</translation>
    </message>
    <message>
        <source>Nothing was ever refunded with the key %1.</source>
        <translation>Nunca se reembolsó nada con la clave %1.</translation>
    </message>
</context>
<context>
    <name>counterline::paysim::main</name>
    <message>
        <source>--fault takes MODE[:TIMES[:DELAY_MS]], e.g. slow:5:2000, not &quot;%1&quot;.</source>
        <translation>--fault acepta MODE[:TIMES[:DELAY_MS]], p. ej. slow:5:2000, no «%1».</translation>
    </message>
    <message>
        <source>Counterline payment simulator: charges, refunds and status by Idempotency-Key, for demos, training and tests. No real money moves.

Tokens: tok_insufficient… and tok_expired… and tok_decline… are declined; any other tok_… is approved.</source>
        <translation>Simulador de pagos de Counterline: cobros, reembolsos y estado por Idempotency-Key, para demostraciones, formación y pruebas. No se mueve dinero real.

Tokens: tok_insufficient…, tok_expired… y tok_decline… se rechazan; cualquier otro tok_… se aprueba.</translation>
    </message>
    <message>
        <source>Where the ledger is kept (paysim.sqlite).</source>
        <translation>Dónde se guarda el libro (paysim.sqlite).</translation>
    </message>
    <message>
        <source>HOST:PORT to serve on (default 127.0.0.1:8090).</source>
        <translation>HOST:PUERTO en que servir (por defecto 127.0.0.1:8090).</translation>
    </message>
    <message>
        <source>Misbehave for the next charges: timeout, drop_after_capture or slow, as MODE[:TIMES[:DELAY_MS]].</source>
        <translation>Simular fallos en los próximos cobros: timeout, drop_after_capture o slow, como MODE[:TIMES[:DELAY_MS]].</translation>
    </message>
    <message>
        <source>Plain HTTP is served on loopback only, not on %1.</source>
        <translation>El HTTP sin cifrar solo se sirve en loopback, no en %1.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>No se puede crear el directorio %1.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol</name>
    <message>
        <source>&quot;%1&quot; must be a whole number of minor units below 2^53.</source>
        <translation>«%1» debe ser un número entero de céntimos inferior a 2^53.</translation>
    </message>
    <message>
        <source>The outbox row does not hold a sale or return record.</source>
        <translation>La fila del outbox no contiene un registro de venta o devolución.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::DeclineReason</name>
    <message>
        <source>The bank declined the card: not enough funds. Ask for another card or cash.</source>
        <translation>El banco ha rechazado la tarjeta: fondos insuficientes. Pida otra tarjeta o efectivo.</translation>
    </message>
    <message>
        <source>The card has expired. Ask for another card or cash.</source>
        <translation>La tarjeta ha caducado. Pida otra tarjeta o efectivo.</translation>
    </message>
    <message>
        <source>The bank declined the card. Ask for another card or cash.</source>
        <translation>El banco ha rechazado la tarjeta. Pida otra tarjeta o efectivo.</translation>
    </message>
    <message>
        <source>The bank declined the card (reason &quot;%1&quot;). Ask for another card or cash.</source>
        <translation>El banco ha rechazado la tarjeta (motivo «%1»). Pida otra tarjeta o efectivo.</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::JournalLink</name>
    <message>
        <source>&quot;journal&quot; must be an object</source>
        <translation>«journal» debe ser un objeto</translation>
    </message>
    <message>
        <source>must be a whole number from 1</source>
        <translation>debe ser un número entero a partir de 1</translation>
    </message>
    <message>
        <source>must be 64 lower-case hex digits</source>
        <translation>debe tener 64 dígitos hexadecimales en minúscula</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::JsonFields</name>
    <message>
        <source>is missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>debe ser una cadena</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no debe estar vacío</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>must lie between %1 and %2</source>
        <translation>debe estar entre %1 y %2</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>debe ser una lista</translation>
    </message>
</context>
<context>
    <name>counterline::protocol::OrderBody</name>
    <message>
        <source>must hold at least one line</source>
        <translation>debe contener al menos una línea</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>debe ser un objeto</translation>
    </message>
    <message>
        <source>is for returns only</source>
        <translation>es solo para devoluciones</translation>
    </message>
    <message>
        <source>must be cash or card</source>
        <translation>debe ser cash o card</translation>
    </message>
    <message>
        <source>is for card tenders only</source>
        <translation>solo vale para pagos con tarjeta</translation>
    </message>
    <message>
        <source>may hold one tender that needs capture, not %1</source>
        <translation>puede contener un solo pago por cobrar, no %1</translation>
    </message>
    <message>
        <source>is not an order event</source>
        <translation>no es un evento de pedido</translation>
    </message>
    <message>
        <source>The body is not valid JSON at byte %1: %2</source>
        <translation>El cuerpo no es JSON válido en el byte %1: %2</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>El cuerpo debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>must be sale or return</source>
        <translation>debe ser sale o return</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>debe ser un UUID</translation>
    </message>
    <message>
        <source>must be an RFC 3339 time</source>
        <translation>debe ser una hora RFC 3339</translation>
    </message>
    <message>
        <source>is not an order status</source>
        <translation>no es un estado de pedido</translation>
    </message>
</context>
<context>
    <name>counterline::server</name>
    <message>
        <source>The order was changed by someone else; it is now at version %1.</source>
        <translation>Otra persona cambió el pedido; ahora está en la versión %1.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (in use, or not allowed).</source>
        <translation>No se puede escuchar en %1:%2 (en uso o no permitido).</translation>
    </message>
    <message>
        <source>This server takes no card payments: it was started without --payments.</source>
        <translation>Este servidor no acepta pagos con tarjeta: se inició sin --payments.</translation>
    </message>
    <message>
        <source>There is no %1 here.</source>
        <translation>Aquí no hay ningún %1.</translation>
    </message>
    <message>
        <source>/metrics is served on the monitoring address (--metrics-listen).</source>
        <translation>/metrics se sirve en la dirección de monitorización (--metrics-listen).</translation>
    </message>
    <message>
        <source>/metrics needs the metrics token as Authorization: Bearer &lt;token&gt;.</source>
        <translation>/metrics necesita el token de métricas como Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>The server is busy with requests like this one; try again in a moment.</source>
        <translation>El servidor está ocupado con solicitudes como esta; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>This request needs an Idempotency-Key header (1 to 255 characters).</source>
        <translation>Esta solicitud necesita una cabecera Idempotency-Key (de 1 a 255 caracteres).</translation>
    </message>
    <message>
        <source>The body is larger than 1 MiB.</source>
        <translation>El cuerpo supera 1 MiB.</translation>
    </message>
    <message>
        <source>Send an enrolled terminal&apos;s or user&apos;s token as Authorization: Bearer &lt;token&gt;.</source>
        <translation>Envíe el token de una caja registrada o de un usuario como Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>This Idempotency-Key was used for a different request.</source>
        <translation>Esta Idempotency-Key se usó para otra solicitud.</translation>
    </message>
    <message>
        <source>A request with this Idempotency-Key is still being processed.</source>
        <translation>Una solicitud con esta Idempotency-Key aún se está procesando.</translation>
    </message>
    <message>
        <source>There is no such follow-up.</source>
        <translation>No existe esa incidencia.</translation>
    </message>
    <message>
        <source>&quot;note&quot; must be a text and &quot;settle&quot; true or false</source>
        <translation>«note» debe ser un texto y «settle» true o false</translation>
    </message>
    <message>
        <source>Only a terminal&apos;s token has a journal.</source>
        <translation>Solo el token de una caja tiene un diario.</translation>
    </message>
    <message>
        <source>This order belongs to another store.</source>
        <translation>Este pedido pertenece a otra tienda.</translation>
    </message>
    <message>
        <source>&quot;event&quot; must be a string</source>
        <translation>«event» debe ser una cadena</translation>
    </message>
    <message>
        <source>&quot;If-Match&quot; must be the quoted version and agree with &quot;expected_version&quot;</source>
        <translation>«If-Match» debe ser la versión entre comillas y coincidir con «expected_version»</translation>
    </message>
    <message>
        <source>&quot;expected_version&quot; (or If-Match) must name the version you saw</source>
        <translation>«expected_version» (o If-Match) debe indicar la versión que vio</translation>
    </message>
    <message>
        <source>&quot;reason&quot; must be a string</source>
        <translation>«reason» debe ser una cadena</translation>
    </message>
    <message>
        <source>Only a terminal&apos;s token has a store to describe.</source>
        <translation>Solo el token de una caja tiene una tienda que describir.</translation>
    </message>
    <message>
        <source>The server could not complete this request; the reason is in its log.</source>
        <translation>El servidor no pudo completar esta solicitud; el motivo está en su registro.</translation>
    </message>
</context>
<context>
    <name>counterline::server::main</name>
    <message>
        <source>See counterline-server --help.</source>
        <translation>Consulte counterline-server --help.</translation>
    </message>
    <message>
        <source>TLS needs both --tls-cert and --tls-key.</source>
        <translation>TLS necesita tanto --tls-cert como --tls-key.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>No se puede leer %1.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 no contiene ningún certificado PEM.</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key.</source>
        <translation>%1 no contiene ninguna clave privada PEM.</translation>
    </message>
    <message>
        <source>Plain HTTP is served on loopback only. Give --tls-cert and --tls-key, or pass --insecure to listen on %1 without TLS.</source>
        <translation>El HTTP sin cifrar solo se sirve en loopback. Indique --tls-cert y --tls-key, o --insecure para escuchar en %1 sin TLS.</translation>
    </message>
    <message>
        <source>--key-retention-days needs a number of days, at least 1.</source>
        <translation>--key-retention-days necesita un número de días, al menos 1.</translation>
    </message>
    <message>
        <source>--key-lease-seconds needs a number of seconds, at least 1.</source>
        <translation>--key-lease-seconds necesita un número de segundos, al menos 1.</translation>
    </message>
    <message>
        <source>--saga-recovery-seconds needs a number of seconds, at least 1.</source>
        <translation>--saga-recovery-seconds necesita un número de segundos, al menos 1.</translation>
    </message>
    <message>
        <source>--payments needs a URL such as http://127.0.0.1:8090, not &quot;%1&quot;.</source>
        <translation>--payments necesita una URL como http://127.0.0.1:8090, no «%1».</translation>
    </message>
    <message>
        <source>The payment service at %1 is not on this machine: it needs https.</source>
        <translation>El servicio de pago en %1 no está en esta máquina: necesita https.</translation>
    </message>
    <message>
        <source>Cannot set up signal handling.</source>
        <translation>No se puede configurar el manejo de señales.</translation>
    </message>
    <message>
        <source>Directory of the embedded SQLite database.</source>
        <translation>Directorio de la base de datos SQLite integrada.</translation>
    </message>
    <message>
        <source>PostgreSQL instead: postgresql://user:pw@host:port/db.</source>
        <translation>PostgreSQL en su lugar: postgresql://user:pw@host:port/db.</translation>
    </message>
    <message>
        <source>HOST:PORT to serve on (default 127.0.0.1:8080).</source>
        <translation>HOST:PUERTO en que servir (por defecto 127.0.0.1:8080).</translation>
    </message>
    <message>
        <source>Allow plain HTTP on a non-loopback address.</source>
        <translation>Permitir HTTP sin cifrar en una dirección que no sea loopback.</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for HTTPS.</source>
        <translation>Certificado PEM (cadena) para HTTPS.</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>Clave privada PEM para HTTPS.</translation>
    </message>
    <message>
        <source>How long idempotency keys are kept (default 35).</source>
        <translation>Cuánto se guardan las claves de idempotencia (35 por defecto).</translation>
    </message>
    <message>
        <source>How long a request that died mid-way holds its key (default 30).</source>
        <translation>Cuánto retiene su clave una petición interrumpida (30 por defecto).</translation>
    </message>
    <message>
        <source>The payment service remote orders are charged through, e.g. http://127.0.0.1:8090 (https unless on this machine).</source>
        <translation>El servicio de pago por el que se cobran los pedidos remotos, p. ej. http://127.0.0.1:8090 (https salvo en esta máquina).</translation>
    </message>
    <message>
        <source>Publish events to NATS JetStream, e.g. nats://127.0.0.1:4222.</source>
        <translation>Publicar eventos en NATS JetStream, p. ej. nats://127.0.0.1:4222.</translation>
    </message>
    <message>
        <source>webhook add: where the events are POSTed.</source>
        <translation>webhook add: adónde se envían los eventos.</translation>
    </message>
    <message>
        <source>webhook add: the signing secret (default: made up).</source>
        <translation>webhook add: el secreto de firma (por defecto: se genera).</translation>
    </message>
    <message>
        <source>How often unfinished sagas are looked for (default 10).</source>
        <translation>Cada cuánto se buscan sagas sin terminar (10 por defecto).</translation>
    </message>
    <message>
        <source>Store id, e.g. S1.</source>
        <translation>Identificador de tienda, p. ej. S1.</translation>
    </message>
    <message>
        <source>A name.</source>
        <translation>Un nombre.</translation>
    </message>
    <message>
        <source>ISO 4217 currency.</source>
        <translation>Moneda ISO 4217.</translation>
    </message>
    <message>
        <source>Shelf prices include tax (default).</source>
        <translation>Precios de estantería con impuestos (por defecto).</translation>
    </message>
    <message>
        <source>Shelf prices exclude tax (as in the US).</source>
        <translation>Precios de estantería sin impuestos (como en EE. UU.).</translation>
    </message>
    <message>
        <source>The store a terminal belongs to.</source>
        <translation>La tienda a la que pertenece una caja.</translation>
    </message>
    <message>
        <source>A user&apos;s role: backoffice or admin.</source>
        <translation>El rol de un usuario: backoffice o admin.</translation>
    </message>
    <message>
        <source>An operator command; see above.</source>
        <translation>Una orden de operación; véase arriba.</translation>
    </message>
    <message>
        <source>%1 needs --%2.</source>
        <translation>%1 necesita --%2.</translation>
    </message>
    <message>
        <source>Store %1 (%2, %3) added.</source>
        <translation>Tienda %1 (%2, %3) añadida.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; can now sign in with this token. It is shown only now; store it safely:</source>
        <translation>%1 «%2» ya puede iniciar sesión con este token. Solo se muestra ahora; guárdelo en un lugar seguro:</translation>
    </message>
    <message>
        <source>catalog import needs a FILE.csv.</source>
        <translation>catalog import necesita un ARCHIVO.csv.</translation>
    </message>
    <message>
        <source>Imported %1 products from %2.</source>
        <translation>Importados %1 artículos de %2.</translation>
    </message>
    <message>
        <source>Webhook %1 receives %2&apos;s events at %3, signed with this secret (shown only now):</source>
        <translation>El webhook %1 recibe los eventos de %2 en %3, firmados con este secreto (solo se muestra ahora):</translation>
    </message>
    <message>
        <source>every store</source>
        <translation>todas las tiendas</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Orden desconocida «%1».</translation>
    </message>
    <message>
        <source>How long a client may take to finish its TLS handshake (default 10).</source>
        <translation>Cuánto tiempo puede tardar un cliente en completar su negociación TLS (10 por defecto).</translation>
    </message>
    <message>
        <source>--tls-handshake-seconds needs a number of seconds, at least 1.</source>
        <translation>--tls-handshake-seconds necesita un número de segundos, al menos 1.</translation>
    </message>
    <message>
        <source>Close a connection idle this long between requests (default 60).</source>
        <translation>Cerrar una conexión inactiva este tiempo entre solicitudes (60 por defecto).</translation>
    </message>
    <message>
        <source>Answer 408 to a request not sent in full within this time (default 30).</source>
        <translation>Responder 408 a una solicitud no enviada completa en este tiempo (30 por defecto).</translation>
    </message>
    <message>
        <source>Connections at once; when full the longest idle one is closed, or 503 (default: what the descriptor limit allows).</source>
        <translation>Conexiones simultáneas; al llenarse se cierra la inactiva más antigua, o 503 (por defecto: lo que permita el límite de descriptores).</translation>
    </message>
    <message>
        <source>--idle-seconds needs a number of seconds, at least 1.</source>
        <translation>--idle-seconds necesita un número de segundos, al menos 1.</translation>
    </message>
    <message>
        <source>--request-seconds needs a number of seconds, at least 1.</source>
        <translation>--request-seconds necesita un número de segundos, al menos 1.</translation>
    </message>
    <message>
        <source>--max-connections needs a number of connections, at least 1.</source>
        <translation>--max-connections necesita un número de conexiones, al menos 1.</translation>
    </message>
    <message>
        <source>/metrics asks for the token in this file as a bearer token.</source>
        <translation>/metrics pide el token de este archivo como token bearer.</translation>
    </message>
    <message>
        <source>Serve /metrics and /healthz on HOST:PORT of their own (plain HTTP) instead of the API&apos;s address.</source>
        <translation>Servir /metrics y /healthz en su propio HOST:PORT (HTTP sin cifrar) en lugar de la dirección de la API.</translation>
    </message>
    <message>
        <source>--metrics-token-file: %1 cannot be read or holds fewer than 16 characters.</source>
        <translation>--metrics-token-file: %1 no se puede leer o contiene menos de 16 caracteres.</translation>
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
        <translation>Servidor central de Counterline.

Sin orden, sirve la API v1. Órdenes:
  store add --id S --name N --currency C [--prices-exclude-tax]
  terminal enroll --store S --name T     muestra una vez su token; de nuevo: uno nuevo
  terminal rotate-token --store S --name T   un token nuevo; el anterior deja de valer
  terminal revoke --store S --name T     su token deja de valer
  user add --name N --role backoffice|admin   muestra una vez el token del usuario
  user revoke --name N                   ningún token de ese usuario vale ya
  catalog import ARCHIVO.csv [--store S] artículos y precios; con --store, su stock
  webhook add --url URL [--store S] [--secret S]   eventos enviados allí, firmados</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; had a token: it no longer works (within a second on every running server).</source>
        <translation>%1 «%2» tenía un token: ya no vale (en un segundo en cada servidor en marcha).</translation>
    </message>
    <message>
        <source>Terminal &quot;%1&quot; of store %2 is revoked: its token no longer works (within a second on every running server). Enrol it again for a new one.</source>
        <translation>La caja «%1» de la tienda %2 está revocada: su token ya no vale (en un segundo en cada servidor en marcha). Vuelva a darla de alta para uno nuevo.</translation>
    </message>
    <message numerus="yes">
        <source>User &quot;%1&quot;: %n token(s) revoked; they no longer work (within a second on every running server).</source>
        <translation>
            <numerusform>Usuario «%1»: %n token revocado; ya no vale (en un segundo en cada servidor en marcha).</numerusform>
            <numerusform>Usuario «%1»: %n tokens revocados; ya no valen (en un segundo en cada servidor en marcha).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::sqlkit</name>
    <message>
        <source>The database is busy (&quot;%1&quot;: %2); try again in a moment.</source>
        <translation>La base de datos está ocupada («%1»: %2); inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The database refused &quot;%1&quot;: %2</source>
        <translation>La base de datos rechazó «%1»: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; returned no row.</source>
        <translation>«%1» no devolvió ninguna fila.</translation>
    </message>
</context>
<context>
    <name>counterline::sqlkit::Migrations</name>
    <message>
        <source>Migration %1 failed and was rolled back. %2 stays at version %3. %4</source>
        <translation>La migración %1 falló y se deshizo. %2 sigue en la versión %3. %4</translation>
    </message>
    <message>
        <source>The migration %1 does not start with its number.</source>
        <translation>La migración %1 no empieza por su número.</translation>
    </message>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation>No se puede leer la migración %1.</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3). Use a newer Counterline; it was left untouched.</source>
        <translation>%1 tiene la versión de esquema %2, más nueva de la que conoce este programa (%3). Use un Counterline más reciente; no se ha modificado.</translation>
    </message>
    <message>
        <source>Migration %1 does not follow version %2.</source>
        <translation>La migración %1 no sigue a la versión %2.</translation>
    </message>
</context>
<context>
    <name>counterline::store</name>
    <message>
        <source>The order history needs a SQLite connection.</source>
        <translation>El historial de pedidos necesita una conexión SQLite.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; found nothing</source>
        <translation>«%1» no encontró nada</translation>
    </message>
</context>
<context>
    <name>counterline::store::Migrations</name>
    <message>
        <source>The terminal database %1</source>
        <translation>La base de datos de la caja %1</translation>
    </message>
</context>
<context>
    <name>counterline::store::OrderStore</name>
    <message>
        <source>Order %1 was changed by someone else (it is no longer at version %2). Reload it and decide again.</source>
        <translation>Otra persona cambió el pedido %1 (ya no está en la versión %2). Vuelva a cargarlo y decida de nuevo.</translation>
    </message>
    <message>
        <source>Tender %1 of order %2 cannot give back %3.</source>
        <translation>El pago %1 del pedido %2 no puede devolver %3.</translation>
    </message>
</context>
<context>
    <name>counterline::store::Search</name>
    <message>
        <source>The connection %1 is not an SQLite connection.</source>
        <translation>La conexión %1 no es una conexión SQLite.</translation>
    </message>
</context>
<context>
    <name>counterline::sync</name>
    <message>
        <source>The server could not report this terminal&apos;s journal (%1): %2</source>
        <translation>El servidor no pudo informar del diario de esta caja (%1): %2</translation>
    </message>
    <message>
        <source>The server refused this terminal (%1): enrol it again.</source>
        <translation>El servidor rechazó esta caja (%1): regístrela de nuevo.</translation>
    </message>
    <message>
        <source>The server sent a change this terminal cannot read: %1</source>
        <translation>El servidor envió un cambio que esta caja no puede leer: %1</translation>
    </message>
    <message>
        <source>The server did not hand out its changes (%1): %2</source>
        <translation>El servidor no entregó sus cambios (%1): %2</translation>
    </message>
    <message>
        <source>The server at %1 does not answer: %2</source>
        <translation>El servidor en %1 no responde: %2</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>El servidor respondió HTTP %1.</translation>
    </message>
    <message>
        <source>the order was changed on the server first; it is now %1 at version %2. Look at it and decide again.</source>
        <translation>el pedido se cambió antes en el servidor; ahora está %1 en la versión %2. Revíselo y decida de nuevo.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::CardPayments</name>
    <message>
        <source>Card approved.</source>
        <translation>Tarjeta aprobada.</translation>
    </message>
    <message>
        <source>The payment service is a URL such as http://127.0.0.1:8090, not &quot;%1&quot;.</source>
        <translation>El servicio de pago es una URL como http://127.0.0.1:8090, no «%1».</translation>
    </message>
    <message>
        <source>The payment service at %1 is not on this machine: it needs https.</source>
        <translation>El servicio de pago en %1 no está en esta máquina: necesita https.</translation>
    </message>
    <message>
        <source>The payment service cannot be reached (%1); nothing was charged.</source>
        <translation>No se puede contactar con el servicio de pago (%1); no se ha cobrado nada.</translation>
    </message>
    <message>
        <source>The payment service refused the payment: %1</source>
        <translation>El servicio de pago rechazó el pago: %1</translation>
    </message>
    <message>
        <source>The payment did not go through (%1); nothing was charged. Try again.</source>
        <translation>El pago no se realizó (%1); no se ha cobrado nada. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The payment service did not answer (%1). Whether the card was charged is not known yet; trying again asks about this payment, it does not charge twice.</source>
        <translation>El servicio de pago no respondió (%1). Aún no se sabe si se cobró la tarjeta; reintentar consulta este pago, no cobra dos veces.</translation>
    </message>
    <message>
        <source>The payment service cannot be reached (%1); nothing was refunded.</source>
        <translation>No se puede contactar con el servicio de pagos (%1); no se reembolsó nada.</translation>
    </message>
    <message>
        <source>Refunded to the card.</source>
        <translation>Reembolsado a la tarjeta.</translation>
    </message>
    <message>
        <source>The payment service refused the refund: %1</source>
        <translation>El servicio de pagos rechazó el reembolso: %1</translation>
    </message>
    <message>
        <source>The payment service did not answer (%1). Whether the card was refunded is not known yet; trying again asks about this refund, it does not refund twice.</source>
        <translation>El servicio de pagos no respondió (%1). Aún no se sabe si se reembolsó la tarjeta; volver a intentarlo pregunta por este reembolso, no reembolsa dos veces.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::Enrolment</name>
    <message>
        <source>The server at %1 answered %2: %3</source>
        <translation>El servidor en %1 respondió %2: %3</translation>
    </message>
    <message>
        <source>This database belongs to terminal %1-%2, but the token is for %3-%4; nothing was changed.</source>
        <translation>Esta base de datos pertenece a la caja %1-%2, pero el token es de %3-%4; no se ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::ProblemWords</name>
    <message>
        <source>No answer from the server (%1). The till tries again by itself.</source>
        <translation>Sin respuesta del servidor (%1). La caja lo vuelve a intentar sola.</translation>
    </message>
    <message>
        <source>The server had a fault (HTTP %1). The till tries again by itself.</source>
        <translation>El servidor tuvo un fallo (HTTP %1). La caja lo vuelve a intentar sola.</translation>
    </message>
    <message>
        <source>The server refused this (HTTP %1: %2).</source>
        <translation>El servidor lo ha rechazado (HTTP %1: %2).</translation>
    </message>
    <message>
        <source>The server no longer accepts this till (%1). A manager must enrol it again; its sales wait here until then.</source>
        <translation>El servidor ya no acepta esta caja (%1). Un encargado debe darla de alta de nuevo; sus ventas esperan aquí hasta entonces.</translation>
    </message>
    <message>
        <source>The server is still working on this; the till asks again shortly.</source>
        <translation>El servidor aún está en ello; la caja volverá a preguntar en breve.</translation>
    </message>
    <message>
        <source>Someone changed this order on the server first (%1). A manager must decide again.</source>
        <translation>Alguien cambió antes este pedido en el servidor (%1). Un encargado debe decidir de nuevo.</translation>
    </message>
    <message>
        <source>The server did not accept this sale&apos;s figures (%1). The sale stays on this till as it was; a manager must look at it.</source>
        <translation>El servidor no ha aceptado las cifras de esta venta (%1). La venta queda tal cual en esta caja; un encargado debe revisarla.</translation>
    </message>
    <message>
        <source>The server did not accept the till&apos;s journal entry (%1). A manager must check the till&apos;s journal.</source>
        <translation>El servidor no ha aceptado la entrada del diario de la caja (%1). Un encargado debe revisar el diario de la caja.</translation>
    </message>
    <message>
        <source>The server could not read what the till sent (%1). This is a fault in the till: tell support.</source>
        <translation>El servidor no pudo leer lo que envió la caja (%1). Es un fallo de la caja: avise al soporte.</translation>
    </message>
    <message>
        <source>The server cannot apply this to the order as it stands there (%1). A manager must decide.</source>
        <translation>El servidor no puede aplicar esto al pedido tal como está allí (%1). Un encargado debe decidir.</translation>
    </message>
</context>
<context>
    <name>counterline::sync::SaleReversal</name>
    <message>
        <source>Order %1 changed (it is at version %2, not %3). Look at it again.</source>
        <translation>El pedido %1 ha cambiado (está en la versión %2, no en la %3). Vuelva a revisarlo.</translation>
    </message>
    <message>
        <source>Some items of %1 were returned already; return the rest item by item.</source>
        <translation>Algunos artículos de %1 ya se devolvieron; devuelva el resto artículo por artículo.</translation>
    </message>
    <message>
        <source>Give back %1 in cash.</source>
        <translation>Devuelva %1 en efectivo.</translation>
    </message>
    <message>
        <source>%1 went back to the card.</source>
        <translation>%1 reembolsado a la tarjeta.</translation>
    </message>
    <message>
        <source>Refund %1 on the card reader.</source>
        <translation>Reembolse %1 en el datáfono.</translation>
    </message>
    <message>
        <source>%1 could not go back to the card now: head office will see to it.</source>
        <translation>No se ha podido reembolsar %1 a la tarjeta por ahora: la central se encargará.</translation>
    </message>
    <message>
        <source>The card was refunded, but the sale was not recorded as undone (%1). Try again: the card is not refunded twice.</source>
        <translation>Se reembolsó la tarjeta, pero la venta no quedó registrada como deshecha (%1). Vuelva a intentarlo: la tarjeta no se reembolsa dos veces.</translation>
    </message>
</context>
<context>
    <name>counterline::till::Till</name>
    <message>
        <source>the cart has no line to change</source>
        <translation>el carrito no tiene ninguna línea que cambiar</translation>
    </message>
    <message>
        <source>a quantity before * is %1 to %2 pieces, not %3</source>
        <translation>una cantidad antes de * va de %1 a %2 unidades, no %3</translation>
    </message>
    <message>
        <source>the next item is added %1 times</source>
        <translation>el siguiente artículo se añade %1 veces</translation>
    </message>
    <message>
        <source>nothing in the catalog has the barcode or SKU &quot;%1&quot;</source>
        <translation>nada en el catálogo tiene el código de barras o la referencia «%1»</translation>
    </message>
    <message>
        <source>several products match &quot;%1&quot;: pick one with ↓ and Enter</source>
        <translation>varios productos coinciden con «%1»: elija uno con ↓ e Intro</translation>
    </message>
    <message>
        <source>nobody is logged in at this till</source>
        <translation>nadie ha iniciado sesión en esta caja</translation>
    </message>
    <message>
        <source>no shift is open at this till</source>
        <translation>no hay ningún turno abierto en esta caja</translation>
    </message>
    <message>
        <source>the cart is empty; there is nothing to park</source>
        <translation>el carrito está vacío; no hay nada que aparcar</translation>
    </message>
    <message>
        <source>that cart is no longer parked</source>
        <translation>ese carrito ya no está aparcado</translation>
    </message>
    <message>
        <source>the cart is empty</source>
        <translation>el carrito está vacío</translation>
    </message>
    <message>
        <source>no sale on this terminal has the receipt number &quot;%1&quot;</source>
        <translation>ninguna venta de este terminal tiene el número de ticket «%1»</translation>
    </message>
    <message>
        <source>receipt %1 is %2; there is nothing to give back</source>
        <translation>el ticket %1 está %2; no hay nada que devolver</translation>
    </message>
</context>
<context>
    <name>counterline::ui::AmountPrompt</name>
    <message>
        <source>OK (Enter)</source>
        <translation>Aceptar (Intro)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a quantity from 1 to %2.</source>
        <translation>«%1» no es una cantidad de 1 a %2.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::BackOfficeWindow</name>
    <message>
        <source>Counterline back office — %1</source>
        <translation>Trastienda de Counterline — %1</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message numerus="yes">
        <source>%n orders written to %1.</source>
        <translation>
            <numerusform>%n pedido escrito en %1.</numerusform>
            <numerusform>%n pedidos escritos en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the filtered history</source>
        <translation>Exportar el historial filtrado</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportando a %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n orders so far…</source>
        <translation>
            <numerusform>Exportando a %1: %n pedido hasta ahora…</numerusform>
            <numerusform>Exportando a %1: %n pedidos hasta ahora…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::CartModel</name>
    <message>
        <source>%1 (price changed)</source>
        <translation>%1 (precio cambiado)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
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
        <translation>Escanee un código de barras o escriba una referencia y pulse Intro</translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation>F2 Cantidad</translation>
    </message>
    <message>
        <source>F3 Price</source>
        <translation>F3 Precio</translation>
    </message>
    <message>
        <source>F4 Void line</source>
        <translation>F4 Anular línea</translation>
    </message>
    <message>
        <source>F5 Discount</source>
        <translation>F5 Descuento</translation>
    </message>
    <message>
        <source>F6 Return</source>
        <translation>F6 Devolución</translation>
    </message>
    <message>
        <source>F7 Void last sale</source>
        <translation>F7 Anular venta</translation>
    </message>
    <message>
        <source>F8 Park</source>
        <translation>F8 Aparcar</translation>
    </message>
    <message>
        <source>F9 Resume</source>
        <translation>F9 Recuperar</translation>
    </message>
    <message>
        <source>F10 Log out</source>
        <translation>F10 Salir</translation>
    </message>
    <message>
        <source>F11 Close shift</source>
        <translation>F11 Cierre</translation>
    </message>
    <message>
        <source>F12 Pay</source>
        <translation>F12 Cobrar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>encargado</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Abrir turno</translation>
    </message>
    <message>
        <source>%1, count the opening float in the drawer:</source>
        <translation>%1, cuente el fondo de caja del cajón:</translation>
    </message>
    <message>
        <source>Closing the shift before every order has synced</source>
        <translation>Cerrar el turno antes de sincronizar todos los pedidos</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Informe Z</translation>
    </message>
    <message>
        <source>Shift closed. Cash difference %1.</source>
        <translation>Turno cerrado. Diferencia de caja %1.</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 añadido.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Not approved: %1.</source>
        <translation>No autorizado: %1.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>New unit price for %1:</source>
        <translation>Nuevo precio unitario de %1:</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>There is no sale to void since you logged in.</source>
        <translation>No hay ninguna venta que anular desde que inició sesión.</translation>
    </message>
    <message>
        <source>Voiding the last sale</source>
        <translation>Anulación de la última venta</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Receipt number of the sale brought back:</source>
        <translation>Número de ticket de la venta devuelta:</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>La cesta está vacía.</translation>
    </message>
    <message>
        <source>The sale was not saved: %1</source>
        <translation>La venta no se guardó: %1</translation>
    </message>
    <message>
        <source>Cart parked. F9 brings it back.</source>
        <translation>Cesta aparcada. F9 la recupera.</translation>
    </message>
    <message>
        <source>No parked carts.</source>
        <translation>No hay cestas aparcadas.</translation>
    </message>
    <message>
        <source>Cart parked by %1 at %2 resumed.</source>
        <translation>Recuperada la cesta aparcada por %1 a las %2.</translation>
    </message>
    <message>
        <source>Price change</source>
        <translation>Cambio de precio</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Discount above %1 % of the line</source>
        <translation>Descuento de más del %1 % de la línea</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total de la línea</translation>
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
        <translation>Devolución de una venta</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendido</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Total to give back</source>
        <translation>A devolver</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Orders not yet on the server</source>
        <translation>Pedidos aún no en el servidor</translation>
    </message>
    <message>
        <source>Cash difference</source>
        <translation>Diferencia de caja</translation>
    </message>
    <message>
        <source>Quantity of %1:</source>
        <translation>Cantidad de %1:</translation>
    </message>
    <message>
        <source>Sale %1 is void.</source>
        <translation>La venta %1 está anulada.</translation>
    </message>
    <message>
        <source>Giving the money back…</source>
        <translation>Devolviendo el dinero…</translation>
    </message>
    <message>
        <source>Sale %1 has been returned.</source>
        <translation>La venta %1 ha sido devuelta.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>cambio %1</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Carrito</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message numerus="yes">
        <source>Parked carts: %n (F9)</source>
        <translation>
            <numerusform>Carritos aparcados: %n (F9)</numerusform>
            <numerusform>Carritos aparcados: %n (F9)</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no receipt to print since the till started.</source>
        <translation>No hay ningún ticket que imprimir desde que se inició la caja.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>Receipt %1 printed again.</source>
        <translation>Ticket %1 impreso de nuevo.</translation>
    </message>
    <message>
        <source>Receipt %1 printed.</source>
        <translation>Ticket %1 impreso.</translation>
    </message>
    <message>
        <source>The cart that was open is parked.</source>
        <translation>El carrito abierto queda aparcado.</translation>
    </message>
    <message>
        <source>%1 × — scan the item</source>
        <translation>%1 × — escanee el artículo</translation>
    </message>
</context>
<context>
    <name>counterline::ui::CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Cerrar turno</translation>
    </message>
    <message>
        <source>Cash counted in the drawer</source>
        <translation>Efectivo contado en el cajón</translation>
    </message>
    <message>
        <source>Card total on the reader&apos;s slip</source>
        <translation>Total de tarjetas según el datáfono</translation>
    </message>
    <message numerus="yes">
        <source>%1 at %2: %3 (lines: %n)</source>
        <translation>
            <numerusform>%1 a las %2: %3 (líneas: %n)</numerusform>
            <numerusform>%1 a las %2: %3 (líneas: %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Still parked (they stay for the next shift):</source>
        <translation>Aún aparcados (se quedan para el próximo turno):</translation>
    </message>
</context>
<context>
    <name>counterline::ui::DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Discount on %1 (%2 × %3), line total %4:</source>
        <translation>Descuento en %1 (%2 × %3), total de la línea %4:</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>Porcentaje (%)</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Importe (%1)</translation>
    </message>
    <message>
        <source>A trailing % means a percentage, %1 an amount. Up to %2 % of the line without a manager; 0 removes the discount.</source>
        <translation>Un % al final indica un porcentaje, %1 un importe. Hasta el %2 % de la línea sin encargado; 0 quita el descuento.</translation>
    </message>
    <message>
        <source>Apply (Enter)</source>
        <translation>Aplicar (Intro)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>Type the discount.</source>
        <translation>Escriba el descuento.</translation>
    </message>
    <message>
        <source>Line total %1 → %2</source>
        <translation>Total de la línea %1 → %2</translation>
    </message>
    <message>
        <source>A manager approves this discount.</source>
        <translation>El encargado autoriza este descuento.</translation>
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
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>What was done, e.g. &quot;refunded by bank transfer on 4 Dec&quot;</source>
        <translation>Lo que se hizo, p. ej. «reembolsado por transferencia el 4 de dic.»</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Settle with this note</source>
        <translation>Resolver con esta nota</translation>
    </message>
    <message>
        <source>Card declined after the sale</source>
        <translation>Tarjeta rechazada tras la venta</translation>
    </message>
    <message>
        <source>Money owed back</source>
        <translation>Dinero por devolver</translation>
    </message>
    <message>
        <source>Refund refused</source>
        <translation>Reembolso rechazado</translation>
    </message>
    <message>
        <source>Receipt number used twice</source>
        <translation>Número de ticket duplicado</translation>
    </message>
    <message>
        <source>No follow-ups.</source>
        <translation>No hay incidencias.</translation>
    </message>
    <message>
        <source>Pick an item to see it in full.</source>
        <translation>Elija una incidencia para verla completa.</translation>
    </message>
    <message>
        <source>Raised %1 by %2.</source>
        <translation>Registrada el %1 por %2.</translation>
    </message>
    <message>
        <source>Settled %1 by %2.</source>
        <translation>Resuelta el %1 por %2.</translation>
    </message>
    <message>
        <source>%1, %2%3: %4</source>
        <translation>%1, %2%3: %4</translation>
    </message>
    <message>
        <source> (settled)</source>
        <translation> (resuelta)</translation>
    </message>
    <message>
        <source>Say what was done before settling the item.</source>
        <translation>Indique lo que se hizo antes de resolver la incidencia.</translation>
    </message>
    <message>
        <source>Type the note first.</source>
        <translation>Escriba primero la nota.</translation>
    </message>
    <message>
        <source>Settled.</source>
        <translation>Resuelta.</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Nota añadida.</translation>
    </message>
    <message>
        <source>Nothing needs anyone to act: every follow-up is settled.</source>
        <translation>Nada pendiente: todas las incidencias están resueltas.</translation>
    </message>
    <message>
        <source>Items that need someone to act: %1. Settle each with a note of what was done.</source>
        <translation>Incidencias pendientes: %1. Resuelva cada una con una nota de lo que se hizo.</translation>
    </message>
    <message>
        <source>Items: %1.</source>
        <translation>Elementos: %1.</translation>
    </message>
    <message>
        <source>Price not the catalog&apos;s</source>
        <translation>Precio distinto del catálogo</translation>
    </message>
    <message>
        <source>Tax rate not the catalog&apos;s</source>
        <translation>Tipo impositivo distinto del catálogo</translation>
    </message>
    <message>
        <source>Item not in the catalog</source>
        <translation>Artículo fuera del catálogo</translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>The export was cancelled after %1 orders; nothing was saved.</source>
        <translation>La exportación se canceló tras %1 pedidos; no se guardó nada.</translation>
    </message>
    <message>
        <source>The export stopped after %1 orders and was not saved: %2</source>
        <translation>La exportación se detuvo tras %1 pedidos y no se guardó: %2</translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryFilterBar</name>
    <message>
        <source>From (YYYY-MM-DD)</source>
        <translation>Desde (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>To (YYYY-MM-DD)</source>
        <translation>Hasta (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>N.º de ticket</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Min. total</source>
        <translation>Total mín.</translation>
    </message>
    <message>
        <source>Max. total</source>
        <translation>Total máx.</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date like 2026-11-24.</source>
        <translation>«%1» no es una fecha como 2026-11-24.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::HistoryModel</name>
    <message>
        <source>Waiting to sync</source>
        <translation>Pendiente de sincronizar</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
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
        <translation>Hora</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Sync / store</source>
        <translation>Sincr. / tienda</translation>
    </message>
    <message>
        <source>Return · %1</source>
        <translation>Devolución · %1</translation>
    </message>
</context>
<context>
    <name>counterline::ui::LocalOrderBackend</name>
    <message>
        <source>This sale was not charged to a card through the payment service; pay the return back in cash.</source>
        <translation>Esta venta no se cobró a una tarjeta mediante el servicio de pagos; reembolse la devolución en efectivo.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::LoginPage</name>
    <message>
        <source>Type your PIN and press Enter</source>
        <translation>Escriba su PIN y pulse Intro</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ManagerApproval</name>
    <message>
        <source>Manager approval</source>
        <translation>Autorización del encargado</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>That is not a manager&apos;s PIN.</source>
        <translation>Ese no es el PIN de un encargado.</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Manager PIN to approve:</source>
        <translation>PIN del encargado para autorizar:</translation>
    </message>
</context>
<context>
    <name>counterline::ui::OrderDetailView</name>
    <message>
        <source>Choose an order in the list.</source>
        <translation>Elija un pedido de la lista.</translation>
    </message>
    <message>
        <source>Cancel (refund and restock)</source>
        <translation>Cancelar (reembolsar y reponer)</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Entregado en tienda</translation>
    </message>
    <message>
        <source>Refund in full</source>
        <translation>Reembolsar todo</translation>
    </message>
    <message>
        <source>Receipt %1 — %2, version %3</source>
        <translation>Ticket %1 — %2, versión %3</translation>
    </message>
    <message>
        <source>Sold %1 by %2 at store %3, till %4.</source>
        <translation>Vendido el %1 por %2 en la tienda %3, caja %4.</translation>
    </message>
    <message>
        <source>Customer %1.</source>
        <translation>Cliente %1.</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Name at the sale</source>
        <translation>Nombre en la venta</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>IVA</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Total %1, of which tax %2.</source>
        <translation>Total %1, de ello IVA %2.</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>taken offline, charged by the server</source>
        <translation>aceptado sin conexión, cobrado por el servidor</translation>
    </message>
    <message>
        <source>Change given: %1</source>
        <translation>Cambio entregado: %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (version %4) by %5</source>
        <translation>%1: %2 → %3 (versión %4) por %5</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>autorizado por %1</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Entry %1 (%2), hash &lt;tt&gt;%3&lt;/tt&gt;</source>
        <translation>Entrada %1 (%2), hash &lt;tt&gt;%3&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>%1 with key &lt;tt&gt;%2&lt;/tt&gt;: %3 after %4 attempts</source>
        <translation>%1 con la clave &lt;tt&gt;%2&lt;/tt&gt;: %3 tras %4 intentos</translation>
    </message>
    <message>
        <source>last answer HTTP %1</source>
        <translation>última respuesta HTTP %1</translation>
    </message>
    <message>
        <source>Server order number %1</source>
        <translation>Número de pedido en el servidor %1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No realizado</translation>
    </message>
    <message>
        <source>Someone changed the order; it could not be read again: %1</source>
        <translation>Alguien cambió el pedido; no se pudo volver a leer: %1</translation>
    </message>
    <message>
        <source>Since you opened it (version %1), order %2 has become %3 (version %4).</source>
        <translation>Desde que lo abrió (versión %1), el pedido %2 ha pasado a %3 (versión %4).</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 por %3</translation>
    </message>
    <message>
        <source>Someone changed this order first</source>
        <translation>Alguien cambió este pedido antes</translation>
    </message>
    <message>
        <source>Nothing was changed by you. Reload the order and decide again.</source>
        <translation>Usted no ha cambiado nada. Vuelva a cargar el pedido y decida de nuevo.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Return %1 — %2, version %3</source>
        <translation>Devolución %1 — %2, versión %3</translation>
    </message>
    <message>
        <source>Items taken back from receipt %1; the total was paid back.</source>
        <translation>Artículos devueltos del ticket %1; se reembolsó el total.</translation>
    </message>
    <message>
        <source>Sold as line</source>
        <translation>Vendido como línea</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelto</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>%1: receipt %2, %3 paid back</source>
        <translation>%1: ticket %2, %3 reembolsado</translation>
    </message>
    <message>
        <source>Return items…</source>
        <translation>Devolver artículos…</translation>
    </message>
    <message>
        <source>Taken back %1 by %2 at store %3, till %4.</source>
        <translation>Devuelto el %1 por %2 en la tienda %3, caja %4.</translation>
    </message>
    <message>
        <source>%1 given back in cash</source>
        <translation>%1 devuelto en efectivo</translation>
    </message>
    <message>
        <source>%1 refunded to the card by the till (%2)</source>
        <translation>%1 reembolsado a la tarjeta por la caja (%2)</translation>
    </message>
    <message>
        <source>%1 refunded on the card reader</source>
        <translation>%1 reembolsado en el datáfono</translation>
    </message>
    <message>
        <source>%1 owed to the customer: on the follow-up list</source>
        <translation>%1 adeudado al cliente: en la lista de incidencias</translation>
    </message>
    <message>
        <source>%1 was never charged to the card</source>
        <translation>%1 nunca se cobró a la tarjeta</translation>
    </message>
    <message>
        <source>%1 refunded to the card by the server</source>
        <translation>%1 reembolsado a la tarjeta por el servidor</translation>
    </message>
    <message>
        <source>%1: the payment service refused the refund; on the follow-up list</source>
        <translation>%1: el servicio de pagos rechazó el reembolso; en la lista de incidencias</translation>
    </message>
    <message>
        <source>%1 being refunded to the card by the server</source>
        <translation>%1 en reembolso a la tarjeta por el servidor</translation>
    </message>
    <message>
        <source>%1 recorded as given back</source>
        <translation>%1 registrado como devuelto</translation>
    </message>
    <message>
        <source>Money back</source>
        <translation>Dinero devuelto</translation>
    </message>
    <message>
        <source>Cancel the sale?</source>
        <translation>¿Anular la venta?</translation>
    </message>
    <message>
        <source>Refund the sale?</source>
        <translation>¿Reembolsar la venta?</translation>
    </message>
    <message>
        <source>Cancel the sale</source>
        <translation>Anular la venta</translation>
    </message>
    <message>
        <source>Refund the sale</source>
        <translation>Reembolsar la venta</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantenerla</translation>
    </message>
    <message>
        <source>Cancelling receipt %1 (%2): its goods go back into stock and its money back to the customer, by whoever took it. What cannot be given back now goes on the follow-up list.</source>
        <translation>Anulación del ticket %1 (%2): la mercancía vuelve al stock y el dinero al cliente, por quien lo cobró. Lo que no se pueda devolver ahora pasa a la lista de incidencias.</translation>
    </message>
    <message>
        <source>Refunding receipt %1 (%2): its goods go back into stock and its money back to the customer, by whoever took it. What cannot be given back now goes on the follow-up list.</source>
        <translation>Reembolso del ticket %1 (%2): la mercancía vuelve al stock y el dinero al cliente, por quien lo cobró. Lo que no se pueda devolver ahora pasa a la lista de incidencias.</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>pendiente de envío</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>requiere atención</translation>
    </message>
</context>
<context>
    <name>counterline::ui::ParkedCartsDialog</name>
    <message>
        <source>Parked carts</source>
        <translation>Carritos aparcados</translation>
    </message>
    <message>
        <source>Parked carts, newest first</source>
        <translation>Carritos aparcados, los más recientes primero</translation>
    </message>
    <message>
        <source>Parked by</source>
        <translation>Aparcado por</translation>
    </message>
    <message>
        <source>At</source>
        <translation>A las</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>cannot be priced</source>
        <translation>no se puede valorar</translation>
    </message>
    <message>
        <source>The cart on screen is parked when you resume another.</source>
        <translation>El carrito en pantalla se aparca cuando retoma otro.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
</context>
<context>
    <name>counterline::ui::PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation>Efectivo entregado</translation>
    </message>
    <message>
        <source>Cash (Enter)</source>
        <translation>Efectivo (Intro)</translation>
    </message>
    <message>
        <source>Approval code from the card reader</source>
        <translation>Código de autorización del datáfono</translation>
    </message>
    <message>
        <source>Card approved (F6)</source>
        <translation>Tarjeta aprobada (F6)</translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation>Volver a la venta (Esc)</translation>
    </message>
    <message>
        <source>Type the cash the customer gave.</source>
        <translation>Escriba el efectivo que dio el cliente.</translation>
    </message>
    <message>
        <source>Type the approval code the card reader printed.</source>
        <translation>Escriba el código de autorización que imprimió el datáfono.</translation>
    </message>
    <message>
        <source>Card approved by the bank</source>
        <translation>Tarjeta aprobada por el banco</translation>
    </message>
    <message>
        <source>Card without funds</source>
        <translation>Tarjeta sin fondos</translation>
    </message>
    <message>
        <source>Expired card</source>
        <translation>Tarjeta caducada</translation>
    </message>
    <message>
        <source>Charge card (F8)</source>
        <translation>Cobrar tarjeta (F8)</translation>
    </message>
    <message>
        <source>Waiting for the card…</source>
        <translation>Esperando a la tarjeta…</translation>
    </message>
    <message>
        <source>Take the card offline (F9)? It is charged when the till is online again.</source>
        <translation>¿Aceptar la tarjeta sin conexión (F9)? Se cobrará cuando la caja vuelva a estar en línea.</translation>
    </message>
    <message>
        <source>Take card offline (F9)</source>
        <translation>Tarjeta sin conexión (F9)</translation>
    </message>
    <message>
        <source>Waiting for the card; the payment&apos;s outcome comes first.</source>
        <translation>Esperando a la tarjeta; primero va el resultado del pago.</translation>
    </message>
    <message>
        <source>Cash %1</source>
        <translation>Efectivo %1</translation>
    </message>
    <message>
        <source>Card %1 offline, charged later</source>
        <translation>Tarjeta %1 sin conexión, se cobrará después</translation>
    </message>
    <message>
        <source>Card %1 (%2)</source>
        <translation>Tarjeta %1 (%2)</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>A pagar: %1</translation>
    </message>
    <message>
        <source>Is the cash given right?</source>
        <translation>¿Es correcto el efectivo entregado?</translation>
    </message>
    <message>
        <source>Cash given: %1
To pay: %2
Change due: %3</source>
        <translation>Entregado: %1
A pagar: %2
Cambio: %3</translation>
    </message>
    <message>
        <source>That is more than ten times what is due.</source>
        <translation>Es más de diez veces lo que se debe.</translation>
    </message>
    <message>
        <source>Yes, take %1</source>
        <translation>Sí, aceptar %1</translation>
    </message>
    <message>
        <source>No, back (Esc)</source>
        <translation>No, volver (Esc)</translation>
    </message>
    <message>
        <source>F1 Exact</source>
        <translation>F1 Exacto</translation>
    </message>
    <message>
        <source>Cash, the exact amount</source>
        <translation>Efectivo, el importe exacto</translation>
    </message>
    <message>
        <source>F%1 %2</source>
        <translation>F%1 %2</translation>
    </message>
    <message>
        <source>Cash, %1 given</source>
        <translation>Efectivo, %1 entregados</translation>
    </message>
</context>
<context>
    <name>counterline::ui::PinLockWatch</name>
    <message>
        <source>Too many wrong PINs. PIN entry opens again in %1:%2.</source>
        <translation>Demasiados PIN incorrectos. La entrada del PIN se reabre en %1:%2.</translation>
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
        <translation>Ventas por hora el</translation>
    </message>
    <message>
        <source>Totals from</source>
        <translation>Totales del</translation>
    </message>
    <message>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Neto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>IVA</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Bruto</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Sales on %1</source>
        <translation>Ventas del %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sales, %1</source>
        <translation>
            <numerusform>%n venta, %1</numerusform>
            <numerusform>%n ventas, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tax rate %1 %</source>
        <translation>Tipo de IVA %1 %</translation>
    </message>
    <message>
        <source>Cash, less change</source>
        <translation>Efectivo, menos cambio</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>of which taken offline</source>
        <translation>de ello sin conexión</translation>
    </message>
    <message numerus="yes">
        <source>Returns (%n)</source>
        <translation>
            <numerusform>Devolución (%n)</numerusform>
            <numerusform>Devoluciones (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All sales (%n), less returns</source>
        <translation>
            <numerusform>Todas las ventas (%n), menos devoluciones</numerusform>
            <numerusform>Todas las ventas (%n), menos devoluciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::ReturnDialog</name>
    <message>
        <source>Return items of receipt %1</source>
        <translation>Devolver artículos del ticket %1</translation>
    </message>
    <message>
        <source>Choose how many of each item the customer brings back. The sale stays as it was; the return is a new receipt linked to it, and the items go back into stock.</source>
        <translation>Elija cuántas unidades de cada artículo devuelve el cliente. La venta queda como estaba; la devolución es un ticket nuevo vinculado a ella, y los artículos vuelven al stock.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendido</translation>
    </message>
    <message>
        <source>Returned before</source>
        <translation>Ya devuelto</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total de la línea</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Devolver</translation>
    </message>
    <message>
        <source>Take back and pay out</source>
        <translation>Recibir y reembolsar</translation>
    </message>
    <message>
        <source>Pay back in cash: %1</source>
        <translation>Reembolsar en efectivo: %1</translation>
    </message>
    <message>
        <source>Choose at least one item to bring back.</source>
        <translation>Elija al menos un artículo para devolver.</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>En efectivo de la caja</translation>
    </message>
    <message>
        <source>Back to the card of the sale</source>
        <translation>A la tarjeta de la venta</translation>
    </message>
    <message>
        <source>Pay back to the card: %1</source>
        <translation>Reembolsar a la tarjeta: %1</translation>
    </message>
</context>
<context>
    <name>counterline::ui::SaleCompletePanel</name>
    <message>
        <source>Print the receipt</source>
        <translation>Imprimir el ticket</translation>
    </message>
    <message>
        <source>Enter  New sale</source>
        <translation>Intro  Nueva venta</translation>
    </message>
    <message>
        <source>Start the next sale</source>
        <translation>Empezar la siguiente venta</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Cambio %1</translation>
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
        <translation>F1  Reimprimir el ticket</translation>
    </message>
    <message>
        <source>F1  Print receipt</source>
        <translation>F1  Imprimir el ticket</translation>
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
        <translation>Qué</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Última respuesta</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Próximo intento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation>Exportar diagnóstico…</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n pendiente de enviar</numerusform>
            <numerusform>%n pendientes de enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needing attention</source>
        <translation>
            <numerusform>%n requiere atención</numerusform>
            <numerusform>%n requieren atención</numerusform>
        </translation>
    </message>
    <message>
        <source>Oldest waiting since %1. </source>
        <translation>El más antiguo espera desde %1. </translation>
    </message>
    <message>
        <source>Last delivery %1.</source>
        <translation>Última entrega %1.</translation>
    </message>
    <message>
        <source>Nothing delivered yet.</source>
        <translation>Aún no se ha entregado nada.</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Último problema: %1</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Exportar diagnóstico</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Nothing was waiting to be sent again.</source>
        <translation>No había nada esperando a reenviarse.</translation>
    </message>
    <message numerus="yes">
        <source>%n will be sent on the till&apos;s next pass, within seconds when the server is reachable; their state shows here.</source>
        <translation>
            <numerusform>%n se enviará en la próxima pasada de la caja, en segundos si el servidor está accesible; su estado se muestra aquí.</numerusform>
            <numerusform>%n se enviarán en la próxima pasada de la caja, en segundos si el servidor está accesible; su estado se muestra aquí.</numerusform>
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
        <translation>Sincronización: sin configurar</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Sin conexión</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Nada pendiente</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting, oldest %1</source>
        <translation>
            <numerusform>%n pendiente, el más antiguo %1</numerusform>
            <numerusform>%n pendientes, el más antiguo %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Última sincronización %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n need attention</source>
        <translation>
            <numerusform>⚠ %n requiere atención</numerusform>
            <numerusform>⚠ %n requieren atención</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Orders that need attention</source>
        <translation>Pedidos que requieren atención</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
</context>
<context>
    <name>counterline::ui::Tender</name>
    <message>
        <source>Cash %1</source>
        <translation>Efectivo %1</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Tarjeta %1</translation>
    </message>
    <message>
        <source>(taken offline)</source>
        <translation>(aceptada sin conexión)</translation>
    </message>
</context>
<context>
    <name>counterline::ui::TotalsPanel</name>
    <message>
        <source>Discounts: −%1</source>
        <translation>Descuentos: −%1</translation>
    </message>
    <message>
        <source>Tax %1 %: %2</source>
        <translation>IVA %1 %: %2</translation>
    </message>
    <message numerus="yes">
        <source>Subtotal (items: %n): %1</source>
        <translation>
            <numerusform>Subtotal (artículos: %n): %1</numerusform>
            <numerusform>Subtotal (artículos: %n): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>counterline::ui::ZReport</name>
    <message>
        <source>Z report</source>
        <translation>Informe Z</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Anuladas</translation>
    </message>
    <message>
        <source>Total sales</source>
        <translation>Ventas totales</translation>
    </message>
    <message>
        <source>  Tax %1 %: net %2</source>
        <translation>  IVA %1 %: neto %2</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Fondo de caja</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>Efectivo cobrado</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>Efectivo esperado</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Efectivo contado</translation>
    </message>
    <message>
        <source>Cash difference</source>
        <translation>Diferencia de efectivo</translation>
    </message>
    <message>
        <source>Card taken</source>
        <translation>Tarjetas cobradas</translation>
    </message>
    <message>
        <source>Card counted</source>
        <translation>Tarjetas contadas</translation>
    </message>
    <message>
        <source>Card difference</source>
        <translation>Diferencia de tarjetas</translation>
    </message>
    <message>
        <source>Grand total (terminal)</source>
        <translation>Gran total (caja)</translation>
    </message>
    <message numerus="yes">
        <source>Closed with %n order(s) not yet synced</source>
        <translation>
            <numerusform>Cerrado con %n pedido sin sincronizar</numerusform>
            <numerusform>Cerrado con %n pedidos sin sincronizar</numerusform>
        </translation>
    </message>
    <message>
        <source>  approved by %1</source>
        <translation>  autorizado por %1</translation>
    </message>
    <message numerus="yes">
        <source>Returns (%n)</source>
        <translation>
            <numerusform>Devolución (%n)</numerusform>
            <numerusform>Devoluciones (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
