<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
</context>
<context>
    <name>outpost::app</name>
    <message>
        <source>Outpost: offline-first field service for technicians.</source>
        <translation>Outpost : le service terrain des techniciens, même hors ligne.</translation>
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
        <source>This case is no longer available to you: %1</source>
        <translation>Ce dossier ne vous est plus accessible : %1</translation>
    </message>
    <message>
        <source>The case is no longer available.</source>
        <translation>Le dossier n’est plus disponible.</translation>
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
        <source>Not set</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Type to search %1</source>
        <translation>Tapez pour chercher dans %1</translation>
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
    <name>outpost::ui::KioskController</name>
    <message>
        <source>Enter the administrator PIN to leave kiosk mode.</source>
        <translation>Saisissez le code PIN administrateur pour quitter le mode kiosque.</translation>
    </message>
    <message>
        <source>No administrator PIN is set on this device, so kiosk mode cannot be left here.</source>
        <translation>Aucun code PIN administrateur n’est défini sur cet appareil ; le mode kiosque ne peut pas être quitté ici.</translation>
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
</context>
<context>
    <name>outpost::ui::PinStore</name>
    <message>
        <source>The PIN must have 4 to 12 digits.</source>
        <translation>Le code PIN doit comporter de 4 à 12 chiffres.</translation>
    </message>
</context>
<context>
    <name>outpost::ui::SampleCaseHost</name>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Case type %1 is not known.</source>
        <translation>Le type de dossier %1 est inconnu.</translation>
    </message>
    <message>
        <source>Some fields are not valid.</source>
        <translation>Certains champs ne sont pas valides.</translation>
    </message>
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
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>assigned to me</source>
        <translation>attribué à moi</translation>
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
</context>
<context>
    <name>outpost::ui::SyncStatusBar</name>
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
        <source>Offline</source>
        <translation>Hors ligne</translation>
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
</context>
<context>
    <name>outpost::ui::ValueText</name>
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
        <translation>%1 (%2)</translation>
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
</context>
</TS>
