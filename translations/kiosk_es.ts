<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
    <context>
        <name>AdminArea</name>
        <message>
            <source>The new PIN is set.</source>
            <translation>El nuevo PIN quedó guardado.</translation>
        </message>
        <message>
            <source>The settings file cannot be written ({reason}).</source>
            <translation>No se puede escribir el archivo de ajustes ({reason}).</translation>
        </message>
    </context>
    <context>
        <name>AdminSide</name>
        <message>
            <source>Staff: the central server refuses this kiosk's token. Answers are kept here and sent once the token is fixed in the admin settings.</source>
            <translation>Personal: el servidor central rechaza el token de este quiosco. Las respuestas se guardan aquí y se enviarán cuando se corrija el token en la configuración de administración.</translation>
        </message>
    </context>
    <context>
        <name>CentralConfigApplier</name>
        <message>
            <source>Staff: the central configuration was refused ({reason}). The kiosk keeps the last good one; please tell IT.</source>
            <translation>Personal: se rechazó la configuración central ({reason}). El quiosco mantiene la última válida; avise a IT.</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>No answers in this period</source>
            <translation>No hay respuestas en este período</translation>
        </message>
        <message>
            <source>Promoters (9-10)</source>
            <translation>Promotores (9-10)</translation>
        </message>
        <message>
            <source>Passives (7-8)</source>
            <translation>Pasivos (7-8)</translation>
        </message>
        <message>
            <source>Detractors (0-6)</source>
            <translation>Detractores (0-6)</translation>
        </message>
        <message>
            <source>No reasons chosen in this period</source>
            <translation>No se eligieron motivos en este período</translation>
        </message>
        <message>
            <source>Detractors</source>
            <translation>Detractores</translation>
        </message>
        <message>
            <source>Passives</source>
            <translation>Pasivos</translation>
        </message>
        <message>
            <source>Promoters</source>
            <translation>Promotores</translation>
        </message>
    </context>
    <context>
        <name>ConfigError</name>
        <message>
            <source>Expected section.key=value, like sync.endpoint=https://…</source>
            <translation>Se esperaba sección.clave=valor, como sync.endpoint=https://…</translation>
        </message>
        <message>
            <source>The central configuration may not set this (it stays on the kiosk); it may set {choices}.</source>
            <translation>La configuración central no puede fijar esto (queda en el quiosco); puede fijar {choices}.</translation>
        </message>
        <message>
            <source>The settings file is nested too deep.</source>
            <translation>El archivo de ajustes está anidado a demasiada profundidad.</translation>
        </message>
        <message>
            <source>The settings file does not exist.</source>
            <translation>El archivo de ajustes no existe.</translation>
        </message>
        <message>
            <source>The settings file cannot be read ({reason}).</source>
            <translation>No se puede leer el archivo de ajustes ({reason}).</translation>
        </message>
        <message>
            <source>The settings file is not UTF-8 text.</source>
            <translation>El archivo de ajustes no es texto UTF-8.</translation>
        </message>
        <message>
            <source>The settings file is not valid TOML: {detail}</source>
            <translation>El archivo de ajustes no es TOML válido: {detail}</translation>
        </message>
        <message>
            <source>Expected a table, got {value}.</source>
            <translation>Se esperaba una tabla; se recibió {value}.</translation>
        </message>
        <message>
            <source>Expected true or false, got {value}.</source>
            <translation>Se esperaba true o false; se recibió {value}.</translation>
        </message>
        <message>
            <source>Expected a whole number, got {value}.</source>
            <translation>Se esperaba un número entero; se recibió {value}.</translation>
        </message>
        <message>
            <source>Expected a number, got {value}.</source>
            <translation>Se esperaba un número; se recibió {value}.</translation>
        </message>
        <message>
            <source>Expected text, got {value}.</source>
            <translation>Se esperaba un texto; se recibió {value}.</translation>
        </message>
        <message>
            <source>Expected text.</source>
            <translation>Se esperaba un texto.</translation>
        </message>
        <message>
            <source>A token must not contain spaces, line breaks or control characters.</source>
            <translation>Un token no debe contener espacios, saltos de línea ni caracteres de control.</translation>
        </message>
        <message>
            <source>Expected 1 to {longest} letters, digits, '-', '_' or '.', got {value}.</source>
            <translation>Se esperaban de 1 a {longest} letras, dígitos, '-', '_' o '.'; se recibió {value}.</translation>
        </message>
        <message>
            <source>An address must not contain spaces or control characters.</source>
            <translation>Una dirección no debe contener espacios ni caracteres de control.</translation>
        </message>
        <message>
            <source>The address {value} is a link-local or cloud metadata address; the kiosk does not send anything there.</source>
            <translation>La dirección {value} es de enlace local o de metadatos de la nube; el quiosco no envía nada allí.</translation>
        </message>
        <message>
            <source>Expected a list of texts, got {value}.</source>
            <translation>Se esperaba una lista de textos; se recibió {value}.</translation>
        </message>
        <message>
            <source>At most {most} reasons fit on the screen.</source>
            <translation>En la pantalla caben como máximo {most} motivos.</translation>
        </message>
        <message>
            <source>Unknown built-in reason {value}; use one of {choices}, or give your own reason a label.</source>
            <translation>Motivo incluido desconocido: {value}; usa uno de estos: {choices}, o da una etiqueta a tu motivo propio.</translation>
        </message>
        <message>
            <source>Your own reason {id} needs a label ({choices}).</source>
            <translation>Tu motivo propio {id} necesita una etiqueta ({choices}).</translation>
        </message>
        <message>
            <source>Expected a value from {low} to {high}, got {value}.</source>
            <translation>Se esperaba un valor de {low} a {high}; se recibió {value}.</translation>
        </message>
        <message>
            <source>Expected an address starting with http:// or https://, got {value}.</source>
            <translation>Se esperaba una dirección que empiece con http:// o https://; se recibió {value}.</translation>
        </message>
        <message>
            <source>An address must not contain a user name or password; put the token in its own field.</source>
            <translation>Una dirección no debe contener un usuario ni una contraseña; pon el token en su propio campo.</translation>
        </message>
        <message>
            <source>Expected a colour like #1f5fa8, got {value}.</source>
            <translation>Se esperaba un color como #1f5fa8; se recibió {value}.</translation>
        </message>
        <message>
            <source>Unsupported language {value}; expected one of {choices}.</source>
            <translation>Idioma no admitido: {value}; se esperaba uno de estos: {choices}.</translation>
        </message>
        <message>
            <source>Choose at least one language.</source>
            <translation>Elige al menos un idioma.</translation>
        </message>
        <message>
            <source>A language is listed twice.</source>
            <translation>Hay un idioma repetido.</translation>
        </message>
        <message>
            <source>The default language must be one of the languages offered ({choices}).</source>
            <translation>El idioma predeterminado debe ser uno de los idiomas disponibles ({choices}).</translation>
        </message>
        <message>
            <source>Expected one text, or a text per language, got {value}.</source>
            <translation>Se esperaba un texto, o un texto por idioma; se recibió {value}.</translation>
        </message>
        <message>
            <source>Unknown language {value}; expected one of {choices}.</source>
            <translation>Idioma desconocido: {value}; se esperaba uno de estos: {choices}.</translation>
        </message>
        <message>
            <source>This text must not be empty.</source>
            <translation>Este texto no puede estar vacío.</translation>
        </message>
        <message>
            <source>Expected a list, got {value}.</source>
            <translation>Se esperaba una lista; se recibió {value}.</translation>
        </message>
        <message>
            <source>Unknown key {key} in a reason; expected one of {choices}.</source>
            <translation>Clave desconocida {key} en un motivo; se esperaba una de estas: {choices}.</translation>
        </message>
        <message>
            <source>A reason id takes lowercase letters, digits, '_' or '-' only, got {value}.</source>
            <translation>El id de un motivo solo admite minúsculas, dígitos, '_' o '-'; se recibió {value}.</translation>
        </message>
        <message>
            <source>The reason {id} has an empty label.</source>
            <translation>El motivo {id} tiene una etiqueta vacía.</translation>
        </message>
        <message>
            <source>Expected a reason id or a table, got {value}.</source>
            <translation>Se esperaba el id de un motivo o una tabla; se recibió {value}.</translation>
        </message>
        <message>
            <source>The reason {id} is listed twice.</source>
            <translation>El motivo {id} está repetido.</translation>
        </message>
        <message>
            <source>Give the token or a token file, not both.</source>
            <translation>Indica el token o un archivo de token, no ambos.</translation>
        </message>
        <message>
            <source>Unknown setting {key}; did you mean {suggestion}?</source>
            <translation>Ajuste desconocido: {key}; ¿quisiste decir {suggestion}?</translation>
        </message>
        <message>
            <source>Unknown setting {key}; expected one of {choices}.</source>
            <translation>Ajuste desconocido: {key}; se esperaba uno de estos: {choices}.</translation>
        </message>
        <message>
            <source>A brace in this address is not closed; write {{ and }} for a brace.</source>
            <translation>Una llave de esta dirección no está cerrada; escribe {{ y }} para una llave.</translation>
        </message>
        <message>
            <source>Unknown placeholder {name}; use {choices}.</source>
            <translation>Marcador desconocido {name}; usa {choices}.</translation>
        </message>
        <message>
            <source>This address can grow to {length} characters once filled; at most {most} fit in a QR code a phone reads from a metre away.</source>
            <translation>Esta dirección puede llegar a {length} caracteres una vez completada; en un código QR que un teléfono lee a un metro caben como máximo {most}.</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <source>I agree that {shop} contacts me about my visit; my contact is deleted after {days} days.</source>
            <translation>Acepto que {shop} me contacte sobre mi visita; mis datos de contacto se borran a los {days} días.</translation>
        </message>
    </context>
    <context>
        <name>ContactProblem</name>
        <message>
            <source>This e-mail address looks incomplete, for example name@example.com.</source>
            <translation>Esta dirección de correo parece incompleta; por ejemplo: nombre@ejemplo.com.</translation>
        </message>
        <message>
            <source>Please give a phone number (6 to 15 digits) or an e-mail address.</source>
            <translation>Escribe un teléfono (de 6 a 15 cifras) o una dirección de correo.</translation>
        </message>
        <message>
            <source>Please tell us your name.</source>
            <translation>Dinos tu nombre, por favor.</translation>
        </message>
        <message>
            <source>Please keep the name under {limit} characters.</source>
            <translation>El nombre debe tener menos de {limit} caracteres.</translation>
        </message>
        <message>
            <source>Please give a phone number or an e-mail address.</source>
            <translation>Escribe un teléfono o una dirección de correo.</translation>
        </message>
    </context>
    <context>
        <name>ContactScreen</name>
        <message>
            <source>Tick the line above to let us contact you, or tap Skip.</source>
            <translation>Marca la línea de arriba para que te contactemos, o toca Omitir.</translation>
        </message>
        <message>
            <source>A manager will contact you</source>
            <translation>Un responsable se pondrá en contacto contigo</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Tu nombre</translation>
        </message>
        <message>
            <source>Phone number or e-mail</source>
            <translation>Teléfono o correo electrónico</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Omitir</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Enviar</translation>
        </message>
    </context>
    <context>
        <name>DashboardScreen</name>
        <message>
            <source>No answers in this period</source>
            <translation>No hay respuestas en este período</translation>
        </message>
        <message>
            <source>Too few answers</source>
            <translation>Muy pocas respuestas</translation>
        </message>
        <message>
            <source>margin ± %1 (95%) · %2 answers</source>
            <translation>margen ± %1 (95 %) · %2 respuestas</translation>
        </message>
        <message>
            <source>No comparison with the previous period</source>
            <translation>Sin comparación con el período anterior</translation>
        </message>
        <message>
            <source>%1 %2 vs the previous period</source>
            <translation>%1 %2 frente al período anterior</translation>
        </message>
        <message>
            <source>No comments in this period</source>
            <translation>No hay comentarios en este período</translation>
        </message>
        <message>
            <source>Sync is off: this kiosk works offline.</source>
            <translation>La sincronización está apagada: este quiosco funciona sin conexión.</translation>
        </message>
        <message>
            <source>Answers so far: %1. A reliable score needs at least %2.</source>
            <translation>Respuestas hasta ahora: %1. Un puntaje confiable necesita al menos %2.</translation>
        </message>
        <message>
            <source>Flagged answers kept apart (too fast or repeated): %1</source>
            <translation>Respuestas marcadas y apartadas (demasiado rápidas o repetidas): %1</translation>
        </message>
        <message>
            <source>Waiting to be sent: %1</source>
            <translation>Pendientes de envío: %1</translation>
        </message>
        <message>
            <source>Quarantined: %1</source>
            <translation>En cuarentena: %1</translation>
        </message>
        <message>
            <source>last sent %1</source>
            <translation>último envío %1</translation>
        </message>
        <message>
            <source>nothing sent yet</source>
            <translation>aún no se envió nada</translation>
        </message>
        <message>
            <source>last error: %1</source>
            <translation>último error: %1</translation>
        </message>
        <message>
            <source>Net Promoter Score</source>
            <translation>Net Promoter Score (NPS)</translation>
        </message>
        <message>
            <source>Promoters, passives and detractors</source>
            <translation>Promotores, pasivos y detractores</translation>
        </message>
        <message>
            <source>Answers by score</source>
            <translation>Respuestas por puntaje</translation>
        </message>
        <message>
            <source>NPS week by week</source>
            <translation>NPS semana a semana</translation>
        </message>
        <message>
            <source>NPS day by day</source>
            <translation>NPS día a día</translation>
        </message>
        <message>
            <source>No guest is waiting for a call</source>
            <translation>Ningún cliente espera una llamada</translation>
        </message>
        <message>
            <source>1 guest is waiting for a call, for %1 h</source>
            <translation>1 cliente espera una llamada desde hace %1 h</translation>
        </message>
        <message>
            <source>%1 guests are waiting for a call, the oldest for %2 h</source>
            <translation>%1 clientes esperan una llamada; el más antiguo desde hace %2 h</translation>
        </message>
        <message>
            <source>no endpoint (offline)</source>
            <translation>sin servidor (sin conexión)</translation>
        </message>
        <message>
            <source>Reasons, most chosen first</source>
            <translation>Motivos, los más elegidos primero</translation>
        </message>
        <message>
            <source>NPS by hour of the day</source>
            <translation>NPS por hora del día</translation>
        </message>
        <message>
            <source>NPS by day of the week</source>
            <translation>NPS por día de la semana</translation>
        </message>
        <message>
            <source>Latest comments (detractors first)</source>
            <translation>Últimos comentarios (detractores primero)</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Llamadas pendientes</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>Este quiosco</translation>
        </message>
        <message>
            <source>· fewer than %1 answers</source>
            <translation>· menos de %1 respuestas</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Panel</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Ajustes</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 días</translation>
        </message>
        <message>
            <source>30 days</source>
            <translation>30 días</translation>
        </message>
        <message>
            <source>Dates…</source>
            <translation>Fechas…</translation>
        </message>
        <message>
            <source>Include flagged answers in the numbers</source>
            <translation>Incluir las respuestas marcadas en las cifras</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sincronizar ahora</translation>
        </message>
    </context>
    <context>
        <name>DiskWatch</name>
        <message>
            <source>Staff: the disk is almost full ({free} MB free). Answers are still saved; please free some space soon.</source>
            <translation>Personal: el disco está casi lleno (quedan {free} MB libres). Las respuestas se siguen guardando; libera espacio pronto.</translation>
        </message>
    </context>
    <context>
        <name>ExportScreen</name>
        <message>
            <source>This kiosk</source>
            <translation>Este quiosco</translation>
        </message>
        <message>
            <source>This kiosk: %1</source>
            <translation>Este quiosco: %1</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>Escribiendo el archivo…</translation>
        </message>
        <message>
            <source>Saved %1 answers to %2</source>
            <translation>Se guardaron %1 respuestas en %2</translation>
        </message>
        <message>
            <source>The export failed and no file was left behind: %1</source>
            <translation>La exportación falló y no quedó ningún archivo a medias: %1</translation>
        </message>
        <message>
            <source>choose where to save it first</source>
            <translation>primero elige dónde guardarla</translation>
        </message>
        <message>
            <source>Export answers</source>
            <translation>Exportar respuestas</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Volver</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <source>CSV (spreadsheets)</source>
            <translation>CSV (hojas de cálculo)</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Libro de Excel</translation>
        </message>
        <message>
            <source>JSON (for programs)</source>
            <translation>JSON (para programas)</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Días</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Hasta</translation>
        </message>
        <message>
            <source>Include flagged answers</source>
            <translation>Incluir las respuestas marcadas</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Guardar en</translation>
        </message>
        <message>
            <source>Choose a folder…</source>
            <translation>Elegir una carpeta…</translation>
        </message>
        <message>
            <source>Look for USB drives again</source>
            <translation>Buscar memorias USB de nuevo</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
    </context>
    <context>
        <name>FolderPickerScreen</name>
        <message>
            <source>Back</source>
            <translation>Volver</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Elija una carpeta</translation>
        </message>
        <message>
            <source>Choose a folder first.</source>
            <translation>Elija primero una carpeta.</translation>
        </message>
        <message>
            <source>No USB drive or export folder found; type a path.</source>
            <translation>No se encontró ninguna memoria USB ni carpeta de exportación; escriba una ruta.</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Lugares</translation>
        </message>
        <message>
            <source>There is no folder %1.</source>
            <translation>No existe la carpeta %1.</translation>
        </message>
        <message>
            <source>This folder cannot be opened (%1).</source>
            <translation>Esta carpeta no se puede abrir (%1).</translation>
        </message>
        <message>
            <source>Type a folder's path</source>
            <translation>Escriba la ruta de una carpeta</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <source>Use this folder</source>
            <translation>Usar esta carpeta</translation>
        </message>
    </context>
    <context>
        <name>FollowUpScreen</name>
        <message>
            <source>%1 · scored %2</source>
            <translation>%1 · calificó %2</translation>
        </message>
        <message>
            <source>No reasons or comment</source>
            <translation>Sin motivos ni comentario</translation>
        </message>
        <message>
            <source>Contact deleted after %1 days, as the guest was promised.</source>
            <translation>Contacto borrado a los %1 días, como se le prometió al cliente.</translation>
        </message>
        <message>
            <source>Waiting for a call</source>
            <translation>Espera una llamada</translation>
        </message>
        <message>
            <source>Done %1 by %2</source>
            <translation>Hecho %1 por %2</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Llamadas pendientes</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Volver</translation>
        </message>
        <message>
            <source>Waiting for a call: %1</source>
            <translation>Esperan una llamada: %1</translation>
        </message>
        <message>
            <source>No guest has asked for a call-back.</source>
            <translation>Ningún cliente pidió que lo llamen.</translation>
        </message>
    </context>
    <context>
        <name>GuestFlow</name>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting in memory; they are saved as soon as this is fixed. Do not switch off the kiosk.</source>
            <translation>Personal: no se pueden guardar las respuestas ({problem}). {count} en espera en memoria; se guardarán en cuanto se resuelva. No apagues el quiosco.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting, kept in a spare file; they are saved as soon as this is fixed.</source>
            <translation>Personal: no se pueden guardar las respuestas ({problem}). {count} en espera, guardadas en un archivo de reserva; se guardarán en cuanto se resuelva.</translation>
        </message>
    </context>
    <context>
        <name>KioskApp</name>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. The admin PIN was lost with it: IT sets a new one with `kiosk set-pin`. Please tell IT.</source>
            <translation>Personal: la base de datos estaba dañada y se apartó en {folder}; se recuperaron {count} respuesta(s). El PIN de administración se perdió con ella: soporte técnico pone uno nuevo con `kiosk set-pin`. Avisa a soporte técnico.</translation>
        </message>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. Please tell IT.</source>
            <translation>Personal: la base de datos estaba dañada y se apartó en {folder}; se recuperaron {count} respuesta(s). Avisa a soporte técnico.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}).</source>
            <translation>Personal: no se pueden guardar las respuestas ({problem}).</translation>
        </message>
        <message>
            <source>Staff: the database reports damage. Answers are still being saved; restart the kiosk soon so it can set the file aside and recover it.</source>
            <translation>Personal: la base de datos informa daños. Las respuestas se siguen guardando; reinicia el quiosco pronto para que aparte el archivo y lo recupere.</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <source>Counter feedback</source>
            <translation>Opinión en mostrador</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Portuguese</source>
            <translation>Portugués</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Francés</translation>
        </message>
        <message>
            <source>Catalan</source>
            <translation>Catalán</translation>
        </message>
    </context>
    <context>
        <name>OnScreenKeyboard</name>
        <message>
            <source>Delete</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <source>Capital letter</source>
            <translation>Mayúscula</translation>
        </message>
        <message>
            <source>space</source>
            <translation>espacio</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Listo</translation>
        </message>
        <message>
            <source>New line</source>
            <translation>Nueva línea</translation>
        </message>
    </context>
    <context>
        <name>PinPadScreen</name>
        <message>
            <source>This kiosk has no owner's PIN yet; IT sets it with `kiosk set-pin`.</source>
            <translation>Este quiosco aún no tiene PIN del dueño; IT lo fija con `kiosk set-pin`.</translation>
        </message>
        <message>
            <source>Owner access</source>
            <translation>Acceso del dueño</translation>
        </message>
        <message>
            <source>Set the owner PIN</source>
            <translation>Crea el PIN del dueño</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Locked for %1 min.</source>
            <translation>Demasiados PIN incorrectos. Bloqueado por %1 min.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again in %1 s.</source>
            <translation>PIN incorrecto. Inténtalo de nuevo en %1 s.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again.</source>
            <translation>PIN incorrecto. Inténtalo de nuevo.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>El PIN tiene de 4 a 8 dígitos.</translation>
        </message>
        <message>
            <source>The two PINs were not the same. Start again.</source>
            <translation>Los dos PIN no coinciden. Empieza de nuevo.</translation>
        </message>
        <message>
            <source>Enter your PIN</source>
            <translation>Ingresa tu PIN</translation>
        </message>
        <message>
            <source>Choose a PIN of 4 to 8 digits</source>
            <translation>Elige un PIN de 4 a 8 dígitos</translation>
        </message>
        <message>
            <source>Enter the same PIN again</source>
            <translation>Ingresa el mismo PIN otra vez</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Aceptar</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <source>Back to the guest screen</source>
            <translation>Volver a la pantalla de clientes</translation>
        </message>
    </context>
    <context>
        <name>QuestionScreen</name>
        <message>
            <source>How likely are you to recommend us to your friends and family?</source>
            <translation>¿Qué tan probable es que nos recomiendes a tus amigos y familiares?</translation>
        </message>
        <message>
            <source>Not at all likely</source>
            <translation>Nada probable</translation>
        </message>
        <message>
            <source>Extremely likely</source>
            <translation>Muy probable</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>Speed of service</source>
            <translation>Rapidez del servicio</translation>
        </message>
        <message>
            <source>Friendliness</source>
            <translation>Amabilidad</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Calidad</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Precio</translation>
        </message>
        <message>
            <source>Cleanliness</source>
            <translation>Limpieza</translation>
        </message>
        <message>
            <source>Waiting time</source>
            <translation>Tiempo de espera</translation>
        </message>
        <message>
            <source>Choice of products</source>
            <translation>Variedad de productos</translation>
        </message>
        <message>
            <source>Atmosphere</source>
            <translation>Ambiente</translation>
        </message>
    </context>
    <context>
        <name>Setting</name>
        <message>
            <source>Shop name</source>
            <translation>Nombre de la tienda</translation>
        </message>
        <message>
            <source>Logo file (PNG or SVG)</source>
            <translation>Archivo del logo (PNG o SVG)</translation>
        </message>
        <message>
            <source>Languages offered</source>
            <translation>Idiomas disponibles</translation>
        </message>
        <message>
            <source>Default language</source>
            <translation>Idioma predeterminado</translation>
        </message>
        <message>
            <source>Accent colour</source>
            <translation>Color de acento</translation>
        </message>
        <message>
            <source>Question ({language})</source>
            <translation>Pregunta ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in question</source>
            <translation>Déjalo vacío para usar la pregunta incluida</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motivos</translation>
        </message>
        <message>
            <source>Thank-you text ({language})</source>
            <translation>Texto de agradecimiento ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in text</source>
            <translation>Déjalo vacío para usar el texto incluido</translation>
        </message>
        <message>
            <source>Thank-you shown for (seconds)</source>
            <translation>Duración del agradecimiento (segundos)</translation>
        </message>
        <message>
            <source>Review page for happy guests (QR code for 9-10)</source>
            <translation>Página de reseñas para clientes satisfechos (código QR para 9-10)</translation>
        </message>
        <message>
            <source>https://… (leave empty for no QR code)</source>
            <translation>https://… (déjalo vacío para no mostrar código QR)</translation>
        </message>
        <message>
            <source>Contact page for unhappy guests (QR code for 0-6)</source>
            <translation>Página de contacto para clientes insatisfechos (código QR para 0-6)</translation>
        </message>
        <message>
            <source>Thank-you with a QR code shown for (seconds)</source>
            <translation>Duración del agradecimiento con código QR (segundos)</translation>
        </message>
        <message>
            <source>Back to the question after (seconds idle)</source>
            <translation>Volver a la pregunta tras (segundos sin uso)</translation>
        </message>
        <message>
            <source>Endpoint address</source>
            <translation>Dirección del servidor</translation>
        </message>
        <message>
            <source>https://…</source>
            <translation>https://…</translation>
        </message>
        <message>
            <source>Kiosk token</source>
            <translation>Token del quiosco</translation>
        </message>
        <message>
            <source>Leave empty when the token is in a file</source>
            <translation>Déjalo vacío si el token está en un archivo</translation>
        </message>
        <message>
            <source>Offer unhappy guests a call-back</source>
            <translation>Ofrecer a los clientes insatisfechos que los llamemos</translation>
        </message>
        <message>
            <source>Contacts deleted after (days)</source>
            <translation>Contactos borrados tras (días)</translation>
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
            <translation>Un motivo por línea: un id incluido ({ids}) o uno propio como id | {columns}.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Probando…</translation>
        </message>
        <message>
            <source>Connection works: the endpoint accepted the token.</source>
            <translation>La conexión funciona: el servidor aceptó el token.</translation>
        </message>
        <message>
            <source>Connection failed: %1</source>
            <translation>La conexión falló: %1</translation>
        </message>
        <message>
            <source>Not saved: please correct the field marked below.</source>
            <translation>No se guardó: corrige el campo marcado abajo.</translation>
        </message>
        <message>
            <source>Saved. The kiosk uses the new settings now.</source>
            <translation>Guardado. El quiosco ya usa los nuevos ajustes.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Ajustes</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Volver</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <source>Shop and look</source>
            <translation>Tienda y apariencia</translation>
        </message>
        <message>
            <source>What guests see</source>
            <translation>Lo que ven los clientes</translation>
        </message>
        <message>
            <source>Central endpoint</source>
            <translation>Servidor central</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>Acceso</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Probar conexión</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>Cambiar PIN</translation>
        </message>
        <message>
            <source>Exit kiosk</source>
            <translation>Salir del quiosco</translation>
        </message>
        <message>
            <source>Tap again to exit</source>
            <translation>Toca de nuevo para salir</translation>
        </message>
    </context>
    <context>
        <name>StoreProblem</name>
        <message>
            <source>the disk is full</source>
            <translation>el disco está lleno</translation>
        </message>
        <message>
            <source>the data folder is read-only</source>
            <translation>la carpeta de datos es de solo lectura</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>el archivo de la base de datos está dañado</translation>
        </message>
        <message>
            <source>the disk reported an input/output error</source>
            <translation>el disco informó un error de entrada/salida</translation>
        </message>
        <message>
            <source>the database file cannot be opened</source>
            <translation>no se puede abrir el archivo de la base de datos</translation>
        </message>
        <message>
            <source>the database is locked by another program</source>
            <translation>otro programa tiene bloqueada la base de datos</translation>
        </message>
        <message>
            <source>{detail}</source>
            <translation>{detail}</translation>
        </message>
        <message>
            <source>the store is closed</source>
            <translation>el almacén de datos está cerrado</translation>
        </message>
    </context>
    <context>
        <name>SyncBridge</name>
        <message>
            <source>Unhappy guest: scored {score}/10 at {site} ({kiosk}), {time}.</source>
            <translation>Cliente insatisfecho: calificó {score}/10 en {site} ({kiosk}), {time}.</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motivos</translation>
        </message>
        <message>
            <source>A guest who scored {score}/10 at {site} ({kiosk}) asked to be contacted; the contact is in the follow-up list.</source>
            <translation>Un cliente que calificó {score}/10 en {site} ({kiosk}) pidió que lo contacten; sus datos están en la lista de seguimiento.</translation>
        </message>
    </context>
    <context>
        <name>SyncProblem</name>
        <message>
            <source>no server address</source>
            <translation>falta la dirección del servidor</translation>
        </message>
        <message>
            <source>the server refused the token (HTTP %1)</source>
            <translation>el servidor rechazó el token (HTTP %1)</translation>
        </message>
        <message>
            <source>the server answered HTTP %1</source>
            <translation>el servidor respondió HTTP %1</translation>
        </message>
        <message>
            <source>the server is busy (HTTP %1)</source>
            <translation>el servidor está ocupado (HTTP %1)</translation>
        </message>
        <message>
            <source>the server redirected (HTTP %1); check the address</source>
            <translation>el servidor redirigió la conexión (HTTP %1); revisa la dirección</translation>
        </message>
        <message>
            <source>unexpected reply from the server (HTTP %1)</source>
            <translation>respuesta inesperada del servidor (HTTP %1)</translation>
        </message>
        <message>
            <source>the server did not confirm the alert</source>
            <translation>el servidor no confirmó la alerta</translation>
        </message>
        <message>
            <source>the alert webhook failed</source>
            <translation>falló el webhook de alertas</translation>
        </message>
        <message>
            <source>the certificate of %1 could not be verified</source>
            <translation>no se pudo verificar el certificado de %1</translation>
        </message>
        <message>
            <source>%1 did not answer in time</source>
            <translation>%1 no respondió a tiempo</translation>
        </message>
        <message>
            <source>cannot reach %1</source>
            <translation>no se puede conectar con %1</translation>
        </message>
        <message>
            <source>the request to %1 failed</source>
            <translation>falló la solicitud a %1</translation>
        </message>
        <message>
            <source>the server's reply was too large</source>
            <translation>la respuesta del servidor era demasiado grande</translation>
        </message>
        <message>
            <source>the server's reply took too long</source>
            <translation>la respuesta del servidor tardó demasiado</translation>
        </message>
    </context>
    <context>
        <name>ThanksScreen</name>
        <message>
            <source>Thank you!</source>
            <translation>¡Gracias!</translation>
        </message>
        <message>
            <source>Your answer helps us get better every day.</source>
            <translation>Tu respuesta nos ayuda a mejorar cada día.</translation>
        </message>
        <message>
            <source>Want us to get back to you?</source>
            <translation>¿Quieres que te contactemos?</translation>
        </message>
        <message>
            <source>Scan to leave your contact.</source>
            <translation>Escanea para dejarnos tus datos de contacto.</translation>
        </message>
        <message>
            <source>Would you share this in a review?</source>
            <translation>¿Lo compartirías en una reseña?</translation>
        </message>
        <message>
            <source>Scan with your phone.</source>
            <translation>Escanea con tu teléfono.</translation>
        </message>
        <message>
            <source>Tap anywhere to finish.</source>
            <translation>Toca en cualquier parte para terminar.</translation>
        </message>
    </context>
    <context>
        <name>WhyScreen</name>
        <message>
            <source>What could we do better?</source>
            <translation>¿Qué podríamos hacer mejor?</translation>
        </message>
        <message>
            <source>What would make it a 10?</source>
            <translation>¿Qué haría falta para un 10?</translation>
        </message>
        <message>
            <source>What did you like most?</source>
            <translation>¿Qué te gustó más?</translation>
        </message>
        <message>
            <source>Tap all that apply. Everything here is optional.</source>
            <translation>Toca todas las que apliquen. Todo aquí es opcional.</translation>
        </message>
        <message>
            <source>Add a comment (optional)</source>
            <translation>Agrega un comentario (opcional)</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Omitir</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Enviar</translation>
        </message>
        <message>
            <source>I'd like a manager to contact me</source>
            <translation>Quiero que un responsable me contacte</translation>
        </message>
    </context>
</TS>
