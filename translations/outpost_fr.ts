<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ReadyCheck</name>
    <message>
        <source>held back by you (Outbox)</source>
        <translation>retenue par vous (boîte d’envoi)</translation>
    </message>
    <message>
        <source>waits for a conflict to be resolved (Conflicts)</source>
        <translation>attend la résolution d’un conflit (Conflits)</translation>
    </message>
    <message>
        <source>waits behind a change the server refused (Sync issues)</source>
        <translation>attend derrière une modification refusée par le serveur (Problèmes de synchro)</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>not sent yet: %1</source>
        <translation>pas encore envoyée : %1</translation>
    </message>
    <message>
        <source>not sent yet: sync to send it</source>
        <translation>pas encore envoyée : synchronisez pour l’envoyer</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> et %1 de plus</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>Outbox empty: everything you changed is on the server.</source>
        <translation>Boîte d’envoi vide : tout ce que vous avez modifié est sur le serveur.</translation>
    </message>
    <message>
        <source>1 change not on the server yet.</source>
        <translation>1 modification n’est pas encore sur le serveur.</translation>
    </message>
    <message>
        <source>%1 changes not on the server yet.</source>
        <translation>%1 modifications ne sont pas encore sur le serveur.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <source>1 change the server refused: see Sync issues.</source>
        <translation>1 modification refusée par le serveur : voir Problèmes de synchro.</translation>
    </message>
    <message>
        <source>%1 changes the server refused: see Sync issues.</source>
        <translation>%1 modifications refusées par le serveur : voir Problèmes de synchro.</translation>
    </message>
    <message>
        <source>1 attachment not uploaded yet.</source>
        <translation>1 pièce jointe n’est pas encore envoyée.</translation>
    </message>
    <message>
        <source>%1 attachments not uploaded yet.</source>
        <translation>%1 pièces jointes ne sont pas encore envoyées.</translation>
    </message>
    <message>
        <source>This device has never synced.</source>
        <translation>Cet appareil n’a jamais été synchronisé.</translation>
    </message>
    <message>
        <source>Last sync %1 ago (%2).</source>
        <translation>Dernière synchronisation il y a %1 (%2).</translation>
    </message>
    <message>
        <source>Last sync %1 ago (%2): sync before you leave.</source>
        <translation>Dernière synchronisation il y a %1 (%2) : synchronisez avant de partir.</translation>
    </message>
    <message>
        <source>The download of your cases is not finished: sync to complete it.</source>
        <translation>Le téléchargement de vos dossiers n’est pas terminé : synchronisez pour le terminer.</translation>
    </message>
    <message>
        <source>No cases are assigned to you.</source>
        <translation>Aucun dossier ne vous est attribué.</translation>
    </message>
    <message>
        <source>All cases assigned to you (%1) are on this device.</source>
        <translation>Tous les dossiers qui vous sont attribués (%1) sont sur cet appareil.</translation>
    </message>
    <message>
        <source>Assigned cases not on this device: %1</source>
        <translation>Dossiers attribués absents de cet appareil : %1</translation>
    </message>
    <message>
        <source>Your cases have no attachments to take along.</source>
        <translation>Vos dossiers n’ont pas de pièces jointes à emporter.</translation>
    </message>
    <message>
        <source>All attachments of your cases (%1) are on this device.</source>
        <translation>Toutes les pièces jointes de vos dossiers (%1) sont sur cet appareil.</translation>
    </message>
    <message>
        <source>Attachments of your cases not on this device (they open only online): %1 of %2.</source>
        <translation>Pièces jointes de vos dossiers absentes de cet appareil (elles ne s’ouvrent qu’en ligne) : %1 sur %2.</translation>
    </message>
    <message>
        <source>No case types on this device: sync first.</source>
        <translation>Aucun type de dossier sur cet appareil : synchronisez d’abord.</translation>
    </message>
    <message>
        <source>Case types missing on this device: %1</source>
        <translation>Types de dossier absents de cet appareil : %1</translation>
    </message>
    <message>
        <source>Case types on this device (%1), as of the last sync.</source>
        <translation>Types de dossier sur cet appareil (%1), à la dernière synchronisation.</translation>
    </message>
    <message>
        <source>Lists for lookups (data pages) on this device, as of the last sync.</source>
        <translation>Listes de choix (pages de données) sur cet appareil, à la dernière synchronisation.</translation>
    </message>
    <message>
        <source>Lists for lookups missing on this device: %1</source>
        <translation>Listes de choix absentes de cet appareil : %1</translation>
    </message>
    <message>
        <source>Signing in without the server is not allowed now: sign in online first.</source>
        <translation>La connexion sans serveur n’est pas permise pour l’instant : connectez-vous d’abord en ligne.</translation>
    </message>
    <message>
        <source>You can sign in without the server until %1.</source>
        <translation>Vous pouvez vous connecter sans serveur jusqu’au %1.</translation>
    </message>
    <message>
        <source>You can sign in without the server only until %1 (less than %2 h from now): sign in online again.</source>
        <translation>Vous ne pouvez vous connecter sans serveur que jusqu’au %1 (moins de %2 h) : reconnectez-vous en ligne.</translation>
    </message>
    <message>
        <source>%1 free on this device.</source>
        <translation>%1 libres sur cet appareil.</translation>
    </message>
    <message>
        <source>Only %1 free on this device; at least %2 are needed for a day&apos;s photos and notes.</source>
        <translation>Seulement %1 libres sur cet appareil ; il faut au moins %2 pour les photos et notes d’une journée.</translation>
    </message>
    <message>
        <source>The data on this device is healthy.</source>
        <translation>Les données de cet appareil sont saines.</translation>
    </message>
    <message>
        <source>The data on this device is damaged (%1): export diagnostics and recover unsent work.</source>
        <translation>Les données de cet appareil sont endommagées (%1) : exportez le diagnostic et récupérez le travail non envoyé.</translation>
    </message>
    <message>
        <source>waits for its signature&apos;s picture to upload</source>
        <translation>attend l&apos;envoi de l&apos;image de sa signature</translation>
    </message>
</context>
<context>
    <name>outpost::Action</name>
    <message>
        <source>Field &apos;%1&apos; must be a non-empty id of at most 100 characters.</source>
        <translation>Le champ « %1 » doit être un identifiant non vide de 100 caractères au plus.</translation>
    </message>
    <message>
        <source>Unknown action type &apos;%1&apos; in &apos;%2&apos;.</source>
        <translation>Type d’action inconnu « %1 » dans « %2 ».</translation>
    </message>
    <message>
        <source>Unknown result status &apos;%1&apos;.</source>
        <translation>Statut de résultat inconnu « %1 ».</translation>
    </message>
</context>
<context>
    <name>outpost::CaseType</name>
    <message>
        <source>Field &apos;%1&apos; must not be empty.</source>
        <translation>Le champ « %1 » ne doit pas être vide.</translation>
    </message>
    <message>
        <source>A case type needs at least one status.</source>
        <translation>Un type de dossier doit avoir au moins un statut.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object.</source>
        <translation>Le champ « %1 » doit être un objet.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; has an unknown type &apos;%2&apos;.</source>
        <translation>Le champ « %1 » a un type inconnu « %2 ».</translation>
    </message>
    <message>
        <source>Field names must be unique and not empty (&apos;%1&apos;).</source>
        <translation>Les noms de champ doivent être uniques et non vides (« %1 »).</translation>
    </message>
    <message>
        <source>A choice field needs choices.</source>
        <translation>Un champ à choix doit proposer des choix.</translation>
    </message>
    <message>
        <source>A lookup field needs a data page.</source>
        <translation>Un champ de référence doit indiquer une page de données.</translation>
    </message>
    <message>
        <source>The pattern of field &apos;%1&apos; is not a valid regular expression.</source>
        <translation>Le motif du champ « %1 » n’est pas une expression régulière valide.</translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; leads to unknown status &apos;%2&apos;.</source>
        <translation>L’action « %1 » mène au statut inconnu « %2 ».</translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; starts from unknown status &apos;%2&apos;.</source>
        <translation>L’action « %1 » part du statut inconnu « %2 ».</translation>
    </message>
    <message>
        <source>Flow action &apos;%1&apos; requires unknown field &apos;%2&apos;.</source>
        <translation>L’action « %1 » exige le champ inconnu « %2 ».</translation>
    </message>
    <message>
        <source>Unknown conflict policy &apos;%1&apos;.</source>
        <translation>Règle de conflit inconnue « %1 ».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; gives choice labels, but field &apos;%2&apos; has no choices.</source>
        <translation>« %1 » donne des libellés de choix, mais le champ « %2 » n’a pas de choix.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language code such as &quot;de&quot; or &quot;pt_BR&quot;.</source>
        <translation>« %1 » n’est pas un code de langue comme « de » ou « pt_BR ».</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be a text that is not empty.</source>
        <translation>Le champ « %1 » doit être un texte non vide.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object such as {&quot;label&quot;: &quot;…&quot;, &quot;labels&quot;: {&quot;de&quot;: &quot;…&quot;}}.</source>
        <translation>Le champ « %1 » doit être un objet comme {&quot;label&quot;: &quot;…&quot;, &quot;labels&quot;: {&quot;de&quot;: &quot;…&quot;}}.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no status of this case type.</source>
        <translation>&apos;%1&apos; ne désigne aucun statut de ce type de dossier.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no choice of field &apos;%2&apos;.</source>
        <translation>&apos;%1&apos; ne désigne aucun choix du champ &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>outpost::Change</name>
    <message>
        <source>Unknown change kind &apos;%1&apos;.</source>
        <translation>Type de modification inconnu « %1 ».</translation>
    </message>
    <message>
        <source>Unknown change op &apos;%1&apos;.</source>
        <translation>Opération de modification inconnue « %1 ».</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object.</source>
        <translation>Le champ « %1 » doit être un objet.</translation>
    </message>
</context>
<context>
    <name>outpost::JsonReader</name>
    <message>
        <source>The request body is empty; a JSON object is expected.</source>
        <translation>Le corps de la requête est vide ; un objet JSON est attendu.</translation>
    </message>
    <message>
        <source>Malformed JSON at offset %1: %2</source>
        <translation>JSON mal formé à la position %1 : %2</translation>
    </message>
    <message>
        <source>A JSON object is expected.</source>
        <translation>Un objet JSON est attendu.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; is required.</source>
        <translation>Le champ « %1 » est obligatoire.</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be %2.</source>
        <translation>Le champ « %1 » doit être %2.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>un entier</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be a string.</source>
        <translation>Le champ « %1 » doit être une chaîne.</translation>
    </message>
</context>
<context>
    <name>outpost::RulesEngine</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 doit être du texte.</translation>
    </message>
    <message numerus="yes">
        <source>%1 must be at most %n characters long.</source>
        <translation>
            <numerusform>%1 doit comporter au plus %n caractère.</numerusform>
            <numerusform>%1 doit comporter au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not have the expected format.</source>
        <translation>%1 n’a pas le format attendu.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 doit être un nombre.</translation>
    </message>
    <message>
        <source>%1 must be at least %2.</source>
        <translation>%1 doit être au moins %2.</translation>
    </message>
    <message>
        <source>%1 must be at most %2.</source>
        <translation>%1 doit être au plus %2.</translation>
    </message>
    <message>
        <source>%1 must be a date (YYYY-MM-DD).</source>
        <translation>%1 doit être une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>%1 must be a date and time (RFC 3339, e.g. 2026-11-30T08:00:00Z).</source>
        <translation>%1 doit être une date et une heure (RFC 3339, p. ex. 2026-11-30T08:00:00Z).</translation>
    </message>
    <message>
        <source>%1 must be yes or no.</source>
        <translation>%1 doit être oui ou non.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1 doit être l’une des valeurs suivantes : %2.</translation>
    </message>
    <message>
        <source>%1 must be a key of %2.</source>
        <translation>%1 doit être une clé de %2.</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an entry of %3.</source>
        <translation>%1 : « %2 » n’est pas une entrée de %3.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a field of %2.</source>
        <translation>« %1 » n’est pas un champ de %2.</translation>
    </message>
    <message>
        <source>%1 has no flow action &apos;%2&apos;.</source>
        <translation>%1 n’a pas d’action « %2 ».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not possible while the case is %2.</source>
        <translation>« %1 » n’est pas possible tant que le dossier est %2.</translation>
    </message>
    <message>
        <source>%1 is required to %2.</source>
        <translation>%1 est nécessaire pour « %2 ».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs more information first.</source>
        <translation>« %1 » nécessite d’abord plus d’informations.</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; was removed</source>
        <translation>le champ « %1 » a été supprimé</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; changed its type</source>
        <translation>le champ « %1 » a changé de type</translation>
    </message>
    <message>
        <source>status &apos;%1&apos; was removed</source>
        <translation>le statut « %1 » a été supprimé</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Une note doit contenir du texte.</translation>
    </message>
    <message numerus="yes">
        <source>A note must be at most %n characters long.</source>
        <translation>
            <numerusform>Une note ne doit pas dépasser %n caractère.</numerusform>
            <numerusform>Une note ne doit pas dépasser %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>A note must not contain NUL characters.</source>
        <translation>Une note ne doit pas contenir de caractères NUL.</translation>
    </message>
    <message>
        <source>%1 must not contain NUL characters.</source>
        <translation>%1 ne doit pas contenir de caractères NUL.</translation>
    </message>
    <message numerus="yes">
        <source>A title must be at most %n characters long.</source>
        <translation>
            <numerusform>Un titre doit compter au plus %n caractère.</numerusform>
            <numerusform>Un titre doit compter au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>A title must not contain control characters (tabs, line breaks).</source>
        <translation>Un titre ne doit pas contenir de caractères de contrôle (tabulations, retours à la ligne).</translation>
    </message>
    <message>
        <source>%1 must be a signature: the sha256 (64 hex digits) of its picture.</source>
        <extracomment>A signature field&apos;s value is the sha256 of the signature&apos;s picture, attached to the case.</extracomment>
        <translation>%1 doit être une signature : le sha256 (64 chiffres hexadécimaux) de son image.</translation>
    </message>
</context>
<context>
    <name>outpost::ValueFormat</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
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
        <translation>Signé</translation>
    </message>
</context>
<context>
    <name>outpost::app</name>
    <message>
        <source>Outpost: offline-first field service for technicians.</source>
        <translation>Outpost : le service terrain des techniciens, même hors ligne.</translation>
    </message>
    <message>
        <source>Without a display, as commands:</source>
        <translation>Sans écran, en commandes :</translation>
    </message>
    <message>
        <source>Fullscreen kiosk mode; leaving it needs the administrator PIN.</source>
        <translation>Mode kiosque plein écran ; le quitter exige le code PIN administrateur.</translation>
    </message>
    <message>
        <source>Server address to sign in to.</source>
        <translation>Adresse du serveur auquel se connecter.</translation>
    </message>
    <message>
        <source>Keep settings and data in DIR (several profiles side by side).</source>
        <translation>Conserver paramètres et données dans DIR (plusieurs profils côte à côte).</translation>
    </message>
    <message>
        <source>cannot create the profile directory %1</source>
        <translation>impossible de créer le dossier de profil %1</translation>
    </message>
    <message>
        <source>Allow plain http:// to servers other than this computer (only on a network you trust).</source>
        <translation>Autoriser http:// non chiffré vers d’autres serveurs que cet ordinateur (uniquement sur un réseau de confiance).</translation>
    </message>
    <message>
        <source>Also trust the certificate authorities in FILE (PEM) for https.</source>
        <translation>Faire aussi confiance aux autorités de certification de FILE (PEM) pour https.</translation>
    </message>
</context>
<context>
    <name>outpost::client::LocalStore</name>
    <message>
        <source>History entry %1 has no case, time or action.</source>
        <translation>L’entrée d’historique %1 n’a pas de dossier, d’heure ou d’action.</translation>
    </message>
    <message>
        <source>Case %1 is not in the offline store.</source>
        <translation>Le dossier %1 n&apos;est pas dans le stockage hors ligne.</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>Impossible de lire le fichier %1.</translation>
    </message>
    <message>
        <source>Cannot read the file.</source>
        <translation>Impossible de lire le fichier.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB.</source>
        <translation>%1 dépasse %2 Mio.</translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation>Le fichier est trop volumineux.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Copying %1 failed.</source>
        <translation>La copie de %1 a échoué.</translation>
    </message>
    <message>
        <source>Attached %1 (%2 bytes) to %3; it is uploaded with the next sync.</source>
        <translation>%1 (%2 octets) joint à %3 ; envoyé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Full sync started; every queued change is kept.</source>
        <translation>Synchronisation complète démarrée ; toutes les modifications en attente sont conservées.</translation>
    </message>
    <message>
        <source>Case %1 left your work on the server; it is kept here because it has unsent work.</source>
        <translation>Le dossier %1 ne fait plus partie de votre travail sur le serveur ; il est conservé ici car il a des modifications non envoyées.</translation>
    </message>
    <message>
        <source>Data page row id &apos;%1&apos; is not &apos;&lt;page&gt;/&lt;key&gt;&apos;.</source>
        <translation>L&apos;identifiant de ligne « %1 » n&apos;est pas de la forme « &lt;page&gt;/&lt;clé&gt; ».</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with unsent work got a new server copy; the local changes stay on top.</source>
        <translation>
            <numerusform>%n dossier avec des modifications non envoyées a reçu une nouvelle copie du serveur ; les modifications locales restent appliquées.</numerusform>
            <numerusform>%n dossiers avec des modifications non envoyées ont reçu une nouvelle copie du serveur ; les modifications locales restent appliquées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Full sync finished: %1 case(s) no longer sent were removed, %2 kept for their unsent work, %3 with pending work re-applied.</source>
        <translation>Synchronisation complète terminée : %1 dossier(s) plus envoyé(s) supprimé(s), %2 conservé(s) pour leurs modifications non envoyées, %3 avec modifications en attente réappliquées.</translation>
    </message>
    <message>
        <source>Please correct: %1</source>
        <translation>Veuillez corriger : %1</translation>
    </message>
    <message>
        <source>Case type &apos;%1&apos; is not known here yet; sync first.</source>
        <translation>Le type de dossier « %1 » n&apos;est pas encore connu ici ; synchronisez d&apos;abord.</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>En attente : %1</translation>
    </message>
    <message>
        <source>Folded the edit of %1 into the unsent creation of %2 (one request instead of two).</source>
        <translation>La modification de %1 a été intégrée à la création non envoyée de %2 (une requête au lieu de deux).</translation>
    </message>
    <message>
        <source>Merged the edit of %1 into the queued update of %2 (based on etag %3).</source>
        <translation>La modification de %1 a été fusionnée avec la mise à jour en attente de %2 (basée sur l’etag %3).</translation>
    </message>
    <message>
        <source>Only a case created on this device and not sent yet can be discarded.</source>
        <translation>Seul un dossier créé sur cet appareil et pas encore envoyé peut être abandonné.</translation>
    </message>
    <message>
        <source>Case %1 is being sent right now; it can no longer be discarded.</source>
        <translation>Le dossier %1 est en cours d&apos;envoi ; il ne peut plus être abandonné.</translation>
    </message>
    <message numerus="yes">
        <source>Discarded the unsent case %1 and its %n queued action(s); nothing will be sent for it.</source>
        <translation>
            <numerusform>Le dossier non envoyé %1 et son action en attente (%n) ont été abandonnés ; rien ne sera envoyé.</numerusform>
            <numerusform>Le dossier non envoyé %1 et ses %n actions en attente ont été abandonnés ; rien ne sera envoyé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Action %1 is not queued.</source>
        <translation>L&apos;action %1 n&apos;est pas en attente.</translation>
    </message>
    <message>
        <source>Action %1 is %2.</source>
        <translation>L&apos;action %1 est %2.</translation>
    </message>
    <message>
        <source>Held by the user (it and later changes of its case wait): %1</source>
        <translation>Suspendue par l&apos;utilisateur (elle et les modifications suivantes du dossier attendent) : %1</translation>
    </message>
    <message>
        <source>Released by the user: %1</source>
        <translation>Libérée par l&apos;utilisateur : %1</translation>
    </message>
    <message>
        <source>Action %1 is being sent right now; it can no longer be discarded.</source>
        <translation>L&apos;action %1 est en cours d&apos;envoi ; elle ne peut plus être abandonnée.</translation>
    </message>
    <message>
        <source>Discarded by the user, local effect reverted: %1</source>
        <translation>Abandonnée par l&apos;utilisateur, effet local annulé : %1</translation>
    </message>
    <message>
        <source>queued work refers to a missing case (%1)</source>
        <translation>un travail en attente fait référence à un dossier manquant (%1)</translation>
    </message>
    <message>
        <source>queued action %1 has an unknown state &apos;%2&apos;</source>
        <translation>l&apos;action en attente %1 a un état inconnu « %2 »</translation>
    </message>
    <message>
        <source>queued action %1 cannot be read: %2</source>
        <translation>l&apos;action en attente %1 est illisible : %2</translation>
    </message>
    <message>
        <source>queued action %1 does not match its row</source>
        <translation>l&apos;action en attente %1 ne correspond pas à sa ligne</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot open the offline store %1: %2</source>
        <translation>Impossible d&apos;ouvrir le stockage hors ligne %1 : %2</translation>
    </message>
    <message>
        <source>journal mode %1</source>
        <translation>mode de journal %1</translation>
    </message>
    <message>
        <source>the schema version cannot be read</source>
        <translation>la version du schéma est illisible</translation>
    </message>
    <message>
        <source>The offline store %1 was written by a newer version of Outpost (schema %2, this version knows %3). Update Outpost; the store was left untouched.</source>
        <translation>Le stockage hors ligne %1 a été écrit par une version plus récente d&apos;Outpost (schéma %2, cette version connaît %3). Mettez Outpost à jour ; le stockage n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>The offline store %1 is busy (%2); try again.</source>
        <translation>Le stockage hors ligne %1 est occupé (%2) ; réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>The offline store %1 is damaged (%2). It still holds %n unsent change(s), so it was left in place untouched. Export diagnostics and contact support.</source>
        <translation>
            <numerusform>Le stockage hors ligne %1 est endommagé (%2). Il contient encore %n modification non envoyée ; il a donc été laissé intact. Exportez les diagnostics et contactez le support.</numerusform>
            <numerusform>Le stockage hors ligne %1 est endommagé (%2). Il contient encore %n modifications non envoyées ; il a donc été laissé intact. Exportez les diagnostics et contactez le support.</numerusform>
        </translation>
    </message>
    <message>
        <source>The offline store %1 was damaged (%2) and held no readable unsent work. It was moved aside to %3; open again to start with a fresh store.</source>
        <translation>Le stockage hors ligne %1 était endommagé (%2) et ne contenait aucun travail non envoyé lisible. Il a été déplacé vers %3 ; rouvrez pour repartir d&apos;un stockage neuf.</translation>
    </message>
    <message>
        <source>The offline store %1 is damaged (%2) and could not be moved aside.</source>
        <translation>Le stockage hors ligne %1 est endommagé (%2) et n&apos;a pas pu être déplacé.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>Case %1 is no longer on the server and has no unsent work left; it was removed here.</source>
        <translation>Le dossier %1 n&apos;est plus sur le serveur et n&apos;a plus de travail non envoyé ; il a été supprimé ici.</translation>
    </message>
    <message>
        <source>Case %1 exists twice with pending work (%2).</source>
        <translation>Le dossier %1 existe en double avec du travail en attente (%2).</translation>
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
        <translation>Création %1 %2%3%4</translation>
    </message>
    <message>
        <source> “%1”</source>
        <translation> « %1 »</translation>
    </message>
    <message>
        <source>Update %1: %2</source>
        <translation>Mise à jour %1 : %2</translation>
    </message>
    <message>
        <source>%1 on %2%3</source>
        <translation>%1 sur %2%3</translation>
    </message>
    <message>
        <source>Note on %1: “%2”</source>
        <translation>Note sur %1 : « %2 »</translation>
    </message>
    <message>
        <source>Case type &apos;%1&apos; is not known.</source>
        <translation>Le type de dossier « %1 » est inconnu.</translation>
    </message>
    <message>
        <source>Case %1 has no conflicts.</source>
        <translation>Le dossier %1 n&apos;a pas de conflit.</translation>
    </message>
    <message>
        <source>Choose a value for %1.</source>
        <translation>Choisissez une valeur pour %1.</translation>
    </message>
    <message>
        <source>%1 is not in conflict.</source>
        <translation>%1 n&apos;est pas en conflit.</translation>
    </message>
    <message>
        <source>Every conflicting field needs a choice.</source>
        <translation>Chaque champ en conflit nécessite un choix.</translation>
    </message>
    <message>
        <source>A chosen value is not valid.</source>
        <translation>Une valeur choisie n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>Conflicts of %1 resolved: the server&apos;s values kept.</source>
        <translation>Conflits de %1 résolus : les valeurs du serveur sont conservées.</translation>
    </message>
    <message>
        <source>Conflicts of %1 resolved: %2 will be sent.</source>
        <translation>Conflits de %1 résolus : %2 sera envoyé.</translation>
    </message>
    <message>
        <source>There is no sync issue %1.</source>
        <translation>Il n&apos;y a pas de problème de synchronisation %1.</translation>
    </message>
    <message>
        <source>A note has no fields to edit.</source>
        <translation>Une note n&apos;a pas de champs à modifier.</translation>
    </message>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation>Veuillez corriger les champs signalés.</translation>
    </message>
    <message>
        <source>Sync issue retried: %1</source>
        <translation>Problème de synchronisation réessayé : %1</translation>
    </message>
    <message>
        <source>Changes of case %1 are being sent right now.</source>
        <translation>Les modifications du dossier %1 sont en cours d&apos;envoi.</translation>
    </message>
    <message>
        <source>Sync issue discarded: the case %1 created on this device is dropped.</source>
        <translation>Problème de synchronisation abandonné : le dossier %1 créé sur cet appareil est supprimé.</translation>
    </message>
    <message>
        <source>Sync issue discarded for case %1; its local effect is reverted.</source>
        <translation>Problème de synchronisation abandonné pour le dossier %1 ; son effet local est annulé.</translation>
    </message>
    <message>
        <source>Updating the offline store failed: %1</source>
        <translation>La mise à jour du stockage hors ligne a échoué : %1</translation>
    </message>
    <message>
        <source>The offline store cannot be read.</source>
        <translation>Le stockage hors ligne est illisible.</translation>
    </message>
    <message>
        <source>The offline store&apos;s version went back.</source>
        <translation>La version du stockage hors ligne a reculé.</translation>
    </message>
    <message>
        <source>The offline store is busy or unavailable: %1</source>
        <translation>Le stockage hors ligne est occupé ou indisponible : %1</translation>
    </message>
    <message>
        <source>Saving to the offline store failed: %1</source>
        <translation>L&apos;enregistrement dans le stockage hors ligne a échoué : %1</translation>
    </message>
    <message>
        <source>The offline store failed (%1): %2</source>
        <translation>Le stockage hors ligne a échoué (%1) : %2</translation>
    </message>
    <message>
        <source>Case %1 is now %2 on the server.</source>
        <translation>Le dossier %1 est maintenant %2 sur le serveur.</translation>
    </message>
    <message>
        <source>A conflict came without the case.</source>
        <translation>Un conflit est arrivé sans le dossier.</translation>
    </message>
    <message>
        <source>%1 kept the server&apos;s value (serverWins)</source>
        <translation>%1 a gardé la valeur du serveur (serverWins)</translation>
    </message>
    <message>
        <source>%1 sent again on etag %2</source>
        <translation>%1 renvoyé sur l’etag %2</translation>
    </message>
    <message>
        <source>%1 changed on both sides: your choice is needed</source>
        <translation>%1 modifié des deux côtés : votre choix est nécessaire</translation>
    </message>
    <message>
        <source>the server already has the same values</source>
        <translation>le serveur a déjà les mêmes valeurs</translation>
    </message>
    <message>
        <source>%1 met newer changes on the server: %2.</source>
        <translation>%1 a rencontré des modifications plus récentes sur le serveur : %2.</translation>
    </message>
    <message>
        <source>The server did not accept this change.</source>
        <translation>Le serveur n&apos;a pas accepté cette modification.</translation>
    </message>
    <message>
        <source>%1 was %2 by the server: %3. Later changes of this case wait until it is fixed or discarded.</source>
        <translation>%1 a été %2 par le serveur : %3. Les modifications suivantes de ce dossier attendent sa correction ou son abandon.</translation>
    </message>
    <message>
        <source>The server answered %1 results for %2 actions.</source>
        <translation>Le serveur a renvoyé %1 résultats pour %2 actions.</translation>
    </message>
    <message>
        <source>Result %1 answers action %2, expected %3.</source>
        <translation>Le résultat %1 répond à l&apos;action %2, attendu %3.</translation>
    </message>
    <message>
        <source>The server no longer takes changes to case %1, so editing cannot help. Discard the change instead.</source>
        <translation>Le serveur n’accepte plus de modifications du dossier %1 ; les corriger ne sert à rien. Abandonnez plutôt la modification.</translation>
    </message>
    <message>
        <source>Copying %1 failed: %2</source>
        <translation>La copie de %1 a échoué : %2</translation>
    </message>
    <message>
        <source>The offline store %1 could not be encrypted (%2). It was left as it was, with its unsent changes.</source>
        <translation>Le stockage hors ligne %1 n&apos;a pas pu être chiffré (%2). Il est resté tel quel, avec ses modifications non envoyées.</translation>
    </message>
    <message>
        <source>The encrypted offline store could not be put in place at %1.</source>
        <translation>Le stockage hors ligne chiffré n&apos;a pas pu être mis en place à %1.</translation>
    </message>
    <message>
        <source>The offline store cannot be opened: its encryption is not available in this build.</source>
        <translation>Le stockage hors ligne ne peut pas être ouvert : son chiffrement n&apos;est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>The offline store %1 is locked: its key is not available. Sign in to unlock it.</source>
        <translation>Le stockage hors ligne %1 est verrouillé : sa clé n&apos;est pas disponible. Connectez-vous pour le déverrouiller.</translation>
    </message>
    <message>
        <source>The offline store %1 cannot be read with this device&apos;s key for it (the keychain entry was replaced or belongs to another store). The store was left untouched.</source>
        <translation>Le stockage hors ligne %1 ne peut pas être lu avec la clé de cet appareil (l&apos;entrée du trousseau a été remplacée ou appartient à un autre stockage). Le stockage n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>The data on this device is locked: its key is not available.</source>
        <translation>Les données de cet appareil sont verrouillées : leur clé n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>Cannot read the file to keep.</source>
        <translation>Impossible de lire le fichier à conserver.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 cannot be read: it was cut short or changed.</source>
        <translation>%1 est illisible : le fichier a été tronqué ou modifié.</translation>
    </message>
    <message>
        <source>There is no store at %1.</source>
        <translation>Il n’y a pas de stockage à %1.</translation>
    </message>
    <message>
        <source>Cannot move the damaged store aside to %1; nothing was changed.</source>
        <translation>Impossible de mettre le stockage endommagé de côté vers %1 ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>No attachment of %1 with that sha256 is on this device.</source>
        <translation>Aucune pièce jointe de %1 avec ce sha256 n&apos;est sur cet appareil.</translation>
    </message>
    <message>
        <source>%1: the signature&apos;s picture is not attached to the case.</source>
        <extracomment>A signature field names a picture the case does not have.</extracomment>
        <translation>%1 : l&apos;image de la signature n&apos;est pas jointe au dossier.</translation>
    </message>
    <message>
        <source>Saving %1 failed: %2</source>
        <translation>L&apos;enregistrement de %1 a échoué : %2</translation>
    </message>
    <message>
        <source>the file is shorter than its pages (%1 of %2 bytes): it was cut</source>
        <translation>le fichier est plus court que ses pages (%1 sur %2 octets) : il a été tronqué</translation>
    </message>
    <message>
        <source>The device&apos;s disk is full: nothing was saved. Free some space, then save again.</source>
        <translation>Le disque de l&apos;appareil est plein : rien n&apos;a été enregistré. Libérez de l&apos;espace, puis enregistrez à nouveau.</translation>
    </message>
</context>
<context>
    <name>outpost::sync::ActionUploader</name>
    <message>
        <source>The server refused every request that carried action %1 on case %2 (%3: %4); it was set aside in the sync issues, everything else goes on.</source>
        <translation>Le serveur a refusé chaque requête contenant l&apos;action %1 du dossier %2 (%3 : %4) ; elle a été mise de côté dans les problèmes de synchronisation, tout le reste continue.</translation>
    </message>
</context>
<context>
    <name>outpost::sync::SignIn</name>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>L&apos;adresse du serveur doit être une URL http:// ou https://.</translation>
    </message>
    <message>
        <source>not an http(s) URL</source>
        <translation>pas une URL http(s)</translation>
    </message>
    <message>
        <source>A user name is required.</source>
        <translation>Un nom d&apos;utilisateur est requis.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>requis</translation>
    </message>
    <message>
        <source>The server cannot be reached and this user never signed in on this device: %1</source>
        <translation>Le serveur est injoignable et cet utilisateur ne s&apos;est jamais connecté sur cet appareil : %1</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your administrator.</source>
        <translation>Ce compte est désactivé. Adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>This device may work without the server only until %1, and the server cannot be reached now. Connect to the network and sign in again.</source>
        <translation>Cet appareil ne peut travailler sans le serveur que jusqu’au %1, et le serveur est injoignable pour le moment. Connectez-vous au réseau et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Signing in without the server needs one sign-in with the server first. Connect to the network and sign in again.</source>
        <translation>Une connexion sans le serveur exige d’abord une connexion avec le serveur. Connectez-vous au réseau et reconnectez-vous.</translation>
    </message>
    <message>
        <source>The keychain entry that unlocks the data on this device is damaged.</source>
        <translation>L&apos;entrée du trousseau qui déverrouille les données de cet appareil est endommagée.</translation>
    </message>
    <message>
        <source>The data on this device is locked: its key is not in the keychain. Sign in to unlock it.</source>
        <translation>Les données de cet appareil sont verrouillées : leur clé n&apos;est pas dans le trousseau. Connectez-vous pour les déverrouiller.</translation>
    </message>
    <message>
        <source>No random key could be made for the data on this device.</source>
        <translation>Aucune clé aléatoire n&apos;a pu être créée pour les données de cet appareil.</translation>
    </message>
    <message>
        <source>This device was wiped by your administrator; its data was erased.</source>
        <translation>Votre administrateur a effacé cet appareil ; ses données ont été supprimées.</translation>
    </message>
</context>
<context>
    <name>outpost::sync::SyncWorker</name>
    <message>
        <source>The device&apos;s disk is full: the sync could not keep what it received; nothing on the device was lost. Free some space; the sync then continues by itself.</source>
        <translation>Le disque de l&apos;appareil est plein : la synchronisation n&apos;a pas pu conserver ce qu&apos;elle a reçu ; rien n&apos;a été perdu sur l&apos;appareil. Libérez de l&apos;espace ; la synchronisation reprend alors d&apos;elle-même.</translation>
    </message>
</context>
<context>
    <name>outpost::sync::TransportPolicy</name>
    <message>
        <source>Cannot read the CA bundle %1: %2</source>
        <translation>Impossible de lire le fichier d’autorités de certification %1 : %2</translation>
    </message>
    <message>
        <source>The CA bundle %1 holds no PEM certificate.</source>
        <translation>Le fichier d’autorités de certification %1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http:// where plain connections are allowed), not &apos;%1&apos;.</source>
        <translation>L’adresse du serveur doit commencer par https:// (ou http:// là où les connexions non chiffrées sont autorisées), pas par &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Outpost does not send your password and case data unencrypted to %1. Use https://, or allow plain http for this profile (--allow-insecure-http) on a network you trust.</source>
        <translation>Outpost n’envoie pas votre mot de passe ni vos données de dossier sans chiffrement à %1. Utilisez https://, ou autorisez http non chiffré pour ce profil (--allow-insecure-http) sur un réseau de confiance.</translation>
    </message>
    <message>
        <source>use https://</source>
        <translation>utilisez https://</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AdminGate</name>
    <message>
        <source>Enter the administrator PIN to leave kiosk mode.</source>
        <translation>Saisissez le code PIN administrateur pour quitter le mode kiosque.</translation>
    </message>
    <message>
        <source>Enter the administrator PIN to open the settings.</source>
        <translation>Saisissez le code PIN administrateur pour ouvrir les paramètres.</translation>
    </message>
    <message>
        <source>Enter the administrator PIN to sign out of this tablet.</source>
        <translation>Saisissez le code PIN administrateur pour vous déconnecter de cette tablette.</translation>
    </message>
    <message>
        <source>Enter the administrator PIN to choose files on this tablet.</source>
        <translation>Saisissez le code PIN administrateur pour choisir des fichiers sur cette tablette.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AppLifecycle</name>
    <message>
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>The server needs your password before your changes can be sent.</source>
        <translation>Le serveur a besoin de votre mot de passe avant que vos modifications puissent être envoyées.</translation>
    </message>
    <message>
        <source>Signed in again; syncing…</source>
        <translation>Reconnecté ; synchronisation…</translation>
    </message>
    <message>
        <source>Wrong administrator PIN (to %1; %2 in a row; next try in %3 s).</source>
        <translation>Code PIN administrateur erroné (pour : %1 ; %2 de suite ; prochain essai dans %3 s).</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AppSession</name>
    <message>
        <source>A sign-in is already in progress.</source>
        <translation>Une connexion est déjà en cours.</translation>
    </message>
    <message>
        <source>Signed in offline; changes are sent once the server can be reached.</source>
        <translation>Connecté hors ligne ; les modifications seront envoyées dès que le serveur sera joignable.</translation>
    </message>
    <message>
        <source>Cannot open the data on this device: %1</source>
        <translation>Impossible d&apos;ouvrir les données de cet appareil : %1</translation>
    </message>
    <message>
        <source>No one is signed in.</source>
        <translation>Personne n&apos;est connecté.</translation>
    </message>
    <message>
        <source>This session belongs to %1; only %1 can unlock it.</source>
        <translation>Cette session appartient à %1 ; seul %1 peut la déverrouiller.</translation>
    </message>
    <message>
        <source>This session belongs to %1 on %2.</source>
        <translation>Cette session appartient à %1 sur %2.</translation>
    </message>
    <message>
        <source>Sign in again first: the server needs your password.</source>
        <translation>Reconnectez-vous d&apos;abord : le serveur a besoin de votre mot de passe.</translation>
    </message>
    <message>
        <source>Trying to reach the server…</source>
        <translation>Tentative de joindre le serveur…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Sync did not finish: %1 Your changes stay on this device.</source>
        <translation>La synchronisation n&apos;a pas abouti : %1 Vos modifications restent sur cet appareil.</translation>
    </message>
    <message>
        <source>Synced; 1 change is still waiting (see the Outbox).</source>
        <translation>Synchronisé ; 1 modification en attente (voir la Boîte d’envoi).</translation>
    </message>
    <message>
        <source>Synced; %1 changes are still waiting (see the Outbox).</source>
        <translation>Synchronisé ; %1 modifications en attente (voir la Boîte d’envoi).</translation>
    </message>
    <message>
        <source>Synced: everything is sent and up to date.</source>
        <translation>Synchronisé : tout est envoyé et à jour.</translation>
    </message>
    <message>
        <source>The server cannot be reached, so it cannot check your password yet. Your changes stay on this device; try again once you are online.</source>
        <translation>Le serveur est injoignable et ne peut pas encore vérifier votre mot de passe. Vos modifications restent sur cet appareil ; réessayez une fois en ligne.</translation>
    </message>
    <message>
        <source>Recovery failed; nothing was changed: %1</source>
        <translation>La récupération a échoué ; rien n&apos;a été modifié : %1</translation>
    </message>
    <message>
        <source>The data on this device is damaged, but it still holds unsent changes. Recover them into a fresh store (the damaged file is kept for support), then sign in to send them.

Details: %1</source>
        <translation>Les données de cet appareil sont endommagées, mais elles contiennent encore des modifications non envoyées. Récupérez-les dans un nouveau stockage (le fichier endommagé est conservé pour le support), puis connectez-vous pour les envoyer.

Détails : %1</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AttachFileDialog</name>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>No attachment folder is set up on this tablet.</source>
        <translation>Aucun dossier de pièces jointes n&apos;est configuré sur cette tablette.</translation>
    </message>
    <message>
        <source>Only the attachment folders can be opened here.</source>
        <translation>Seuls les dossiers de pièces jointes peuvent être ouverts ici.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AttachmentViewer</name>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>The whole picture or page width in the window</source>
        <translation>L&apos;image entière ou la largeur de la page dans la fenêtre</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2</source>
        <translation>%1 ne peut pas être affiché : %2</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixels</translation>
    </message>
    <message>
        <source>%1 cannot be shown: it is not a readable PDF.</source>
        <translation>%1 ne peut pas être affiché : ce n&apos;est pas un PDF lisible.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be shown inside the app.</source>
        <translation>%1 ne peut pas être affiché dans l&apos;application.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::AttachmentsModel</name>
    <message>
        <source>pending upload</source>
        <translation>en attente d’envoi</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>sur le serveur</translation>
    </message>
    <message>
        <source>on the server, opened after a download</source>
        <translation>sur le serveur, ouverte après téléchargement</translation>
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
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Attach files; they are uploaded with the next sync</source>
        <translation>Joindre des fichiers ; ils sont envoyés à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>Open the selected attachment (Enter)</source>
        <translation>Ouvrir la pièce jointe sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Attached. The file is uploaded with the next sync.</source>
        <translation>Joint. Le fichier est envoyé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Non joint : %1</translation>
    </message>
    <message>
        <source>Cannot open the attachment: %1</source>
        <translation>Impossible d’ouvrir la pièce jointe : %1</translation>
    </message>
    <message>
        <source>No application on this device opens %1.</source>
        <translation>Aucune application de cet appareil n’ouvre %1.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n file(s)…</source>
        <translation>
            <numerusform>Copie de %n fichier…</numerusform>
            <numerusform>Copie de %n fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Téléchargement de %1…</translation>
    </message>
    <message>
        <source>%1 is a program or script; such attachments are never opened on this device.</source>
        <translation>%1 est un programme ou un script ; de telles pièces jointes ne sont jamais ouvertes sur cet appareil.</translation>
    </message>
    <message>
        <source>%1 cannot be shown on this tablet; pictures and PDF files can.</source>
        <translation>%1 ne peut pas être affiché sur cette tablette ; les images et les PDF, si.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseDetailsPane</name>
    <message>
        <source>Case details</source>
        <translation>Détails du dossier</translation>
    </message>
    <message>
        <source>No&amp;tes (%1)</source>
        <translation>N&amp;otes (%1)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Attach&amp;ments (%1)</source>
        <translation>Pièces jo&amp;intes (%1)</translation>
    </message>
    <message>
        <source>Attach&amp;ments</source>
        <translation>Pièces jo&amp;intes</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>&amp;Historique</translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseFilesWorker</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The server cannot be reached; try again when you are online.</source>
        <translation>Le serveur est injoignable ; réessayez une fois en ligne.</translation>
    </message>
    <message>
        <source>The downloaded file differs from the one on record (sha256 %1, expected %2).</source>
        <translation>Le fichier téléchargé diffère de celui enregistré (sha256 %1, attendu %2).</translation>
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
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>%1: message</source>
        <translation>%1 : message</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatoire)</translation>
    </message>
    <message>
        <source>Conflict: yours %1, on the server %2. Resolve it above.</source>
        <translation>Conflit : votre valeur %1, sur le serveur %2. Résolvez-le ci-dessus.</translation>
    </message>
    <message>
        <source>Saved on this device, not sent yet</source>
        <translation>Enregistré sur cet appareil, pas encore envoyé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>The customer signs once the case is created.</source>
        <translation>Le client signe une fois le dossier créé.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::CaseView</name>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Save the changes; they are sent with the next sync (Ctrl+S)</source>
        <translation>Enregistrer les modifications ; elles seront envoyées à la prochaine synchronisation (Ctrl+S)</translation>
    </message>
    <message>
        <source>Drop your unsaved changes</source>
        <translation>Abandonner les modifications non enregistrées</translation>
    </message>
    <message>
        <source>This case cannot be opened: %1</source>
        <translation>Impossible d’ouvrir ce dossier : %1</translation>
    </message>
    <message>
        <source>The case type %1 is not available yet; sync first.</source>
        <translation>Le type de dossier %1 n’est pas encore disponible ; synchronisez d’abord.</translation>
    </message>
    <message>
        <source>Please correct the marked fields first. Nothing was saved.</source>
        <translation>Corrigez d’abord les champs signalés. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Saved. The change is sent with the next sync.</source>
        <translation>Enregistré. La modification sera envoyée à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Done: %1. It is sent with the next sync.</source>
        <translation>Fait : %1. Ce sera envoyé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>File : %1</translation>
    </message>
    <message>
        <source>Correct the marked fields first.</source>
        <translation>Corrigez d’abord les champs signalés.</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Nouveau : %1</translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>Non créé : %1</translation>
    </message>
    <message>
        <source>Created. The new case is sent with the next sync.</source>
        <translation>Créé. Le nouveau dossier sera envoyé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>not yet saved</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <source>This case was closed or reassigned on the server, so your unsaved changes cannot be saved to it. Copy what you need before you open another case.</source>
        <translation>Ce dossier a été clos ou réattribué sur le serveur ; vos modifications non enregistrées ne peuvent plus y être enregistrées. Copiez ce dont vous avez besoin avant d&apos;ouvrir un autre dossier.</translation>
    </message>
    <message>
        <source>%1: done and sent. The case has left your worklist.</source>
        <translation>%1 : fait et envoyé. Le dossier a quitté votre liste de travail.</translation>
    </message>
    <message>
        <source>This case was closed or reassigned on the server and has left your worklist.</source>
        <translation>Ce dossier a été clos ou réattribué sur le serveur et a quitté votre liste de travail.</translation>
    </message>
    <message>
        <source>Your change and the server&apos;s differ for: %1. Nothing of it is sent until you decide.</source>
        <translation>Votre modification et celle du serveur diffèrent pour : %1. Rien n&apos;en est envoyé tant que vous n&apos;avez pas décidé.</translation>
    </message>
    <message>
        <source>Saved and sent.</source>
        <translation>Enregistré et envoyé.</translation>
    </message>
    <message>
        <source>Due %1: overdue</source>
        <translation>Échéance %1 : en retard</translation>
    </message>
    <message>
        <source>Due today: %1</source>
        <translation>Échéance aujourd&apos;hui : %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Échéance %1</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ConflictDialog</name>
    <message>
        <source>Resolve conflict: %1</source>
        <translation>Résoudre le conflit : %1</translation>
    </message>
    <message>
        <source>These fields were changed both here and on the server. For each field, tick the value to keep.</source>
        <translation>Ces champs ont été modifiés ici et sur le serveur. Pour chaque champ, cochez la valeur à conserver.</translation>
    </message>
    <message>
        <source>Conflicting fields</source>
        <translation>Champs en conflit</translation>
    </message>
    <message>
        <source>Move to the Mine or Server cell and press Space to choose it.</source>
        <translation>Placez-vous sur la cellule « Ma valeur » ou « Serveur » et appuyez sur Espace pour la choisir.</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Garder toutes mes valeurs</translation>
    </message>
    <message>
        <source>Take all from server</source>
        <translation>Tout reprendre du serveur</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Choose a value for every field first.</source>
        <translation>Choisissez d’abord une valeur pour chaque champ.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ConflictModel</name>
    <message>
        <source>Keep your value for %1</source>
        <translation>Garder votre valeur pour %1</translation>
    </message>
    <message>
        <source>Take the server&apos;s value for %1</source>
        <translation>Reprendre la valeur du serveur pour %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Ma valeur</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ConflictsListModel</name>
    <message>
        <source>%1: %2 changed here and on the server</source>
        <translation>%1 : %2 modifié ici et sur le serveur</translation>
    </message>
</context>
<context>
    <name>outpost::ui::EventLogView</name>
    <message>
        <source>Filter events</source>
        <translation>Filtrer les événements</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
</context>
<context>
    <name>outpost::ui::FieldEditor</name>
    <message>
        <source>%1 to %2</source>
        <translation>de %1 à %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>au moins %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>au plus %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>Effacer %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Press the chosen answer again to clear it</source>
        <translation>Appuyez de nouveau sur la réponse choisie pour l&apos;effacer</translation>
    </message>
    <message>
        <source>%1: No</source>
        <translation>%1 : Non</translation>
    </message>
    <message>
        <source>Search %1…</source>
        <extracomment>Placeholder of a lookup field&apos;s editor; %1 is the field&apos;s label, e.g. &quot;Site&quot;.</extracomment>
        <translation>Rechercher : %1…</translation>
    </message>
</context>
<context>
    <name>outpost::ui::FileAccess</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 n&apos;est pas un fichier.</translation>
    </message>
    <message>
        <source>%1 belongs to the app&apos;s own data; such files cannot be attached.</source>
        <translation>%1 fait partie des données de l&apos;application ; de tels fichiers ne peuvent pas être joints.</translation>
    </message>
    <message>
        <source>%1 is in a system or settings folder; such files cannot be attached.</source>
        <translation>%1 se trouve dans un dossier système ou de paramètres ; de tels fichiers ne peuvent pas être joints.</translation>
    </message>
    <message>
        <source>On this tablet files can only be attached from %1.</source>
        <translation>Sur cette tablette, les fichiers ne peuvent être joints que depuis %1.</translation>
    </message>
    <message>
        <source>the attachment folders (none is set up)</source>
        <translation>les dossiers de pièces jointes (aucun n&apos;est configuré)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 holds far more than pictures; choose a folder for pictures only.</source>
        <translation>%1 contient bien plus que des images ; choisissez un dossier réservé aux images.</translation>
    </message>
    <message>
        <source>%1 holds the app&apos;s own data or system files; choose a folder for pictures only.</source>
        <translation>%1 contient les données de l’application ou des fichiers système ; choisissez un dossier réservé aux images.</translation>
    </message>
    <message>
        <source>%1 is a hidden folder; choose a folder for pictures only.</source>
        <translation>%1 est un dossier caché ; choisissez un dossier réservé aux images.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::FlowActionBar</name>
    <message>
        <source>Not available right now.</source>
        <translation>Indisponible pour le moment.</translation>
    </message>
    <message>
        <source>Moves the case to %1.</source>
        <translation>Fait passer le dossier à %1.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::FolderPickerDialog</name>
    <message>
        <source>Camera import folder</source>
        <translation>Dossier d’import de l’appareil photo</translation>
    </message>
    <message>
        <source>Choose a folder in %1.</source>
        <translation>Choisissez un dossier dans %1.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::HistoryModel</name>
    <message>
        <source>Created the case</source>
        <translation>Dossier créé</translation>
    </message>
    <message>
        <source>Flow action: %1</source>
        <translation>Action : %1</translation>
    </message>
    <message>
        <source>Assignment changed</source>
        <translation>Affectation modifiée</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note : %1</translation>
    </message>
    <message>
        <source>Attached %1 (%2)</source>
        <translation>%1 joint (%2)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1 : %2 → %3</translation>
    </message>
    <message>
        <source>No fields changed</source>
        <translation>Aucun champ modifié</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>system</source>
        <translation>système</translation>
    </message>
</context>
<context>
    <name>outpost::ui::HistoryView</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Historique du dossier</translation>
    </message>
    <message>
        <source>Read the history on this device again</source>
        <translation>Relire l’historique sur cet appareil</translation>
    </message>
    <message>
        <source>No history for this case on this device yet.</source>
        <translation>Pas encore d’historique pour ce dossier sur cet appareil.</translation>
    </message>
    <message>
        <source>%1 Shown is the history as fetched before.</source>
        <translation>%1 L’historique affiché est celui récupéré auparavant.</translation>
    </message>
    <message>
        <source>No history for a case that is not saved yet.</source>
        <translation>Un dossier pas encore enregistré n’a pas d’historique.</translation>
    </message>
    <message>
        <source>This case was created on this device and is not on the server yet. Its history starts once it is sent.</source>
        <translation>Ce dossier a été créé sur cet appareil et n’est pas encore sur le serveur. Son historique commence dès qu’il est envoyé.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Chargement de l’historique…</translation>
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
        <translation>Sélectionnez un dossier dans la liste de travail pour l’ouvrir.</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Rien n’attend d’être envoyé.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Boîte d’envoi</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Co&amp;nflicts</source>
        <translation>Co&amp;nflits</translation>
    </message>
    <message>
        <source>No sync issues.</source>
        <translation>Aucun problème de synchronisation.</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Problèmes de synchronisation</translation>
    </message>
    <message>
        <source>Sync &amp;issues</source>
        <translation>&amp;Problèmes de synchronisation</translation>
    </message>
    <message>
        <source>&amp;Event log</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Exit kiosk mode…</source>
        <translation>Quitter le mode kiosque…</translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation>&amp;Chercher un dossier</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Locked. Sign in to continue; your work is kept.</source>
        <translation>Verrouillé. Connectez-vous pour continuer ; votre travail est conservé.</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Nouveau dossier</translation>
    </message>
    <message>
        <source>%1: details</source>
        <translation>%1 : détails</translation>
    </message>
    <message>
        <source>Sign out and return to sign-in; queued work stays on this device</source>
        <translation>Se déconnecter et revenir à la connexion ; le travail en attente reste sur cet appareil</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The new case is not saved yet.</source>
        <translation>Le nouveau dossier n’est pas encore enregistré.</translation>
    </message>
    <message>
        <source>Case %1 has changes that are not saved yet.</source>
        <translation>Le dossier %1 contient des modifications non enregistrées.</translation>
    </message>
    <message>
        <source>Save keeps them on this device and sends them with the next sync.</source>
        <translation>Enregistrer les garde sur cet appareil et les envoie à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Do&amp;n&apos;t save</source>
        <translation>&amp;Ne pas enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Wrong current administrator PIN in the settings (%1 in a row; next try in %2 s).</source>
        <translation>Code PIN administrateur actuel erroné dans les paramètres (%1 de suite ; prochain essai dans %2 s).</translation>
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
        <translation>%1 · refusée par le serveur</translation>
    </message>
    <message>
        <source>%1 · pending, sent with the next sync</source>
        <translation>%1 · en attente, envoyée à la prochaine synchronisation</translation>
    </message>
</context>
<context>
    <name>outpost::ui::NotesPanel</name>
    <message>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Écrire une note…</translation>
    </message>
    <message>
        <source>Queue the note; it is sent with the next sync (Ctrl+Enter)</source>
        <translation>Mettre la note en file ; elle est envoyée à la prochaine synchronisation (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Notes already on the server are shown once it can be reached.</source>
        <translation>Les notes déjà sur le serveur s’affichent dès qu’il est joignable.</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Pas encore de notes.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Non ajoutée : %1</translation>
    </message>
    <message>
        <source>Note added. It is sent with the next sync.</source>
        <translation>Note ajoutée. Elle est envoyée à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::OutboxModel</name>
    <message>
        <source>%1 (on hold)</source>
        <translation>%1 (suspendu)</translation>
    </message>
    <message>
        <source>%1 (sending)</source>
        <translation>%1 (en cours d&apos;envoi)</translation>
    </message>
    <message>
        <source>%1 (waits for a conflict)</source>
        <translation>%1 (attend un conflit)</translation>
    </message>
    <message>
        <source>%1 (waits for a sync issue)</source>
        <translation>%1 (attend un problème de synchronisation)</translation>
    </message>
    <message>
        <source>%1 (waits for a held change)</source>
        <translation>%1 (attend une modification suspendue)</translation>
    </message>
    <message>
        <source>%1 (waits for the change being sent)</source>
        <translation>%1 (attend la modification en cours d’envoi)</translation>
    </message>
    <message>
        <source>%1 (waits for its signature&apos;s picture to upload)</source>
        <translation>%1 (attend l&apos;envoi de l&apos;image de sa signature)</translation>
    </message>
</context>
<context>
    <name>outpost::ui::PinDialog</name>
    <message>
        <source>Administrator PIN</source>
        <translation>Code PIN administrateur</translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation>Message du code PIN</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation>Valider le code PIN</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Code PIN erroné. Réessayez.</translation>
    </message>
    <message>
        <source>No administrator PIN is set on this device, so this needs the administrator.</source>
        <translation>Aucun code PIN administrateur n&apos;est défini sur cet appareil ; il faut l&apos;administrateur pour cela.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Try again in %n s.</source>
        <translation>
            <numerusform>Code PIN erroné. Réessayez dans %n s.</numerusform>
            <numerusform>Code PIN erroné. Réessayez dans %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n s.</numerusform>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outpost::ui::PinStore</name>
    <message>
        <source>The PIN must have 4 to 12 digits.</source>
        <translation>Le code PIN doit comporter de 4 à 12 chiffres.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::QueueActions</name>
    <message>
        <source>&amp;Hold</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>&amp;Libérer</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Abandonner…</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Résoudre…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Keep the selected change on this device until it is released</source>
        <translation>Garder la modification choisie sur cet appareil jusqu&apos;à sa libération</translation>
    </message>
    <message>
        <source>Send the selected change with the next sync</source>
        <translation>Envoyer la modification choisie à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>Undo the selected change and remove it from the outbox</source>
        <translation>Annuler la modification choisie et la retirer de la boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Pick per field which value to keep</source>
        <translation>Choisir par champ la valeur à garder</translation>
    </message>
    <message>
        <source>Send the refused change again</source>
        <translation>Renvoyer la modification refusée</translation>
    </message>
    <message>
        <source>Drop the refused change and undo it on this device</source>
        <translation>Abandonner la modification refusée et l’annuler sur cet appareil</translation>
    </message>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>Discard this change? It is undone on this device and never sent.

%1</source>
        <translation>Abandonner cette modification ? Elle est annulée sur cet appareil et ne sera jamais envoyée.

%1</translation>
    </message>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>Le dossier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Case type %1 is not known.</source>
        <translation>Le type de dossier %1 est inconnu.</translation>
    </message>
    <message>
        <source>Discard this refused change? It is undone on this device.

%1</source>
        <translation>Abandonner cette modification refusée ? Elle est annulée sur cet appareil.

%1</translation>
    </message>
    <message>
        <source>&amp;Edit and retry…</source>
        <translation>&amp;Modifier et réessayer…</translation>
    </message>
    <message>
        <source>Correct the refused change in its form, then send it again</source>
        <translation>Corriger la modification refusée dans son formulaire, puis la renvoyer</translation>
    </message>
    <message>
        <source>The server no longer accepts changes to case %1: it was resolved, withdrawn or moved out of your reach. Editing it or sending it again cannot help. Discard the change to undo it on this device; the server keeps a copy for the office.</source>
        <translation>Le serveur n’accepte plus de modifications du dossier %1 : il a été clos, retiré ou n’est plus à votre portée. Le corriger ou le renvoyer ne sert à rien. Abandonnez la modification pour l’annuler sur cet appareil ; le serveur en garde une copie pour le bureau.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ReadyPanel</name>
    <message>
        <source>Fetching attachments</source>
        <translation>Téléchargement des pièces jointes</translation>
    </message>
    <message>
        <source>&amp;Get ready</source>
        <translation>&amp;Se préparer</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Ready to go offline?</source>
        <translation>Prêt à travailler hors ligne ?</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>Ce qui a été vérifié</translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <source>Send what is queued, fetch everything for your cases, then check again</source>
        <translation>Envoyer ce qui attend, récupérer tout pour vos dossiers, puis vérifier à nouveau</translation>
    </message>
    <message>
        <source>Sending your changes</source>
        <translation>Envoi de vos modifications</translation>
    </message>
    <message>
        <source>Sending attachments</source>
        <translation>Envoi des pièces jointes</translation>
    </message>
    <message>
        <source>Fetching news from the server</source>
        <translation>Récupération des nouveautés du serveur</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1 : %2 sur %3</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Ready to go offline</source>
        <translation>Prêt à travailler hors ligne</translation>
    </message>
    <message>
        <source>Not ready to go offline</source>
        <translation>Pas prêt à travailler hors ligne</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Vérifié à %1</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ReadySession</name>
    <message>
        <source>The data on this device cannot be read: %1</source>
        <translation>Les données de cet appareil ne peuvent pas être lues : %1</translation>
    </message>
    <message>
        <source>Synced. Checking again…</source>
        <translation>Synchronisé. Nouvelle vérification…</translation>
    </message>
    <message>
        <source>The sync did not finish: %1</source>
        <translation>La synchronisation n’a pas abouti : %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
</context>
<context>
    <name>outpost::ui::ServerChangedBanner</name>
    <message>
        <source>Review and merge</source>
        <translation>Examiner et fusionner</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Server update</source>
        <translation>Mise à jour du serveur</translation>
    </message>
    <message>
        <source>Show the server&apos;s version and drop your unsaved edits</source>
        <translation>Afficher la version du serveur et abandonner vos modifications non enregistrées</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Dismiss; your edits stay as they are</source>
        <translation>Masquer ; vos modifications restent telles quelles</translation>
    </message>
    <message>
        <source>This case was changed on the server.</source>
        <translation>Ce dossier a été modifié sur le serveur.</translation>
    </message>
    <message>
        <source>Your unsaved edits are kept: %1.</source>
        <translation>Vos modifications non enregistrées sont conservées : %1.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SettingsDialog</name>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>Space for attachments kept on this device, in megabytes</source>
        <translation>Espace pour les pièces jointes gardées sur cet appareil, en mégaoctets</translation>
    </message>
    <message>
        <source>After each sync the attachments of your cases are fetched onto this device, soonest due first, up to this size, so that they open offline</source>
        <translation>Après chaque synchronisation, les pièces jointes de vos dossiers sont téléchargées sur cet appareil, les plus urgents d’abord, jusqu’à cette taille, pour qu’elles s’ouvrent hors ligne</translation>
    </message>
    <message>
        <source>&amp;Keep on this device:</source>
        <translation>&amp;Garder sur cet appareil :</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Sync interval in minutes</source>
        <translation>Intervalle de synchronisation en minutes</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après minutes d’inactivité</translation>
    </message>
    <message>
        <source>New administrator PIN</source>
        <translation>Nouveau code PIN administrateur</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Répétez le nouveau code PIN</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Synchroniser &amp;toutes les :</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Mode kiosque</translation>
    </message>
    <message>
        <source>Lock after &amp;idle:</source>
        <translation>Verrouiller après &amp;inactivité :</translation>
    </message>
    <message>
        <source>New &amp;PIN:</source>
        <translation>Nouveau &amp;code PIN :</translation>
    </message>
    <message>
        <source>&amp;Repeat PIN:</source>
        <translation>&amp;Répéter le code PIN :</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Les deux codes PIN diffèrent.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Camera import folder</source>
        <translation>Dossier d&apos;import de l&apos;appareil photo</translation>
    </message>
    <message>
        <source>Where the camera&apos;s pictures arrive; with the Pictures folder the only folders a kiosk attaches files from</source>
        <translation>Où arrivent les photos de l&apos;appareil ; avec le dossier Images, les seuls dossiers d&apos;où un kiosque joint des fichiers</translation>
    </message>
    <message>
        <source>Technicians choose files without the PIN (from the attachment folders only)</source>
        <translation>Les techniciens choisissent des fichiers sans code PIN (uniquement dans les dossiers de pièces jointes)</translation>
    </message>
    <message>
        <source>Current administrator PIN</source>
        <translation>Code PIN administrateur actuel</translation>
    </message>
    <message>
        <source>needed to change the PIN</source>
        <translation>nécessaire pour changer le code PIN</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>&amp;Camera import folder:</source>
        <translation>Dossier d&apos;import de l&apos;&amp;appareil photo :</translation>
    </message>
    <message>
        <source>C&amp;urrent PIN:</source>
        <translation>Code PIN act&amp;uel :</translation>
    </message>
    <message>
        <source>The camera import folder %1 does not exist.</source>
        <translation>Le dossier d&apos;import de l&apos;appareil photo %1 n&apos;existe pas.</translation>
    </message>
    <message numerus="yes">
        <source>The current PIN is wrong. Try again in %n s.</source>
        <translation>
            <numerusform>Le code PIN actuel est erroné. Réessayez dans %n s.</numerusform>
            <numerusform>Le code PIN actuel est erroné. Réessayez dans %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n s.</numerusform>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The current PIN is wrong; the PIN stays as it was.</source>
        <translation>Le code PIN actuel est erroné ; le code PIN reste inchangé.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the camera import folder</source>
        <translation>Choisir le dossier d’import de l’appareil photo</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SignInDialog</name>
    <message>
        <source>Enter the server address, for example https://outpost.example.com.</source>
        <translation>Saisissez l’adresse du serveur, par exemple https://outpost.example.com.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address. Use a form like https://outpost.example.com.</source>
        <translation>« %1 » n’est pas une adresse de serveur. Utilisez une forme comme https://outpost.example.com.</translation>
    </message>
    <message>
        <source>Remember server</source>
        <translation>Mémoriser le serveur</translation>
    </message>
    <message>
        <source>Sign in to Outpost</source>
        <translation>Connexion à Outpost</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outpost&lt;/b&gt;&lt;br&gt;Sign in with your work account.</source>
        <translation>&lt;b&gt;Outpost&lt;/b&gt;&lt;br&gt;Connectez-vous avec votre compte professionnel.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Message de connexion</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Saisissez votre nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Set by the administrator in the settings</source>
        <translation>Défini par l’administrateur dans les paramètres</translation>
    </message>
    <message>
        <source>Recover unsent work</source>
        <translation>Récupérer le travail non envoyé</translation>
    </message>
    <message>
        <source>Copies the unsent changes that can still be read into a fresh store on this device and keeps the damaged file for support; they are sent once you are signed in.</source>
        <translation>Copie les modifications non envoyées encore lisibles dans un nouveau stockage sur cet appareil et conserve le fichier endommagé pour le support ; elles sont envoyées dès que vous êtes connecté.</translation>
    </message>
    <message>
        <source>Recovering unsent work…</source>
        <translation>Récupération du travail non envoyé…</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SignatureEditor</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Signer à nouveau</translation>
    </message>
    <message>
        <source>Sign here with a finger, a pen or the mouse, then press Done.</source>
        <translation>Signez ici avec le doigt, un stylet ou la souris, puis appuyez sur Terminé.</translation>
    </message>
    <message>
        <source>Sign above with a finger, a pen or the mouse.</source>
        <translation>Signez ci-dessus avec le doigt, un stylet ou la souris.</translation>
    </message>
    <message>
        <source>%1: the captured signature</source>
        <translation>%1 : la signature recueillie</translation>
    </message>
    <message>
        <source>%1: Clear</source>
        <translation>%1 : Effacer</translation>
    </message>
    <message>
        <source>%1: Cancel signing</source>
        <translation>%1 : Annuler la signature</translation>
    </message>
    <message>
        <source>%1: Done</source>
        <translation>%1 : Terminé</translation>
    </message>
    <message>
        <source>%1: Sign again</source>
        <translation>%1 : Signer à nouveau</translation>
    </message>
    <message>
        <source>Signed. The picture is not on this device.</source>
        <translation>Signé. L&apos;image n&apos;est pas sur cet appareil.</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signé</translation>
    </message>
    <message>
        <source>Signed here; saved with the case.</source>
        <translation>Signé ici ; enregistré avec le dossier.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::StoreCaseDetails</name>
    <message>
        <source>The attachment is no longer part of this case.</source>
        <translation>La pièce jointe ne fait plus partie de ce dossier.</translation>
    </message>
    <message>
        <source>This case was created on this device and is not on the server yet. Its history starts once it is sent.</source>
        <translation>Ce dossier a été créé sur cet appareil et n’est pas encore sur le serveur. Son historique commence dès qu’il est envoyé.</translation>
    </message>
    <message>
        <source>The server sent an attachment that cannot be opened.</source>
        <translation>Le serveur a envoyé une pièce jointe qui ne peut pas être ouverte.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::StoreCaseHost</name>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>Le dossier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Case type %1 is not known.</source>
        <translation>Le type de dossier %1 est inconnu.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::StoreRecovery</name>
    <message>
        <source>No unsent change could be read; the damaged file was kept as %1. Sign in to start with a fresh store.</source>
        <translation>Aucune modification non envoyée n&apos;a pu être lue ; le fichier endommagé a été conservé sous %1. Connectez-vous pour repartir d&apos;un nouveau stockage.</translation>
    </message>
    <message>
        <source>Some of the damaged file could not be read: %1</source>
        <translation>Une partie du fichier endommagé n&apos;a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>1 unsent change recovered; the damaged file was kept as %1. Sign in to send it.</source>
        <translation>1 modification non envoyée récupérée ; le fichier endommagé a été conservé sous %1. Connectez-vous pour l&apos;envoyer.</translation>
    </message>
    <message>
        <source>%1 unsent changes recovered; the damaged file was kept as %2. Sign in to send them.</source>
        <translation>%1 modifications non envoyées récupérées ; le fichier endommagé a été conservé sous %2. Connectez-vous pour les envoyer.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::StoreWorklistModel</name>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigné à</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SyncIssueDialog</name>
    <message>
        <source>Edit and retry: %1</source>
        <translation>Modifier et réessayer : %1</translation>
    </message>
    <message>
        <source>The server refused “%1”. Fill in what it needs, then retry; the change goes back to its place in the outbox.</source>
        <translation>Le serveur a refusé « %1 ». Complétez ce qu’il faut, puis réessayez ; la modification reprend sa place dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>The server refused this change. Correct the highlighted fields, then retry; the change goes back to its place in the outbox.</source>
        <translation>Le serveur a refusé cette modification. Corrigez les champs signalés, puis réessayez ; la modification reprend sa place dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Server message</source>
        <translation>Message du serveur</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Correct the highlighted fields first.</source>
        <translation>Corrigez d’abord les champs signalés.</translation>
    </message>
    <message>
        <source>Refused change</source>
        <translation>Modification refusée</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SyncIssuesModel</name>
    <message>
        <source>%1 — the case is gone: %2</source>
        <translation>%1 — le dossier n&apos;est plus disponible : %2</translation>
    </message>
    <message>
        <source>%1 — refused: %2</source>
        <translation>%1 — refusé : %2</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SyncStatusBar</name>
    <message>
        <source>Attachments: %1 of %2</source>
        <translation>Pièces jointes : %1 sur %2</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Send queued changes and fetch news now (F5)</source>
        <translation>Envoyer les modifications en attente et récupérer les nouveautés (F5)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Envoi des modifications…</translation>
    </message>
    <message>
        <source>Receiving updates…</source>
        <translation>Réception des mises à jour…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation>%1 dossiers sur %2</translation>
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
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, about %2 left</source>
        <translation>%1, encore environ %2</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problème de synchronisation</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion : %1</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation : %1</translation>
    </message>
    <message>
        <source>Pending: %1</source>
        <translation>En attente : %1</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Modifications en attente d’envoi</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflits : %1</translation>
    </message>
    <message>
        <source>Cases where your changes and the server&apos;s need a decision</source>
        <translation>Dossiers où il faut choisir entre vos modifications et celles du serveur</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Enter your password so that syncing can go on</source>
        <translation>Saisissez votre mot de passe pour que la synchronisation continue</translation>
    </message>
    <message>
        <source>Offline: your work is kept on this device</source>
        <translation>Hors ligne : votre travail est conservé sur cet appareil</translation>
    </message>
    <message>
        <source>Sign in again to send 1 change</source>
        <translation>Se reconnecter pour envoyer 1 modification</translation>
    </message>
    <message>
        <source>Sign in again to send %1 changes</source>
        <translation>Se reconnecter pour envoyer %1 modifications</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>Se reconnecter pour synchroniser</translation>
    </message>
    <message>
        <source>The server cannot be reached. Everything you do is saved here and sent once the connection is back.</source>
        <translation>Le serveur est injoignable. Tout ce que vous faites est enregistré ici et envoyé dès que la connexion revient.</translation>
    </message>
    <message>
        <source>This device has no valid session with the server (signed in offline, signed out or expired). Your changes are kept here until you sign in again.</source>
        <translation>Cet appareil n&apos;a pas de session valide auprès du serveur (connexion hors ligne, déconnexion ou expiration). Vos modifications sont conservées ici jusqu&apos;à votre reconnexion.</translation>
    </message>
    <message>
        <source>Ready to go offline</source>
        <translation>Prêt à travailler hors ligne</translation>
    </message>
    <message>
        <source>Not ready to go offline (%1)</source>
        <translation>Pas prêt à travailler hors ligne (%1)</translation>
    </message>
    <message>
        <source>%1: what is on this device for a day without the server</source>
        <translation>%1 : ce qui est sur cet appareil pour une journée sans serveur</translation>
    </message>
</context>
<context>
    <name>outpost::ui::TabletShell</name>
    <message>
        <source>Worklist</source>
        <translation>Liste de travail</translation>
    </message>
    <message>
        <source>Back to the worklist</source>
        <translation>Retour à la liste de travail</translation>
    </message>
    <message>
        <source>Back to the worklist; the case stays open with its changes (Esc)</source>
        <translation>Retour à la liste de travail ; le dossier reste ouvert avec ses modifications (Échap)</translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistCardDelegate</name>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n modification à envoyer</numerusform>
            <numerusform>%n modifications à envoyer</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Sync issue</source>
        <translation>Problème de synchronisation</translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistFilterProxy</name>
    <message>
        <source>Conflict: your changes and the server&apos;s need a decision</source>
        <translation>Conflit : il faut choisir entre vos modifications et celles du serveur</translation>
    </message>
    <message>
        <source>Sync issue: the server did not accept a change</source>
        <translation>Problème de synchronisation : le serveur n’a pas accepté une modification</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistTexts</name>
    <message>
        <source>High</source>
        <comment>priority</comment>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>priority</comment>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>priority</comment>
        <translation>Basse</translation>
    </message>
    <message>
        <source>%1 pool</source>
        <comment>a queue&apos;s unassigned cases</comment>
        <translation>Réserve %1</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <comment>time of day</comment>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>En retard depuis %1</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>day and month</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Aujourd’hui %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Demain %1</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>weekday, day and month</comment>
        <translation>ddd d MMM</translation>
    </message>
</context>
<context>
    <name>outpost::ui::WorklistView</name>
    <message>
        <source>Search cases (id, title, site…)</source>
        <translation>Chercher des dossiers (numéro, titre, site…)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Chercher des dossiers</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>Filter by case type</source>
        <translation>Filtrer par type de dossier</translation>
    </message>
    <message>
        <source>Filter by queue</source>
        <translation>Filtrer par file</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Liste de travail</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Toutes les files</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miens</translation>
    </message>
    <message>
        <source>Only the cases assigned to you</source>
        <translation>Seulement les dossiers qui vous sont assignés</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Pour aujourd’hui</translation>
    </message>
    <message>
        <source>Only the cases due later today (with Overdue: due today or overdue)</source>
        <translation>Seulement les dossiers à rendre plus tard aujourd’hui (avec « En retard » : pour aujourd’hui ou en retard)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Only the cases whose due time has passed</source>
        <translation>Seulement les dossiers dont l’échéance est passée</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>has pending changes</comment>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Only the cases with pending changes: not yet sent, in conflict or refused</source>
        <translation>Seulement les dossiers avec des modifications en attente : pas encore envoyées, en conflit ou refusées</translation>
    </message>
</context>
</TS>
