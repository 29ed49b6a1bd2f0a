<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>AdminArea</name>
        <message>
            <source>The new PIN is set.</source>
            <translation>Le nouveau code PIN est enregistré.</translation>
        </message>
        <message>
            <source>The settings file cannot be written ({reason}).</source>
            <translation>Impossible d’écrire le fichier de réglages ({reason}).</translation>
        </message>
    </context>
    <context>
        <name>AdminSide</name>
        <message>
            <source>Staff: the central server refuses this kiosk's token. Answers are kept here and sent once the token is fixed in the admin settings.</source>
            <translation>Personnel : le serveur central refuse le jeton de ce kiosque. Les réponses sont conservées ici et seront envoyées dès que le jeton aura été corrigé dans les réglages d’administration.</translation>
        </message>
    </context>
    <context>
        <name>CentralConfigApplier</name>
        <message>
            <source>Staff: the central configuration was refused ({reason}). The kiosk keeps the last good one; please tell IT.</source>
            <translation>Personnel : la configuration centrale a été refusée ({reason}). La borne garde la dernière valide ; prévenez l’informatique.</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>No answers in this period</source>
            <translation>Aucune réponse sur cette période</translation>
        </message>
        <message>
            <source>Promoters (9-10)</source>
            <translation>Promoteurs (9-10)</translation>
        </message>
        <message>
            <source>Passives (7-8)</source>
            <translation>Passifs (7-8)</translation>
        </message>
        <message>
            <source>Detractors (0-6)</source>
            <translation>Détracteurs (0-6)</translation>
        </message>
        <message>
            <source>No reasons chosen in this period</source>
            <translation>Aucun motif choisi sur cette période</translation>
        </message>
        <message>
            <source>Detractors</source>
            <translation>Détracteurs</translation>
        </message>
        <message>
            <source>Passives</source>
            <translation>Passifs</translation>
        </message>
        <message>
            <source>Promoters</source>
            <translation>Promoteurs</translation>
        </message>
    </context>
    <context>
        <name>ConfigError</name>
        <message>
            <source>The default language must be one of the languages offered ({choices}).</source>
            <translation>La langue par défaut doit faire partie des langues proposées ({choices}).</translation>
        </message>
        <message>
            <source>Give the token or a token file, not both.</source>
            <translation>Indiquez le jeton ou un fichier de jeton, pas les deux.</translation>
        </message>
        <message>
            <source>Expected true or false, got {value}.</source>
            <translation>true ou false était attendu ; reçu {value}.</translation>
        </message>
        <message>
            <source>Expected a whole number, got {value}.</source>
            <translation>Un nombre entier était attendu ; reçu {value}.</translation>
        </message>
        <message>
            <source>Expected a number, got {value}.</source>
            <translation>Un nombre était attendu ; reçu {value}.</translation>
        </message>
        <message>
            <source>Expected a value from {low} to {high}, got {value}.</source>
            <translation>Une valeur de {low} à {high} était attendue ; reçu {value}.</translation>
        </message>
        <message>
            <source>Expected text, got {value}.</source>
            <translation>Un texte était attendu ; reçu {value}.</translation>
        </message>
        <message>
            <source>Expected text.</source>
            <translation>Un texte était attendu.</translation>
        </message>
        <message>
            <source>A token must not contain spaces, line breaks or control characters.</source>
            <translation>Un jeton ne doit contenir ni espaces, ni retours à la ligne, ni caractères de contrôle.</translation>
        </message>
        <message>
            <source>Expected 1 to {longest} letters, digits, '-', '_' or '.', got {value}.</source>
            <translation>De 1 à {longest} lettres, chiffres, '-', '_' ou '.' étaient attendus ; reçu {value}.</translation>
        </message>
        <message>
            <source>Expected a colour like #1f5fa8, got {value}.</source>
            <translation>Une couleur comme #1f5fa8 était attendue ; reçu {value}.</translation>
        </message>
        <message>
            <source>An address must not contain spaces or control characters.</source>
            <translation>Une adresse ne doit contenir ni espaces ni caractères de contrôle.</translation>
        </message>
        <message>
            <source>Expected an address starting with http:// or https://, got {value}.</source>
            <translation>Une adresse commençant par http:// ou https:// était attendue ; reçu {value}.</translation>
        </message>
        <message>
            <source>An address must not contain a user name or password; put the token in its own field.</source>
            <translation>Une adresse ne doit contenir ni nom d’utilisateur ni mot de passe ; mettez le jeton dans son propre champ.</translation>
        </message>
        <message>
            <source>The address {value} is a link-local or cloud metadata address; the kiosk does not send anything there.</source>
            <translation>L’adresse {value} est une adresse lien-local ou de métadonnées cloud ; le kiosque n’y envoie rien.</translation>
        </message>
        <message>
            <source>Unsupported language {value}; expected one of {choices}.</source>
            <translation>Langue non prise en charge : {value} ; l’une de celles-ci était attendue : {choices}.</translation>
        </message>
        <message>
            <source>Expected a list of texts, got {value}.</source>
            <translation>Une liste de textes était attendue ; reçu {value}.</translation>
        </message>
        <message>
            <source>Choose at least one language.</source>
            <translation>Choisissez au moins une langue.</translation>
        </message>
        <message>
            <source>A language is listed twice.</source>
            <translation>Une langue figure deux fois.</translation>
        </message>
        <message>
            <source>Expected one text, or a text per language, got {value}.</source>
            <translation>Un texte, ou un texte par langue, était attendu ; reçu {value}.</translation>
        </message>
        <message>
            <source>Unknown language {value}; expected one of {choices}.</source>
            <translation>Langue inconnue : {value} ; l’une de celles-ci était attendue : {choices}.</translation>
        </message>
        <message>
            <source>This text must not be empty.</source>
            <translation>Ce texte ne doit pas être vide.</translation>
        </message>
        <message>
            <source>Expected a list, got {value}.</source>
            <translation>Une liste était attendue ; reçu {value}.</translation>
        </message>
        <message>
            <source>The reason {id} is listed twice.</source>
            <translation>Le motif {id} figure deux fois.</translation>
        </message>
        <message>
            <source>At most {most} reasons fit on the screen.</source>
            <translation>Au plus {most} motifs tiennent à l’écran.</translation>
        </message>
        <message>
            <source>Unknown built-in reason {value}; use one of {choices}, or give your own reason a label.</source>
            <translation>Motif intégré inconnu : {value} ; utilisez l’un de ceux-ci : {choices}, ou donnez un libellé à votre propre motif.</translation>
        </message>
        <message>
            <source>Expected a reason id or a table, got {value}.</source>
            <translation>Un identifiant de motif ou une table était attendu ; reçu {value}.</translation>
        </message>
        <message>
            <source>Unknown key {key} in a reason; expected one of {choices}.</source>
            <translation>Clé inconnue {key} dans un motif ; l’une de celles-ci était attendue : {choices}.</translation>
        </message>
        <message>
            <source>A reason id takes lowercase letters, digits, '_' or '-' only, got {value}.</source>
            <translation>L’identifiant d’un motif n’accepte que des minuscules, des chiffres, '_' ou '-' ; reçu {value}.</translation>
        </message>
        <message>
            <source>The reason {id} has an empty label.</source>
            <translation>Le motif {id} a un libellé vide.</translation>
        </message>
        <message>
            <source>Your own reason {id} needs a label ({choices}).</source>
            <translation>Votre motif {id} a besoin d’un libellé ({choices}).</translation>
        </message>
        <message>
            <source>The settings file is nested too deep.</source>
            <translation>Le fichier de réglages est imbriqué trop profondément.</translation>
        </message>
        <message>
            <source>The settings file does not exist.</source>
            <translation>Le fichier de réglages n’existe pas.</translation>
        </message>
        <message>
            <source>The settings file cannot be read ({reason}).</source>
            <translation>Impossible de lire le fichier de réglages ({reason}).</translation>
        </message>
        <message>
            <source>The settings file is not UTF-8 text.</source>
            <translation>Le fichier de réglages n’est pas du texte UTF-8.</translation>
        </message>
        <message>
            <source>The settings file is not valid TOML: {detail}</source>
            <translation>Le fichier de réglages n’est pas du TOML valide : {detail}</translation>
        </message>
        <message>
            <source>Expected a table, got {value}.</source>
            <translation>Une table était attendue ; reçu {value}.</translation>
        </message>
        <message>
            <source>Unknown setting {key}; did you mean {suggestion}?</source>
            <translation>Réglage inconnu : {key} ; vouliez-vous dire {suggestion} ?</translation>
        </message>
        <message>
            <source>Unknown setting {key}; expected one of {choices}.</source>
            <translation>Réglage inconnu : {key} ; l’un de ceux-ci était attendu : {choices}.</translation>
        </message>
        <message>
            <source>The central configuration may not set this (it stays on the kiosk); it may set {choices}.</source>
            <translation>La configuration centrale ne peut pas définir ceci (cela reste sur la borne) ; elle peut définir {choices}.</translation>
        </message>
        <message>
            <source>Expected section.key=value, like sync.endpoint=https://…</source>
            <translation>Attendu section.clé=valeur, par exemple sync.endpoint=https://…</translation>
        </message>
        <message>
            <source>A brace in this address is not closed; write {{ and }} for a brace.</source>
            <translation>Une accolade de cette adresse n’est pas fermée ; écrivez {{ et }} pour une accolade.</translation>
        </message>
        <message>
            <source>Unknown placeholder {name}; use {choices}.</source>
            <translation>Espace réservé inconnu {name} ; utilisez {choices}.</translation>
        </message>
        <message>
            <source>This address can grow to {length} characters once filled; at most {most} fit in a QR code a phone reads from a metre away.</source>
            <translation>Une fois remplie, cette adresse peut atteindre {length} caractères ; un code QR lisible par un téléphone à un mètre en contient au plus {most}.</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <source>I agree that {shop} contacts me about my visit; my contact is deleted after {days} days.</source>
            <translation>J’accepte que {shop} me contacte au sujet de ma visite ; mes coordonnées sont effacées après {days} jours.</translation>
        </message>
    </context>
    <context>
        <name>ContactProblem</name>
        <message>
            <source>This e-mail address looks incomplete, for example name@example.com.</source>
            <translation>Cette adresse e-mail semble incomplète, par exemple nom@exemple.fr.</translation>
        </message>
        <message>
            <source>Please give a phone number (6 to 15 digits) or an e-mail address.</source>
            <translation>Indiquez un numéro de téléphone (6 à 15 chiffres) ou une adresse e-mail.</translation>
        </message>
        <message>
            <source>Please tell us your name.</source>
            <translation>Indiquez-nous votre nom.</translation>
        </message>
        <message>
            <source>Please keep the name under {limit} characters.</source>
            <translation>Le nom doit faire moins de {limit} caractères.</translation>
        </message>
        <message>
            <source>Please give a phone number or an e-mail address.</source>
            <translation>Indiquez un numéro de téléphone ou une adresse e-mail.</translation>
        </message>
    </context>
    <context>
        <name>ContactScreen</name>
        <message>
            <source>Tick the line above to let us contact you, or tap Skip.</source>
            <translation>Cochez la ligne ci-dessus pour que nous puissions vous contacter, ou touchez Passer.</translation>
        </message>
        <message>
            <source>A manager will contact you</source>
            <translation>Un responsable vous contactera</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Votre nom</translation>
        </message>
        <message>
            <source>Phone number or e-mail</source>
            <translation>Téléphone ou e-mail</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Passer</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Envoyer</translation>
        </message>
    </context>
    <context>
        <name>DashboardScreen</name>
        <message>
            <source>No answers in this period</source>
            <translation>Aucune réponse sur cette période</translation>
        </message>
        <message>
            <source>Too few answers</source>
            <translation>Trop peu de réponses</translation>
        </message>
        <message>
            <source>Answers so far: %1. A reliable score needs at least %2.</source>
            <translation>Réponses jusqu’ici : %1. Un score fiable demande au moins %2.</translation>
        </message>
        <message>
            <source>margin ± %1 (95%) · %2 answers</source>
            <translation>marge ± %1 (95 %) · %2 réponses</translation>
        </message>
        <message>
            <source>No comparison with the previous period</source>
            <translation>Pas de comparaison avec la période précédente</translation>
        </message>
        <message>
            <source>%1 %2 vs the previous period</source>
            <translation>%1 %2 par rapport à la période précédente</translation>
        </message>
        <message>
            <source>NPS week by week</source>
            <translation>NPS semaine par semaine</translation>
        </message>
        <message>
            <source>NPS day by day</source>
            <translation>NPS jour par jour</translation>
        </message>
        <message>
            <source>No comments in this period</source>
            <translation>Aucun commentaire sur cette période</translation>
        </message>
        <message>
            <source>No guest is waiting for a call</source>
            <translation>Aucun client n’attend d’appel</translation>
        </message>
        <message>
            <source>1 guest is waiting for a call, for %1 h</source>
            <translation>1 client attend un appel, depuis %1 h</translation>
        </message>
        <message>
            <source>%1 guests are waiting for a call, the oldest for %2 h</source>
            <translation>%1 clients attendent un appel, le plus ancien depuis %2 h</translation>
        </message>
        <message>
            <source>no endpoint (offline)</source>
            <translation>pas de serveur (hors ligne)</translation>
        </message>
        <message>
            <source>Net Promoter Score</source>
            <translation>Net Promoter Score (NPS)</translation>
        </message>
        <message>
            <source>Promoters, passives and detractors</source>
            <translation>Promoteurs, passifs et détracteurs</translation>
        </message>
        <message>
            <source>Answers by score</source>
            <translation>Réponses par note</translation>
        </message>
        <message>
            <source>Reasons, most chosen first</source>
            <translation>Motifs, les plus choisis d’abord</translation>
        </message>
        <message>
            <source>NPS by hour of the day</source>
            <translation>NPS par heure de la journée</translation>
        </message>
        <message>
            <source>NPS by day of the week</source>
            <translation>NPS par jour de la semaine</translation>
        </message>
        <message>
            <source>Latest comments (detractors first)</source>
            <translation>Derniers commentaires (détracteurs d’abord)</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Rappels</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>Cette borne</translation>
        </message>
        <message>
            <source>Flagged answers kept apart (too fast or repeated): %1</source>
            <translation>Réponses signalées et mises à part (trop rapides ou répétées) : %1</translation>
        </message>
        <message>
            <source>Sync is off: this kiosk works offline.</source>
            <translation>La synchronisation est désactivée : ce kiosque fonctionne hors ligne.</translation>
        </message>
        <message>
            <source>Waiting to be sent: %1</source>
            <translation>En attente d’envoi : %1</translation>
        </message>
        <message>
            <source>Quarantined: %1</source>
            <translation>En quarantaine : %1</translation>
        </message>
        <message>
            <source>last sent %1</source>
            <translation>dernier envoi %1</translation>
        </message>
        <message>
            <source>nothing sent yet</source>
            <translation>rien d’envoyé pour l’instant</translation>
        </message>
        <message>
            <source>last error: %1</source>
            <translation>dernière erreur : %1</translation>
        </message>
        <message>
            <source>· fewer than %1 answers</source>
            <translation>· moins de %1 réponses</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Réglages</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Aujourd’hui</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 jours</translation>
        </message>
        <message>
            <source>30 days</source>
            <translation>30 jours</translation>
        </message>
        <message>
            <source>Dates…</source>
            <translation>Dates…</translation>
        </message>
        <message>
            <source>Include flagged answers in the numbers</source>
            <translation>Inclure les réponses signalées dans les chiffres</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Synchroniser</translation>
        </message>
    </context>
    <context>
        <name>DiskWatch</name>
        <message>
            <source>Staff: the disk is almost full ({free} MB free). Answers are still saved; please free some space soon.</source>
            <translation>Personnel : le disque est presque plein ({free} Mo libres). Les réponses sont toujours enregistrées ; libérez de la place rapidement.</translation>
        </message>
    </context>
    <context>
        <name>ExportScreen</name>
        <message>
            <source>This kiosk: %1</source>
            <translation>Ce kiosque : %1</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>Écriture du fichier…</translation>
        </message>
        <message>
            <source>Saved %1 answers to %2</source>
            <translation>%1 réponses enregistrées dans %2</translation>
        </message>
        <message>
            <source>The export failed and no file was left behind: %1</source>
            <translation>L’export a échoué et aucun fichier incomplet n’a été laissé : %1</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>Cette borne</translation>
        </message>
        <message>
            <source>choose where to save it first</source>
            <translation>choisissez d’abord où l’enregistrer</translation>
        </message>
        <message>
            <source>Export answers</source>
            <translation>Exporter les réponses</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>CSV (spreadsheets)</source>
            <translation>CSV (tableurs)</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Classeur Excel</translation>
        </message>
        <message>
            <source>JSON (for programs)</source>
            <translation>JSON (pour les programmes)</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Jours</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Include flagged answers</source>
            <translation>Inclure les réponses signalées</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Enregistrer dans</translation>
        </message>
        <message>
            <source>Choose a folder…</source>
            <translation>Choisir un dossier…</translation>
        </message>
        <message>
            <source>Look for USB drives again</source>
            <translation>Rechercher à nouveau les clés USB</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
    </context>
    <context>
        <name>FolderPickerScreen</name>
        <message>
            <source>No USB drive or export folder found; type a path.</source>
            <translation>Aucune clé USB ni dossier d’export trouvé ; tapez un chemin.</translation>
        </message>
        <message>
            <source>This folder cannot be opened (%1).</source>
            <translation>Impossible d’ouvrir ce dossier (%1).</translation>
        </message>
        <message>
            <source>There is no folder %1.</source>
            <translation>Le dossier %1 n’existe pas.</translation>
        </message>
        <message>
            <source>Choose a folder first.</source>
            <translation>Choisissez d’abord un dossier.</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Choisir un dossier</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Emplacements</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Remonter</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <source>Use this folder</source>
            <translation>Utiliser ce dossier</translation>
        </message>
        <message>
            <source>Type a folder's path</source>
            <translation>Tapez le chemin d’un dossier</translation>
        </message>
    </context>
    <context>
        <name>FollowUpScreen</name>
        <message>
            <source>%1 · scored %2</source>
            <translation>%1 · a donné %2</translation>
        </message>
        <message>
            <source>No reasons or comment</source>
            <translation>Ni raison ni commentaire</translation>
        </message>
        <message>
            <source>Contact deleted after %1 days, as the guest was promised.</source>
            <translation>Coordonnées effacées après %1 jours, comme promis au client.</translation>
        </message>
        <message>
            <source>Waiting for a call</source>
            <translation>En attente d’un appel</translation>
        </message>
        <message>
            <source>Done %1 by %2</source>
            <translation>Fait %1 par %2</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fait</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Rappels</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>Waiting for a call: %1</source>
            <translation>En attente d’un appel : %1</translation>
        </message>
        <message>
            <source>No guest has asked for a call-back.</source>
            <translation>Aucun client n’a demandé de rappel.</translation>
        </message>
    </context>
    <context>
        <name>GuestFlow</name>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting in memory; they are saved as soon as this is fixed. Do not switch off the kiosk.</source>
            <translation>Personnel : impossible d’enregistrer les réponses ({problem}). {count} en attente en mémoire ; elles seront enregistrées dès que ce sera réglé. N’éteignez pas le kiosque.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting, kept in a spare file; they are saved as soon as this is fixed.</source>
            <translation>Personnel : impossible d’enregistrer les réponses ({problem}). {count} en attente, gardées dans un fichier de réserve ; elles seront enregistrées dès que ce sera réglé.</translation>
        </message>
    </context>
    <context>
        <name>KioskApp</name>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. The admin PIN was lost with it: IT sets a new one with `kiosk set-pin`. Please tell IT.</source>
            <translation>Personnel : la base de données était endommagée et a été mise de côté dans {folder} ; {count} réponse(s) ont été récupérées. Le code PIN d'administration a été perdu avec elle : le support informatique en définit un nouveau avec `kiosk set-pin`. Prévenez le support informatique.</translation>
        </message>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. Please tell IT.</source>
            <translation>Personnel : la base de données était endommagée et a été mise de côté dans {folder} ; {count} réponse(s) récupérée(s). Prévenez le service informatique.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}).</source>
            <translation>Personnel : impossible d’enregistrer les réponses ({problem}).</translation>
        </message>
        <message>
            <source>Staff: the database reports damage. Answers are still being saved; restart the kiosk soon so it can set the file aside and recover it.</source>
            <translation>Personnel : la base de données signale des dommages. Les réponses sont toujours enregistrées ; redémarrez bientôt le kiosque pour qu’il mette le fichier de côté et le récupère.</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <source>Counter feedback</source>
            <translation>Votre avis au comptoir</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>Spanish</source>
            <translation>Espagnol</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Anglais</translation>
        </message>
        <message>
            <source>Portuguese</source>
            <translation>Portugais</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Français</translation>
        </message>
        <message>
            <source>Catalan</source>
            <translation>Catalan</translation>
        </message>
    </context>
    <context>
        <name>OnScreenKeyboard</name>
        <message>
            <source>Delete</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <source>Capital letter</source>
            <translation>Majuscule</translation>
        </message>
        <message>
            <source>space</source>
            <translation>espace</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>New line</source>
            <translation>Nouvelle ligne</translation>
        </message>
    </context>
    <context>
        <name>PinPadScreen</name>
        <message>
            <source>Owner access</source>
            <translation>Accès propriétaire</translation>
        </message>
        <message>
            <source>Set the owner PIN</source>
            <translation>Créez le code PIN du propriétaire</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Locked for %1 min.</source>
            <translation>Trop de codes PIN erronés. Bloqué pendant %1 min.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again in %1 s.</source>
            <translation>Code PIN erroné. Réessayez dans %1 s.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again.</source>
            <translation>Code PIN erroné. Réessayez.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>Un code PIN a de 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>The two PINs were not the same. Start again.</source>
            <translation>Les deux codes PIN ne sont pas identiques. Recommencez.</translation>
        </message>
        <message>
            <source>This kiosk has no owner's PIN yet; IT sets it with `kiosk set-pin`.</source>
            <translation>Cette borne n’a pas encore de code PIN du propriétaire ; l’informatique le définit avec `kiosk set-pin`.</translation>
        </message>
        <message>
            <source>Enter your PIN</source>
            <translation>Saisissez votre code PIN</translation>
        </message>
        <message>
            <source>Choose a PIN of 4 to 8 digits</source>
            <translation>Choisissez un code PIN de 4 à 8 chiffres</translation>
        </message>
        <message>
            <source>Enter the same PIN again</source>
            <translation>Saisissez à nouveau le même code PIN</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <source>Back to the guest screen</source>
            <translation>Revenir à l’écran des clients</translation>
        </message>
    </context>
    <context>
        <name>QuestionScreen</name>
        <message>
            <source>How likely are you to recommend us to your friends and family?</source>
            <translation>Quelle est la probabilité que vous nous recommandiez à vos amis et à votre famille ?</translation>
        </message>
        <message>
            <source>Not at all likely</source>
            <translation>Pas du tout probable</translation>
        </message>
        <message>
            <source>Extremely likely</source>
            <translation>Extrêmement probable</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>Speed of service</source>
            <translation>Rapidité du service</translation>
        </message>
        <message>
            <source>Friendliness</source>
            <translation>Amabilité</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Qualité</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Prix</translation>
        </message>
        <message>
            <source>Cleanliness</source>
            <translation>Propreté</translation>
        </message>
        <message>
            <source>Waiting time</source>
            <translation>Temps d’attente</translation>
        </message>
        <message>
            <source>Choice of products</source>
            <translation>Choix de produits</translation>
        </message>
        <message>
            <source>Atmosphere</source>
            <translation>Ambiance</translation>
        </message>
    </context>
    <context>
        <name>Setting</name>
        <message>
            <source>Shop name</source>
            <translation>Nom de la boutique</translation>
        </message>
        <message>
            <source>Logo file (PNG or SVG)</source>
            <translation>Fichier du logo (PNG ou SVG)</translation>
        </message>
        <message>
            <source>Accent colour</source>
            <translation>Couleur d’accent</translation>
        </message>
        <message>
            <source>Languages offered</source>
            <translation>Langues proposées</translation>
        </message>
        <message>
            <source>Default language</source>
            <translation>Langue par défaut</translation>
        </message>
        <message>
            <source>Question ({language})</source>
            <translation>Question ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in question</source>
            <translation>Laissez vide pour la question intégrée</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motifs</translation>
        </message>
        <message>
            <source>Thank-you text ({language})</source>
            <translation>Texte de remerciement ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in text</source>
            <translation>Laissez vide pour le texte intégré</translation>
        </message>
        <message>
            <source>Thank-you shown for (seconds)</source>
            <translation>Durée du remerciement (secondes)</translation>
        </message>
        <message>
            <source>Review page for happy guests (QR code for 9-10)</source>
            <translation>Page d’avis pour les clients satisfaits (code QR pour 9-10)</translation>
        </message>
        <message>
            <source>https://… (leave empty for no QR code)</source>
            <translation>https://… (laissez vide pour ne pas afficher de code QR)</translation>
        </message>
        <message>
            <source>Contact page for unhappy guests (QR code for 0-6)</source>
            <translation>Page de contact pour les clients mécontents (code QR pour 0-6)</translation>
        </message>
        <message>
            <source>Thank-you with a QR code shown for (seconds)</source>
            <translation>Durée du remerciement avec code QR (secondes)</translation>
        </message>
        <message>
            <source>Back to the question after (seconds idle)</source>
            <translation>Retour à la question après (secondes d’inactivité)</translation>
        </message>
        <message>
            <source>Endpoint address</source>
            <translation>Adresse du serveur</translation>
        </message>
        <message>
            <source>https://…</source>
            <translation>https://…</translation>
        </message>
        <message>
            <source>Kiosk token</source>
            <translation>Jeton du kiosque</translation>
        </message>
        <message>
            <source>Leave empty when the token is in a file</source>
            <translation>Laissez vide si le jeton est dans un fichier</translation>
        </message>
        <message>
            <source>Offer unhappy guests a call-back</source>
            <translation>Proposer un rappel aux clients mécontents</translation>
        </message>
        <message>
            <source>Contacts deleted after (days)</source>
            <translation>Coordonnées effacées après (jours)</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>{language} label</source>
            <translation>libellé ({language})</translation>
        </message>
        <message>
            <source>One reason per line: a built-in id ({ids}) or your own as id | {columns}.</source>
            <translation>Un motif par ligne : un identifiant intégré ({ids}) ou le vôtre sous la forme id | {columns}.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Test en cours…</translation>
        </message>
        <message>
            <source>Connection works: the endpoint accepted the token.</source>
            <translation>La connexion fonctionne : le serveur a accepté le jeton.</translation>
        </message>
        <message>
            <source>Connection failed: %1</source>
            <translation>La connexion a échoué : %1</translation>
        </message>
        <message>
            <source>Not saved: please correct the field marked below.</source>
            <translation>Non enregistré : corrigez le champ signalé ci-dessous.</translation>
        </message>
        <message>
            <source>Saved. The kiosk uses the new settings now.</source>
            <translation>Enregistré. Le kiosque utilise désormais les nouveaux réglages.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Réglages</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Shop and look</source>
            <translation>Boutique et apparence</translation>
        </message>
        <message>
            <source>What guests see</source>
            <translation>Ce que voient les clients</translation>
        </message>
        <message>
            <source>Central endpoint</source>
            <translation>Serveur central</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>Accès</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Tester la connexion</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>Changer le code PIN</translation>
        </message>
        <message>
            <source>Tap again to exit</source>
            <translation>Touchez à nouveau pour quitter</translation>
        </message>
        <message>
            <source>Exit kiosk</source>
            <translation>Quitter le kiosque</translation>
        </message>
    </context>
    <context>
        <name>StoreProblem</name>
        <message>
            <source>the disk is full</source>
            <translation>le disque est plein</translation>
        </message>
        <message>
            <source>the data folder is read-only</source>
            <translation>le dossier des données est en lecture seule</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>le fichier de la base de données est endommagé</translation>
        </message>
        <message>
            <source>the disk reported an input/output error</source>
            <translation>le disque a signalé une erreur d’entrée/sortie</translation>
        </message>
        <message>
            <source>the database file cannot be opened</source>
            <translation>impossible d’ouvrir le fichier de la base de données</translation>
        </message>
        <message>
            <source>the database is locked by another program</source>
            <translation>la base de données est verrouillée par un autre programme</translation>
        </message>
        <message>
            <source>{detail}</source>
            <translation>{detail}</translation>
        </message>
        <message>
            <source>the store is closed</source>
            <translation>le stockage des données est fermé</translation>
        </message>
    </context>
    <context>
        <name>SyncBridge</name>
        <message>
            <source>Unhappy guest: scored {score}/10 at {site} ({kiosk}), {time}.</source>
            <translation>Client mécontent : a donné {score}/10 à {site} ({kiosk}), {time}.</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motifs</translation>
        </message>
        <message>
            <source>A guest who scored {score}/10 at {site} ({kiosk}) asked to be contacted; the contact is in the follow-up list.</source>
            <translation>Un client qui a donné {score}/10 à {site} ({kiosk}) a demandé à être contacté ; ses coordonnées sont dans la liste de suivi.</translation>
        </message>
    </context>
    <context>
        <name>SyncProblem</name>
        <message>
            <source>no server address</source>
            <translation>aucune adresse de serveur</translation>
        </message>
        <message>
            <source>the server refused the token (HTTP %1)</source>
            <translation>le serveur a refusé le jeton (HTTP %1)</translation>
        </message>
        <message>
            <source>the server answered HTTP %1</source>
            <translation>le serveur a répondu HTTP %1</translation>
        </message>
        <message>
            <source>the server is busy (HTTP %1)</source>
            <translation>le serveur est occupé (HTTP %1)</translation>
        </message>
        <message>
            <source>the server redirected (HTTP %1); check the address</source>
            <translation>le serveur a redirigé la connexion (HTTP %1) ; vérifiez l’adresse</translation>
        </message>
        <message>
            <source>unexpected reply from the server (HTTP %1)</source>
            <translation>réponse inattendue du serveur (HTTP %1)</translation>
        </message>
        <message>
            <source>the server did not confirm the alert</source>
            <translation>le serveur n’a pas confirmé l’alerte</translation>
        </message>
        <message>
            <source>the alert webhook failed</source>
            <translation>le webhook d’alerte a échoué</translation>
        </message>
        <message>
            <source>the certificate of %1 could not be verified</source>
            <translation>impossible de vérifier le certificat de %1</translation>
        </message>
        <message>
            <source>%1 did not answer in time</source>
            <translation>%1 n’a pas répondu à temps</translation>
        </message>
        <message>
            <source>cannot reach %1</source>
            <translation>impossible de joindre %1</translation>
        </message>
        <message>
            <source>the request to %1 failed</source>
            <translation>la requête vers %1 a échoué</translation>
        </message>
        <message>
            <source>the server's reply was too large</source>
            <translation>la réponse du serveur était trop volumineuse</translation>
        </message>
        <message>
            <source>the server's reply took too long</source>
            <translation>la réponse du serveur a pris trop de temps</translation>
        </message>
    </context>
    <context>
        <name>ThanksScreen</name>
        <message>
            <source>Thank you!</source>
            <translation>Merci !</translation>
        </message>
        <message>
            <source>Your answer helps us get better every day.</source>
            <translation>Votre réponse nous aide à nous améliorer chaque jour.</translation>
        </message>
        <message>
            <source>Want us to get back to you?</source>
            <translation>Souhaitez-vous que nous vous recontactions ?</translation>
        </message>
        <message>
            <source>Scan to leave your contact.</source>
            <translation>Scannez pour nous laisser vos coordonnées.</translation>
        </message>
        <message>
            <source>Would you share this in a review?</source>
            <translation>Accepteriez-vous de le partager dans un avis ?</translation>
        </message>
        <message>
            <source>Scan with your phone.</source>
            <translation>Scannez avec votre téléphone.</translation>
        </message>
        <message>
            <source>Tap anywhere to finish.</source>
            <translation>Touchez n’importe où pour terminer.</translation>
        </message>
    </context>
    <context>
        <name>WhyScreen</name>
        <message>
            <source>What could we do better?</source>
            <translation>Que pourrions-nous améliorer ?</translation>
        </message>
        <message>
            <source>What would make it a 10?</source>
            <translation>Que faudrait-il pour un 10 ?</translation>
        </message>
        <message>
            <source>What did you like most?</source>
            <translation>Qu’avez-vous le plus apprécié ?</translation>
        </message>
        <message>
            <source>Tap all that apply. Everything here is optional.</source>
            <translation>Touchez toutes les réponses qui conviennent. Tout est facultatif.</translation>
        </message>
        <message>
            <source>Add a comment (optional)</source>
            <translation>Ajouter un commentaire (facultatif)</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Passer</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Envoyer</translation>
        </message>
        <message>
            <source>I'd like a manager to contact me</source>
            <translation>Je souhaite qu’un responsable me contacte</translation>
        </message>
    </context>
</TS>
