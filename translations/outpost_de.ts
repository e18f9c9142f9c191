<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</context>
<context>
    <name>outpost::app</name>
    <message>
        <source>Outpost: offline-first field service for technicians.</source>
        <translation>Outpost: Außendienst für Techniker, der auch offline funktioniert.</translation>
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
        <source>This case is no longer available to you: %1</source>
        <translation>Dieser Fall ist für Sie nicht mehr verfügbar: %1</translation>
    </message>
    <message>
        <source>The case is no longer available.</source>
        <translation>Der Fall ist nicht mehr verfügbar.</translation>
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
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine Angabe)</translation>
    </message>
    <message>
        <source>Type to search %1</source>
        <translation>Tippen, um in %1 zu suchen</translation>
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
    <name>outpost::ui::KioskController</name>
    <message>
        <source>Enter the administrator PIN to leave kiosk mode.</source>
        <translation>Geben Sie die Administrator-PIN ein, um den Kioskmodus zu verlassen.</translation>
    </message>
    <message>
        <source>No administrator PIN is set on this device, so kiosk mode cannot be left here.</source>
        <translation>Auf diesem Gerät ist keine Administrator-PIN festgelegt; der Kioskmodus kann hier nicht verlassen werden.</translation>
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
</context>
<context>
    <name>outpost::ui::PinStore</name>
    <message>
        <source>The PIN must have 4 to 12 digits.</source>
        <translation>Die PIN muss 4 bis 12 Ziffern haben.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SampleCaseHost</name>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>Fall %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Case type %1 is not known.</source>
        <translation>Falltyp %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>Some fields are not valid.</source>
        <translation>Einige Felder sind ungültig.</translation>
    </message>
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
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>assigned to me</source>
        <translation>mir zugewiesen</translation>
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
</context>
<context>
    <name>outpost::ui::SyncStatusBar</name>
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
        <source>Offline</source>
        <translation>Offline</translation>
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
</context>
<context>
    <name>outpost::ui::ValueText</name>
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
        <translation>%1 (%2)</translation>
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
</context>
</TS>
