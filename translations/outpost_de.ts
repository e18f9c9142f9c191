<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ReadyCheck</name>
    <message>
        <source>held back by you (Outbox)</source>
        <translation>von Ihnen zurückgehalten (Postausgang)</translation>
    </message>
    <message>
        <source>waits for a conflict to be resolved (Conflicts)</source>
        <translation>wartet auf die Lösung eines Konflikts (Konflikte)</translation>
    </message>
    <message>
        <source>waits behind a change the server refused (Sync issues)</source>
        <translation>wartet hinter einer Änderung, die der Server abgelehnt hat (Sync-Probleme)</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>not sent yet: %1</source>
        <translation>noch nicht gesendet: %1</translation>
    </message>
    <message>
        <source>not sent yet: sync to send it</source>
        <translation>noch nicht gesendet: synchronisieren Sie, um sie zu senden</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> und %1 weitere</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Outbox empty: everything you changed is on the server.</source>
        <translation>Postausgang leer: alles, was Sie geändert haben, ist auf dem Server.</translation>
    </message>
    <message>
        <source>1 change not on the server yet.</source>
        <translation>1 Änderung ist noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>%1 changes not on the server yet.</source>
        <translation>%1 Änderungen sind noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>1 change the server refused: see Sync issues.</source>
        <translation>1 Änderung hat der Server abgelehnt: siehe Sync-Probleme.</translation>
    </message>
    <message>
        <source>%1 changes the server refused: see Sync issues.</source>
        <translation>%1 Änderungen hat der Server abgelehnt: siehe Sync-Probleme.</translation>
    </message>
    <message>
        <source>1 attachment not uploaded yet.</source>
        <translation>1 Anhang ist noch nicht hochgeladen.</translation>
    </message>
    <message>
        <source>%1 attachments not uploaded yet.</source>
        <translation>%1 Anhänge sind noch nicht hochgeladen.</translation>
    </message>
    <message>
        <source>This device has never synced.</source>
        <translation>Dieses Gerät wurde noch nie synchronisiert.</translation>
    </message>
    <message>
        <source>Last sync %1 ago (%2).</source>
        <translation>Letzte Synchronisierung vor %1 (%2).</translation>
    </message>
    <message>
        <source>Last sync %1 ago (%2): sync before you leave.</source>
        <translation>Letzte Synchronisierung vor %1 (%2): synchronisieren Sie, bevor Sie losfahren.</translation>
    </message>
    <message>
        <source>The download of your cases is not finished: sync to complete it.</source>
        <translation>Das Herunterladen Ihrer Vorgänge ist nicht abgeschlossen: synchronisieren Sie, um es zu beenden.</translation>
    </message>
    <message>
        <source>No cases are assigned to you.</source>
        <translation>Ihnen sind keine Vorgänge zugewiesen.</translation>
    </message>
    <message>
        <source>All cases assigned to you (%1) are on this device.</source>
        <translation>Alle Ihnen zugewiesenen Vorgänge (%1) sind auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Assigned cases not on this device: %1</source>
        <translation>Zugewiesene Vorgänge, die nicht auf diesem Gerät sind: %1</translation>
    </message>
    <message>
        <source>Your cases have no attachments to take along.</source>
        <translation>Ihre Vorgänge haben keine Anhänge zum Mitnehmen.</translation>
    </message>
    <message>
        <source>All attachments of your cases (%1) are on this device.</source>
        <translation>Alle Anhänge Ihrer Vorgänge (%1) sind auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Attachments of your cases not on this device (they open only online): %1 of %2.</source>
        <translation>Anhänge Ihrer Vorgänge, die nicht auf diesem Gerät sind (sie öffnen sich nur online): %1 von %2.</translation>
    </message>
    <message>
        <source>No case types on this device: sync first.</source>
        <translation>Keine Vorgangstypen auf diesem Gerät: synchronisieren Sie zuerst.</translation>
    </message>
    <message>
        <source>Case types missing on this device: %1</source>
        <translation>Auf diesem Gerät fehlende Vorgangstypen: %1</translation>
    </message>
    <message>
        <source>Case types on this device (%1), as of the last sync.</source>
        <translation>Vorgangstypen auf diesem Gerät (%1), Stand der letzten Synchronisierung.</translation>
    </message>
    <message>
        <source>Lists for lookups (data pages) on this device, as of the last sync.</source>
        <translation>Auswahllisten (Datenseiten) auf diesem Gerät, Stand der letzten Synchronisierung.</translation>
    </message>
    <message>
        <source>Lists for lookups missing on this device: %1</source>
        <translation>Auf diesem Gerät fehlende Auswahllisten: %1</translation>
    </message>
    <message>
        <source>Signing in without the server is not allowed now: sign in online first.</source>
        <translation>Die Anmeldung ohne Server ist jetzt nicht erlaubt: melden Sie sich zuerst online an.</translation>
    </message>
    <message>
        <source>You can sign in without the server until %1.</source>
        <translation>Sie können sich bis %1 ohne Server anmelden.</translation>
    </message>
    <message>
        <source>You can sign in without the server only until %1 (less than %2 h from now): sign in online again.</source>
        <translation>Sie können sich nur bis %1 ohne Server anmelden (weniger als %2 Std. ab jetzt): melden Sie sich erneut online an.</translation>
    </message>
    <message>
        <source>%1 free on this device.</source>
        <translation>%1 frei auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Only %1 free on this device; at least %2 are needed for a day&apos;s photos and notes.</source>
        <translation>Nur %1 frei auf diesem Gerät; für die Fotos und Notizen eines Tages werden mindestens %2 gebraucht.</translation>
    </message>
    <message>
        <source>The data on this device is healthy.</source>
        <translation>Die Daten auf diesem Gerät sind in Ordnung.</translation>
    </message>
    <message>
        <source>The data on this device is damaged (%1): export diagnostics and recover unsent work.</source>
        <translation>Die Daten auf diesem Gerät sind beschädigt (%1): exportieren Sie die Diagnose und stellen Sie nicht gesendete Arbeit wieder her.</translation>
    </message>
    <message>
        <source>waits for its signature&apos;s picture to upload</source>
        <translation>wartet, bis das Bild ihrer Unterschrift hochgeladen ist</translation>
    </message>
</context>
<context>
    <name>outpost::Action</name>
    <message>
        <source>Field &apos;%1&apos; must be a non-empty id of at most 100 characters.</source>
        <translation>Feld „%1“ muss eine nicht leere ID mit höchstens 100 Zeichen sein.</translation>
    </message>
    <message>
        <source>Unknown action type &apos;%1&apos; in &apos;%2&apos;.</source>
        <translation>Unbekannte Aktionsart „%1“ in „%2“.</translation>
    </message>
    <message>
        <source>Unknown result status &apos;%1&apos;.</source>
        <translation>Unbekannter Ergebnisstatus „%1“.</translation>
    </message>
</context>
<context>
    <name>outpost::CaseType</name>
    <message>
        <source>Field &apos;%1&apos; must not be empty.</source>
        <translation>Feld „%1“ darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A case type needs at least one status.</source>
        <translation>Ein Falltyp braucht mindestens einen Status.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object.</source>
        <translation>Feld „%1“ muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; has an unknown type &apos;%2&apos;.</source>
        <translation>Feld „%1“ hat einen unbekannten Typ „%2“.</translation>
    </message>
    <message>
        <source>Field names must be unique and not empty (&apos;%1&apos;).</source>
        <translation>Feldnamen müssen eindeutig und nicht leer sein („%1“).</translation>
    </message>
    <message>
        <source>A choice field needs choices.</source>
        <translation>Ein Auswahlfeld braucht Auswahlwerte.</translation>
    </message>
    <message>
        <source>A lookup field needs a data page.</source>
        <translation>Ein Nachschlagefeld braucht eine Datenseite.</translation>
    </message>
    <message>
        <source>The pattern of field &apos;%1&apos; is not a valid regular expression.</source>
        <translation>Das Muster von Feld „%1“ ist kein gültiger regulärer Ausdruck.</translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; leads to unknown status &apos;%2&apos;.</source>
        <translation>Ablaufaktion „%1“ führt zu unbekanntem Status „%2“.</translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; starts from unknown status &apos;%2&apos;.</source>
        <translation>Ablaufaktion „%1“ beginnt bei unbekanntem Status „%2“.</translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; requires unknown field &apos;%2&apos;.</source>
        <translation>Ablaufaktion „%1“ verlangt unbekanntes Feld „%2“.</translation>
    </message>
    <message>
        <source>Unknown conflict policy &apos;%1&apos;.</source>
        <translation>Unbekannte Konfliktregel „%1“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; gives choice labels, but field &apos;%2&apos; has no choices.</source>
        <translation>„%1“ gibt Auswahlbeschriftungen an, aber das Feld „%2“ hat keine Auswahl.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language code such as &quot;de&quot; or &quot;pt_BR&quot;.</source>
        <translation>„%1“ ist kein Sprachcode wie „de“ oder „pt_BR“.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be a text that is not empty.</source>
        <translation>Das Feld „%1“ muss ein nicht leerer Text sein.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object such as {&quot;label&quot;: &quot;…&quot;, &quot;labels&quot;: {&quot;de&quot;: &quot;…&quot;}}.</source>
        <translation>Das Feld „%1“ muss ein Objekt sein, etwa {&quot;label&quot;: &quot;…&quot;, &quot;labels&quot;: {&quot;de&quot;: &quot;…&quot;}}.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no status of this case type.</source>
        <translation>&apos;%1&apos; nennt keinen Status dieses Falltyps.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no choice of field &apos;%2&apos;.</source>
        <translation>&apos;%1&apos; nennt keinen Auswahlwert des Felds &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>outpost::Change</name>
    <message>
        <source>Unknown change kind &apos;%1&apos;.</source>
        <translation>Unbekannte Änderungsart „%1“.</translation>
    </message>
    <message>
        <source>Unknown change op &apos;%1&apos;.</source>
        <translation>Unbekannte Änderungsoperation „%1“.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object.</source>
        <translation>Feld „%1“ muss ein Objekt sein.</translation>
    </message>
</context>
<context>
    <name>outpost::JsonReader</name>
    <message>
        <source>The request body is empty; a JSON object is expected.</source>
        <translation>Der Anfragetext ist leer; ein JSON-Objekt wird erwartet.</translation>
    </message>
    <message>
        <source>Malformed JSON at offset %1: %2</source>
        <translation>Fehlerhaftes JSON an Position %1: %2</translation>
    </message>
    <message>
        <source>A JSON object is expected.</source>
        <translation>Ein JSON-Objekt wird erwartet.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; is required.</source>
        <translation>Feld „%1“ ist erforderlich.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be %2.</source>
        <translation>Feld „%1“ muss %2 sein.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be a string.</source>
        <translation>Feld „%1“ muss eine Zeichenkette sein.</translation>
    </message>
</context>
<context>
    <name>outpost::RulesEngine</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss Text sein.</translation>
    </message>
    <message numerus="yes">
        <source>%1 must be at most %n characters long.</source>
        <translation>
            <numerusform>%1 darf höchstens %n Zeichen lang sein.</numerusform>
            <numerusform>%1 darf höchstens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not have the expected format.</source>
        <translation>%1 hat nicht das erwartete Format.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>%1 must be at least %2.</source>
        <translation>%1 muss mindestens %2 sein.</translation>
    </message>
    <message>
        <source>%1 must be at most %2.</source>
        <translation>%1 darf höchstens %2 sein.</translation>
    </message>
    <message>
        <source>%1 must be a date (YYYY-MM-DD).</source>
        <translation>%1 muss ein Datum sein (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>%1 must be a date and time (RFC 3339, e.g. 2026-11-30T08:00:00Z).</source>
        <translation>%1 muss Datum und Uhrzeit sein (RFC 3339, z. B. 2026-11-30T08:00:00Z).</translation>
    </message>
    <message>
        <source>%1 must be yes or no.</source>
        <translation>%1 muss Ja oder Nein sein.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1 muss eines davon sein: %2.</translation>
    </message>
    <message>
        <source>%1 must be a key of %2.</source>
        <translation>%1 muss ein Schlüssel von %2 sein.</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an entry of %3.</source>
        <translation>%1: „%2“ ist kein Eintrag von %3.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a field of %2.</source>
        <translation>„%1“ ist kein Feld von %2.</translation>
    </message>
    <message>
        <source>%1 has no flow action &apos;%2&apos;.</source>
        <translation>%1 hat keine Ablaufaktion „%2“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not possible while the case is %2.</source>
        <translation>„%1“ ist nicht möglich, solange der Fall %2 ist.</translation>
    </message>
    <message>
        <source>%1 is required to %2.</source>
        <translation>%1 ist nötig für „%2“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs more information first.</source>
        <translation>„%1“ braucht zuerst weitere Angaben.</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; was removed</source>
        <translation>Feld „%1“ wurde entfernt</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; changed its type</source>
        <translation>Feld „%1“ hat seinen Typ geändert</translation>
    </message>
    <message>
        <source>status &apos;%1&apos; was removed</source>
        <translation>Status „%1“ wurde entfernt</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Eine Notiz braucht Text.</translation>
    </message>
    <message numerus="yes">
        <source>A note must be at most %n characters long.</source>
        <translation>
            <numerusform>Eine Notiz darf höchstens %n Zeichen lang sein.</numerusform>
            <numerusform>Eine Notiz darf höchstens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message>
        <source>A note must not contain NUL characters.</source>
        <translation>Eine Notiz darf keine NUL-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>%1 must not contain NUL characters.</source>
        <translation>%1 darf keine NUL-Zeichen enthalten.</translation>
    </message>
    <message numerus="yes">
        <source>A title must be at most %n characters long.</source>
        <translation>
            <numerusform>Ein Titel darf höchstens %n Zeichen lang sein.</numerusform>
            <numerusform>Ein Titel darf höchstens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message>
        <source>A title must not contain control characters (tabs, line breaks).</source>
        <translation>Ein Titel darf keine Steuerzeichen (Tabulatoren, Zeilenumbrüche) enthalten.</translation>
    </message>
    <message>
        <source>%1 must be a signature: the sha256 (64 hex digits) of its picture.</source>
        <extracomment>A signature field&apos;s value is the sha256 of the signature&apos;s picture, attached to the case.</extracomment>
        <translation>%1 muss eine Unterschrift sein: der sha256 (64 Hexziffern) ihres Bildes.</translation>
    </message>
</context>
<context>
    <name>outpost::ValueFormat</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A lookup value: the data-page key, then its label in parentheses.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <extracomment>A date and time as stored (in UTC), e.g. &quot;30.11.2026 08:00 UTC&quot;.</extracomment>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Signed</source>
        <extracomment>A signature field that holds a signature (its picture is an attachment of the case).</extracomment>
        <translation>Unterschrieben</translation>
    </message>
</context>
<context>
    <name>outpost::app</name>
    <message>
        <source>Outpost: offline-first field service for technicians.</source>
        <translation>Outpost: Außendienst für Techniker, der auch offline funktioniert.</translation>
    </message>
    <message>
        <source>Without a display, as commands:</source>
        <translation>Ohne Bildschirm, als Befehle:</translation>
    </message>
    <message>
        <source>Fullscreen kiosk mode; leaving it needs the administrator PIN.</source>
        <translation>Kioskmodus im Vollbild; zum Verlassen ist die Administrator-PIN nötig.</translation>
    </message>
    <message>
        <source>Server address to sign in to.</source>
        <translation>Serveradresse für die Anmeldung.</translation>
    </message>
    <message>
        <source>Keep settings and data in DIR (several profiles side by side).</source>
        <translation>Einstellungen und Daten in DIR ablegen (mehrere Profile nebeneinander).</translation>
    </message>
    <message>
        <source>cannot create the profile directory %1</source>
        <translation>Profilverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Allow plain http:// to servers other than this computer (only on a network you trust).</source>
        <translation>Unverschlüsseltes http:// zu anderen Servern als diesem Computer erlauben (nur in einem vertrauenswürdigen Netz).</translation>
    </message>
    <message>
        <source>Also trust the certificate authorities in FILE (PEM) for https.</source>
        <translation>Zusätzlich den Zertifizierungsstellen in FILE (PEM) für https vertrauen.</translation>
    </message>
</context>
<context>
    <name>outpost::client::LocalStore</name>
    <message>
        <source>History entry %1 has no case, time or action.</source>
        <translation>Verlaufseintrag %1 hat keinen Fall, keine Zeit oder keine Aktion.</translation>
    </message>
    <message>
        <source>Case %1 is not in the offline store.</source>
        <translation>Fall %1 ist nicht im Offline-Speicher.</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the file.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB.</source>
        <translation>%1 ist größer als %2 MiB.</translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation>Die Datei ist zu groß.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Copying %1 failed.</source>
        <translation>Kopieren von %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Attached %1 (%2 bytes) to %3; it is uploaded with the next sync.</source>
        <translation>%1 (%2 Bytes) an %3 angehängt; wird mit der nächsten Synchronisierung hochgeladen.</translation>
    </message>
    <message>
        <source>Full sync started; every queued change is kept.</source>
        <translation>Vollständige Synchronisierung gestartet; alle wartenden Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Case %1 left your work on the server; it is kept here because it has unsent work.</source>
        <translation>Fall %1 gehört auf dem Server nicht mehr zu Ihrer Arbeit; er bleibt hier, weil er nicht gesendete Änderungen hat.</translation>
    </message>
    <message>
        <source>Data page row id &apos;%1&apos; is not &apos;&lt;page&gt;/&lt;key&gt;&apos;.</source>
        <translation>Die Datenseiten-Zeilen-ID „%1“ hat nicht die Form „&lt;Seite&gt;/&lt;Schlüssel&gt;“.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unsent work got a new server copy; the local changes stay on top.</source>
        <translation>
            <numerusform>%n Fall mit nicht gesendeten Änderungen hat eine neue Serverfassung erhalten; die lokalen Änderungen bleiben darüber.</numerusform>
            <numerusform>%n Fälle mit nicht gesendeten Änderungen haben eine neue Serverfassung erhalten; die lokalen Änderungen bleiben darüber.</numerusform>
        </translation>
    </message>
    <message>
        <source>Full sync finished: %1 case(s) no longer sent were removed, %2 kept for their unsent work, %3 with pending work re-applied.</source>
        <translation>Vollständige Synchronisierung beendet: %1 nicht mehr gesendete Fälle entfernt, %2 wegen nicht gesendeter Änderungen behalten, %3 mit wartenden Änderungen neu angewendet.</translation>
    </message>
    <message>
        <source>Please correct: %1</source>
        <translation>Bitte korrigieren: %1</translation>
    </message>
    <message>
        <source>Case type &apos;%1&apos; is not known here yet; sync first.</source>
        <translation>Falltyp „%1“ ist hier noch unbekannt; bitte zuerst synchronisieren.</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>Eingereiht: %1</translation>
    </message>
    <message>
        <source>Folded the edit of %1 into the unsent creation of %2 (one request instead of two).</source>
        <translation>Die Änderung von %1 wurde in die nicht gesendete Anlage von %2 übernommen (eine Anfrage statt zwei).</translation>
    </message>
    <message>
        <source>Merged the edit of %1 into the queued update of %2 (based on etag %3).</source>
        <translation>Die Änderung von %1 wurde mit der wartenden Aktualisierung von %2 zusammengeführt (auf Basis von ETag %3).</translation>
    </message>
    <message>
        <source>Only a case created on this device and not sent yet can be discarded.</source>
        <translation>Nur ein auf diesem Gerät angelegter, noch nicht gesendeter Fall kann verworfen werden.</translation>
    </message>
    <message>
        <source>Case %1 is being sent right now; it can no longer be discarded.</source>
        <translation>Fall %1 wird gerade gesendet; er kann nicht mehr verworfen werden.</translation>
    </message>
    <message numerus="yes">
        <source>Discarded the unsent case %1 and its %n queued action(s); nothing will be sent for it.</source>
        <translation>
            <numerusform>Der nicht gesendete Fall %1 und seine %n wartende Aktion wurden verworfen; dafür wird nichts gesendet.</numerusform>
            <numerusform>Der nicht gesendete Fall %1 und seine %n wartenden Aktionen wurden verworfen; dafür wird nichts gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Action %1 is not queued.</source>
        <translation>Aktion %1 ist nicht eingereiht.</translation>
    </message>
    <message>
        <source>Action %1 is %2.</source>
        <translation>Aktion %1 ist %2.</translation>
    </message>
    <message>
        <source>Held by the user (it and later changes of its case wait): %1</source>
        <translation>Vom Benutzer angehalten (sie und spätere Änderungen des Falls warten): %1</translation>
    </message>
    <message>
        <source>Released by the user: %1</source>
        <translation>Vom Benutzer freigegeben: %1</translation>
    </message>
    <message>
        <source>Action %1 is being sent right now; it can no longer be discarded.</source>
        <translation>Aktion %1 wird gerade gesendet; sie kann nicht mehr verworfen werden.</translation>
    </message>
    <message>
        <source>Discarded by the user, local effect reverted: %1</source>
        <translation>Vom Benutzer verworfen, lokale Wirkung rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>queued work refers to a missing case (%1)</source>
        <translation>wartende Arbeit verweist auf einen fehlenden Fall (%1)</translation>
    </message>
    <message>
        <source>queued action %1 has an unknown state &apos;%2&apos;</source>
        <translation>wartende Aktion %1 hat einen unbekannten Zustand „%2“</translation>
    </message>
    <message>
        <source>queued action %1 cannot be read: %2</source>
        <translation>wartende Aktion %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>queued action %1 does not match its row</source>
        <translation>wartende Aktion %1 passt nicht zu ihrer Zeile</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the offline store %1: %2</source>
        <translation>Der Offline-Speicher %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>journal mode %1</source>
        <translation>Journalmodus %1</translation>
    </message>
    <message>
        <source>the schema version cannot be read</source>
        <translation>die Schemaversion kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The offline store %1 was written by a newer version of Outpost (schema %2, this version knows %3). Update Outpost; the store was left untouched.</source>
        <translation>Der Offline-Speicher %1 wurde von einer neueren Outpost-Version geschrieben (Schema %2, diese Version kennt %3). Bitte Outpost aktualisieren; der Speicher blieb unverändert.</translation>
    </message>
    <message>
        <source>The offline store %1 is busy (%2); try again.</source>
        <translation>Der Offline-Speicher %1 ist belegt (%2); bitte erneut versuchen.</translation>
    </message>
    <message numerus="yes">
        <source>The offline store %1 is damaged (%2). It still holds %n unsent change(s), so it was left in place untouched. Export diagnostics and contact support.</source>
        <translation>
            <numerusform>Der Offline-Speicher %1 ist beschädigt (%2). Er enthält noch %n nicht gesendete Änderung und blieb daher unverändert. Exportieren Sie die Diagnose und wenden Sie sich an den Support.</numerusform>
            <numerusform>Der Offline-Speicher %1 ist beschädigt (%2). Er enthält noch %n nicht gesendete Änderungen und blieb daher unverändert. Exportieren Sie die Diagnose und wenden Sie sich an den Support.</numerusform>
        </translation>
    </message>
    <message>
        <source>The offline store %1 was damaged (%2) and held no readable unsent work. It was moved aside to %3; open again to start with a fresh store.</source>
        <translation>Der Offline-Speicher %1 war beschädigt (%2) und enthielt keine lesbaren nicht gesendeten Änderungen. Er wurde nach %3 verschoben; erneut öffnen, um mit einem neuen Speicher zu beginnen.</translation>
    </message>
    <message>
        <source>The offline store %1 is damaged (%2) and could not be moved aside.</source>
        <translation>Der Offline-Speicher %1 ist beschädigt (%2) und konnte nicht verschoben werden.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Case %1 is no longer on the server and has no unsent work left; it was removed here.</source>
        <translation>Fall %1 ist nicht mehr auf dem Server und hat keine nicht gesendeten Änderungen; er wurde hier entfernt.</translation>
    </message>
    <message>
        <source>Case %1 exists twice with pending work (%2).</source>
        <translation>Fall %1 existiert doppelt mit wartenden Änderungen (%2).</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>Create %1 %2%3%4</source>
        <translation>Anlegen %1 %2%3%4</translation>
    </message>
    <message>
        <source> “%1”</source>
        <translation> „%1“</translation>
    </message>
    <message>
        <source>Update %1: %2</source>
        <translation>Änderung %1: %2</translation>
    </message>
    <message>
        <source>%1 on %2%3</source>
        <translation>%1 an %2%3</translation>
    </message>
    <message>
        <source>Note on %1: “%2”</source>
        <translation>Notiz zu %1: „%2“</translation>
    </message>
    <message>
        <source>Case type &apos;%1&apos; is not known.</source>
        <translation>Falltyp „%1“ ist unbekannt.</translation>
    </message>
    <message>
        <source>Case %1 has no conflicts.</source>
        <translation>Fall %1 hat keine Konflikte.</translation>
    </message>
    <message>
        <source>Choose a value for %1.</source>
        <translation>Wählen Sie einen Wert für %1.</translation>
    </message>
    <message>
        <source>%1 is not in conflict.</source>
        <translation>%1 steht nicht im Konflikt.</translation>
    </message>
    <message>
        <source>Every conflicting field needs a choice.</source>
        <translation>Jedes Konfliktfeld braucht eine Auswahl.</translation>
    </message>
    <message>
        <source>A chosen value is not valid.</source>
        <translation>Ein gewählter Wert ist ungültig.</translation>
    </message>
    <message>
        <source>Conflicts of %1 resolved: the server&apos;s values kept.</source>
        <translation>Konflikte von %1 gelöst: die Werte des Servers wurden behalten.</translation>
    </message>
    <message>
        <source>Conflicts of %1 resolved: %2 will be sent.</source>
        <translation>Konflikte von %1 gelöst: %2 wird gesendet.</translation>
    </message>
    <message>
        <source>There is no sync issue %1.</source>
        <translation>Es gibt kein Synchronisierungsproblem %1.</translation>
    </message>
    <message>
        <source>A note has no fields to edit.</source>
        <translation>Eine Notiz hat keine Felder zum Bearbeiten.</translation>
    </message>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>Sync issue retried: %1</source>
        <translation>Synchronisierungsproblem erneut versucht: %1</translation>
    </message>
    <message>
        <source>Changes of case %1 are being sent right now.</source>
        <translation>Änderungen von Fall %1 werden gerade gesendet.</translation>
    </message>
    <message>
        <source>Sync issue discarded: the case %1 created on this device is dropped.</source>
        <translation>Synchronisierungsproblem verworfen: der auf diesem Gerät angelegte Fall %1 wird entfernt.</translation>
    </message>
    <message>
        <source>Sync issue discarded for case %1; its local effect is reverted.</source>
        <translation>Synchronisierungsproblem für Fall %1 verworfen; die lokale Wirkung ist rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Updating the offline store failed: %1</source>
        <translation>Aktualisieren des Offline-Speichers fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The offline store cannot be read.</source>
        <translation>Der Offline-Speicher kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The offline store&apos;s version went back.</source>
        <translation>Die Version des Offline-Speichers ist zurückgegangen.</translation>
    </message>
    <message>
        <source>The offline store is busy or unavailable: %1</source>
        <translation>Der Offline-Speicher ist belegt oder nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Saving to the offline store failed: %1</source>
        <translation>Speichern im Offline-Speicher fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The offline store failed (%1): %2</source>
        <translation>Der Offline-Speicher ist fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>Case %1 is now %2 on the server.</source>
        <translation>Fall %1 ist auf dem Server jetzt %2.</translation>
    </message>
    <message>
        <source>A conflict came without the case.</source>
        <translation>Ein Konflikt kam ohne den Fall.</translation>
    </message>
    <message>
        <source>%1 kept the server&apos;s value (serverWins)</source>
        <translation>%1 behielt den Wert des Servers (serverWins)</translation>
    </message>
    <message>
        <source>%1 sent again on etag %2</source>
        <translation>%1 erneut auf ETag %2 gesendet</translation>
    </message>
    <message>
        <source>%1 changed on both sides: your choice is needed</source>
        <translation>%1 auf beiden Seiten geändert: Ihre Auswahl ist nötig</translation>
    </message>
    <message>
        <source>the server already has the same values</source>
        <translation>der Server hat bereits dieselben Werte</translation>
    </message>
    <message>
        <source>%1 met newer changes on the server: %2.</source>
        <translation>%1 traf auf neuere Änderungen auf dem Server: %2.</translation>
    </message>
    <message>
        <source>The server did not accept this change.</source>
        <translation>Der Server hat diese Änderung nicht angenommen.</translation>
    </message>
    <message>
        <source>%1 was %2 by the server: %3. Later changes of this case wait until it is fixed or discarded.</source>
        <translation>%1 wurde vom Server %2: %3. Spätere Änderungen dieses Falls warten, bis es behoben oder verworfen ist.</translation>
    </message>
    <message>
        <source>The server answered %1 results for %2 actions.</source>
        <translation>Der Server lieferte %1 Ergebnisse für %2 Aktionen.</translation>
    </message>
    <message>
        <source>Result %1 answers action %2, expected %3.</source>
        <translation>Ergebnis %1 beantwortet Aktion %2, erwartet war %3.</translation>
    </message>
    <message>
        <source>The server no longer takes changes to case %1, so editing cannot help. Discard the change instead.</source>
        <translation>Der Server nimmt keine Änderungen an Fall %1 mehr an, Bearbeiten hilft also nicht. Verwerfen Sie die Änderung stattdessen.</translation>
    </message>
    <message>
        <source>Copying %1 failed: %2</source>
        <translation>Kopieren von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The offline store %1 could not be encrypted (%2). It was left as it was, with its unsent changes.</source>
        <translation>Der Offline-Speicher %1 konnte nicht verschlüsselt werden (%2). Er blieb unverändert, mit seinen nicht gesendeten Änderungen.</translation>
    </message>
    <message>
        <source>The encrypted offline store could not be put in place at %1.</source>
        <translation>Der verschlüsselte Offline-Speicher konnte nicht nach %1 gelegt werden.</translation>
    </message>
    <message>
        <source>The offline store cannot be opened: its encryption is not available in this build.</source>
        <translation>Der Offline-Speicher kann nicht geöffnet werden: seine Verschlüsselung fehlt in dieser Version.</translation>
    </message>
    <message>
        <source>The offline store %1 is locked: its key is not available. Sign in to unlock it.</source>
        <translation>Der Offline-Speicher %1 ist gesperrt: sein Schlüssel ist nicht verfügbar. Melden Sie sich an, um ihn zu entsperren.</translation>
    </message>
    <message>
        <source>The offline store %1 cannot be read with this device&apos;s key for it (the keychain entry was replaced or belongs to another store). The store was left untouched.</source>
        <translation>Der Offline-Speicher %1 lässt sich mit dem Schlüssel dieses Geräts nicht lesen (der Schlüsselbund-Eintrag wurde ersetzt oder gehört zu einem anderen Speicher). Der Speicher blieb unverändert.</translation>
    </message>
    <message>
        <source>The data on this device is locked: its key is not available.</source>
        <translation>Die Daten auf diesem Gerät sind gesperrt: ihr Schlüssel ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot read the file to keep.</source>
        <translation>Die zu speichernde Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be read: it was cut short or changed.</source>
        <translation>%1 kann nicht gelesen werden: die Datei wurde gekürzt oder verändert.</translation>
    </message>
    <message>
        <source>There is no store at %1.</source>
        <translation>Unter %1 gibt es keinen Speicher.</translation>
    </message>
    <message>
        <source>Cannot move the damaged store aside to %1; nothing was changed.</source>
        <translation>Der beschädigte Speicher kann nicht nach %1 beiseitegelegt werden; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>No attachment of %1 with that sha256 is on this device.</source>
        <translation>Kein Anhang von %1 mit diesem sha256 ist auf diesem Gerät.</translation>
    </message>
    <message>
        <source>%1: the signature&apos;s picture is not attached to the case.</source>
        <extracomment>A signature field names a picture the case does not have.</extracomment>
        <translation>%1: Das Bild der Unterschrift ist nicht an den Fall angehängt.</translation>
    </message>
    <message>
        <source>Saving %1 failed: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the file is shorter than its pages (%1 of %2 bytes): it was cut</source>
        <translation>die Datei ist kürzer als ihre Seiten (%1 von %2 Bytes): sie wurde abgeschnitten</translation>
    </message>
    <message>
        <source>The device&apos;s disk is full: nothing was saved. Free some space, then save again.</source>
        <translation>Der Speicher des Geräts ist voll: Es wurde nichts gespeichert. Geben Sie Speicherplatz frei und speichern Sie dann erneut.</translation>
    </message>
</context>
<context>
    <name>outpost::sync::ActionUploader</name>
    <message>
        <source>The server refused every request that carried action %1 on case %2 (%3: %4); it was set aside in the sync issues, everything else goes on.</source>
        <translation>Der Server hat jede Anfrage mit der Aktion %1 zum Fall %2 abgelehnt (%3: %4); sie wurde in die Synchronisierungsprobleme verschoben, alles andere wird weiter übertragen.</translation>
    </message>
</context>
<context>
    <name>outpost::sync::SignIn</name>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>Die Serveradresse muss eine http://- oder https://-URL sein.</translation>
    </message>
    <message>
        <source>not an http(s) URL</source>
        <translation>keine http(s)-URL</translation>
    </message>
    <message>
        <source>A user name is required.</source>
        <translation>Ein Benutzername ist erforderlich.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>The server cannot be reached and this user never signed in on this device: %1</source>
        <translation>Der Server ist nicht erreichbar und dieser Benutzer hat sich auf diesem Gerät noch nie angemeldet: %1</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your administrator.</source>
        <translation>Dieses Konto ist deaktiviert. Wenden Sie sich an Ihre Administration.</translation>
    </message>
    <message>
        <source>This device may work without the server only until %1, and the server cannot be reached now. Connect to the network and sign in again.</source>
        <translation>Dieses Gerät darf nur bis %1 ohne den Server arbeiten, und der Server ist jetzt nicht erreichbar. Verbinden Sie sich mit dem Netz und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signing in without the server needs one sign-in with the server first. Connect to the network and sign in again.</source>
        <translation>Für eine Anmeldung ohne Server ist zuerst eine Anmeldung mit dem Server nötig. Verbinden Sie sich mit dem Netz und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The keychain entry that unlocks the data on this device is damaged.</source>
        <translation>Der Schlüsselbund-Eintrag, der die Daten auf diesem Gerät entsperrt, ist beschädigt.</translation>
    </message>
    <message>
        <source>The data on this device is locked: its key is not in the keychain. Sign in to unlock it.</source>
        <translation>Die Daten auf diesem Gerät sind gesperrt: ihr Schlüssel ist nicht im Schlüsselbund. Melden Sie sich an, um sie zu entsperren.</translation>
    </message>
    <message>
        <source>No random key could be made for the data on this device.</source>
        <translation>Für die Daten auf diesem Gerät konnte kein Zufallsschlüssel erzeugt werden.</translation>
    </message>
    <message>
        <source>This device was wiped by your administrator; its data was erased.</source>
        <translation>Ihr Administrator hat dieses Gerät zurückgesetzt; seine Daten wurden gelöscht.</translation>
    </message>
</context>
<context>
    <name>outpost::sync::SyncWorker</name>
    <message>
        <source>The device&apos;s disk is full: the sync could not keep what it received; nothing on the device was lost. Free some space; the sync then continues by itself.</source>
        <translation>Der Speicher des Geräts ist voll: Die Synchronisierung konnte das Empfangene nicht ablegen; auf dem Gerät ging nichts verloren. Geben Sie Speicherplatz frei; die Synchronisierung läuft dann von selbst weiter.</translation>
    </message>
</context>
<context>
    <name>outpost::sync::TransportPolicy</name>
    <message>
        <source>Cannot read the CA bundle %1: %2</source>
        <translation>Das CA-Bundle %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA bundle %1 holds no PEM certificate.</source>
        <translation>Das CA-Bundle %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http:// where plain connections are allowed), not &apos;%1&apos;.</source>
        <translation>Die Serveradresse muss mit https:// beginnen (oder mit http://, wo unverschlüsselte Verbindungen erlaubt sind), nicht mit &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Outpost does not send your password and case data unencrypted to %1. Use https://, or allow plain http for this profile (--allow-insecure-http) on a network you trust.</source>
        <translation>Outpost sendet Ihr Passwort und Ihre Falldaten nicht unverschlüsselt an %1. Verwenden Sie https:// oder erlauben Sie unverschlüsseltes http für dieses Profil (--allow-insecure-http) in einem vertrauenswürdigen Netz.</translation>
    </message>
    <message>
        <source>use https://</source>
        <translation>https:// verwenden</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AdminGate</name>
    <message>
        <source>Enter the administrator PIN to leave kiosk mode.</source>
        <translation>Geben Sie die Administrator-PIN ein, um den Kioskmodus zu verlassen.</translation>
    </message>
    <message>
        <source>Enter the administrator PIN to open the settings.</source>
        <translation>Geben Sie die Administrator-PIN ein, um die Einstellungen zu öffnen.</translation>
    </message>
    <message>
        <source>Enter the administrator PIN to sign out of this tablet.</source>
        <translation>Geben Sie die Administrator-PIN ein, um sich von diesem Tablet abzumelden.</translation>
    </message>
    <message>
        <source>Enter the administrator PIN to choose files on this tablet.</source>
        <translation>Geben Sie die Administrator-PIN ein, um auf diesem Tablet Dateien auszuwählen.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AppLifecycle</name>
    <message>
        <source>Signing out…</source>
        <translation>Wird abgemeldet…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>The server needs your password before your changes can be sent.</source>
        <translation>Der Server braucht Ihr Passwort, bevor Ihre Änderungen gesendet werden können.</translation>
    </message>
    <message>
        <source>Signed in again; syncing…</source>
        <translation>Wieder angemeldet; synchronisiere …</translation>
    </message>
    <message>
        <source>Wrong administrator PIN (to %1; %2 in a row; next try in %3 s).</source>
        <translation>Falsche Administrator-PIN (für: %1; %2 in Folge; nächster Versuch in %3 s).</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AppSession</name>
    <message>
        <source>A sign-in is already in progress.</source>
        <translation>Eine Anmeldung läuft bereits.</translation>
    </message>
    <message>
        <source>Signed in offline; changes are sent once the server can be reached.</source>
        <translation>Offline angemeldet; Änderungen werden gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Cannot open the data on this device: %1</source>
        <translation>Die Daten auf diesem Gerät können nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>No one is signed in.</source>
        <translation>Niemand ist angemeldet.</translation>
    </message>
    <message>
        <source>This session belongs to %1; only %1 can unlock it.</source>
        <translation>Diese Sitzung gehört %1; nur %1 kann sie entsperren.</translation>
    </message>
    <message>
        <source>This session belongs to %1 on %2.</source>
        <translation>Diese Sitzung gehört %1 auf %2.</translation>
    </message>
    <message>
        <source>Sign in again first: the server needs your password.</source>
        <translation>Melden Sie sich zuerst erneut an: Der Server braucht Ihr Passwort.</translation>
    </message>
    <message>
        <source>Trying to reach the server…</source>
        <translation>Versuche, den Server zu erreichen …</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere …</translation>
    </message>
    <message>
        <source>Sync did not finish: %1 Your changes stay on this device.</source>
        <translation>Die Synchronisierung wurde nicht abgeschlossen: %1 Ihre Änderungen bleiben auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Synced; 1 change is still waiting (see the Outbox).</source>
        <translation>Synchronisiert; 1 Änderung wartet noch (siehe Postausgang).</translation>
    </message>
    <message>
        <source>Synced; %1 changes are still waiting (see the Outbox).</source>
        <translation>Synchronisiert; %1 Änderungen warten noch (siehe Postausgang).</translation>
    </message>
    <message>
        <source>Synced: everything is sent and up to date.</source>
        <translation>Synchronisiert: Alles ist gesendet und aktuell.</translation>
    </message>
    <message>
        <source>The server cannot be reached, so it cannot check your password yet. Your changes stay on this device; try again once you are online.</source>
        <translation>Der Server ist nicht erreichbar und kann Ihr Passwort noch nicht prüfen. Ihre Änderungen bleiben auf diesem Gerät; versuchen Sie es wieder, sobald Sie online sind.</translation>
    </message>
    <message>
        <source>Recovery failed; nothing was changed: %1</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen; nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>The data on this device is damaged, but it still holds unsent changes. Recover them into a fresh store (the damaged file is kept for support), then sign in to send them.

Details: %1</source>
        <translation>Die Daten auf diesem Gerät sind beschädigt, enthalten aber noch nicht gesendete Änderungen. Stellen Sie sie in einem neuen Speicher wieder her (die beschädigte Datei wird für den Support aufbewahrt) und melden Sie sich dann an, um sie zu senden.

Details: %1</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AttachFileDialog</name>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>No attachment folder is set up on this tablet.</source>
        <translation>Auf diesem Tablet ist kein Anhangsordner eingerichtet.</translation>
    </message>
    <message>
        <source>Only the attachment folders can be opened here.</source>
        <translation>Hier lassen sich nur die Anhangsordner öffnen.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AttachmentViewer</name>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>The whole picture or page width in the window</source>
        <translation>Das ganze Bild oder die Seitenbreite im Fenster</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>%1 cannot be shown: it is not a readable PDF.</source>
        <translation>%1 kann nicht angezeigt werden: Es ist kein lesbares PDF.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be shown inside the app.</source>
        <translation>%1 kann in der App nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AttachmentsModel</name>
    <message>
        <source>pending upload</source>
        <translation>wartet auf Hochladen</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>auf dem Server</translation>
    </message>
    <message>
        <source>on the server, opened after a download</source>
        <translation>auf dem Server, wird nach dem Herunterladen geöffnet</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AttachmentsPanel</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Attach files; they are uploaded with the next sync</source>
        <translation>Dateien anhängen; sie werden mit der nächsten Synchronisierung hochgeladen</translation>
    </message>
    <message>
        <source>Open the selected attachment (Enter)</source>
        <translation>Den ausgewählten Anhang öffnen (Eingabe)</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Fortschritt des Downloads</translation>
    </message>
    <message>
        <source>Attached. The file is uploaded with the next sync.</source>
        <translation>Angehängt. Die Datei wird mit der nächsten Synchronisierung hochgeladen.</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Nicht angehängt: %1</translation>
    </message>
    <message>
        <source>Cannot open the attachment: %1</source>
        <translation>Der Anhang kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>No application on this device opens %1.</source>
        <translation>Keine Anwendung auf diesem Gerät öffnet %1.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird kopiert…</numerusform>
            <numerusform>%n Dateien werden kopiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen…</translation>
    </message>
    <message>
        <source>%1 is a program or script; such attachments are never opened on this device.</source>
        <translation>%1 ist ein Programm oder Skript; solche Anhänge werden auf diesem Gerät nie geöffnet.</translation>
    </message>
    <message>
        <source>%1 cannot be shown on this tablet; pictures and PDF files can.</source>
        <translation>%1 kann auf diesem Tablet nicht angezeigt werden; Bilder und PDF-Dateien schon.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseDetailsPane</name>
    <message>
        <source>Case details</source>
        <translation>Falldetails</translation>
    </message>
    <message>
        <source>No&amp;tes (%1)</source>
        <translation>&amp;Notizen (%1)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Attach&amp;ments (%1)</source>
        <translation>&amp;Anhänge (%1)</translation>
    </message>
    <message>
        <source>Attach&amp;ments</source>
        <translation>&amp;Anhänge</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>&amp;Verlauf</translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseFilesWorker</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The server cannot be reached; try again when you are online.</source>
        <translation>Der Server ist nicht erreichbar; versuchen Sie es erneut, wenn Sie online sind.</translation>
    </message>
    <message>
        <source>The downloaded file differs from the one on record (sha256 %1, expected %2).</source>
        <translation>Die heruntergeladene Datei weicht von der erfassten ab (sha256 %1, erwartet %2).</translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseForm</name>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>%1: message</source>
        <translation>%1: Hinweis</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (Pflichtfeld)</translation>
    </message>
    <message>
        <source>Conflict: yours %1, on the server %2. Resolve it above.</source>
        <translation>Konflikt: Ihr Wert %1, auf dem Server %2. Lösen Sie ihn oben.</translation>
    </message>
    <message>
        <source>Saved on this device, not sent yet</source>
        <translation>Auf diesem Gerät gespeichert, noch nicht gesendet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The customer signs once the case is created.</source>
        <translation>Der Kunde unterschreibt, sobald der Fall angelegt ist.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseView</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Save the changes; they are sent with the next sync (Ctrl+S)</source>
        <translation>Änderungen speichern; sie werden mit der nächsten Synchronisierung gesendet (Strg+S)</translation>
    </message>
    <message>
        <source>Drop your unsaved changes</source>
        <translation>Ungespeicherte Änderungen verwerfen</translation>
    </message>
    <message>
        <source>This case cannot be opened: %1</source>
        <translation>Dieser Fall lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>The case type %1 is not available yet; sync first.</source>
        <translation>Der Falltyp %1 ist noch nicht vorhanden; bitte zuerst synchronisieren.</translation>
    </message>
    <message>
        <source>Please correct the marked fields first. Nothing was saved.</source>
        <translation>Bitte zuerst die markierten Felder korrigieren. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved. The change is sent with the next sync.</source>
        <translation>Gespeichert. Die Änderung wird mit der nächsten Synchronisierung gesendet.</translation>
    </message>
    <message>
        <source>Done: %1. It is sent with the next sync.</source>
        <translation>Erledigt: %1. Wird mit der nächsten Synchronisierung gesendet.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>Warteschlange: %1</translation>
    </message>
    <message>
        <source>Correct the marked fields first.</source>
        <translation>Bitte zuerst die markierten Felder korrigieren.</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>Nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Created. The new case is sent with the next sync.</source>
        <translation>Angelegt. Der neue Fall wird mit der nächsten Synchronisierung gesendet.</translation>
    </message>
    <message>
        <source>not yet saved</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Lösen …</translation>
    </message>
    <message>
        <source>This case was closed or reassigned on the server, so your unsaved changes cannot be saved to it. Copy what you need before you open another case.</source>
        <translation>Dieser Fall wurde auf dem Server geschlossen oder neu zugewiesen; Ihre ungespeicherten Änderungen können nicht mehr in ihm gespeichert werden. Kopieren Sie, was Sie brauchen, bevor Sie einen anderen Fall öffnen.</translation>
    </message>
    <message>
        <source>%1: done and sent. The case has left your worklist.</source>
        <translation>%1: erledigt und gesendet. Der Fall ist nicht mehr in Ihrer Arbeitsliste.</translation>
    </message>
    <message>
        <source>This case was closed or reassigned on the server and has left your worklist.</source>
        <translation>Dieser Fall wurde auf dem Server geschlossen oder neu zugewiesen und ist nicht mehr in Ihrer Arbeitsliste.</translation>
    </message>
    <message>
        <source>Your change and the server&apos;s differ for: %1. Nothing of it is sent until you decide.</source>
        <translation>Ihre Änderung und die des Servers unterscheiden sich bei: %1. Davon wird nichts gesendet, bis Sie entscheiden.</translation>
    </message>
    <message>
        <source>Saved and sent.</source>
        <translation>Gespeichert und gesendet.</translation>
    </message>
    <message>
        <source>Due %1: overdue</source>
        <translation>Fällig %1: überfällig</translation>
    </message>
    <message>
        <source>Due today: %1</source>
        <translation>Heute fällig: %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Fällig %1</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ConflictDialog</name>
    <message>
        <source>Resolve conflict: %1</source>
        <translation>Konflikt lösen: %1</translation>
    </message>
    <message>
        <source>These fields were changed both here and on the server. For each field, tick the value to keep.</source>
        <translation>Diese Felder wurden sowohl hier als auch auf dem Server geändert. Haken Sie für jedes Feld den Wert an, der bleiben soll.</translation>
    </message>
    <message>
        <source>Conflicting fields</source>
        <translation>Felder im Konflikt</translation>
    </message>
    <message>
        <source>Move to the Mine or Server cell and press Space to choose it.</source>
        <translation>Zur Zelle „Meins“ oder „Server“ gehen und mit der Leertaste wählen.</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Alle meine behalten</translation>
    </message>
    <message>
        <source>Take all from server</source>
        <translation>Alle vom Server übernehmen</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Choose a value for every field first.</source>
        <translation>Bitte zuerst für jedes Feld einen Wert wählen.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ConflictModel</name>
    <message>
        <source>Keep your value for %1</source>
        <translation>Ihren Wert für %1 behalten</translation>
    </message>
    <message>
        <source>Take the server&apos;s value for %1</source>
        <translation>Den Serverwert für %1 übernehmen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meins</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ConflictsListModel</name>
    <message>
        <source>%1: %2 changed here and on the server</source>
        <translation>%1: %2 hier und auf dem Server geändert</translation>
    </message>
</context>
<context>
    <name>outpost::ui::EventLogView</name>
    <message>
        <source>Filter events</source>
        <translation>Ereignisse filtern</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
</context>
<context>
    <name>outpost::ui::FieldEditor</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine Angabe)</translation>
    </message>
    <message>
        <source>Press the chosen answer again to clear it</source>
        <translation>Drücken Sie die gewählte Antwort erneut, um sie zu löschen</translation>
    </message>
    <message>
        <source>%1: No</source>
        <translation>%1: Nein</translation>
    </message>
    <message>
        <source>Search %1…</source>
        <extracomment>Placeholder of a lookup field&apos;s editor; %1 is the field&apos;s label, e.g. &quot;Site&quot;.</extracomment>
        <translation>%1 suchen …</translation>
    </message>
</context>
<context>
    <name>outpost::ui::FileAccess</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 belongs to the app&apos;s own data; such files cannot be attached.</source>
        <translation>%1 gehört zu den eigenen Daten der App; solche Dateien können nicht angehängt werden.</translation>
    </message>
    <message>
        <source>%1 is in a system or settings folder; such files cannot be attached.</source>
        <translation>%1 liegt in einem System- oder Einstellungsordner; solche Dateien können nicht angehängt werden.</translation>
    </message>
    <message>
        <source>On this tablet files can only be attached from %1.</source>
        <translation>Auf diesem Tablet können Dateien nur aus %1 angehängt werden.</translation>
    </message>
    <message>
        <source>the attachment folders (none is set up)</source>
        <translation>den Anhangsordnern (keiner ist eingerichtet)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 holds far more than pictures; choose a folder for pictures only.</source>
        <translation>%1 enthält weit mehr als Bilder; wählen Sie einen Ordner nur für Bilder.</translation>
    </message>
    <message>
        <source>%1 holds the app&apos;s own data or system files; choose a folder for pictures only.</source>
        <translation>%1 enthält die eigenen Daten der App oder Systemdateien; wählen Sie einen Ordner nur für Bilder.</translation>
    </message>
    <message>
        <source>%1 is a hidden folder; choose a folder for pictures only.</source>
        <translation>%1 ist ein versteckter Ordner; wählen Sie einen Ordner nur für Bilder.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::FlowActionBar</name>
    <message>
        <source>Not available right now.</source>
        <translation>Gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>Moves the case to %1.</source>
        <translation>Setzt den Fall auf %1.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::FolderPickerDialog</name>
    <message>
        <source>Camera import folder</source>
        <translation>Kamera-Importordner</translation>
    </message>
    <message>
        <source>Choose a folder in %1.</source>
        <translation>Wählen Sie einen Ordner in %1.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::HistoryModel</name>
    <message>
        <source>Created the case</source>
        <translation>Fall angelegt</translation>
    </message>
    <message>
        <source>Flow action: %1</source>
        <translation>Ablaufschritt: %1</translation>
    </message>
    <message>
        <source>Assignment changed</source>
        <translation>Zuweisung geändert</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Attached %1 (%2)</source>
        <translation>%1 angehängt (%2)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>No fields changed</source>
        <translation>Keine Felder geändert</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>outpost::ui::HistoryView</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Verlauf des Falls</translation>
    </message>
    <message>
        <source>Read the history on this device again</source>
        <translation>Den Verlauf auf diesem Gerät erneut lesen</translation>
    </message>
    <message>
        <source>No history for this case on this device yet.</source>
        <translation>Auf diesem Gerät gibt es noch keinen Verlauf für diesen Fall.</translation>
    </message>
    <message>
        <source>%1 Shown is the history as fetched before.</source>
        <translation>%1 Angezeigt wird der zuletzt abgerufene Verlauf.</translation>
    </message>
    <message>
        <source>No history for a case that is not saved yet.</source>
        <translation>Ein noch nicht gespeicherter Fall hat keinen Verlauf.</translation>
    </message>
    <message>
        <source>This case was created on this device and is not on the server yet. Its history starts once it is sent.</source>
        <translation>Dieser Fall wurde auf diesem Gerät angelegt und ist noch nicht auf dem Server. Sein Verlauf beginnt, sobald er gesendet ist.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Der Verlauf wird geladen…</translation>
    </message>
</context>
<context>
    <name>outpost::ui::MainWindow</name>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>Select a case in the worklist to open it.</source>
        <translation>Wählen Sie einen Fall in der Arbeitsliste, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Fälle</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Nichts wartet auf das Senden.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Co&amp;nflicts</source>
        <translation>&amp;Konflikte</translation>
    </message>
    <message>
        <source>No sync issues.</source>
        <translation>Keine Synchronisierungsprobleme.</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Synchronisierungsprobleme</translation>
    </message>
    <message>
        <source>Sync &amp;issues</source>
        <translation>Synchronisierungs&amp;probleme</translation>
    </message>
    <message>
        <source>&amp;Event log</source>
        <translation>&amp;Ereignisprotokoll</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Exit kiosk mode…</source>
        <translation>Kioskmodus verlassen…</translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation>Fall &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Locked. Sign in to continue; your work is kept.</source>
        <translation>Gesperrt. Melden Sie sich an, um weiterzuarbeiten; Ihre Arbeit bleibt erhalten.</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Neuer Fall</translation>
    </message>
    <message>
        <source>%1: details</source>
        <translation>%1: Details</translation>
    </message>
    <message>
        <source>Sign out and return to sign-in; queued work stays on this device</source>
        <translation>Abmelden und zur Anmeldung zurückkehren; wartende Arbeit bleibt auf diesem Gerät</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The new case is not saved yet.</source>
        <translation>Der neue Fall ist noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Case %1 has changes that are not saved yet.</source>
        <translation>Fall %1 hat Änderungen, die noch nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>Save keeps them on this device and sends them with the next sync.</source>
        <translation>Speichern behält sie auf diesem Gerät und sendet sie mit der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Do&amp;n&apos;t save</source>
        <translation>&amp;Nicht speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Wrong current administrator PIN in the settings (%1 in a row; next try in %2 s).</source>
        <translation>Falsche aktuelle Administrator-PIN in den Einstellungen (%1 in Folge; nächster Versuch in %2 s).</translation>
    </message>
</context>
<context>
    <name>outpost::ui::NotesModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · not accepted by the server</source>
        <translation>%1 · vom Server nicht angenommen</translation>
    </message>
    <message>
        <source>%1 · pending, sent with the next sync</source>
        <translation>%1 · ausstehend, wird mit der nächsten Synchronisierung gesendet</translation>
    </message>
</context>
<context>
    <name>outpost::ui::NotesPanel</name>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Notiz schreiben…</translation>
    </message>
    <message>
        <source>Queue the note; it is sent with the next sync (Ctrl+Enter)</source>
        <translation>Die Notiz vormerken; sie wird mit der nächsten Synchronisierung gesendet (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Notes already on the server are shown once it can be reached.</source>
        <translation>Notizen, die schon auf dem Server sind, werden angezeigt, sobald er erreichbar ist.</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Noch keine Notizen.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Note added. It is sent with the next sync.</source>
        <translation>Notiz hinzugefügt. Sie wird mit der nächsten Synchronisierung gesendet.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::OutboxModel</name>
    <message>
        <source>%1 (on hold)</source>
        <translation>%1 (angehalten)</translation>
    </message>
    <message>
        <source>%1 (sending)</source>
        <translation>%1 (wird gesendet)</translation>
    </message>
    <message>
        <source>%1 (waits for a conflict)</source>
        <translation>%1 (wartet auf einen Konflikt)</translation>
    </message>
    <message>
        <source>%1 (waits for a sync issue)</source>
        <translation>%1 (wartet auf ein Synchronisierungsproblem)</translation>
    </message>
    <message>
        <source>%1 (waits for a held change)</source>
        <translation>%1 (wartet auf eine angehaltene Änderung)</translation>
    </message>
    <message>
        <source>%1 (waits for the change being sent)</source>
        <translation>%1 (wartet auf die Änderung, die gerade gesendet wird)</translation>
    </message>
    <message>
        <source>%1 (waits for its signature&apos;s picture to upload)</source>
        <translation>%1 (wartet, bis das Bild ihrer Unterschrift hochgeladen ist)</translation>
    </message>
</context>
<context>
    <name>outpost::ui::PinDialog</name>
    <message>
        <source>Administrator PIN</source>
        <translation>Administrator-PIN</translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation>PIN-Hinweis</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation>PIN bestätigen</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Falsche PIN. Bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>No administrator PIN is set on this device, so this needs the administrator.</source>
        <translation>Auf diesem Gerät ist keine Administrator-PIN festgelegt; dafür wird der Administrator gebraucht.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Try again in %n s.</source>
        <translation>
            <numerusform>Falsche PIN. Erneut versuchen in %n s.</numerusform>
            <numerusform>Falsche PIN. Erneut versuchen in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>
            <numerusform>Zu viele falsche PINs. Erneut versuchen in %n s.</numerusform>
            <numerusform>Zu viele falsche PINs. Erneut versuchen in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outpost::ui::PinStore</name>
    <message>
        <source>The PIN must have 4 to 12 digits.</source>
        <translation>Die PIN muss 4 bis 12 Ziffern haben.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::QueueActions</name>
    <message>
        <source>&amp;Hold</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Lösen…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Keep the selected change on this device until it is released</source>
        <translation>Die gewählte Änderung auf diesem Gerät behalten, bis sie freigegeben wird</translation>
    </message>
    <message>
        <source>Send the selected change with the next sync</source>
        <translation>Die gewählte Änderung mit der nächsten Synchronisierung senden</translation>
    </message>
    <message>
        <source>Undo the selected change and remove it from the outbox</source>
        <translation>Die gewählte Änderung rückgängig machen und aus dem Postausgang entfernen</translation>
    </message>
    <message>
        <source>Pick per field which value to keep</source>
        <translation>Pro Feld wählen, welcher Wert bleibt</translation>
    </message>
    <message>
        <source>Send the refused change again</source>
        <translation>Die abgelehnte Änderung erneut senden</translation>
    </message>
    <message>
        <source>Drop the refused change and undo it on this device</source>
        <translation>Die abgelehnte Änderung verwerfen und auf diesem Gerät rückgängig machen</translation>
    </message>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>Discard this change? It is undone on this device and never sent.

%1</source>
        <translation>Diese Änderung verwerfen? Sie wird auf diesem Gerät rückgängig gemacht und nie gesendet.

%1</translation>
    </message>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>Fall %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Case type %1 is not known.</source>
        <translation>Falltyp %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>Discard this refused change? It is undone on this device.

%1</source>
        <translation>Diese abgelehnte Änderung verwerfen? Sie wird auf diesem Gerät rückgängig gemacht.

%1</translation>
    </message>
    <message>
        <source>&amp;Edit and retry…</source>
        <translation>&amp;Bearbeiten und erneut versuchen…</translation>
    </message>
    <message>
        <source>Correct the refused change in its form, then send it again</source>
        <translation>Die abgelehnte Änderung im Formular korrigieren und dann erneut senden</translation>
    </message>
    <message>
        <source>The server no longer accepts changes to case %1: it was resolved, withdrawn or moved out of your reach. Editing it or sending it again cannot help. Discard the change to undo it on this device; the server keeps a copy for the office.</source>
        <translation>Der Server nimmt keine Änderungen an Fall %1 mehr an: Er wurde abgeschlossen, zurückgezogen oder ist nicht mehr Ihnen zugeordnet. Bearbeiten oder erneutes Senden hilft nicht. Verwerfen Sie die Änderung, um sie auf diesem Gerät rückgängig zu machen; der Server bewahrt eine Kopie für das Büro auf.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ReadyPanel</name>
    <message>
        <source>Fetching attachments</source>
        <translation>Anhänge werden geholt</translation>
    </message>
    <message>
        <source>&amp;Get ready</source>
        <translation>&amp;Bereit machen</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Ready to go offline?</source>
        <translation>Bereit für die Arbeit ohne Netz?</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>Was geprüft wurde</translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>Wird bereit gemacht</translation>
    </message>
    <message>
        <source>Send what is queued, fetch everything for your cases, then check again</source>
        <translation>Wartendes senden, alles für Ihre Vorgänge holen, dann erneut prüfen</translation>
    </message>
    <message>
        <source>Sending your changes</source>
        <translation>Ihre Änderungen werden gesendet</translation>
    </message>
    <message>
        <source>Sending attachments</source>
        <translation>Anhänge werden gesendet</translation>
    </message>
    <message>
        <source>Fetching news from the server</source>
        <translation>Neuigkeiten vom Server werden geholt</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Ready to go offline</source>
        <translation>Bereit für die Arbeit ohne Netz</translation>
    </message>
    <message>
        <source>Not ready to go offline</source>
        <translation>Nicht bereit für die Arbeit ohne Netz</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Geprüft um %1</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ReadySession</name>
    <message>
        <source>The data on this device cannot be read: %1</source>
        <translation>Die Daten auf diesem Gerät können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Synced. Checking again…</source>
        <translation>Synchronisiert. Wird erneut geprüft…</translation>
    </message>
    <message>
        <source>The sync did not finish: %1</source>
        <translation>Die Synchronisierung wurde nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ServerChangedBanner</name>
    <message>
        <source>Review and merge</source>
        <translation>Prüfen und zusammenführen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Server update</source>
        <translation>Änderung auf dem Server</translation>
    </message>
    <message>
        <source>Show the server&apos;s version and drop your unsaved edits</source>
        <translation>Die Serverfassung anzeigen und ungespeicherte Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss; your edits stay as they are</source>
        <translation>Ausblenden; Ihre Änderungen bleiben erhalten</translation>
    </message>
    <message>
        <source>This case was changed on the server.</source>
        <translation>Dieser Fall wurde auf dem Server geändert.</translation>
    </message>
    <message>
        <source>Your unsaved edits are kept: %1.</source>
        <translation>Ihre ungespeicherten Änderungen bleiben erhalten: %1.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SettingsDialog</name>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Space for attachments kept on this device, in megabytes</source>
        <translation>Platz für Anhänge auf diesem Gerät, in Megabyte</translation>
    </message>
    <message>
        <source>After each sync the attachments of your cases are fetched onto this device, soonest due first, up to this size, so that they open offline</source>
        <translation>Nach jeder Synchronisierung werden die Anhänge Ihrer Fälle auf dieses Gerät geholt, die am frühesten fälligen zuerst, bis zu dieser Größe, damit sie offline zu öffnen sind</translation>
    </message>
    <message>
        <source>&amp;Keep on this device:</source>
        <translation>Auf diesem Gerät &amp;behalten:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Sync interval in minutes</source>
        <translation>Synchronisierungsintervall in Minuten</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Sperren nach Minuten ohne Eingabe</translation>
    </message>
    <message>
        <source>New administrator PIN</source>
        <translation>Neue Administrator-PIN</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Synchronisieren &amp;alle:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Kioskmodus</translation>
    </message>
    <message>
        <source>Lock after &amp;idle:</source>
        <translation>Sperren nach &amp;Inaktivität:</translation>
    </message>
    <message>
        <source>New &amp;PIN:</source>
        <translation>Neue &amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat PIN:</source>
        <translation>PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Camera import folder</source>
        <translation>Kamera-Importordner</translation>
    </message>
    <message>
        <source>Where the camera&apos;s pictures arrive; with the Pictures folder the only folders a kiosk attaches files from</source>
        <translation>Wo die Bilder der Kamera ankommen; mit dem Bilderordner die einzigen Ordner, aus denen ein Kiosk Dateien anhängt</translation>
    </message>
    <message>
        <source>Technicians choose files without the PIN (from the attachment folders only)</source>
        <translation>Techniker wählen Dateien ohne PIN (nur aus den Anhangsordnern)</translation>
    </message>
    <message>
        <source>Current administrator PIN</source>
        <translation>Aktuelle Administrator-PIN</translation>
    </message>
    <message>
        <source>needed to change the PIN</source>
        <translation>nötig, um die PIN zu ändern</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>&amp;Camera import folder:</source>
        <translation>&amp;Kamera-Importordner:</translation>
    </message>
    <message>
        <source>C&amp;urrent PIN:</source>
        <translation>A&amp;ktuelle PIN:</translation>
    </message>
    <message>
        <source>The camera import folder %1 does not exist.</source>
        <translation>Der Kamera-Importordner %1 existiert nicht.</translation>
    </message>
    <message numerus="yes">
        <source>The current PIN is wrong. Try again in %n s.</source>
        <translation>
            <numerusform>Die aktuelle PIN ist falsch. Erneut versuchen in %n s.</numerusform>
            <numerusform>Die aktuelle PIN ist falsch. Erneut versuchen in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>
            <numerusform>Zu viele falsche PINs. Erneut versuchen in %n s.</numerusform>
            <numerusform>Zu viele falsche PINs. Erneut versuchen in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The current PIN is wrong; the PIN stays as it was.</source>
        <translation>Die aktuelle PIN ist falsch; die PIN bleibt unverändert.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the camera import folder</source>
        <translation>Kamera-Importordner wählen</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SignInDialog</name>
    <message>
        <source>Enter the server address, for example https://outpost.example.com.</source>
        <translation>Geben Sie die Serveradresse ein, zum Beispiel https://outpost.example.com.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address. Use a form like https://outpost.example.com.</source>
        <translation>„%1“ ist keine Serveradresse. Verwenden Sie eine Form wie https://outpost.example.com.</translation>
    </message>
    <message>
        <source>Remember server</source>
        <translation>Server merken</translation>
    </message>
    <message>
        <source>Sign in to Outpost</source>
        <translation>Bei Outpost anmelden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outpost&lt;/b&gt;&lt;br&gt;Sign in with your work account.</source>
        <translation>&lt;b&gt;Outpost&lt;/b&gt;&lt;br&gt;Melden Sie sich mit Ihrem Arbeitskonto an.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Anmeldehinweis</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Set by the administrator in the settings</source>
        <translation>Vom Administrator in den Einstellungen festgelegt</translation>
    </message>
    <message>
        <source>Recover unsent work</source>
        <translation>Nicht gesendete Arbeit wiederherstellen</translation>
    </message>
    <message>
        <source>Copies the unsent changes that can still be read into a fresh store on this device and keeps the damaged file for support; they are sent once you are signed in.</source>
        <translation>Kopiert die noch lesbaren, nicht gesendeten Änderungen in einen neuen Speicher auf diesem Gerät und bewahrt die beschädigte Datei für den Support auf; sie werden gesendet, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>Recovering unsent work…</source>
        <translation>Nicht gesendete Arbeit wird wiederhergestellt…</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SignatureEditor</name>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Neu unterschreiben</translation>
    </message>
    <message>
        <source>Sign here with a finger, a pen or the mouse, then press Done.</source>
        <translation>Unterschreiben Sie hier mit dem Finger, einem Stift oder der Maus und drücken Sie dann auf Fertig.</translation>
    </message>
    <message>
        <source>Sign above with a finger, a pen or the mouse.</source>
        <translation>Oben mit dem Finger, einem Stift oder der Maus unterschreiben.</translation>
    </message>
    <message>
        <source>%1: the captured signature</source>
        <translation>%1: die erfasste Unterschrift</translation>
    </message>
    <message>
        <source>%1: Clear</source>
        <translation>%1: Löschen</translation>
    </message>
    <message>
        <source>%1: Cancel signing</source>
        <translation>%1: Unterschreiben abbrechen</translation>
    </message>
    <message>
        <source>%1: Done</source>
        <translation>%1: Fertig</translation>
    </message>
    <message>
        <source>%1: Sign again</source>
        <translation>%1: Neu unterschreiben</translation>
    </message>
    <message>
        <source>Signed. The picture is not on this device.</source>
        <translation>Unterschrieben. Das Bild ist nicht auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Unterschrieben</translation>
    </message>
    <message>
        <source>Signed here; saved with the case.</source>
        <translation>Hier unterschrieben; wird mit dem Fall gespeichert.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::StoreCaseDetails</name>
    <message>
        <source>The attachment is no longer part of this case.</source>
        <translation>Der Anhang gehört nicht mehr zu diesem Fall.</translation>
    </message>
    <message>
        <source>This case was created on this device and is not on the server yet. Its history starts once it is sent.</source>
        <translation>Dieser Fall wurde auf diesem Gerät angelegt und ist noch nicht auf dem Server. Sein Verlauf beginnt, sobald er gesendet ist.</translation>
    </message>
    <message>
        <source>The server sent an attachment that cannot be opened.</source>
        <translation>Der Server hat einen Anhang gesendet, der nicht geöffnet werden kann.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::StoreCaseHost</name>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>Fall %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Case type %1 is not known.</source>
        <translation>Falltyp %1 ist unbekannt.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::StoreRecovery</name>
    <message>
        <source>No unsent change could be read; the damaged file was kept as %1. Sign in to start with a fresh store.</source>
        <translation>Keine nicht gesendete Änderung war lesbar; die beschädigte Datei wurde als %1 aufbewahrt. Melden Sie sich an, um mit einem neuen Speicher zu beginnen.</translation>
    </message>
    <message>
        <source>Some of the damaged file could not be read: %1</source>
        <translation>Ein Teil der beschädigten Datei war nicht lesbar: %1</translation>
    </message>
    <message>
        <source>1 unsent change recovered; the damaged file was kept as %1. Sign in to send it.</source>
        <translation>1 nicht gesendete Änderung wiederhergestellt; die beschädigte Datei wurde als %1 aufbewahrt. Melden Sie sich an, um sie zu senden.</translation>
    </message>
    <message>
        <source>%1 unsent changes recovered; the damaged file was kept as %2. Sign in to send them.</source>
        <translation>%1 nicht gesendete Änderungen wiederhergestellt; die beschädigte Datei wurde als %2 aufbewahrt. Melden Sie sich an, um sie zu senden.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::StoreWorklistModel</name>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SyncIssueDialog</name>
    <message>
        <source>Edit and retry: %1</source>
        <translation>Bearbeiten und erneut versuchen: %1</translation>
    </message>
    <message>
        <source>The server refused “%1”. Fill in what it needs, then retry; the change goes back to its place in the outbox.</source>
        <translation>Der Server hat „%1“ abgelehnt. Ergänzen Sie, was dafür nötig ist, und versuchen Sie es erneut; die Änderung kommt wieder an ihren Platz im Postausgang.</translation>
    </message>
    <message>
        <source>The server refused this change. Correct the highlighted fields, then retry; the change goes back to its place in the outbox.</source>
        <translation>Der Server hat diese Änderung abgelehnt. Korrigieren Sie die markierten Felder und versuchen Sie es erneut; die Änderung kommt wieder an ihren Platz im Postausgang.</translation>
    </message>
    <message>
        <source>Server message</source>
        <translation>Meldung des Servers</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Correct the highlighted fields first.</source>
        <translation>Korrigieren Sie zuerst die markierten Felder.</translation>
    </message>
    <message>
        <source>Refused change</source>
        <translation>Abgelehnte Änderung</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SyncIssuesModel</name>
    <message>
        <source>%1 — the case is gone: %2</source>
        <translation>%1 — der Fall ist nicht mehr verfügbar: %2</translation>
    </message>
    <message>
        <source>%1 — refused: %2</source>
        <translation>%1 — abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SyncStatusBar</name>
    <message>
        <source>Attachments: %1 of %2</source>
        <translation>Anhänge: %1 von %2</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synchronisierungsfortschritt</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Send queued changes and fetch news now (F5)</source>
        <translation>Wartende Änderungen senden und Neues abholen (F5)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Änderungen werden gesendet…</translation>
    </message>
    <message>
        <source>Receiving updates…</source>
        <translation>Aktualisierungen werden empfangen…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisierung läuft…</translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation>%1 von %2 Fällen</translation>
    </message>
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
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, about %2 left</source>
        <translation>%1, noch etwa %2</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Synchronisierungsproblem</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Pending: %1</source>
        <translation>Ausstehend: %1</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Änderungen, die auf das Senden warten</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
    <message>
        <source>Cases where your changes and the server&apos;s need a decision</source>
        <translation>Fälle, in denen zwischen Ihren Änderungen und denen des Servers entschieden werden muss</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Enter your password so that syncing can go on</source>
        <translation>Geben Sie Ihr Passwort ein, damit die Synchronisierung weitergehen kann</translation>
    </message>
    <message>
        <source>Offline: your work is kept on this device</source>
        <translation>Offline: Ihre Arbeit bleibt auf diesem Gerät</translation>
    </message>
    <message>
        <source>Sign in again to send 1 change</source>
        <translation>Erneut anmelden, um 1 Änderung zu senden</translation>
    </message>
    <message>
        <source>Sign in again to send %1 changes</source>
        <translation>Erneut anmelden, um %1 Änderungen zu senden</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>Erneut anmelden, um zu synchronisieren</translation>
    </message>
    <message>
        <source>The server cannot be reached. Everything you do is saved here and sent once the connection is back.</source>
        <translation>Der Server ist nicht erreichbar. Alles, was Sie tun, wird hier gespeichert und gesendet, sobald die Verbindung wieder da ist.</translation>
    </message>
    <message>
        <source>This device has no valid session with the server (signed in offline, signed out or expired). Your changes are kept here until you sign in again.</source>
        <translation>Dieses Gerät hat keine gültige Sitzung beim Server (offline angemeldet, abgemeldet oder abgelaufen). Ihre Änderungen bleiben hier, bis Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>Ready to go offline</source>
        <translation>Bereit für die Arbeit ohne Netz</translation>
    </message>
    <message>
        <source>Not ready to go offline (%1)</source>
        <translation>Nicht bereit für die Arbeit ohne Netz (%1)</translation>
    </message>
    <message>
        <source>%1: what is on this device for a day without the server</source>
        <translation>%1: was auf diesem Gerät für einen Tag ohne Server bereitliegt</translation>
    </message>
</context>
<context>
    <name>outpost::ui::TabletShell</name>
    <message>
        <source>Worklist</source>
        <translation>Arbeitsliste</translation>
    </message>
    <message>
        <source>Back to the worklist</source>
        <translation>Zurück zur Arbeitsliste</translation>
    </message>
    <message>
        <source>Back to the worklist; the case stays open with its changes (Esc)</source>
        <translation>Zurück zur Arbeitsliste; der Fall bleibt mit seinen Änderungen offen (Esc)</translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistCardDelegate</name>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n Änderung zu senden</numerusform>
            <numerusform>%n Änderungen zu senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Sync issue</source>
        <translation>Synchronisierungsproblem</translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistFilterProxy</name>
    <message>
        <source>Conflict: your changes and the server&apos;s need a decision</source>
        <translation>Konflikt: zwischen Ihren Änderungen und denen des Servers muss entschieden werden</translation>
    </message>
    <message>
        <source>Sync issue: the server did not accept a change</source>
        <translation>Synchronisierungsproblem: Der Server hat eine Änderung nicht angenommen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf das Senden</numerusform>
            <numerusform>%n Änderungen warten auf das Senden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistTexts</name>
    <message>
        <source>High</source>
        <comment>priority</comment>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>priority</comment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>priority</comment>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>%1 pool</source>
        <comment>a queue&apos;s unassigned cases</comment>
        <translation>Pool %1</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <comment>time of day</comment>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>day and month</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Heute %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Morgen %1</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>weekday, day and month</comment>
        <translation>ddd, d. MMM</translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistView</name>
    <message>
        <source>Search cases (id, title, site…)</source>
        <translation>Fälle suchen (Nummer, Titel, Standort…)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Fälle suchen</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Filter by case type</source>
        <translation>Nach Falltyp filtern</translation>
    </message>
    <message>
        <source>Filter by queue</source>
        <translation>Nach Warteschlange filtern</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Arbeitsliste</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Alle Warteschlangen</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n Fall</numerusform>
            <numerusform>%n Fälle</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Only the cases assigned to you</source>
        <translation>Nur die Ihnen zugewiesenen Fälle</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Heute fällig</translation>
    </message>
    <message>
        <source>Only the cases due later today (with Overdue: due today or overdue)</source>
        <translation>Nur die heute noch fälligen Fälle (mit „Überfällig“: heute fällig oder überfällig)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Only the cases whose due time has passed</source>
        <translation>Nur die Fälle, deren Fälligkeit verstrichen ist</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>has pending changes</comment>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Only the cases with pending changes: not yet sent, in conflict or refused</source>
        <translation>Nur die Fälle mit ausstehenden Änderungen: noch nicht gesendet, im Konflikt oder abgelehnt</translation>
    </message>
</context>
</TS>
