<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Tr</name>
    <message>
        <source>Case %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case type %1 is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned to me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::Action</name>
    <message>
        <source>Field &apos;%1&apos; must be a non-empty id of at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown action type &apos;%1&apos; in &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown result status &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::CaseType</name>
    <message>
        <source>Field &apos;%1&apos; must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case type needs at least one status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; has an unknown type &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field names must be unique and not empty (&apos;%1&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A choice field needs choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lookup field needs a data page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pattern of field &apos;%1&apos; is not a valid regular expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; leads to unknown status &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; starts from unknown status &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; requires unknown field &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown conflict policy &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::Change</name>
    <message>
        <source>Unknown change kind &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown change op &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::JsonReader</name>
    <message>
        <source>The request body is empty; a JSON object is expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON object is expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::RulesEngine</name>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 must be at most %n characters long.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not have the expected format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a date and time (RFC 3339, e.g. 2026-11-30T08:00:00Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a key of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an entry of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a field of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no flow action &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not possible while the case is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs more information first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos; was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos; changed its type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status &apos;%1&apos; was removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseForm</name>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseView</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes; they are sent with the next sync (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop your unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case type %1 is not available yet; sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is no longer available to you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is no longer available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct the marked fields first. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The change is sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1. It is sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the marked fields first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::ConflictDialog</name>
    <message>
        <source>Resolve conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These fields were changed both here and on the server. For each field, tick the value to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicting fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the Mine or Server cell and press Space to choose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take all from server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a value for every field first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::ConflictModel</name>
    <message>
        <source>Keep your value for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the server&apos;s value for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::EventLogView</name>
    <message>
        <source>Filter events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::FieldEditor</name>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::FlowActionBar</name>
    <message>
        <source>Not available right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the case to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::KioskController</name>
    <message>
        <source>Enter the administrator PIN to leave kiosk mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No administrator PIN is set on this device, so kiosk mode cannot be left here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::MainWindow</name>
    <message>
        <source>Outpost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a case in the worklist to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync issues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit kiosk mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::PinDialog</name>
    <message>
        <source>Administrator PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::PinStore</name>
    <message>
        <source>The PIN must have 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::ServerChangedBanner</name>
    <message>
        <source>Review and merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the server&apos;s version and drop your unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss; your edits stay as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case was changed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved edits are kept: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync interval in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New administrator PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after &amp;idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::SignInDialog</name>
    <message>
        <source>Enter the server address, for example https://outpost.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address. Use a form like https://outpost.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Outpost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Outpost&lt;/b&gt;&lt;br&gt;Sign in with your work account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::SyncStatusBar</name>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send queued changes and fetch news now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving updates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases where your changes and the server&apos;s need a decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::ValueText</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistFilterProxy</name>
    <message>
        <source>Conflict: your changes and the server&apos;s need a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync issue: the server did not accept a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistView</name>
    <message>
        <source>Search cases (id, title, site…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by case type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
