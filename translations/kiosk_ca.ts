<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ca">
    <context>
        <name>AdminArea</name>
        <message>
            <source>The new PIN is set.</source>
            <translation>El nou PIN s’ha desat.</translation>
        </message>
        <message>
            <source>The settings file cannot be written ({reason}).</source>
            <translation>No es pot escriure el fitxer de configuració ({reason}).</translation>
        </message>
    </context>
    <context>
        <name>AdminSide</name>
        <message>
            <source>Staff: the central server refuses this kiosk's token. Answers are kept here and sent once the token is fixed in the admin settings.</source>
            <translation>Personal: el servidor central rebutja el testimoni d’aquest quiosc. Les respostes es guarden aquí i s’enviaran quan es corregeixi el testimoni a la configuració d’administració.</translation>
        </message>
    </context>
    <context>
        <name>CentralConfigApplier</name>
        <message>
            <source>Staff: the central configuration was refused ({reason}). The kiosk keeps the last good one; please tell IT.</source>
            <translation>Personal: s’ha rebutjat la configuració central ({reason}). El quiosc manté l’última vàlida; aviseu informàtica.</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>No answers in this period</source>
            <translation>No hi ha respostes en aquest període</translation>
        </message>
        <message>
            <source>Promoters (9-10)</source>
            <translation>Promotors (9-10)</translation>
        </message>
        <message>
            <source>Passives (7-8)</source>
            <translation>Passius (7-8)</translation>
        </message>
        <message>
            <source>Detractors (0-6)</source>
            <translation>Detractors (0-6)</translation>
        </message>
        <message>
            <source>No reasons chosen in this period</source>
            <translation>No s’ha triat cap motiu en aquest període</translation>
        </message>
        <message>
            <source>Detractors</source>
            <translation>Detractors</translation>
        </message>
        <message>
            <source>Passives</source>
            <translation>Passius</translation>
        </message>
        <message>
            <source>Promoters</source>
            <translation>Promotors</translation>
        </message>
    </context>
    <context>
        <name>ConfigError</name>
        <message>
            <source>The default language must be one of the languages offered ({choices}).</source>
            <translation>L’idioma per defecte ha de ser un dels idiomes oferts ({choices}).</translation>
        </message>
        <message>
            <source>Give the token or a token file, not both.</source>
            <translation>Indica el testimoni o un fitxer de testimoni, no tots dos.</translation>
        </message>
        <message>
            <source>Expected true or false, got {value}.</source>
            <translation>S’esperava true o false; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Expected a whole number, got {value}.</source>
            <translation>S’esperava un nombre enter; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Expected a number, got {value}.</source>
            <translation>S’esperava un nombre; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Expected a value from {low} to {high}, got {value}.</source>
            <translation>S’esperava un valor de {low} a {high}; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Expected text, got {value}.</source>
            <translation>S’esperava un text; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Expected text.</source>
            <translation>S’esperava un text.</translation>
        </message>
        <message>
            <source>A token must not contain spaces, line breaks or control characters.</source>
            <translation>Un testimoni no pot contenir espais, salts de línia ni caràcters de control.</translation>
        </message>
        <message>
            <source>Expected 1 to {longest} letters, digits, '-', '_' or '.', got {value}.</source>
            <translation>S’esperaven d’1 a {longest} lletres, xifres, '-', '_' o '.'; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Expected a colour like #1f5fa8, got {value}.</source>
            <translation>S’esperava un color com #1f5fa8; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>An address must not contain spaces or control characters.</source>
            <translation>Una adreça no pot contenir espais ni caràcters de control.</translation>
        </message>
        <message>
            <source>Expected an address starting with http:// or https://, got {value}.</source>
            <translation>S’esperava una adreça que comenci per http:// o https://; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>An address must not contain a user name or password; put the token in its own field.</source>
            <translation>Una adreça no pot contenir un nom d’usuari ni una contrasenya; posa el testimoni al seu propi camp.</translation>
        </message>
        <message>
            <source>The address {value} is a link-local or cloud metadata address; the kiosk does not send anything there.</source>
            <translation>L’adreça {value} és d’enllaç local o de metadades del núvol; el quiosc no hi envia res.</translation>
        </message>
        <message>
            <source>Unsupported language {value}; expected one of {choices}.</source>
            <translation>Idioma no admès: {value}; s’esperava un d’aquests: {choices}.</translation>
        </message>
        <message>
            <source>Expected a list of texts, got {value}.</source>
            <translation>S’esperava una llista de textos; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Choose at least one language.</source>
            <translation>Tria almenys un idioma.</translation>
        </message>
        <message>
            <source>A language is listed twice.</source>
            <translation>Hi ha un idioma repetit.</translation>
        </message>
        <message>
            <source>Expected one text, or a text per language, got {value}.</source>
            <translation>S’esperava un text, o un text per idioma; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Unknown language {value}; expected one of {choices}.</source>
            <translation>Idioma desconegut: {value}; s’esperava un d’aquests: {choices}.</translation>
        </message>
        <message>
            <source>This text must not be empty.</source>
            <translation>Aquest text no pot estar buit.</translation>
        </message>
        <message>
            <source>Expected a list, got {value}.</source>
            <translation>S’esperava una llista; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>The reason {id} is listed twice.</source>
            <translation>El motiu {id} està repetit.</translation>
        </message>
        <message>
            <source>At most {most} reasons fit on the screen.</source>
            <translation>A la pantalla hi caben com a màxim {most} motius.</translation>
        </message>
        <message>
            <source>Unknown built-in reason {value}; use one of {choices}, or give your own reason a label.</source>
            <translation>Motiu inclòs desconegut: {value}; fes servir un d’aquests: {choices}, o posa una etiqueta al teu motiu propi.</translation>
        </message>
        <message>
            <source>Expected a reason id or a table, got {value}.</source>
            <translation>S’esperava l’identificador d’un motiu o una taula; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Unknown key {key} in a reason; expected one of {choices}.</source>
            <translation>Clau desconeguda {key} en un motiu; s’esperava una d’aquestes: {choices}.</translation>
        </message>
        <message>
            <source>A reason id takes lowercase letters, digits, '_' or '-' only, got {value}.</source>
            <translation>L’identificador d’un motiu només admet minúscules, xifres, '_' o '-'; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>The reason {id} has an empty label.</source>
            <translation>El motiu {id} té una etiqueta buida.</translation>
        </message>
        <message>
            <source>Your own reason {id} needs a label ({choices}).</source>
            <translation>El teu motiu propi {id} necessita una etiqueta ({choices}).</translation>
        </message>
        <message>
            <source>The settings file is nested too deep.</source>
            <translation>El fitxer de configuració està imbricat massa nivells.</translation>
        </message>
        <message>
            <source>The settings file does not exist.</source>
            <translation>El fitxer de configuració no existeix.</translation>
        </message>
        <message>
            <source>The settings file cannot be read ({reason}).</source>
            <translation>No es pot llegir el fitxer de configuració ({reason}).</translation>
        </message>
        <message>
            <source>The settings file is not UTF-8 text.</source>
            <translation>El fitxer de configuració no és text UTF-8.</translation>
        </message>
        <message>
            <source>The settings file is not valid TOML: {detail}</source>
            <translation>El fitxer de configuració no és TOML vàlid: {detail}</translation>
        </message>
        <message>
            <source>Expected a table, got {value}.</source>
            <translation>S’esperava una taula; s’ha rebut {value}.</translation>
        </message>
        <message>
            <source>Unknown setting {key}; did you mean {suggestion}?</source>
            <translation>Paràmetre desconegut: {key}; volies dir {suggestion}?</translation>
        </message>
        <message>
            <source>Unknown setting {key}; expected one of {choices}.</source>
            <translation>Paràmetre desconegut: {key}; s’esperava un d’aquests: {choices}.</translation>
        </message>
        <message>
            <source>The central configuration may not set this (it stays on the kiosk); it may set {choices}.</source>
            <translation>La configuració central no pot definir això (es queda al quiosc); pot definir {choices}.</translation>
        </message>
        <message>
            <source>Expected section.key=value, like sync.endpoint=https://…</source>
            <translation>S’esperava secció.clau=valor, per exemple sync.endpoint=https://…</translation>
        </message>
        <message>
            <source>A brace in this address is not closed; write {{ and }} for a brace.</source>
            <translation>Hi ha una clau sense tancar en aquesta adreça; escriviu {{ i }} per a una clau.</translation>
        </message>
        <message>
            <source>Unknown placeholder {name}; use {choices}.</source>
            <translation>Marcador desconegut {name}; feu servir {choices}.</translation>
        </message>
        <message>
            <source>This address can grow to {length} characters once filled; at most {most} fit in a QR code a phone reads from a metre away.</source>
            <translation>Un cop omplerta, aquesta adreça pot arribar a {length} caràcters; en un codi QR que un mòbil llegeixi a un metre n’hi caben com a màxim {most}.</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <source>I agree that {shop} contacts me about my visit; my contact is deleted after {days} days.</source>
            <translation>Accepto que {shop} em contacti sobre la meva visita; el meu contacte s’esborra al cap de {days} dies.</translation>
        </message>
    </context>
    <context>
        <name>ContactProblem</name>
        <message>
            <source>This e-mail address looks incomplete, for example name@example.com.</source>
            <translation>Aquesta adreça electrònica sembla incompleta, per exemple nom@exemple.cat.</translation>
        </message>
        <message>
            <source>Please give a phone number (6 to 15 digits) or an e-mail address.</source>
            <translation>Indiqueu un número de telèfon (de 6 a 15 xifres) o una adreça electrònica.</translation>
        </message>
        <message>
            <source>Please tell us your name.</source>
            <translation>Digueu-nos el vostre nom.</translation>
        </message>
        <message>
            <source>Please keep the name under {limit} characters.</source>
            <translation>El nom ha de tenir menys de {limit} caràcters.</translation>
        </message>
        <message>
            <source>Please give a phone number or an e-mail address.</source>
            <translation>Indiqueu un número de telèfon o una adreça electrònica.</translation>
        </message>
    </context>
    <context>
        <name>ContactScreen</name>
        <message>
            <source>Tick the line above to let us contact you, or tap Skip.</source>
            <translation>Marqueu la línia de dalt perquè us puguem contactar, o toqueu Omet.</translation>
        </message>
        <message>
            <source>A manager will contact you</source>
            <translation>Un responsable us contactarà</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>El vostre nom</translation>
        </message>
        <message>
            <source>Phone number or e-mail</source>
            <translation>Telèfon o correu electrònic</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Omet</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Envia</translation>
        </message>
    </context>
    <context>
        <name>DashboardScreen</name>
        <message>
            <source>No answers in this period</source>
            <translation>No hi ha respostes en aquest període</translation>
        </message>
        <message>
            <source>Too few answers</source>
            <translation>Massa poques respostes</translation>
        </message>
        <message>
            <source>Answers so far: %1. A reliable score needs at least %2.</source>
            <translation>Respostes fins ara: %1. Una puntuació fiable en necessita almenys %2.</translation>
        </message>
        <message>
            <source>margin ± %1 (95%) · %2 answers</source>
            <translation>marge ± %1 (95 %) · %2 respostes</translation>
        </message>
        <message>
            <source>No comparison with the previous period</source>
            <translation>Sense comparació amb el període anterior</translation>
        </message>
        <message>
            <source>%1 %2 vs the previous period</source>
            <translation>%1 %2 respecte al període anterior</translation>
        </message>
        <message>
            <source>NPS week by week</source>
            <translation>NPS setmana a setmana</translation>
        </message>
        <message>
            <source>NPS day by day</source>
            <translation>NPS dia a dia</translation>
        </message>
        <message>
            <source>No comments in this period</source>
            <translation>No hi ha comentaris en aquest període</translation>
        </message>
        <message>
            <source>No guest is waiting for a call</source>
            <translation>Cap client no espera cap trucada</translation>
        </message>
        <message>
            <source>1 guest is waiting for a call, for %1 h</source>
            <translation>1 client espera una trucada, fa %1 h</translation>
        </message>
        <message>
            <source>%1 guests are waiting for a call, the oldest for %2 h</source>
            <translation>%1 clients esperen una trucada, el més antic fa %2 h</translation>
        </message>
        <message>
            <source>no endpoint (offline)</source>
            <translation>sense servidor (fora de línia)</translation>
        </message>
        <message>
            <source>Net Promoter Score</source>
            <translation>Net Promoter Score (NPS)</translation>
        </message>
        <message>
            <source>Promoters, passives and detractors</source>
            <translation>Promotors, passius i detractors</translation>
        </message>
        <message>
            <source>Answers by score</source>
            <translation>Respostes per puntuació</translation>
        </message>
        <message>
            <source>Reasons, most chosen first</source>
            <translation>Motius, els més triats primer</translation>
        </message>
        <message>
            <source>NPS by hour of the day</source>
            <translation>NPS per hora del dia</translation>
        </message>
        <message>
            <source>NPS by day of the week</source>
            <translation>NPS per dia de la setmana</translation>
        </message>
        <message>
            <source>Latest comments (detractors first)</source>
            <translation>Darrers comentaris (detractors primer)</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Trucades de retorn</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>Aquest quiosc</translation>
        </message>
        <message>
            <source>Flagged answers kept apart (too fast or repeated): %1</source>
            <translation>Respostes marcades i apartades (massa ràpides o repetides): %1</translation>
        </message>
        <message>
            <source>Sync is off: this kiosk works offline.</source>
            <translation>La sincronització està desactivada: aquest quiosc funciona sense connexió.</translation>
        </message>
        <message>
            <source>Waiting to be sent: %1</source>
            <translation>Pendents d’enviar: %1</translation>
        </message>
        <message>
            <source>Quarantined: %1</source>
            <translation>En quarantena: %1</translation>
        </message>
        <message>
            <source>last sent %1</source>
            <translation>darrer enviament %1</translation>
        </message>
        <message>
            <source>nothing sent yet</source>
            <translation>encara no s’ha enviat res</translation>
        </message>
        <message>
            <source>last error: %1</source>
            <translation>darrer error: %1</translation>
        </message>
        <message>
            <source>· fewer than %1 answers</source>
            <translation>· menys de %1 respostes</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Tauler</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporta</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Configuració</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tanca</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Avui</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 dies</translation>
        </message>
        <message>
            <source>30 days</source>
            <translation>30 dies</translation>
        </message>
        <message>
            <source>Dates…</source>
            <translation>Dates…</translation>
        </message>
        <message>
            <source>Include flagged answers in the numbers</source>
            <translation>Inclou les respostes marcades a les xifres</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sincronitza ara</translation>
        </message>
    </context>
    <context>
        <name>DiskWatch</name>
        <message>
            <source>Staff: the disk is almost full ({free} MB free). Answers are still saved; please free some space soon.</source>
            <translation>Personal: el disc és gairebé ple (queden {free} MB lliures). Les respostes es continuen desant; allibera espai aviat.</translation>
        </message>
    </context>
    <context>
        <name>ExportScreen</name>
        <message>
            <source>This kiosk: %1</source>
            <translation>Aquest quiosc: %1</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>S’està escrivint el fitxer…</translation>
        </message>
        <message>
            <source>Saved %1 answers to %2</source>
            <translation>S’han desat %1 respostes a %2</translation>
        </message>
        <message>
            <source>The export failed and no file was left behind: %1</source>
            <translation>L’exportació ha fallat i no ha quedat cap fitxer a mitges: %1</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>Aquest quiosc</translation>
        </message>
        <message>
            <source>choose where to save it first</source>
            <translation>primer tria on desar-la</translation>
        </message>
        <message>
            <source>Export answers</source>
            <translation>Exporta les respostes</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Enrere</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>CSV (spreadsheets)</source>
            <translation>CSV (fulls de càlcul)</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Llibre d’Excel</translation>
        </message>
        <message>
            <source>JSON (for programs)</source>
            <translation>JSON (per a programes)</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Dies</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Des de</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Fins a</translation>
        </message>
        <message>
            <source>Include flagged answers</source>
            <translation>Inclou les respostes marcades</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Desa a</translation>
        </message>
        <message>
            <source>Choose a folder…</source>
            <translation>Tria una carpeta…</translation>
        </message>
        <message>
            <source>Look for USB drives again</source>
            <translation>Torna a cercar memòries USB</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporta</translation>
        </message>
    </context>
    <context>
        <name>FolderPickerScreen</name>
        <message>
            <source>No USB drive or export folder found; type a path.</source>
            <translation>No s’ha trobat cap memòria USB ni carpeta d’exportació; escriviu un camí.</translation>
        </message>
        <message>
            <source>This folder cannot be opened (%1).</source>
            <translation>No es pot obrir aquesta carpeta (%1).</translation>
        </message>
        <message>
            <source>There is no folder %1.</source>
            <translation>No existeix la carpeta %1.</translation>
        </message>
        <message>
            <source>Choose a folder first.</source>
            <translation>Trieu primer una carpeta.</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Trieu una carpeta</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Enrere</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Llocs</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Amunt</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Obre</translation>
        </message>
        <message>
            <source>Use this folder</source>
            <translation>Fes servir aquesta carpeta</translation>
        </message>
        <message>
            <source>Type a folder's path</source>
            <translation>Escriviu el camí d’una carpeta</translation>
        </message>
    </context>
    <context>
        <name>FollowUpScreen</name>
        <message>
            <source>%1 · scored %2</source>
            <translation>%1 · ha puntuat %2</translation>
        </message>
        <message>
            <source>No reasons or comment</source>
            <translation>Sense motius ni comentari</translation>
        </message>
        <message>
            <source>Contact deleted after %1 days, as the guest was promised.</source>
            <translation>Contacte esborrat al cap de %1 dies, tal com es va prometre al client.</translation>
        </message>
        <message>
            <source>Waiting for a call</source>
            <translation>Esperant una trucada</translation>
        </message>
        <message>
            <source>Done %1 by %2</source>
            <translation>Fet %1 per %2</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fet</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Trucades de retorn</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Enrere</translation>
        </message>
        <message>
            <source>Waiting for a call: %1</source>
            <translation>Esperant una trucada: %1</translation>
        </message>
        <message>
            <source>No guest has asked for a call-back.</source>
            <translation>Cap client no ha demanat que el truquin.</translation>
        </message>
    </context>
    <context>
        <name>GuestFlow</name>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting in memory; they are saved as soon as this is fixed. Do not switch off the kiosk.</source>
            <translation>Personal: no es poden desar les respostes ({problem}). {count} en espera a la memòria; es desaran tan aviat com es resolgui. No apaguis el quiosc.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting, kept in a spare file; they are saved as soon as this is fixed.</source>
            <translation>Personal: no es poden desar les respostes ({problem}). {count} en espera, guardades en un fitxer de reserva; es desaran tan aviat com es resolgui.</translation>
        </message>
    </context>
    <context>
        <name>KioskApp</name>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. The admin PIN was lost with it: IT sets a new one with `kiosk set-pin`. Please tell IT.</source>
            <translation>Personal: la base de dades estava malmesa i s'ha apartat a {folder}; s'han recuperat {count} resposta(es). El PIN d'administració s'ha perdut amb ella: suport tècnic en posa un de nou amb `kiosk set-pin`. Aviseu suport tècnic.</translation>
        </message>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. Please tell IT.</source>
            <translation>Personal: la base de dades estava malmesa i s’ha apartat a {folder}; s’han recuperat {count} resposta(es). Avisa el servei informàtic.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}).</source>
            <translation>Personal: no es poden desar les respostes ({problem}).</translation>
        </message>
        <message>
            <source>Staff: the database reports damage. Answers are still being saved; restart the kiosk soon so it can set the file aside and recover it.</source>
            <translation>Personal: la base de dades informa de danys. Les respostes es continuen desant; reinicia el quiosc aviat perquè pugui apartar el fitxer i recuperar-lo.</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <source>Counter feedback</source>
            <translation>Opinió al taulell</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>Spanish</source>
            <translation>Castellà</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Anglès</translation>
        </message>
        <message>
            <source>Portuguese</source>
            <translation>Portuguès</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Francès</translation>
        </message>
        <message>
            <source>Catalan</source>
            <translation>Català</translation>
        </message>
    </context>
    <context>
        <name>OnScreenKeyboard</name>
        <message>
            <source>Delete</source>
            <translation>Esborra</translation>
        </message>
        <message>
            <source>Capital letter</source>
            <translation>Majúscula</translation>
        </message>
        <message>
            <source>space</source>
            <translation>espai</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fet</translation>
        </message>
        <message>
            <source>New line</source>
            <translation>Línia nova</translation>
        </message>
    </context>
    <context>
        <name>PinPadScreen</name>
        <message>
            <source>Owner access</source>
            <translation>Accés del propietari</translation>
        </message>
        <message>
            <source>Set the owner PIN</source>
            <translation>Crea el PIN del propietari</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Locked for %1 min.</source>
            <translation>Massa PIN incorrectes. Bloquejat durant %1 min.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again in %1 s.</source>
            <translation>PIN incorrecte. Torna-ho a provar d’aquí a %1 s.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again.</source>
            <translation>PIN incorrecte. Torna-ho a provar.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>El PIN té de 4 a 8 xifres.</translation>
        </message>
        <message>
            <source>The two PINs were not the same. Start again.</source>
            <translation>Els dos PIN no coincideixen. Torna a començar.</translation>
        </message>
        <message>
            <source>This kiosk has no owner's PIN yet; IT sets it with `kiosk set-pin`.</source>
            <translation>Aquest quiosc encara no té PIN del propietari; informàtica el defineix amb `kiosk set-pin`.</translation>
        </message>
        <message>
            <source>Enter your PIN</source>
            <translation>Introdueix el teu PIN</translation>
        </message>
        <message>
            <source>Choose a PIN of 4 to 8 digits</source>
            <translation>Tria un PIN de 4 a 8 xifres</translation>
        </message>
        <message>
            <source>Enter the same PIN again</source>
            <translation>Torna a introduir el mateix PIN</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>D’acord</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Esborra</translation>
        </message>
        <message>
            <source>Back to the guest screen</source>
            <translation>Torna a la pantalla dels clients</translation>
        </message>
    </context>
    <context>
        <name>QuestionScreen</name>
        <message>
            <source>How likely are you to recommend us to your friends and family?</source>
            <translation>Fins a quin punt és probable que ens recomanis als teus amics i familiars?</translation>
        </message>
        <message>
            <source>Not at all likely</source>
            <translation>Gens probable</translation>
        </message>
        <message>
            <source>Extremely likely</source>
            <translation>Extremadament probable</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>Speed of service</source>
            <translation>Rapidesa del servei</translation>
        </message>
        <message>
            <source>Friendliness</source>
            <translation>Amabilitat</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Qualitat</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Preu</translation>
        </message>
        <message>
            <source>Cleanliness</source>
            <translation>Neteja</translation>
        </message>
        <message>
            <source>Waiting time</source>
            <translation>Temps d’espera</translation>
        </message>
        <message>
            <source>Choice of products</source>
            <translation>Varietat de productes</translation>
        </message>
        <message>
            <source>Atmosphere</source>
            <translation>Ambient</translation>
        </message>
    </context>
    <context>
        <name>Setting</name>
        <message>
            <source>Shop name</source>
            <translation>Nom de la botiga</translation>
        </message>
        <message>
            <source>Logo file (PNG or SVG)</source>
            <translation>Fitxer del logotip (PNG o SVG)</translation>
        </message>
        <message>
            <source>Accent colour</source>
            <translation>Color d’accent</translation>
        </message>
        <message>
            <source>Languages offered</source>
            <translation>Idiomes oferts</translation>
        </message>
        <message>
            <source>Default language</source>
            <translation>Idioma per defecte</translation>
        </message>
        <message>
            <source>Question ({language})</source>
            <translation>Pregunta ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in question</source>
            <translation>Deixa-ho buit per fer servir la pregunta inclosa</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motius</translation>
        </message>
        <message>
            <source>Thank-you text ({language})</source>
            <translation>Text d’agraïment ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in text</source>
            <translation>Deixa-ho buit per fer servir el text inclòs</translation>
        </message>
        <message>
            <source>Thank-you shown for (seconds)</source>
            <translation>Durada de l’agraïment (segons)</translation>
        </message>
        <message>
            <source>Review page for happy guests (QR code for 9-10)</source>
            <translation>Pàgina de ressenyes per a clients satisfets (codi QR per a 9-10)</translation>
        </message>
        <message>
            <source>https://… (leave empty for no QR code)</source>
            <translation>https://… (deixa-ho buit per no mostrar cap codi QR)</translation>
        </message>
        <message>
            <source>Contact page for unhappy guests (QR code for 0-6)</source>
            <translation>Pàgina de contacte per a clients insatisfets (codi QR per a 0-6)</translation>
        </message>
        <message>
            <source>Thank-you with a QR code shown for (seconds)</source>
            <translation>Durada de l’agraïment amb codi QR (segons)</translation>
        </message>
        <message>
            <source>Back to the question after (seconds idle)</source>
            <translation>Torna a la pregunta després de (segons sense ús)</translation>
        </message>
        <message>
            <source>Endpoint address</source>
            <translation>Adreça del servidor</translation>
        </message>
        <message>
            <source>https://…</source>
            <translation>https://…</translation>
        </message>
        <message>
            <source>Kiosk token</source>
            <translation>Testimoni del quiosc</translation>
        </message>
        <message>
            <source>Leave empty when the token is in a file</source>
            <translation>Deixa-ho buit si el testimoni és en un fitxer</translation>
        </message>
        <message>
            <source>Offer unhappy guests a call-back</source>
            <translation>Oferir una trucada de retorn als clients descontents</translation>
        </message>
        <message>
            <source>Contacts deleted after (days)</source>
            <translation>Contactes esborrats al cap de (dies)</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>{language} label</source>
            <translation>etiqueta ({language})</translation>
        </message>
        <message>
            <source>One reason per line: a built-in id ({ids}) or your own as id | {columns}.</source>
            <translation>Un motiu per línia: un identificador inclòs ({ids}) o un de propi com a id | {columns}.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>S’està provant…</translation>
        </message>
        <message>
            <source>Connection works: the endpoint accepted the token.</source>
            <translation>La connexió funciona: el servidor ha acceptat el testimoni.</translation>
        </message>
        <message>
            <source>Connection failed: %1</source>
            <translation>La connexió ha fallat: %1</translation>
        </message>
        <message>
            <source>Not saved: please correct the field marked below.</source>
            <translation>No s’ha desat: corregeix el camp marcat a sota.</translation>
        </message>
        <message>
            <source>Saved. The kiosk uses the new settings now.</source>
            <translation>Desat. El quiosc ja fa servir la configuració nova.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Configuració</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Enrere</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Desa</translation>
        </message>
        <message>
            <source>Shop and look</source>
            <translation>Botiga i aspecte</translation>
        </message>
        <message>
            <source>What guests see</source>
            <translation>El que veuen els clients</translation>
        </message>
        <message>
            <source>Central endpoint</source>
            <translation>Servidor central</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>Accés</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Prova la connexió</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>Canvia el PIN</translation>
        </message>
        <message>
            <source>Tap again to exit</source>
            <translation>Toca de nou per sortir</translation>
        </message>
        <message>
            <source>Exit kiosk</source>
            <translation>Surt del quiosc</translation>
        </message>
    </context>
    <context>
        <name>StoreProblem</name>
        <message>
            <source>the disk is full</source>
            <translation>el disc és ple</translation>
        </message>
        <message>
            <source>the data folder is read-only</source>
            <translation>la carpeta de dades és de només lectura</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>el fitxer de la base de dades està malmès</translation>
        </message>
        <message>
            <source>the disk reported an input/output error</source>
            <translation>el disc ha informat d’un error d’entrada/sortida</translation>
        </message>
        <message>
            <source>the database file cannot be opened</source>
            <translation>no es pot obrir el fitxer de la base de dades</translation>
        </message>
        <message>
            <source>the database is locked by another program</source>
            <translation>un altre programa té bloquejada la base de dades</translation>
        </message>
        <message>
            <source>{detail}</source>
            <translation>{detail}</translation>
        </message>
        <message>
            <source>the store is closed</source>
            <translation>el magatzem de dades està tancat</translation>
        </message>
    </context>
    <context>
        <name>SyncBridge</name>
        <message>
            <source>Unhappy guest: scored {score}/10 at {site} ({kiosk}), {time}.</source>
            <translation>Client insatisfet: ha puntuat {score}/10 a {site} ({kiosk}), {time}.</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motius</translation>
        </message>
        <message>
            <source>A guest who scored {score}/10 at {site} ({kiosk}) asked to be contacted; the contact is in the follow-up list.</source>
            <translation>Un client que ha puntuat {score}/10 a {site} ({kiosk}) ha demanat que el contactin; el contacte és a la llista de seguiment.</translation>
        </message>
    </context>
    <context>
        <name>SyncProblem</name>
        <message>
            <source>no server address</source>
            <translation>falta l’adreça del servidor</translation>
        </message>
        <message>
            <source>the server refused the token (HTTP %1)</source>
            <translation>el servidor ha rebutjat el testimoni (HTTP %1)</translation>
        </message>
        <message>
            <source>the server answered HTTP %1</source>
            <translation>el servidor ha respost HTTP %1</translation>
        </message>
        <message>
            <source>the server is busy (HTTP %1)</source>
            <translation>el servidor està ocupat (HTTP %1)</translation>
        </message>
        <message>
            <source>the server redirected (HTTP %1); check the address</source>
            <translation>el servidor ha redirigit la connexió (HTTP %1); revisa l’adreça</translation>
        </message>
        <message>
            <source>unexpected reply from the server (HTTP %1)</source>
            <translation>resposta inesperada del servidor (HTTP %1)</translation>
        </message>
        <message>
            <source>the server did not confirm the alert</source>
            <translation>el servidor no ha confirmat l’alerta</translation>
        </message>
        <message>
            <source>the alert webhook failed</source>
            <translation>el webhook d’alertes ha fallat</translation>
        </message>
        <message>
            <source>the certificate of %1 could not be verified</source>
            <translation>no s’ha pogut verificar el certificat de %1</translation>
        </message>
        <message>
            <source>%1 did not answer in time</source>
            <translation>%1 no ha respost a temps</translation>
        </message>
        <message>
            <source>cannot reach %1</source>
            <translation>no es pot connectar amb %1</translation>
        </message>
        <message>
            <source>the request to %1 failed</source>
            <translation>la sol·licitud a %1 ha fallat</translation>
        </message>
        <message>
            <source>the server's reply was too large</source>
            <translation>la resposta del servidor era massa gran</translation>
        </message>
        <message>
            <source>the server's reply took too long</source>
            <translation>la resposta del servidor ha trigat massa</translation>
        </message>
    </context>
    <context>
        <name>ThanksScreen</name>
        <message>
            <source>Thank you!</source>
            <translation>Gràcies!</translation>
        </message>
        <message>
            <source>Your answer helps us get better every day.</source>
            <translation>La teva resposta ens ajuda a millorar cada dia.</translation>
        </message>
        <message>
            <source>Want us to get back to you?</source>
            <translation>Vols que et tornem a contactar?</translation>
        </message>
        <message>
            <source>Scan to leave your contact.</source>
            <translation>Escaneja per deixar-nos les teves dades de contacte.</translation>
        </message>
        <message>
            <source>Would you share this in a review?</source>
            <translation>Ho compartiries en una ressenya?</translation>
        </message>
        <message>
            <source>Scan with your phone.</source>
            <translation>Escaneja amb el mòbil.</translation>
        </message>
        <message>
            <source>Tap anywhere to finish.</source>
            <translation>Toca a qualsevol lloc per acabar.</translation>
        </message>
    </context>
    <context>
        <name>WhyScreen</name>
        <message>
            <source>What could we do better?</source>
            <translation>Què podríem fer millor?</translation>
        </message>
        <message>
            <source>What would make it a 10?</source>
            <translation>Què caldria per a un 10?</translation>
        </message>
        <message>
            <source>What did you like most?</source>
            <translation>Què és el que més t’ha agradat?</translation>
        </message>
        <message>
            <source>Tap all that apply. Everything here is optional.</source>
            <translation>Toca tot el que correspongui. Tot és opcional.</translation>
        </message>
        <message>
            <source>Add a comment (optional)</source>
            <translation>Afegeix un comentari (opcional)</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Omet</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Envia</translation>
        </message>
        <message>
            <source>I'd like a manager to contact me</source>
            <translation>Vull que un responsable em contacti</translation>
        </message>
    </context>
</TS>
